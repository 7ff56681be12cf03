/// A plane through parameter space, `θ(u, v) = origin + u·first + v·second`.
///
/// `first` and `second` are orthonormal: the two axes an error surface is drawn over. All three
/// are laid out as the network's parameters (``ParameterLayout``).
package struct ParameterPlane: Equatable, Sendable {
    package var origin: ParameterVector
    package var first: ParameterVector
    package var second: ParameterVector

    package init(origin: ParameterVector, first: ParameterVector, second: ParameterVector) {
        precondition(origin.layout == first.layout && origin.layout == second.layout)
        self.origin = origin
        self.first = first
        self.second = second
    }

    /// The perceptron's `(w1, w2)` plane with its bias held at `bias`: `θ(u, v) = (u, v, bias)`.
    package static func perceptronWeights(bias: Double) -> ParameterPlane {
        let layout = ParameterLayout(sizes: [Network.inputs, 1])
        return ParameterPlane(
            origin: ParameterVector([0, 0, bias], layout: layout),
            first: ParameterVector([1, 0, 0], layout: layout),
            second: ParameterVector([0, 1, 0], layout: layout))
    }

    /// The parameters at plane coordinates `(u, v)`.
    package func parameters(u: Double, v: Double) -> ParameterVector {
        var theta = origin
        for k in theta.indices { theta[k] += u * first[k] + v * second[k] }
        return theta
    }

    /// The coordinates of the orthogonal projection of `theta` onto the plane.
    package func coordinates<C: Collection<Double>>(of theta: C) -> (u: Double, v: Double) {
        var u = 0.0
        var v = 0.0
        for (k, value) in theta.enumerated() {
            let d = value - origin[k]
            u += d * first[k]
            v += d * second[k]
        }
        return (u, v)
    }
}

/// Heights over a square lattice of a plane's coordinates.
package struct SurfaceGrid: Equatable, Sendable {
    /// Horizontal coordinates of the columns, left to right.
    package var u: [Double]
    /// Vertical coordinates of the rows, bottom to top.
    package var v: [Double]
    /// `heights[i * u.count + j]` is the height at `(u[j], v[i])`.
    package var heights: [Double]

    package init(u: [Double], v: [Double], heights: [Double]) {
        self.u = u
        self.v = v
        self.heights = heights
    }

    /// The height at column `j` of row `i`.
    package subscript(row i: Int, column j: Int) -> Double { heights[i * u.count + j] }

    /// The lowest and highest finite heights; `nil` when no height is a finite number (a plane
    /// through weights that blew up), so that nothing states a range the surface does not have.
    package var finiteRange: ClosedRange<Double>? {
        var lo = Double.infinity
        var hi = -Double.infinity
        for h in heights where h.isFinite {
            lo = min(lo, h)
            hi = max(hi, h)
        }
        return lo <= hi ? lo...hi : nil
    }

    /// ``finiteRange`` for drawing code that runs only on a surface with a finite height
    /// (0...0 when none is finite: the surface and mountain panels draw no surface then).
    package var range: ClosedRange<Double> { finiteRange ?? 0...0 }

    /// The rectangle the grid covers.
    package var domain: Domain {
        Domain(x1: u[0]...u[u.count - 1], x2: v[0]...v[v.count - 1])
    }

    /// `count` evenly spaced numbers from `range`'s lower to its upper bound, both included.
    package static func lattice(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        let step = (range.upperBound - range.lowerBound) / Double(count - 1)
        return (0..<count).map { k in
            k == count - 1 ? range.upperBound : range.lowerBound + Double(k) * step
        }
    }
}
