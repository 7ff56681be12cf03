import Foundation

/// Eight pixels' values in single precision: the unit of work of the shading path.
package typealias Octet = SIMD8<Float>

/// The fast evaluator: a network value along a row of pixels in single precision.
///
/// It works an ``Octet`` at a time, for shading: only 8-bit colour has to be right there
/// (boundaries are traced from ``ModelEvaluator``'s exact values instead). It agrees with
/// ``ModelEvaluator`` to 1e-3 in `z` (a shade step is 1/256 of a unit of `z`), as the tests check.
///
/// A first-layer unit's `z` is linear along a row, so in each run of 64 pixels where
/// `|z| ≤ 40` its `e^(−zᵢ)` comes from eight exact values and the recurrence
/// `e^(−zᵢ₊₈) = e^(−zᵢ)·e^(−8d)`: a multiply and a divide per pixel, relative error below 1e-6.
/// Runs beyond ±40 are 0 or 1 (to within 5e-18); runs that cross ±40 are evaluated directly.
/// When the first layer feeds the target, its units are summed straight into the target's `z`.
/// Deeper layers use Backprop's four-lane functions. Owns its buffers; one per thread.
///
/// With `plain` it runs the fast engine's own pass instead (``ModelEvaluator/preactivations(_:x1:dx:x2:into:)``,
/// rounded to single precision): the path its speed is measured against
/// (`ERROREST_PLAIN_ROWS=1 errorest-bench frames`, Performance).
package final class FastRow {
    let net: ModelEvaluator
    let target: ModelValue
    package let width: Int
    /// Octets per row: `width` rounded up to whole octets (the extra lanes are computed too).
    let octets: Int
    private let last: Int
    private let unit: Int
    /// Activations of the hidden layers below the target's, `units × octets` each; empty when
    /// the first layer is summed straight into ``z``.
    private var buffers: [UnsafeMutablePointer<Octet>] = []
    /// The target's `z` along the row, after ``evaluate(x1:dx:x2:)``.
    package let z: UnsafeMutablePointer<Octet>

    /// Runs of `|z|` beyond this are saturated: `σ` is 0 or 1 to within 5e-18.
    static let limit = 40.0
    /// Pixels per exact restart of the recurrence.
    static let run = 64

    /// Whether rows run the fast engine's plain pass (see the type).
    let plain: Bool
    /// The plain pass's values, `8 × octets` of them, when ``plain``.
    private var exact: [Double] = []

    /// Whether rows take the plain pass unless told otherwise: only where
    /// `ERROREST_PLAIN_ROWS=1` is set, so that the bench can time the frames both ways.
    static let plainByDefault =
        ProcessInfo.processInfo.environment["ERROREST_PLAIN_ROWS"] == "1"

    package init(
        net: ModelEvaluator, target: ModelValue, width: Int, plain: Bool = FastRow.plainByDefault
    ) {
        self.plain = plain
        self.net = net
        self.target = target
        self.width = max(1, width)
        octets = (self.width + 7) / 8
        last = net.layerIndex(of: target)
        unit = target.unitIndex
        if last >= 2 {
            for l in 0..<last {
                buffers.append(.allocate(capacity: net.sizes[l + 1] * octets))
            }
        }
        z = .allocate(capacity: octets)
        if plain { exact = [Double](repeating: 0, count: 8 * octets) }
    }

    deinit {
        for b in buffers { b.deallocate() }
        z.deallocate()
    }

    /// The target's `z` at pixel `i` of the last row evaluated.
    package subscript(i: Int) -> Float { z[i / 8][i % 8] }

    /// Fills ``z`` with the target's pre-activation at `(x1 + i·dx, x2)` for `i` in `0..<width`.
    package func evaluate(x1: Double, dx: Double, x2: Double) {
        if plain {
            exact.withUnsafeMutableBufferPointer { exact in
                net.preactivations(target, x1: x1, dx: dx, x2: x2, into: exact)
                for o in 0..<octets {
                    z[o] = Octet(
                        lowHalf: SIMD4<Float>(Lanes(exact[(8 * o)..<(8 * o + 4)])),
                        highHalf: SIMD4<Float>(Lanes(exact[(8 * o + 4)..<(8 * o + 8)])))
                }
            }
            return
        }
        let theta = net.parameters
        func line(_ j: Int) -> (z0: Double, d: Double) {
            let w = theta.weights(layer: 0, unit: j)
            let (w1, w2) = (w[w.startIndex], w[w.startIndex + 1])
            return (theta.bias(layer: 0, unit: j) + w1 * x1 + w2 * x2, w1 * dx)
        }
        if last == 0 {
            let (z0, d) = line(unit)
            FastRow.linear(z, z0: z0, d: d, octets: octets)
            return
        }
        let first = net.sizes[1]
        if last == 1 {
            // Summed straight into z: z = b + Σ v_j·g(z_j), with tanh as 2σ(2z) − 1.
            let v = theta.weights(layer: 1, unit: unit)
            var base = theta.bias(layer: 1, unit: unit)
            if net.activation == .tanh {
                for j in 0..<first { base -= v[v.startIndex + j] }
            }
            z.update(repeating: Octet(repeating: Float(base)), count: octets)
            for j in 0..<first {
                let (z0, d) = line(j)
                accumulate(into: z, z0: z0, d: d, weight: v[v.startIndex + j])
            }
            return
        }
        for j in 0..<first {
            let row = buffers[0] + j * octets
            let (z0, d) = line(j)
            row.update(
                repeating: Octet(repeating: net.activation == .tanh ? -1 : 0), count: octets)
            accumulate(into: row, z0: z0, d: d, weight: 1)
        }
        for l in 1...last {
            let units = l == last ? unit...unit : 0...(net.sizes[l + 1] - 1)
            for j in units {
                let out = l == last ? z : buffers[l] + j * octets
                weightedSum(layer: l, unit: j, into: out)
                if l < last { activate(out) }
            }
        }
    }

    /// `out += weight · g(z0 + i·d)` for a first-layer unit, `g` the hidden activation (tanh is
    /// added as `2·weight·σ(2z)`; the caller adds the `−weight`).
    private func accumulate(
        into out: UnsafeMutablePointer<Octet>, z0: Double, d: Double, weight: Double
    ) {
        switch net.activation {
        case .relu:
            let v = Float(weight)
            for o in 0..<octets {
                let zs = FastRow.linearOctet(z0: z0, d: d, at: o)
                out[o] += v * zs.replacing(with: 0, where: zs .< 0)
            }
        case .sigmoid:
            FastRow.logistic(into: out, z0: z0, d: d, weight: weight, octets: octets)
        case .tanh:
            FastRow.logistic(into: out, z0: 2 * z0, d: 2 * d, weight: 2 * weight, octets: octets)
        }
    }

    /// `z0 + i·d` for the eight pixels of octet `o`.
    @inline(__always)
    private static func linearOctet(z0: Double, d: Double, at o: Int) -> Octet {
        let iota = Octet(0, 1, 2, 3, 4, 5, 6, 7)
        return Octet(repeating: Float(z0 + Double(8 * o) * d)) + iota * Float(d)
    }

    /// `out[i] = z0 + i·d`.
    static func linear(_ out: UnsafeMutablePointer<Octet>, z0: Double, d: Double, octets: Int) {
        for o in 0..<octets { out[o] = linearOctet(z0: z0, d: d, at: o) }
    }

    /// `out[i] += weight · σ(z0 + i·d)` for `i` in `0..<8·octets`, by the runs described on the
    /// type.
    static func logistic(
        into out: UnsafeMutablePointer<Octet>, z0: Double, d: Double, weight: Double, octets: Int
    ) {
        let v = Octet(repeating: Float(weight))
        let perRun = run / 8
        let low = Lanes(0, 1, 2, 3)
        let high = Lanes(4, 5, 6, 7)
        // e^(−8d) and e^(−64d), used only within and between runs inside ±limit, where they are
        // far from overflowing.
        let steps = exponential(-d * Lanes(8, Double(run), 0, 0))
        let step = Float(steps[0])
        let jump = steps[1]
        // e^(−z) at the start of the previous run, in double precision, if it was inside.
        var seed: (Lanes, Lanes)?
        var start = 0
        while start < octets {
            let end = min(start + perRun, octets)
            let za = z0 + Double(8 * start) * d
            let zb = z0 + Double(8 * end - 1) * d
            let (lo, hi) = (min(za, zb), max(za, zb))
            let inside = lo >= -limit && hi <= limit
            if inside {
                // Exact at the first run inside; carried on from run to run after that.
                let (e0, e1) =
                    seed.map { ($0.0 * jump, $0.1 * jump) }
                    ?? (exponential(-(za + low * d)), exponential(-(za + high * d)))
                var a = Octet(lowHalf: SIMD4<Float>(e0), highHalf: SIMD4<Float>(e1))
                for o in start..<end {
                    out[o] += v / (1 + a)
                    a *= step
                }
                seed = (e0, e1)
            } else if lo > limit {
                for o in start..<end { out[o] += v }
            } else if hi >= -limit {
                // The run crosses ±limit: each value directly.
                for o in start..<end {
                    let zo = z0 + Double(8 * o) * d
                    let s0 = sigmoid(zo + low * d)
                    let s1 = sigmoid(zo + high * d)
                    out[o] += v * Octet(lowHalf: SIMD4<Float>(s0), highHalf: SIMD4<Float>(s1))
                }
            }
            // Below −limit, σ is 0.
            if !inside { seed = nil }
            start = end
        }
    }

    /// `out = b + Σ w·a` for unit `j` of layer `l ≥ 1`, from the row buffers of layer `l − 1`.
    private func weightedSum(layer l: Int, unit j: Int, into out: UnsafeMutablePointer<Octet>) {
        let w = net.parameters.weights(layer: l, unit: j)
        out.update(
            repeating: Octet(repeating: Float(net.parameters.bias(layer: l, unit: j))),
            count: octets)
        let input = buffers[l - 1]
        for k in 0..<w.count {
            let wk = Float(w[w.startIndex + k])
            let a = input + k * octets
            for o in 0..<octets { out[o] += wk * a[o] }
        }
    }

    /// Applies the hidden activation in place, four lanes at a time in double precision.
    private func activate(_ v: UnsafeMutablePointer<Octet>) {
        switch net.activation {
        case .relu:
            for o in 0..<octets { v[o] = v[o].replacing(with: 0, where: v[o] .< 0) }
        case .sigmoid:
            for o in 0..<octets {
                v[o] = Octet(
                    lowHalf: SIMD4<Float>(sigmoid(Lanes(v[o].lowHalf))),
                    highHalf: SIMD4<Float>(sigmoid(Lanes(v[o].highHalf))))
            }
        case .tanh:
            for o in 0..<octets {
                v[o] = Octet(
                    lowHalf: SIMD4<Float>(hyperbolicTangent(Lanes(v[o].lowHalf))),
                    highHalf: SIMD4<Float>(hyperbolicTangent(Lanes(v[o].highHalf))))
            }
        }
    }
}
