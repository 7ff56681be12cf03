import Foundation

/// What one point asks of a network at one snapshot, and what its own step does: the numbers of
/// the lesson's perceptron beats (`perceptron`, `wish`, `step`), by ``Story``'s plain functions.
///
/// The point's own step is the full step `W′ = W − η∇e(W)` of its error alone; a direction claim
/// may also be read along a small step `W + 0.01·(−η∇e)` (``smallStep``), where the first-order
/// picture holds and nothing overshoots.
package struct PointAsks: Sendable, Equatable {
    /// The share of the wish a small step takes.
    package static let smallStep = 0.01

    package let epoch: Int
    /// The point's number in the data (from 1), or nil for a visitor.
    package let index: Int?
    package let point: Point
    package let label: Int
    /// The network `W` at the snapshot.
    package let layers: [Layer]
    /// `ŷ` at the point under `W`.
    package let output: Double
    /// The point's error `e(W)`.
    package let error: Double
    /// The wish `−η ∂e/∂θ`, in the shapes of the layers.
    package let wish: [Layer]
    /// `W′ = W + wish`: the point's own step.
    package let stepped: [Layer]
    /// `ŷ` at the point under `W′`.
    package let outputAfter: Double
    /// The distance from the point to the first layer's line `j` (the perceptron's line) under
    /// `W`, and under `W′`, for every unit of the first layer.
    package let distances: [Double]
    package let distancesAfter: [Double]

    package init(
        _ layers: [Layer], _ g: Activation, epoch: Int, index: Int?, point: Point, label: Int,
        learningRate η: Double
    ) {
        self.epoch = epoch
        self.index = index
        self.point = point
        self.label = label
        self.layers = layers
        output = Story.output(layers, g, at: point)
        error = Story.error(layers, g, at: point, label: label)
        wish = Story.wish(layers, g, at: point, label: label, learningRate: η)
        let after = Story.moved(layers, by: wish)
        stepped = after
        outputAfter = Story.output(after, g, at: point)
        let units = 0..<layers[0].units
        distances = units.map { Story.distance(from: point, toLineOf: $0, in: layers) }
        distancesAfter = units.map { Story.distance(from: point, toLineOf: $0, in: after) }
    }

    /// True when the network puts the point on the wrong side of `ŷ = 0.5`.
    package var misclassified: Bool { (output >= 0.5) != (label == 1) }

    /// True when the point's own step keeps it on the same side of line `j` and brings the line
    /// closer: `d′ < d` with no crossing.
    package func lineComesCloser(_ j: Int) -> Bool {
        sameSide(j) && distancesAfter[j] < distances[j]
    }

    /// True when the point is on the same side of line `j` under `W` and `W′`.
    package func sameSide(_ j: Int) -> Bool {
        side(layers, j) == side(stepped, j)
    }

    /// The sign of `w·x + b` of the first layer's unit `j` at the point.
    private func side(_ layers: [Layer], _ j: Int) -> Bool {
        let w = layers[0].weights[j]
        return w[0] * point.x1 + w[1] * point.x2 + layers[0].biases[j] >= 0
    }

    /// The change the point asks of the first layer's weight `i` of unit `j` (`Δw`).
    package func weightChange(unit j: Int = 0, input i: Int) -> Double {
        wish[0].weights[j][i]
    }

    /// The change the point asks of the first layer's bias of unit `j` (`Δb`).
    package func biasChange(unit j: Int = 0) -> Double {
        wish[0].biases[j]
    }
}
