/// Trains a network by backpropagation and records the run (SPEC §3, §5).
///
/// Epoch 0 is the initial network; epoch `e` is the network after `e` passes over the data.
/// The error and accuracy of every epoch are kept; the weights and full-set gradient only at the
/// snapshot epochs, so memory stays flat in the number of epochs apart from those two series.
public struct Trainer: Sendable {
    public var network: Network
    public var data: Dataset
    public var options: TrainingOptions
    public var schedule: SnapshotSchedule

    public init(
        network: Network, data: Dataset, options: TrainingOptions,
        schedule: SnapshotSchedule = .paced(60)
    ) {
        self.network = network
        self.data = data
        self.options = options
        self.schedule = schedule
    }

    /// Trains and returns the run record.
    ///
    /// - Parameters:
    ///   - name: the run's name, kept in the record.
    ///   - domain: the view the figures will show; the data's bounds with a margin by default.
    ///   - progress: called now and then with the number of epochs done (up to 1,000 times).
    /// - Throws: ``BackpropError/diverged(epoch:learningRate:)`` as soon as a weight or the
    ///   error stops being finite; a `BackpropError` for out-of-range options.
    public func train(
        name: String, domain: Domain? = nil, progress: ((Int) -> Void)? = nil
    ) throws -> TrainingRun {
        try options.validate()
        let snapshotEpochs = try schedule.epochs(through: options.epochs)
        switch options.engine {
        case .fast:
            return try train(
                Kernel(network: network), name: name, domain: domain,
                snapshotEpochs: snapshotEpochs,
                progress: progress)
        case .reference:
            return try train(
                LessonEngine(network: network), name: name, domain: domain,
                snapshotEpochs: snapshotEpochs, progress: progress)
        }
    }

    /// The epochs, batches and snapshots of a run, whichever engine does the passes and steps.
    private func train<E: TrainingEngine>(
        _ engine: E, name: String, domain: Domain?, snapshotEpochs: [Int],
        progress: ((Int) -> Void)?
    ) throws -> TrainingRun {
        var engine = engine
        var optimizer = Optimizer(options, parameterCount: engine.parameterCount)
        let set = TrainingData(data)
        let m = data.count
        let epochs = options.epochs
        let reportEvery = max(1, epochs / 1000)
        var errors: [Double] = []
        var accuracies: [Double] = []
        errors.reserveCapacity(epochs + 1)
        accuracies.reserveCapacity(epochs + 1)
        var snapshots: [Snapshot] = []
        var nextSnapshot = 0
        var order = Array(0..<m)
        var random = SeededRandom(seed: options.seed)

        for epoch in 0...epochs {
            let isSnapshot =
                nextSnapshot < snapshotEpochs.count && snapshotEpochs[nextSnapshot] == epoch
            // With full batches, the pass that measures this epoch's error is also the step's
            // gradient; otherwise the gradient is only needed for a snapshot.
            let fullStep = options.batchSize == .full && epoch < epochs
            let tally = engine.pass(set, indices: 0..<m, accumulate: fullStep || isSnapshot)
            engine.scaleGradient(by: m)
            let error = tally.error / Double(m)
            guard error.isFinite, engine.parametersAreFinite else {
                throw BackpropError.diverged(epoch: epoch, learningRate: options.learningRate)
            }
            errors.append(error)
            accuracies.append(Double(tally.correct) / Double(m))
            if isSnapshot {
                snapshots.append(
                    Snapshot(
                        epoch: epoch, error: error, accuracy: accuracies[epoch],
                        layers: engine.network.layers, gradient: engine.gradientLayers))
                nextSnapshot += 1
            }
            guard epoch < epochs else { break }
            switch options.batchSize {
            case .full:
                engine.step(&optimizer)
            case .size(let size):
                if options.shuffle { random.shuffle(&order) }
                for start in stride(from: 0, to: m, by: size) {
                    let end = min(start + size, m)
                    _ = engine.pass(set, indices: order[start..<end], accumulate: true)
                    engine.scaleGradient(by: end - start)
                    engine.step(&optimizer)
                }
            }
            if let progress, (epoch + 1) % reportEvery == 0 { progress(epoch + 1) }
        }
        let run = TrainingRun(
            name: name,
            network: Architecture(hidden: network.hidden, activation: network.activation),
            training: options, data: data, domain: domain ?? data.defaultDomain,
            errors: errors, accuracies: accuracies, snapshots: snapshots)
        if case .paced(let count) = schedule { return try Pacing.pace(run, count: count) }
        return run
    }
}
