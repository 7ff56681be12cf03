/// What an optimizer remembers between steps, as a snapshot keeps it: enough to take the
/// trainer's own next step from the snapshot's weights.
///
/// Each list holds one number per parameter, laid out as ``Network/parameters``. Plain descent
/// remembers nothing; momentum its velocity; Adam its two running means and its step count.
public struct OptimizerState: Equatable, Sendable, Codable {
    /// The steps taken before the snapshot's weights (Adam's `t`; counted for every rule).
    public var steps: Int
    /// Momentum's velocity `v` (absent for the other rules).
    public var velocity: [Double]?
    /// Adam's first moment `m`, the running mean of the gradient.
    public var m: [Double]?
    /// Adam's second moment `v`, the running mean of the squared gradient.
    public var v: [Double]?

    public init(steps: Int, velocity: [Double]? = nil, m: [Double]? = nil, v: [Double]? = nil) {
        self.steps = steps
        self.velocity = velocity
        self.m = m
        self.v = v
    }

    /// Nil when the state fits `kind` and `parameterCount` parameters; otherwise what is wrong,
    /// as a sentence's end.
    func problem(for kind: OptimizerKind, parameterCount: Int) -> String? {
        let lists: [(String, [Double]?, Bool)] = [
            ("velocity", velocity, kind == .momentum), ("m", m, kind == .adam),
            ("v", v, kind == .adam),
        ]
        guard steps >= 0 else { return "has \(steps) steps; steps count from 0." }
        for (name, list, needed) in lists {
            guard (list != nil) == needed else {
                return needed
                    ? "has no \(name), which \(kind.rawValue) keeps."
                    : "has a \(name), which \(kind.rawValue) does not keep."
            }
            guard let list else { continue }
            guard list.count == parameterCount, list.allSatisfy(\.isFinite) else {
                return "has a \(name) of \(list.count) numbers; it needs \(parameterCount) finite "
                    + "ones, one per parameter."
            }
        }
        return nil
    }
}

extension Optimizer {
    /// What the optimizer remembers now.
    public var state: OptimizerState {
        switch kind {
        case .sgd: OptimizerState(steps: steps)
        case .momentum: OptimizerState(steps: steps, velocity: first)
        case .adam: OptimizerState(steps: steps, m: first, v: second)
        }
    }

    /// An optimizer for `options`' rule, for parameters shaped as `layers`, remembering `state`
    /// (from rest when `state` is nil).
    public init(_ options: TrainingOptions, shapes layers: [Layer], state: OptimizerState?) {
        self.init(options, shapes: layers)
        guard let state else { return }
        steps = state.steps
        if let velocity = state.velocity, kind == .momentum, velocity.count == first.count {
            first = velocity
        }
        if let m = state.m, let v = state.v, kind == .adam, m.count == first.count,
            v.count == second.count
        {
            first = m
            second = v
        }
    }
}
