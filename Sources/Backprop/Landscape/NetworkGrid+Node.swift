import Foundation

extension NetworkGrid {
    /// Adds the point vectors `points` to one node's sums; `z0`, `zu`, `zv`, the column factors
    /// (from the node's column on) and the row factors hold those vectors only.
    @inline(__always)
    func node(
        theta: UnsafeMutablePointer<Lanes>, a: Double, b: Double, points: Range<Int>,
        z0: UnsafeBufferPointer<Lanes>, zu: UnsafeBufferPointer<Lanes>,
        zv: UnsafeBufferPointer<Lanes>, columnFactors: UnsafeBufferPointer<Lanes>?,
        rowFactors: UnsafeMutablePointer<Lanes>, scratch: UnsafeMutablePointer<Lanes>,
        sums: inout Sums
    ) {
        let layers = widths.count - 1
        let zero = Lanes(repeating: 0)
        var linear = sums.linear
        // Π (1 + e^(−|z|)) as upper / lower: each factor within [1, 2], each lane's product of
        // 128 factors within [0.7¹²⁸, 3¹²⁸].
        var upper = sums.upper
        var lower = sums.lower
        var logarithm = sums.logarithm
        let maxWidth = widths.max() ?? 1
        let numerators = scratch + 2 * maxWidth
        let one = Lanes(repeating: 1)
        let cap = Lanes(repeating: 0x1.a220_d397_972e_bp57)  // e^40
        let isSigmoid = activation == .sigmoid
        let hidden = activation
        for k in points {
            let local = k - points.lowerBound
            // First hidden layer, into the first half of the scratch.
            var below = scratch
            var above = scratch + maxWidth
            if let columnFactors {
                // σ(z) = 1 / (1 + e^(−z)), e^(−z) capped at e^40 (σ then differs from 0 by
                // less than 5e-18) so that four denominators share one division.
                for j in 0..<widths[1] {
                    let index = local * widths[1] + j
                    let e = columnFactors[index] * rowFactors[index]
                    below[j] = 1 + e.replacing(with: cap, where: e .> cap)
                    above[j] = one
                }
                reciprocals(below, numerators: above, count: widths[1])
            } else {
                for j in 0..<widths[1] {
                    let index = local * widths[1] + j
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
        sums = Sums(linear: linear, upper: upper, lower: lower, logarithm: logarithm)
    }

    /// The product of the four lanes of `upper` over that of `lower`.
    @inline(__always)
    func ratio(_ upper: Lanes, _ lower: Lanes) -> Double {
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
