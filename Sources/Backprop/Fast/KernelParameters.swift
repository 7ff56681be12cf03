/// The kernel's weights and gradient as the trainer sees them: network values, the optimizer's
/// step and penalty, and the numbers pacing keeps (the passes are in `Kernel.swift`).
extension Kernel {
    /// The current parameters as a network value.
    var network: Network {
        var copy = template
        copy.setParameters(UnsafeBufferPointer(start: parameters, count: parameterCount))
        return copy
    }

    /// The current gradient in the network's layer shapes.
    var gradientLayers: [Layer] {
        var copy = template
        copy.setParameters(UnsafeBufferPointer(start: gradient, count: parameterCount))
        return copy.layers
    }

    /// True when every parameter is a finite number.
    var parametersAreFinite: Bool {
        var sum = 0.0
        for k in 0..<parameterCount { sum += parameters[k] * 0 }
        return sum == 0  // 0·x is NaN exactly when x is infinite or NaN
    }

    func setParameters(_ parameters: [Double]) {
        self.parameters.update(from: parameters, count: parameterCount)
    }

    func appendParameters(to buffer: inout [Double], gradient: Bool) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: parameters, count: parameterCount))
        guard gradient else { return }
        buffer.append(contentsOf: UnsafeBufferPointer(start: self.gradient, count: parameterCount))
    }

    /// Turns the summed gradient into the mean over `count` points.
    func scaleGradient(by count: Int) {
        let n = Double(count)
        for k in 0..<parameterCount { gradient[k] /= n }
    }

    /// The optimizer's penalty of the current weights.
    func penalty(_ optimizer: Optimizer) -> Double {
        optimizer.penalty(UnsafeBufferPointer(start: parameters, count: parameterCount))
    }

    /// One step of the optimizer along the gradient (for gradient descent, `W ← W − η ∇E`).
    func step(_ optimizer: inout Optimizer) {
        var w = UnsafeMutableBufferPointer(start: parameters, count: parameterCount)
        optimizer.update(&w, gradient: UnsafeBufferPointer(start: gradient, count: parameterCount))
    }
}
