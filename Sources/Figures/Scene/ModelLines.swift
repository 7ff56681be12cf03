import Backprop

extension ModelEvaluator {
    /// The line `w1·x1 + w2·x2 + b = 0` of a first-layer unit (or of a perceptron's output).
    func line(unit: Int, layer: Int = 0) -> ImplicitLine {
        let w = weights(layer: layer, unit: unit)
        return ImplicitLine(
            w1: w[w.startIndex], w2: w[w.startIndex + 1],
            b: parameters.bias(layer: layer, unit: unit))
    }
}
