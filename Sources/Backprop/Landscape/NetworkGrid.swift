import Foundation

/// `E` of a multi-layer network over a lattice of a parameter plane, fast: the fast path behind
/// ``PlaneEvaluator/grid(u:v:)`` for networks with hidden layers, tested equal to one forward
/// pass per node.
///
/// On the plane `θ = origin + u·first + v·second` every parameter is linear in `(u, v)`, and so is
/// the first hidden layer's pre-activation of each point: `z = z₀ + u·z_u + v·z_v`. With sigmoid
/// units, `e^(−z) = e^(−(z₀ + u·z_u)) · e^(−v·z_v)`: one exponential per column, unit and point and
/// one per row, unit and point, so the first layer needs none per node. The layers above are
/// computed per node as in the trainer; the output's `Σ ln(1 + e^(−|z|))` is the logarithm of a
/// product, as there.
final class NetworkGrid {
    private let widths: [Int]
    private let activation: Activation
    private let plane: ParameterPlane
    /// Point vectors (four points each) and their count.
    private let vectors: Int
    private let count: Int
    private let x1: [Lanes]
    private let x2: [Lanes]
    private let labels: [Lanes]
    private let valid: [Lanes]

    init(network: Network, data: TrainingData, plane: ParameterPlane) {
        widths = [Network.inputs] + network.layers.map(\.units)
        activation = network.activation
        self.plane = plane
        let count = data.labels.count
        let vectors = (count + 3) / 4
        self.count = count
        self.vectors = vectors
        func lanes(_ values: [Double], padding: Double) -> [Lanes] {
            (0..<vectors).map { k in
                Lanes(
                    (0..<4).map { lane in
                        let p = 4 * k + lane
                        return p < values.count ? values[p] : padding
                    })
            }
        }
        x1 = lanes(data.x1, padding: 0)
        x2 = lanes(data.x2, padding: 0)
        labels = lanes(data.labels, padding: 0)
        valid = lanes([Double](repeating: 1, count: count), padding: 0)
    }

    /// The first hidden layer's `z₀`, `z_u`, `z_v` per point vector and unit (`k * units + j`).
    private func firstLayerTerms() -> (z0: [Lanes], zu: [Lanes], zv: [Lanes]) {
        let units = widths[1]
        func terms(_ theta: [Double]) -> [Lanes] {
            // Layer 1: weights [j][i] at 2j + i, biases after them.
            var result: [Lanes] = []
            result.reserveCapacity(units * vectors)
            for k in 0..<vectors {
                for j in 0..<units {
                    let (w1, w2, b) = (theta[2 * j], theta[2 * j + 1], theta[2 * units + j])
                    result.append(w1 * x1[k] + w2 * x2[k] + b)
                }
            }
            return result
        }
        return (terms(plane.origin), terms(plane.first), terms(plane.second))
    }

    /// The most lanes of column factors kept at once (32 bytes each: 128 MiB).
    static let cachedLanes = 4 << 20

