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

    init(run: TrainingRun, snapshot: Snapshot) {
        let model = ModelEvaluator(layers: snapshot.layers, activation: run.network.activation)
        self.model = model
        outputs = run.data.points.map { model.output($0.x1, $0.x2) }
        mistakes = zip(outputs, run.data.labels).map { y, label in (y > 0.5) != (label == 1) }
    }
}
