/// What a run keeps of its epochs for its frames, told by the trainer as training goes: the
/// snapshots of a schedule (``ScheduleRecorder``), or the candidates that `paced N` chooses its
/// frames from at the end (``PacingRecorder``).
///
/// The trainer asks whether an epoch is kept before its pass (so the pass leaves the gradient
/// only when needed), reports each measured epoch and each mini-batch step, and hands the record
/// over at the end.
protocol SnapshotRecorder {
    /// Whether `epoch`'s weights are kept (a snapshot, or a candidate of pacing).
    func keeps(epoch: Int) -> Bool
    /// Whether the pass that measures `epoch` must leave the gradient for the recorder.
    func needsGradient(at epoch: Int) -> Bool
    /// `epoch` is measured: its error and accuracy, and `engine` holds its weights (and, where
    /// ``needsGradient(at:)``, its gradient); `optimizer` is as it will take the next step, and
    /// `order` is the next epoch's shuffled order of the points, if it has one.
    mutating func measured<E: TrainingEngine>(
        epoch: Int, error: Double, accuracy: Double, engine: E, optimizer: Optimizer,
        order: [Int]?)
    /// The step of mini-batch `batch` (counting from 1) of the `batches` of `epoch` is taken.
    mutating func stepped<E: TrainingEngine>(epoch: Int, batch: Int, of batches: Int, engine: E)
    /// `run`, trained, with its snapshots.
    func finish(_ run: TrainingRun, network: Network) -> TrainingRun
}

/// The snapshots of a schedule's epochs, each with its weights and full-set gradient.
struct ScheduleRecorder: SnapshotRecorder {
    /// The snapshot epochs, ascending.
    let epochs: [Int]
    /// The first of ``epochs`` not yet reached.
    private var next = 0
    private var snapshots: [Snapshot] = []

    init(epochs: [Int]) {
        self.epochs = epochs
    }

    func keeps(epoch: Int) -> Bool { next < epochs.count && epochs[next] == epoch }

    func needsGradient(at epoch: Int) -> Bool { keeps(epoch: epoch) }

    mutating func measured<E: TrainingEngine>(
        epoch: Int, error: Double, accuracy: Double, engine: E, optimizer: Optimizer,
        order: [Int]?
    ) {
        guard keeps(epoch: epoch) else { return }
        var snapshot = Snapshot(
            epoch: epoch, error: error, accuracy: accuracy, layers: engine.network.layers,
            gradient: engine.gradientLayers)
        snapshot.optimizerState = optimizer.kind == .sgd ? nil : optimizer.state
        snapshot.batchOrder = order
        snapshots.append(snapshot)
        next += 1
    }

    func stepped<E: TrainingEngine>(epoch: Int, batch: Int, of batches: Int, engine: E) {}

    func finish(_ run: TrainingRun, network: Network) -> TrainingRun {
        var run = run
        run.snapshots = snapshots
        return run
    }
}
