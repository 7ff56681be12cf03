import Backprop

/// What the figures of one snapshot show beyond the run record, computed by Backprop: the step
/// between the run record and the ``Scene``, where a snapshot's values are worked out once
/// (and where a loss surface or a point's gradient will be).
struct DerivedData: Sendable {
    /// The snapshot's network, for values at any point of the plane.
    let model: ModelEvaluator
    /// `ŷ` at every data point.
    let outputs: [Double]
    /// True for each point on the wrong side of `ŷ = 0.5`.
    let mistakes: [Bool]
    /// The point the figure follows and its wish, when the options ask for one.
    let focus: FocusPoint?
    /// The network after the focus point's wish, magnified: the ghost lines.
    let ghost: ModelEvaluator?
    /// What the diagram's edges show: the point's wish or the batch's step, `−η ∂E/∂(W, b)`.
    let wish: [Layer]

    /// `magnification`: the run's one factor for the wishes (``FocusPoint/runMagnification(_:run:)``);
    /// nil draws them at this snapshot's own.
    init(
        run: TrainingRun, snapshot: Snapshot, options: RenderOptions, magnification: Double? = nil
    ) {
        let model = ModelEvaluator(layers: snapshot.layers, activation: run.network.activation)
        self.model = model
        outputs = run.data.points.map { model.output($0.x1, $0.x2) }
        mistakes = zip(outputs, run.data.labels).map { y, label in (y > 0.5) != (label == 1) }
        let focus = options.focus.flatMap {
            FocusPoint(
                $0, run: run, snapshot: snapshot, model: model, magnification: magnification)
        }
        self.focus = focus
        let wishes = options.wish != WishSource.none
        ghost = focus.flatMap { focus in
            wishes
                ? ModelEvaluator(
                    layers: focus.ghost(of: snapshot.layers), activation: model.activation)
                : nil
        }
        let batch = snapshot.gradient.scaled(by: -run.training.learningRate)
        switch options.wish ?? .point {
        case .batch: wish = batch
        case .none: wish = batch.scaled(by: 0)
        case .point: wish = focus?.wish ?? batch
        }
    }
}

/// One step of training from a snapshot, as the trainer takes it with full batches: every weight
/// and bias moved by the optimizer along the snapshot's full-set gradient.
struct TrainingStep: Sendable {
    /// `W′`.
    let layers: [Layer]
    /// `E(W′)` on the run's data.
    let error: Double
    /// False when the run trains on mini-batches: the step shown is then the full-batch one.
    let sameBatchRule: Bool

    init?(run: TrainingRun, snapshot: Snapshot) {
        // From rest: the record keeps no optimizer state (see TrainingRun.step(from:)).
        let layers = run.step(from: snapshot)
        guard let network = try? Network(layers: layers, activation: run.network.activation)
        else { return nil }
        self.layers = layers
        error = network.evaluate(on: run.data).error
        sameBatchRule = run.training.batchSize == .full && run.training.optimizer == .sgd
    }
}
