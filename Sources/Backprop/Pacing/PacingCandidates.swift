/// The weights of each candidate epoch of a paced run, kept flat while training.
///
/// With full batches, each candidate's gradient is kept too: the epoch's pass computes it for
/// the step anyway. With mini-batches the epoch's pass needs no gradient, so training does not
/// compute one for thousands of candidates; pacing measures it afterwards for the few it
/// chooses (see ``Pacing/measuredSnapshots(_:network:run:)``).
struct PacingCandidates {
    /// Where each weight and bias is in a candidate's parameters.
    let layout: ParameterLayout
    var parameterCount: Int { layout.count }
    /// True when each candidate's gradient is kept after its parameters.
    let keepsGradients: Bool
    private(set) var epochs: [Int] = []
    /// Per candidate: its parameters, then (with ``keepsGradients``) its gradient.
    private var numbers: [Double] = []

    init(layout: ParameterLayout, capacity: Int, keepsGradients: Bool) {
        self.layout = layout
        self.keepsGradients = keepsGradients
        epochs.reserveCapacity(capacity)
        numbers.reserveCapacity(capacity * Self.numbers(layout.count, keepsGradients))
    }

    /// Numbers from one candidate's parameters to the next's.
    private var stride: Int { Self.numbers(parameterCount, keepsGradients) }

    private static func numbers(_ parameterCount: Int, _ keepsGradients: Bool) -> Int {
        keepsGradients ? 2 * parameterCount : parameterCount
    }

    /// Weights part-way through mini-batch epochs, in training order (so by epoch): the epoch
    /// and the share of its batches done; the parameters of part `k` start at
    /// `k × parameterCount` of `partNumbers`.
    private(set) var parts: [(epoch: Int, fraction: Double)] = []
    private var partNumbers: [Double] = []

    /// True while part-way weights of `parameterCount` numbers still fit the budget.
    var keepsParts: Bool { (partNumbers.count + parameterCount) <= Pacing.candidateBudget }

    /// Keeps the engine's current weights as those after `fraction` of the batches of `epoch`.
    mutating func recordPart<E: TrainingEngine>(epoch: Int, fraction: Double, engine: E) {
        parts.append((epoch, fraction))
        engine.appendParameters(to: &partNumbers, gradient: false)
    }

    /// The part-way weights kept in the epoch after `epoch`, in order.
    func parts(after epoch: Int) -> [(fraction: Double, row: [Double])] {
        // The first part of `epoch` or later, by bisection: parts are in epoch order.
        var (low, high) = (0, parts.count)
        while low < high {
            let middle = (low + high) / 2
            if parts[middle].epoch < epoch { low = middle + 1 } else { high = middle }
        }
        var result: [(fraction: Double, row: [Double])] = []
        var k = low
        while k < parts.count, parts[k].epoch == epoch {
            let start = k * parameterCount
            result.append((parts[k].fraction, Array(partNumbers[start..<(start + parameterCount)])))
            k += 1
        }
        return result
    }

    /// Keeps the engine's current weights (and gradient) as the candidate of `epoch`, with what
    /// `optimizer` remembers as it takes the next step (nothing for plain descent).
    mutating func record<E: TrainingEngine>(epoch: Int, engine: E, optimizer: Optimizer) {
        epochs.append(epoch)
        engine.appendParameters(to: &numbers, gradient: keepsGradients)
        switch optimizer.kind {
        case .sgd: break
        case .momentum: stateNumbers += optimizer.first
        case .adam: stateNumbers += optimizer.first + optimizer.second
        }
        if optimizer.kind != .sgd { steps.append(optimizer.steps) }
    }

    /// Per candidate of a momentum or Adam run: the optimizer's lists (momentum's velocity;
    /// Adam's m then v), one number per parameter each, and its step count.
    private var stateNumbers: [Double] = []
    private var steps: [Int] = []

    /// What the optimizer (of `kind`) remembered at candidate `k`: nil for plain descent.
    func optimizerState(at k: Int, kind: OptimizerKind) -> OptimizerState? {
        guard k < steps.count else { return nil }
        let p = parameterCount
        switch kind {
        case .sgd:
            return nil
        case .momentum:
            return OptimizerState(
                steps: steps[k], velocity: Array(stateNumbers[(k * p)..<((k + 1) * p)]))
        case .adam:
            let start = 2 * k * p
            return OptimizerState(
                steps: steps[k], m: Array(stateNumbers[start..<(start + p)]),
                v: Array(stateNumbers[(start + p)..<(start + 2 * p)]))
        }
    }

    /// Numbers each candidate keeps for an optimizer of `kind` with `parameterCount` parameters.
    static func stateNumbers(_ kind: OptimizerKind, parameterCount: Int) -> Int {
        switch kind {
        case .sgd: 0
        case .momentum: parameterCount
        case .adam: 2 * parameterCount
        }
    }

    /// Calls `body` with the candidates' numbers and the stride from one candidate's
    /// parameters to the next's.
    func withParameterRows<R>(_ body: (UnsafeBufferPointer<Double>, Int) -> R) -> R {
        numbers.withUnsafeBufferPointer { body($0, stride) }
    }

    /// The parameters of candidate `k`.
    func parameters(at k: Int) -> ParameterVector {
        ParameterVector(numbers[(k * stride)..<(k * stride + parameterCount)], layout: layout)
    }

    /// The gradient of candidate `k`, when ``keepsGradients``.
    func gradient(at k: Int) -> ParameterVector? {
        guard keepsGradients else { return nil }
        return ParameterVector(
            numbers[(k * stride + parameterCount)..<((k + 1) * stride)], layout: layout)
    }
}
