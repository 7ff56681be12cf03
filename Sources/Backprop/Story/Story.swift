import Foundation

/// The numbers the lesson's sentences are about, as plain functions of a run record's numbers.
///
/// A point `x` with label `y` asks every weight and bias for its **wish**, `−η ∂e/∂θ`: the step
/// that point alone would take (``wish(_:_:at:label:learningRate:)``). The lesson's claims
/// compare a network `W` with the network after a step, `W + t · wish`: ``moved(_:by:times:)``
/// with `t = 1` for the point's own step `W − η∇e(W)`, a small `t` for the direction the point
/// pulls in. Everything else is read off the forward pass (``Lesson/forward(_:_:at:)``).
package enum Story {
    /// The point's wish `−η ∂e/∂θ`, in the shapes of `layers`: Backprop's gradient of the
    /// point's own error (``Lesson/backward(_:_:a:z:y:)``) times `−η`.
    package static func wish(
        _ layers: [Layer], _ g: Activation, at x: Point, label y: Int, learningRate η: Double
    ) -> [Layer] {
        let (a, z) = Lesson.forward(layers, g, at: x)
        return scaled(Lesson.backward(layers, g, a: a, z: z, y: Double(y)), by: -η)
    }

    /// `W + t · step`: every weight and bias moved by `t` times its part of `step`.
    package static func moved(_ layers: [Layer], by step: [Layer], times t: Double = 1) -> [Layer] {
        zip(layers, step).map { layer, delta in
            Layer(
                weights: zip(layer.weights, delta.weights).map { w, dw in
                    zip(w, dw).map { $0 + t * $1 }
                },
                biases: zip(layer.biases, delta.biases).map { $0 + t * $1 })
        }
    }

    /// Every weight and bias times `factor`.
    package static func scaled(_ layers: [Layer], by factor: Double) -> [Layer] {
        moved(
            layers.map { Layer(zerosWithUnits: $0.units, inputs: $0.inputs) }, by: layers,
            times: factor)
    }

    /// `ŷ = σ(z)` at `x`: the probability the network gives the point of being blue (the
    /// lesson's ``Lesson/σ(_:)``, by Foundation's `exp`).
    package static func output(_ layers: [Layer], _ g: Activation, at x: Point) -> Double {
        Lesson.σ(Lesson.forward(layers, g, at: x).z)
    }

    /// The point's error `e = −y ln ŷ − (1 − y) ln(1 − ŷ)`.
    package static func error(_ layers: [Layer], _ g: Activation, at x: Point, label y: Int)
        -> Double
    {
        Lesson.error(z: Lesson.forward(layers, g, at: x).z, y: Double(y))
    }

    /// `E(W)`: the mean of the points' errors.
    package static func error(_ layers: [Layer], _ g: Activation, on data: Dataset) -> Double {
        let total = zip(data.points, data.labels).reduce(0.0) {
            $0 + error(layers, g, at: $1.0, label: $1.1)
        }
        return total / Double(max(1, data.count))
    }

    /// The activations of the last hidden layer at `x` (`h₁, h₂, …`); empty for a perceptron.
    package static func hidden(_ layers: [Layer], _ g: Activation, at x: Point) -> [Double] {
        let a = Lesson.forward(layers, g, at: x).a
        return a.count > 1 ? a[a.count - 1] : []
    }

    /// The weights `v` from the last hidden layer to the output (the perceptron's `w` when there
    /// is no hidden layer).
    package static func outputWeights(_ layers: [Layer]) -> [Double] {
        layers[layers.count - 1].weights[0]
    }

    /// Unit `j`'s vote for the point: `v_j · (h_j − g(0))`.
    ///
    /// How the unit moves the output's `z` from where it would be with the point on the unit's
    /// line. Above 0 it pushes `ŷ` toward blue (label 1), below 0 toward red: the unit
    /// classifies a blue point right when its vote is positive, a red one when it is negative.
    package static func vote(_ layers: [Layer], _ g: Activation, at x: Point, unit j: Int) -> Double
    {
        outputWeights(layers)[j] * (hidden(layers, g, at: x)[j] - Lesson.g(g, 0))
    }

    /// The distance from `x` to the line `w·x + b = 0` of unit `j` of the first layer (the
    /// perceptron's own line when there is no hidden layer): `|w·x + b| / |w|`.
    package static func distance(from x: Point, toLineOf j: Int, in layers: [Layer]) -> Double {
        let w = layers[0].weights[j]
        let z = w[0] * x.x1 + w[1] * x.x2 + layers[0].biases[j]
        return abs(z) / (w[0] * w[0] + w[1] * w[1]).squareRoot()
    }

    /// How far unit `j`'s line moves at `x` between `before` and `after`: the change in the
    /// signed distance `(w·x + b) / |w|`, in data units.
    package static func shift(at x: Point, ofLine j: Int, from before: [Layer], to after: [Layer])
        -> Double
    {
        func signed(_ layers: [Layer]) -> Double {
            let w = layers[0].weights[j]
            let z = w[0] * x.x1 + w[1] * x.x2 + layers[0].biases[j]
            return z / (w[0] * w[0] + w[1] * w[1]).squareRoot()
        }
        return signed(after) - signed(before)
    }

    /// The factor a wish is drawn magnified by: the largest of 1, 2 or 5 × 10ⁿ that moves the
    /// first layer's line that moves most at `x` (to first order, `|Δw·x + Δb| / |w|`) by at most
    /// a seventh of `span`; 1 when no line moves.
    package static func magnification(
        _ layers: [Layer], wish: [Layer], at x: Point, span: Double
    ) -> Double {
        let first = layers[0]
        var largest = 0.0
        for j in 0..<first.units {
            let w = first.weights[j]
            let norm = (w[0] * w[0] + w[1] * w[1]).squareRoot()
            guard norm > 0 else { continue }
            let dw = wish[0].weights[j]
            largest = max(largest, abs(dw[0] * x.x1 + dw[1] * x.x2 + wish[0].biases[j]) / norm)
        }
        guard largest > 0, largest.isFinite, span > 0 else { return 1 }
        return nice(span / 7 / largest)
    }

    /// The largest of 1, 2, 5 × 10ⁿ not above `x` (x > 0).
    package static func nice(_ x: Double) -> Double {
        let power = pow(10, floor(log10(x)))
        let m = x / power
        return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * power
    }
}
