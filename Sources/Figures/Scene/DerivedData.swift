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

/// One step of training from a snapshot, as the trainer took it (``TrainingRun/step(from:)``):
/// the run's optimizer from the state it had there, over the next epoch's batches.
struct TrainingStep: Sendable {
    /// `W′`.
    let layers: [Layer]
    /// `E(W′)` on the run's data.
    let error: Double
    /// Which step `W′` ends: the trainer's own, or one full-batch step.
    let rule: TrainingRun.StepRule
    /// What the figures say of the step when it is not simply the trainer's one step, as
    /// `adam from rest` or `after 4 batch steps`; nil when it is.
    let caption: String?

    init?(run: TrainingRun, snapshot: Snapshot) {
        let layers = run.step(from: snapshot)
        guard let network = try? Network(layers: layers, activation: run.network.activation)
        else { return nil }
        self.layers = layers
        error = network.evaluate(on: run.data).error
        rule = run.stepRule(from: snapshot)
        caption = Self.caption(rule, run: run)
    }

    /// What the figures say of a step by `rule` in `run`; nil for the trainer's one step.
    static func caption(_ rule: TrainingRun.StepRule, run: TrainingRun) -> String? {
        switch rule {
        case .trainers(let batches):
            return batches > 1 ? "after the epoch's \(batches) batch steps" : nil
        case .fullBatch(let fromRest):
            if fromRest { return "\(run.training.optimizer.rawValue) from rest" }
            return run.training.batchSize == .full ? nil : "one full-batch step"
        }
    }
}
