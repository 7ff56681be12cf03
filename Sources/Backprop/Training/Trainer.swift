/// Trains a network by backpropagation and records the run (`run.json`).
///
/// Epoch 0 is the initial network; epoch `e` is the network after `e` passes over the data.
/// The error and accuracy of every epoch are kept (and, with held-out points, their test error
/// and accuracy; with a penalty, the penalty); the weights and full-set gradient only at the
/// snapshot epochs, so memory stays flat in the number of epochs apart from those series.
public struct Trainer: Sendable {
    public var network: Network
    /// The points trained on.
    public var data: Dataset
    /// Held-out points, measured every epoch and never trained on.
    public var test: Dataset?
    public var options: TrainingOptions
    public var schedule: SnapshotSchedule
    /// Whether the run record keeps the parameters of (nearly) every epoch, for error surfaces.
    public var recordsTrajectory = false

    public init(
        network: Network, data: Dataset, test: Dataset? = nil, options: TrainingOptions,
        schedule: SnapshotSchedule = .paced(60)
    ) {
        self.network = network
        self.data = data
        self.test = test
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
        let scheduled = try schedule.epochs(through: options.epochs)
        if case .paced(let count) = schedule {
            let recorder = PacingRecorder(
                count: count, network: network, points: data.count, options: options)
            return try train(recorder, name: name, domain: domain, progress: progress)
        }
        return try train(
            ScheduleRecorder(epochs: scheduled), name: name, domain: domain, progress: progress)
    }

    /// Trains with the options' engine, telling `recorder` what it keeps.
    private func train<R: SnapshotRecorder>(
        _ recorder: R, name: String, domain: Domain?, progress: ((Int) -> Void)?
    ) throws -> TrainingRun {
        switch options.engine {
        case .fast:
            return try train(
                Kernel(network: network), recorder, name: name, domain: domain, progress: progress)
        case .reference:
            return try train(
                LessonEngine(network: network), recorder, name: name, domain: domain,
                progress: progress)
        }
    }

    /// The epochs, batches and snapshots of a run, whichever engine does the passes and steps.
    private func train<E: TrainingEngine, R: SnapshotRecorder>(
        _ engine: E, _ recorder: R, name: String, domain: Domain?, progress: ((Int) -> Void)?
    ) throws -> TrainingRun {
        var engine = engine
        var recorder = recorder
        var optimizer = Optimizer(options, shapes: network.layers)
        let set = TrainingData(data)
        let testSet = test.map(TrainingData.init)
        let m = data.count
        let epochs = options.epochs
        let reportEvery = max(1, epochs / 1000)
        var errors: [Double] = []
        var accuracies: [Double] = []
        errors.reserveCapacity(epochs + 1)
        accuracies.reserveCapacity(epochs + 1)
        var testErrors: [Double] = []
        var testAccuracies: [Double] = []
        var penalties: [Double] = []
        var order = Array(0..<m)
        var random = SeededRandom(seed: options.seed)
        // Error surfaces: the parameters of every epoch (see Landscape/Trajectory.swift).
        let layout = ParameterLayout(network.layers)
        var trajectory =
            recordsTrajectory
            ? Trajectory(
                layout: layout,
                every: Trajectory.stride(
                    parameterCount: layout.count, epochs: epochs,
                    isPerceptron: network.hidden.isEmpty)) : nil

        for epoch in 0...epochs {
            let kept = recorder.keeps(epoch: epoch)
            // With full batches, the pass that measures this epoch's error is also the step's
            // gradient; otherwise the gradient is only needed for the recorder.
            let fullStep = options.batchSize == .full && epoch < epochs
            let tally = engine.pass(
                set, indices: 0..<m, accumulate: fullStep || recorder.needsGradient(at: epoch))
            engine.scaleGradient(by: m)
            let error = tally.error / Double(m)
            guard error.isFinite, engine.parametersAreFinite else {
                throw options.divergence(at: epoch, penaltyOnly: false)
            }
            errors.append(error)
            accuracies.append(Double(tally.correct) / Double(m))
            if trajectory?.keeps(epoch: epoch, isSnapshot: kept, lastEpoch: epochs) == true {
                trajectory?.append(epoch: epoch, parameters: engine.network.parameters)
            }
            if let testSet {
                let n = testSet.labels.count
                let held = engine.pass(testSet, indices: 0..<n, accumulate: false)
                testErrors.append(held.error / Double(n))
                testAccuracies.append(Double(held.correct) / Double(n))
            }
            if !optimizer.regularisation.isNone {
                let penalty = engine.penalty(optimizer)
                guard penalty.isFinite else {
                    throw options.divergence(at: epoch, penaltyOnly: true)
                }
                penalties.append(penalty)
            }
            // The next epoch's order is drawn before the snapshot, which keeps it.
            let shuffles = epoch < epochs && options.batchSize != .full && options.shuffle
            if shuffles { random.shuffle(&order) }
            recorder.measured(
                epoch: epoch, error: error, accuracy: accuracies[epoch], engine: engine,
                optimizer: optimizer, order: shuffles ? order : nil)
            guard epoch < epochs else { break }
            switch options.batchSize {
            case .full:
                engine.step(&optimizer)
            case .size(let size):
                let batches = (m + size - 1) / size
                for (batch, start) in stride(from: 0, to: m, by: size).enumerated() {
                    let end = min(start + size, m)
                    _ = engine.pass(set, indices: order[start..<end], accumulate: true)
                    engine.scaleGradient(by: end - start)
                    engine.step(&optimizer)
                    recorder.stepped(epoch: epoch, batch: batch + 1, of: batches, engine: engine)
                }
            }
            if let progress, (epoch + 1) % reportEvery == 0 { progress(epoch + 1) }
        }
        var run = TrainingRun(
            name: name,
            network: Architecture(hidden: network.hidden, activation: network.activation),
            training: options, data: data, domain: domain ?? data.defaultDomain,
            errors: errors, accuracies: accuracies, snapshots: [], test: test,
            testErrors: test == nil ? nil : testErrors,
            testAccuracies: test == nil ? nil : testAccuracies,
            penalties: optimizer.regularisation.isNone ? nil : penalties)
        run.trajectory = trajectory
        return recorder.finish(run, network: network)
    }
}
