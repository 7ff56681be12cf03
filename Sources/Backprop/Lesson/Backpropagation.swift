import Foundation

/// Backpropagation as the lesson teaches it: forward pass, error, backward pass, update.
///
/// Plain functions over plain values. A network is `[Layer]`, the hidden layers first and the
/// single output unit last; a point is `x = (x₁, x₂)` with its label `y`, 0 (red) or 1 (blue).
/// Layer `l` computes
///
///     zˡ = Wˡ aˡ⁻¹ + bˡ,    aˡ = g(zˡ),    starting from a⁰ = x,
///
/// with the hidden activation `g` (``Activation``, computed here by ``g(_:_:)`` with Foundation's
/// `exp` and `tanh`), and the output is `ŷ = σ(z)` (``σ(_:)``), the probability that the point is
/// blue. The error of a point is the cross-entropy
/// `e = −y ln ŷ − (1 − y) ln(1 − ŷ)`, and the error `E` of a set is the mean over its points.
///
/// Training with ``Engine/reference`` runs exactly these functions. ``Engine/fast`` does the same
/// sums four points at a time over flat buffers and is tested equal to them. To check a gradient
/// by hand, build the same sums from ``Value``s (a reverse-mode autodiff of scalars) and compare
/// their `grad` with ``backward(_:_:a:z:y:)``.
public enum Lesson {
    /// The forward pass at one point: the activations `a⁰ = x, a¹, …` of the input and of every
    /// hidden layer, and the output unit's `z`, so that `ŷ = σ(z)`.
    public static func forward(_ layers: [Layer], _ g: Activation, at x: Point) -> (
        a: [[Double]], z: Double
    ) {
        var a = [[x.x1, x.x2]]
        for layer in layers.dropLast() {
            let z = layer.preactivations(a[a.count - 1])
            a.append(z.map { Lesson.g(g, $0) })
        }
        let z = layers[layers.count - 1].preactivations(a[a.count - 1])[0]
        return (a, z)
    }

    /// The error of one point from the output's `z`: `e = −y ln σ(z) − (1 − y) ln(1 − σ(z))`.
    public static func error(z: Double, y: Double) -> Double {
        crossEntropy(logit: z, label: y)
    }

    /// The backward pass at one point: `∂e/∂Wˡ` and `∂e/∂bˡ` for every layer, in the layers' shapes.
    ///
    /// It starts at the output, where `δ = ∂e/∂z = ŷ − y`, and walks down the layers:
    ///
    ///     ∂e/∂Wˡ = δˡ (aˡ⁻¹)ᵀ,    ∂e/∂bˡ = δˡ,    δˡ⁻¹ = (Wˡ)ᵀ δˡ ⊙ g′(zˡ⁻¹),
    ///
    /// with `g′` written in terms of the activation (for the sigmoid, `g′ = a (1 − a)`).
    /// `a` and `z` are the forward pass's at the same point.
    public static func backward(
        _ layers: [Layer], _ g: Activation, a: [[Double]], z: Double, y: Double
    ) -> [Layer] {
        var gradient = layers.map { Layer(zerosWithUnits: $0.units, inputs: $0.inputs) }
        var delta = [σ(z) - y]
        for l in layers.indices.reversed() {
            let below = a[l]  // aˡ⁻¹ in the maths: the input of layer l
            for j in 0..<layers[l].units {
                gradient[l].biases[j] = delta[j]
                for i in 0..<layers[l].inputs {
                    gradient[l].weights[j][i] = delta[j] * below[i]
                }
            }
            guard l > 0 else { break }
            delta = (0..<layers[l].inputs).map { i in
                var sum = 0.0
                for j in 0..<layers[l].units { sum += layers[l].weights[j][i] * delta[j] }
                return sum * gPrime(g, atActivation: below[i])
            }
        }
        return gradient
    }

    /// The error `E` and the gradient `∇E`, both summed over the points at `indices` (divide by
    /// their number for the mean), and how many points are on their own side of `ŷ = 0.5`.
    public static func sum(
        _ layers: [Layer], _ g: Activation, on data: Dataset, indices: some Sequence<Int>
    ) -> (error: Double, gradient: [Layer], correct: Int) {
        var error = 0.0
        var gradient = layers.map { Layer(zerosWithUnits: $0.units, inputs: $0.inputs) }
        var correct = 0
        for k in indices {
            let x = data.points[k]
            let y = Double(data.labels[k])
            let (a, z) = forward(layers, g, at: x)
            error += self.error(z: z, y: y)
            if (σ(z) > 0.5 ? 1.0 : 0.0) == y { correct += 1 }
            add(backward(layers, g, a: a, z: z, y: y), to: &gradient)
        }
        return (error, gradient, correct)
    }

    /// The update: one step of every weight and bias along the gradient.
    ///
    /// Plain gradient descent is `w −= η·g` for every weight and bias `w` and its `g = ∂E/∂w`.
    /// Momentum and Adam also remember the gradients of earlier steps, and a penalty adds its
    /// own gradient to the weights': those go through the ``Optimizer``'s rule.
    public static func update(
        _ layers: inout [Layer], gradient: [Layer], optimizer: inout Optimizer
    ) {
        if optimizer.kind == .sgd && optimizer.regularisation.isNone {
            let eta = optimizer.learningRate  // η
            for l in layers.indices {
                for j in 0..<layers[l].units {
                    for i in 0..<layers[l].inputs {
                        layers[l].weights[j][i] -= eta * gradient[l].weights[j][i]
                    }
                    layers[l].biases[j] -= eta * gradient[l].biases[j]
                }
            }
            optimizer.countStep()
            return
        }
        var w = ParameterVector(layers)
        optimizer.update(&w, gradient: ParameterVector(gradient))
        layers = w.layers
    }

    /// `total += gradient`, layer by layer.
    static func add(_ gradient: [Layer], to total: inout [Layer]) {
        for l in total.indices {
            for j in 0..<total[l].units {
                total[l].biases[j] += gradient[l].biases[j]
                for i in 0..<total[l].inputs {
                    total[l].weights[j][i] += gradient[l].weights[j][i]
                }
            }
        }
    }
}