    /// Heights row by row (`v` bottom to top, `u` left to right).
    func heights(u: [Double], v: [Double]) -> [Double] {
        let units = widths[1]
        let (z0, zu, zv) = firstLayerTerms()
        let largest = { (values: [Lanes]) in values.map { magnitude($0).max() }.max() ?? 0 }
        let maxU = u.map(abs).max() ?? 0
        let maxV = v.map(abs).max() ?? 0
        // The split exponentials stay within e^±350, so their products neither overflow nor
        // vanish.
        // The column factors cache columns × units × points: only where that stays within
        // `NetworkGrid.cachedLanes` (128 MiB), so memory does not grow with points × grid.
        let split =
            activation == .sigmoid && largest(z0) + maxU * largest(zu) <= 350
            && maxV * largest(zv) <= 350
            && u.count.multipliedReportingOverflow(by: units * vectors).partialValue
                <= NetworkGrid.cachedLanes
            && u.count <= NetworkGrid.cachedLanes / max(1, units * vectors)
        // e^(−(z₀ + u·z_u)) for every column.
        var columns: [Lanes] = []
        if split {
            columns.reserveCapacity(u.count * units * vectors)
            for a in u {
                for k in 0..<(units * vectors) { columns.append(exponential(-(z0[k] + a * zu[k]))) }
            }
        }
        let parameterCount = plane.origin.count
        let theta = UnsafeMutablePointer<Lanes>.allocate(capacity: parameterCount)
        let rowFactors = UnsafeMutablePointer<Lanes>.allocate(capacity: units * vectors)
        let scratch = UnsafeMutablePointer<Lanes>.allocate(capacity: 3 * (widths.max() ?? 1))
        defer {
            theta.deallocate()
            rowFactors.deallocate()
            scratch.deallocate()
        }
        var heights: [Double] = []
        heights.reserveCapacity(u.count * v.count)
        for b in v {
            if split {
                for k in 0..<(units * vectors) { rowFactors[k] = exponential(-b * zv[k]) }
            }
            for (column, a) in u.enumerated() {
                for k in 0..<parameterCount {
                    theta[k] = Lanes(
                        repeating: plane.origin[k] + a * plane.first[k] + b * plane.second[k])
                }
                heights.append(
                    columns.withUnsafeBufferPointer { columnFactors in
                        z0.withUnsafeBufferPointer { z0 in
                            zu.withUnsafeBufferPointer { zu in
                                zv.withUnsafeBufferPointer { zv in
                                    node(
                                        theta: theta, a: a, b: b, z0: z0, zu: zu, zv: zv,
                                        columnFactors: split
                                            ? UnsafeBufferPointer(
                                                rebasing: columnFactors[
                                                    (column * units * vectors)...])
                                            : nil,
                                        rowFactors: rowFactors, scratch: scratch)
                                }
                            }
                        }
                    })
            }
        }
        return heights
    }

