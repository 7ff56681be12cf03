/// The training step from a snapshot, `W → W′`, as the trainer took it: the run's ``Optimizer``
/// (plain descent, momentum or Adam, with its penalty), remembering what it remembered at the
/// snapshot (``Snapshot/optimizerState``). The `step` figure and the error surfaces' arrow both
/// draw this step.
extension TrainingRun {
    /// How ``step(from:)`` steps from a snapshot.
    public enum StepRule: Equatable, Sendable {
        /// The trainer's own steps: `batches` mini-batch steps, the whole next epoch (1 with full
        /// batches), so `W′` is the next epoch's weights.
        case trainers(batches: Int)
        /// One step along the snapshot's full-set gradient; `fromRest` when the optimizer's state
        /// is not kept here (a snapshot part-way along a step, or a record older than the
        /// state), so momentum and Adam start again.
        case fullBatch(fromRest: Bool)
    }

    /// Which step ``step(from:)`` takes from `snapshot`.
    public func stepRule(from snapshot: Snapshot) -> StepRule {
        let remembers =
            training.optimizer == .sgd || snapshot.optimizerState != nil || snapshot.epoch == 0
        guard snapshot.stepFraction == nil, remembers else {
            return .fullBatch(fromRest: training.optimizer != .sgd)
        }
        switch training.batchSize {
        case .full:
            return .trainers(batches: 1)
        case .size(let size):
            guard !training.shuffle || snapshot.batchOrder != nil else {
                return .fullBatch(fromRest: false)
            }
            return .trainers(batches: (data.count + size - 1) / size)
        }
    }

    /// `W′` after the snapshot's weights, in the shapes of its layers, by ``stepRule(from:)``.
    public func step(from snapshot: Snapshot) -> [Layer] {
        var optimizer = Optimizer(
            training, shapes: snapshot.layers, state: snapshot.optimizerState)
        if case .trainers = stepRule(from: snapshot), case .size(let size) = training.batchSize,
            let network = try? network(at: snapshot)
        {
            let order = snapshot.batchOrder ?? Array(0..<data.count)
            switch training.engine {
            case .fast:
                return epoch(Kernel(network: network), &optimizer, order: order, size: size)
            case .reference:
                return epoch(LessonEngine(network: network), &optimizer, order: order, size: size)
            }
        }
        var layers = snapshot.layers
        Lesson.update(&layers, gradient: snapshot.gradient, optimizer: &optimizer)
        return layers
    }

    /// True when ``step(from:)`` is the step the trainer took.
    package func stepIsTheTrainers(from snapshot: Snapshot) -> Bool {
        if case .trainers = stepRule(from: snapshot) { true } else { false }
    }

    private var isFullBatch: Bool { training.batchSize == .full }

    /// The weights after an epoch of mini-batch steps from `engine`'s, in `order`: the trainer's
    /// loop, with its engine.
    private func epoch<E: TrainingEngine>(
        _ engine: E, _ optimizer: inout Optimizer, order: [Int], size: Int
    ) -> [Layer] {
        var engine = engine
        let set = TrainingData(data)
        for start in stride(from: 0, to: order.count, by: size) {
            let end = min(start + size, order.count)
            _ = engine.pass(set, indices: order[start..<end], accumulate: true)
            engine.scaleGradient(by: end - start)
            engine.step(&optimizer)
        }
        return engine.network.layers
    }

    /// Checks a snapshot's optimizer state and batch order against the run.
    func checkStepState(of snapshot: Snapshot, label: String) throws {
        if let state = snapshot.optimizerState,
            let problem = state.problem(
                for: training.optimizer, parameterCount: ParameterLayout(snapshot.layers).count)
        {
            throw BackpropError.badRunRecord("\(label)'s optimizer state \(problem)")
        }
        if let order = snapshot.batchOrder {
            guard !isFullBatch, training.shuffle, order.sorted() == Array(0..<data.count) else {
                throw BackpropError.badRunRecord(
                    "\(label) has a batch order, which must list each of the \(data.count) "
                        + "points once, and only in a shuffled mini-batch run.")
            }
        }
    }
}
