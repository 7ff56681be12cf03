/// The points seen from the output unit: each point mapped to the activations `h` of the last
/// hidden layer, drawn on a plane of that space on which the output's boundary `ŷ = 0.5` is a
/// straight line, so the "combination of linear models" shows as a linear separation.
///
/// With two units the plane is `(h1, h2)` itself. With more, it is spanned by the output's weight
/// direction `ŵ = w/|w|` and the top principal direction of the points orthogonal to it: the
/// output's logit `w·h + b = |w|·(h·ŵ) + b` depends only on the first coordinate, so the
/// boundary is the vertical line `u = −b/|w|` and every point lands on the side of its predicted
/// class, whatever the width.
package struct HiddenSpace: Equatable, Sendable {
    /// Units in the last hidden layer.
    package let units: Int
    /// The plane's axes in activation space, orthonormal.
    package let first: [Double]
    package let second: [Double]
    /// Each point's coordinates on the plane: `u[p] = h·first`, `v[p] = h·second`.
    package let u: [Double]
    package let v: [Double]
    /// The output's logit on the plane, `a·u + b·v + c`.
    ///
    /// The boundary is where it is 0; points with a positive logit are predicted blue.
    /// `a = b = 0` when the output ignores every unit.
    package let boundary: (a: Double, b: Double, c: Double)

    package static func == (lhs: HiddenSpace, rhs: HiddenSpace) -> Bool {
        lhs.units == rhs.units && lhs.first == rhs.first && lhs.second == rhs.second
            && lhs.u == rhs.u && lhs.v == rhs.v && lhs.boundary == rhs.boundary
    }

    /// The hidden space of `network` for the points of `data`.
    /// - Throws: ``BackpropError/badSurface(_:)`` when the last hidden layer has fewer than two
    ///   units (or the network has none).
    package init(network: Network, data: Dataset) throws {
        guard let width = network.hidden.last, width >= 2 else {
            throw BackpropError.badSurface(
                "The hidden space needs a last hidden layer of at least 2 units; this network's "
                    + "hidden layers are \(network.hidden).")
        }
        units = width
        let output = network.layers[network.layers.count - 1]
        let w = output.weights[0]
        let bias = output.biases[0]
        let h = data.points.map { network.activations(at: $0)[network.layers.count - 2] }
        let norm = dot(w, w).squareRoot()
        if width == 2 {
            first = [1, 0]
            second = [0, 1]
            boundary = (w[0], w[1], bias)
        } else if norm == 0 {
            first = (0..<width).map { $0 == 0 ? 1 : 0 }
            second = (0..<width).map { $0 == 1 ? 1 : 0 }
            boundary = (0, 0, bias)
        } else {
            let along = w.map { $0 / norm }
            first = along
            second = HiddenSpace.principal(of: h, orthogonalTo: along)
            boundary = (norm, 0, bias)
        }
        let (x, y) = (first, second)
        u = h.map { dot($0, x) }
        v = h.map { dot($0, y) }
    }

    /// The top principal direction of the points `h` within the space orthogonal to the unit
    /// vector `along`.
    private static func principal(of h: [[Double]], orthogonalTo along: [Double]) -> [Double] {
        let n = along.count
        var mean = [Double](repeating: 0, count: n)
        for point in h { for k in 0..<n { mean[k] += point[k] / Double(h.count) } }
        // The covariance of the points with their component along `along` removed.
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for point in h {
            var d = (0..<n).map { point[$0] - mean[$0] }
            let a = dot(d, along)
            for k in 0..<n { d[k] -= a * along[k] }
            for i in 0..<n { for j in 0..<n { covariance[i][j] += d[i] * d[j] } }
        }
        var direction = SymmetricEigen(covariance).vectors[0]
        // Remove any trace of `along` left by rounding; fall back to an axis if nothing varies.
        let a = dot(direction, along)
        for k in 0..<n { direction[k] -= a * along[k] }
        var norm = dot(direction, direction).squareRoot()
        if norm < 1e-12 {
            let axis = along.indices.min { abs(along[$0]) < abs(along[$1]) } ?? 0
            direction = (0..<n).map { $0 == axis ? 1 : 0 }
            let b = dot(direction, along)
            for k in 0..<n { direction[k] -= b * along[k] }
            norm = dot(direction, direction).squareRoot()
        }
        direction = direction.map { $0 / norm }
        if let largest = direction.indices.max(by: { abs(direction[$0]) < abs(direction[$1]) }),
            direction[largest] < 0
        {
            direction = direction.map { -$0 }
        }
        return direction
    }
}