    /// `E` at one node.
    @inline(__always)
    private func node(
        theta: UnsafeMutablePointer<Lanes>, a: Double, b: Double,
        z0: UnsafeBufferPointer<Lanes>, zu: UnsafeBufferPointer<Lanes>,
        zv: UnsafeBufferPointer<Lanes>, columnFactors: UnsafeBufferPointer<Lanes>?,
        rowFactors: UnsafeMutablePointer<Lanes>, scratch: UnsafeMutablePointer<Lanes>
    ) -> Double {
        let layers = widths.count - 1
        let zero = Lanes(repeating: 0)
        var linear = Lanes(repeating: 0)
        // Π (1 + e^(−|z|)) as upper / lower: each factor within [1, 2], each lane's product of
        // 128 factors within [0.7¹²⁸, 3¹²⁸].
        var upper = Lanes(repeating: 1)
        var lower = Lanes(repeating: 1)
        var logarithm = 0.0
        let maxWidth = widths.max() ?? 1
        let numerators = scratch + 2 * maxWidth
        let one = Lanes(repeating: 1)
        let cap = Lanes(repeating: 0x1.a220_d397_972e_bp57)  // e^40
        let isSigmoid = activation == .sigmoid
        let hidden = activation
        for k in 0..<vectors {
            // First hidden layer, into the first half of the scratch.
            var below = scratch
            var above = scratch + maxWidth
            if let columnFactors {
                // σ(z) = 1 / (1 + e^(−z)), e^(−z) capped at e^40 (σ then differs from 0 by
                // less than 5e-18) so that four denominators share one division.
                for j in 0..<widths[1] {
                    let index = k * widths[1] + j
                    let e = columnFactors[index] * rowFactors[index]
                    below[j] = 1 + e.replacing(with: cap, where: e .> cap)
                    above[j] = one
                }
                reciprocals(below, numerators: above, count: widths[1])
            } else {
                for j in 0..<widths[1] {
                    let index = k * widths[1] + j
                    below[j] = hidden(z0[index] + a * zu[index] + b * zv[index])
                }
            }
            // Further layers: weights row by row, then biases, after the first layer's.
            var offset = widths[1] * (widths[0] + 1)
            for l in 1..<layers {
                let nIn = widths[l]
                let nOut = widths[l + 1]
                let biases = offset + nOut * nIn
                // Four units at a time, so that four independent sums run side by side.
                var j = 0
                while j + 4 <= nOut {
                    var (z0, z1, z2, z3) = (
                        theta[biases + j], theta[biases + j + 1], theta[biases + j + 2],
                        theta[biases + j + 3]
                    )
                    let row = theta + offset + j * nIn
                    for i in 0..<nIn {
                        let h = below[i]
                        z0 += row[i] * h
                        z1 += row[nIn + i] * h
                        z2 += row[2 * nIn + i] * h
                        z3 += row[3 * nIn + i] * h
                    }
                    (above[j], above[j + 1], above[j + 2], above[j + 3]) = (z0, z1, z2, z3)
                    j += 4
                }
                while j < nOut {
                    var z = theta[biases + j]
                    let row = theta + offset + j * nIn
                    for i in 0..<nIn { z += row[i] * below[i] }
                    above[j] = z
                    j += 1
                }
                if l < layers - 1 {
                    if isSigmoid {
                        for j in 0..<nOut {
                            (numerators[j], above[j]) = sigmoidFraction(above[j])
                        }
                        reciprocals(above, numerators: numerators, count: nOut)
                    } else {
                        for j in 0..<nOut { above[j] = activation(above[j]) }
                    }
                }
                offset = biases + nOut
                swap(&below, &above)
            }
            // The output's logit is below[0].
            let z = below[0]
            let mask = valid[k]
            // 1 + e^(−|z|) = (t + s) / t.
            let (s, t) = exponentialFraction(-magnitude(z))
            linear += (z.replacing(with: zero, where: z .< zero) - labels[k] * z) * mask
            upper *= t + s * mask
            lower *= t
            if k % 128 == 127 {
                logarithm += log(ratio(upper, lower))
                upper = one
                lower = one
            }
        }
        logarithm += log(ratio(upper, lower))
        return ((linear[0] + linear[1]) + (linear[2] + linear[3]) + logarithm) / Double(count)
    }

    /// The product of the four lanes of `upper` over that of `lower`.
    @inline(__always)
    private func ratio(_ upper: Lanes, _ lower: Lanes) -> Double {
        ((upper[0] * upper[1]) * (upper[2] * upper[3]))
            / ((lower[0] * lower[1]) * (lower[2] * lower[3]))
    }

    /// `values[j] ← numerators[j] / values[j]` for `j < count`, four denominators to a division.
    ///
    /// Each reciprocal is `1/(d₁d₂d₃d₄)` times the other three. Each denominator lies in
    /// [1, 1 + e^40], so the products stay finite.
    @inline(__always)
    private func reciprocals(
        _ values: UnsafeMutablePointer<Lanes>, numerators: UnsafeMutablePointer<Lanes>, count: Int
    ) {
        var j = 0
        while j + 4 <= count {
            let (d1, d2, d3, d4) = (values[j], values[j + 1], values[j + 2], values[j + 3])
            let p12 = d1 * d2
            let p34 = d3 * d4
            let r = 1 / (p12 * p34)
            let r12 = r * p34
            let r34 = r * p12
            values[j] = numerators[j] * d2 * r12
            values[j + 1] = numerators[j + 1] * d1 * r12
            values[j + 2] = numerators[j + 2] * d4 * r34
            values[j + 3] = numerators[j + 3] * d3 * r34
            j += 4
        }
        while j < count {
            values[j] = numerators[j] / values[j]
            j += 1
        }
    }
}
