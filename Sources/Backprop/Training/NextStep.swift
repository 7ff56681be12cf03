/// One training step from a snapshot, `W → W′`, as the trainer takes it with full batches: the
/// run's ``Optimizer`` (plain descent, momentum or Adam, with its penalty) moving every weight and
/// bias along the snapshot's full-set gradient. The `step` figure and the error surfaces' arrow
/// both draw this step.
extension TrainingRun {
    /// `W′` after the snapshot's weights, in the shapes of its layers.
    ///
    /// The run record does not keep the optimizer's state (momentum's velocity, Adam's moments),
    /// so the step starts from rest: it is the trainer's own next step for plain descent with
    /// full batches at any snapshot, and for momentum and Adam at epoch 0, where the trainer
    /// starts from rest too. Elsewhere momentum's and Adam's first step from the snapshot is
    /// drawn; ``stepIsTheTrainers(from:)`` says which.
    public func step(from snapshot: Snapshot) -> [Layer] {
        var layers = snapshot.layers
        var optimizer = Optimizer(training, shapes: layers)
        Lesson.update(&layers, gradient: snapshot.gradient, optimizer: &optimizer)
        return layers
    }

    /// True when ``step(from:)`` is the step the trainer took: full batches, an epoch's own
    /// weights, and plain descent or the first epoch.
    package func stepIsTheTrainers(from snapshot: Snapshot) -> Bool {
        training.batchSize == .full && snapshot.stepFraction == nil
            && (training.optimizer == .sgd || snapshot.epoch == 0)
    }
}
