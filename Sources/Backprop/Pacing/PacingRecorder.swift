/// The `paced N` schedule's part of training: it keeps the weights (and, with full batches, the
/// gradient) of every candidate epoch, and of a few mini-batch steps part-way through an epoch
/// between two candidates; at the end ``Pacing/pace(_:candidates:count:network:)`` chooses the
/// `N` frames.
struct PacingRecorder: SnapshotRecorder {
    /// The frames to choose.
    let count: Int
    /// The candidate epochs, ascending (``Pacing/candidates(count:last:parameterCount:points:)``).
    let epochs: [Int]
    /// The first of ``epochs`` not yet reached.
    private var next = 0
    private var candidates: PacingCandidates
    /// `partBatches[b]`: the weights after `b` mini-batches of an epoch may be kept.
    private let partBatches: [Bool]
    /// Whether the epoch being stepped keeps part-way weights: it is a candidate, so is the next
    /// epoch, and the part-way weights still fit the budget at its first step.
    private var keepsParts = false

    /// The recorder of `paced count` for `network` trained on `points` points with `options`.
    init(count: Int, network: Network, points: Int, options: TrainingOptions) {
        let parameterCount = ParameterLayout(network.layers).count
        self.count = count
        // The budget counts two numbers a parameter (weights and gradient) and the optimizer's
        // state on top.
        let state = PacingCandidates.stateNumbers(options.optimizer, parameterCount: parameterCount)
        epochs = Pacing.candidates(
            count: count, last: options.epochs, parameterCount: parameterCount + (state + 1) / 2,
            points: points)
        // With mini-batches a candidate keeps no gradient (see PacingCandidates).
        candidates = PacingCandidates(
            layout: ParameterLayout(network.layers), capacity: epochs.count,
            keepsGradients: options.batchSize == .full)
        var batches = 1
        if case .size(let size) = options.batchSize { batches = (points + size - 1) / size }
        var partBatches = [Bool](repeating: false, count: batches + 1)
        for batch in Pacing.partBatches(of: batches) { partBatches[batch] = true }
        self.partBatches = partBatches
    }

    func keeps(epoch: Int) -> Bool { next < epochs.count && epochs[next] == epoch }

    func needsGradient(at epoch: Int) -> Bool {
        keeps(epoch: epoch) && candidates.keepsGradients
    }

    mutating func measured<E: TrainingEngine>(
        epoch: Int, error: Double, accuracy: Double, engine: E, optimizer: Optimizer,
        order: [Int]?
    ) {
        guard keeps(epoch: epoch) else { return }
        candidates.record(epoch: epoch, engine: engine, optimizer: optimizer)
        next += 1
    }

    mutating func stepped<E: TrainingEngine>(
        epoch: Int, batch: Int, of batches: Int, engine: E
    ) {
        if batch == 1 {
            keepsParts =
                next > 0 && epochs[next - 1] == epoch && candidates.keepsParts
                && keeps(epoch: epoch + 1)
        }
        guard keepsParts && partBatches[batch] else { return }
        candidates.recordPart(
            epoch: epoch, fraction: Double(batch) / Double(batches), engine: engine)
    }

    func finish(_ run: TrainingRun, network: Network) -> TrainingRun {
        Pacing.pace(run, candidates: candidates, count: count, network: network)
    }
}
