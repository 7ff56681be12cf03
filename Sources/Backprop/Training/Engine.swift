/// Which code trains the network: the same maths either way, tested equal to 1e-12.
public enum Engine: String, CaseIterable, Codable, Sendable {
    /// The kernel: four points at a time over flat buffers; the default.
    case fast
    /// The lesson's plain functions (``Lesson``), one point at a time: slower, and readable.
    case reference
}

/// Per-pass totals: the summed cross-entropy and the number of points on the right side.
struct Tally {
    var error: Double
    var correct: Int
}

/// What the trainer asks of an engine.
///
/// Both engines hold the current weights and the gradient of their last pass; ``Trainer`` runs
/// the epochs, the batches and the snapshots for both.
protocol TrainingEngine {
    /// Runs the points at `indices` forward and tallies error and accuracy; with `accumulate`,
    /// also leaves the sum of their gradients as the engine's gradient.
    mutating func pass<Indices: Sequence<Int>>(
        _ data: TrainingData, indices: Indices, accumulate: Bool
    ) -> Tally
    /// Turns the summed gradient into the mean over `count` points.
    mutating func scaleGradient(by count: Int)
    /// Moves the weights one step along the gradient, by the optimizer's rule.
    mutating func step(_ optimizer: inout Optimizer)
    /// The optimizer's penalty of the current weights.
    func penalty(_ optimizer: Optimizer) -> Double
    /// The current weights as a network value.
    var network: Network { get }
    /// The current gradient in the network's layer shapes.
    var gradientLayers: [Layer] { get }
    /// True when every parameter is a finite number.
    var parametersAreFinite: Bool { get }
    /// Replaces the current weights with `parameters`, laid out as ``Network/parameters``.
    mutating func setParameters(_ parameters: [Double])
    /// Appends the current parameters laid out as ``Network/parameters`` and, with `gradient`,
    /// then the current gradient laid out the same way: what pacing keeps of a candidate epoch.
    func appendParameters(to buffer: inout [Double], gradient: Bool)
}
