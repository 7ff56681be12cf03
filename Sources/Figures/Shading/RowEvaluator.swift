import Backprop
import Foundation

/// Evaluates a network value along a row of equally spaced points, exactly and fast.
///
/// Along a row, a first-layer unit's `z` is linear: `zᵢ = z₀ + i·d`. So `e^(−zᵢ)` follows the
/// recurrence `e^(−zᵢ₊₄) = e^(−zᵢ) · e^(−4d)`, restarted from a true `exp` every 256 points: the
/// relative error stays below 1e-13, with one multiply and one divide per point instead of an
/// `exp`. Where `|z| > 40`, `σ` is 0 or 1 to within 5e-18 and is written as such. Deeper layers
/// use `exp` and `tanh` directly. Owns its buffers; one evaluator per thread.
final class RowEvaluator {
    let net: PlainNetwork
    let target: FieldTarget
    let width: Int
    private let last: Int
    private let unit: Int
    /// Activations of every layer below the target's, `units × width` each.
    private var buffers: [UnsafeMutablePointer<Double>] = []
    /// The target's `z` along the row, after ``evaluate(x1:dx:x2:)``.
    let z: UnsafeMutablePointer<Double>

    init(net: PlainNetwork, target: FieldTarget, width: Int) {
        self.net = net
        self.target = target
        self.width = max(1, width)
        last = net.layerIndex(of: target)
        if case .unit(_, let u) = target { unit = u } else { unit = 0 }
        for l in 0..<last {
            buffers.append(.allocate(capacity: net.sizes[l + 1] * self.width))
        }
        z = .allocate(capacity: self.width)
    }

    deinit {
        for b in buffers { b.deallocate() }
        z.deallocate()
    }

    /// Fills ``z`` with the target's pre-activation at `(x1 + i·dx, x2)` for `i` in `0..<width`.
    func evaluate(x1: Double, dx: Double, x2: Double) {
        let n = width
        for l in 0...last {
            let nIn = net.sizes[l]
            let w = net.weights[l]
            let b = net.biases[l]
            let units = l == last ? unit...unit : 0...(net.sizes[l + 1] - 1)
            for j in units {
                let out = l == last ? z : buffers[l] + j * n
                if l == 0 {
                    let z0 = b[j] + w[2 * j] * x1 + w[2 * j + 1] * x2
                    let d = w[2 * j] * dx
                    if l < last {
                        firstLayerActivation(out, z0: z0, d: d)
                    } else {
                        for i in 0..<n { out[i] = z0 + Double(i) * d }
                    }
                    continue
                }
                let input = buffers[l - 1]
                let bias = b[j]
                for i in 0..<n { out[i] = bias }
                for k in 0..<nIn {
                    let wk = w[j * nIn + k]
                    let a = input + k * n
                    for i in 0..<n { out[i] += wk * a[i] }
                }
                if l < last { RowEvaluator.activate(out, count: n, net.activation) }
            }
        }
    }

    /// The activation of a first-layer unit whose `z` is `z0 + i·d` along the row.
    private func firstLayerActivation(_ out: UnsafeMutablePointer<Double>, z0: Double, d: Double) {
        let n = width
        switch net.activation {
        case .relu:
            for i in 0..<n {
                let v = z0 + Double(i) * d
                out[i] = v > 0 ? v : 0
            }
        case .sigmoid:
            RowEvaluator.logistic(out, z0: z0, d: d, count: n)
        case .tanh:
            // tanh z = 2σ(2z) − 1
            RowEvaluator.logistic(out, z0: 2 * z0, d: 2 * d, count: n)
            for i in 0..<n { out[i] = 2 * out[i] - 1 }
        }
    }

    /// `σ(z0 + i·d)` for `i` in `0..<count`, by the recurrence described on the type.
    static func logistic(
        _ out: UnsafeMutablePointer<Double>, z0: Double, d: Double, count n: Int
    ) {
        let limit = 40.0
        // The index range where |z| ≤ limit; outside it σ is 0 or 1.
        var lo = 0
        var hi = n - 1
        if d == 0 {
            if abs(z0) > limit {
                let v: Double = z0 > 0 ? 1 : 0
                for i in 0..<n { out[i] = v }
                return
            }
        } else {
            let a = (-limit - z0) / d
            let b = (limit - z0) / d
            let first = min(a, b).rounded(.up)
            let lastIndex = max(a, b).rounded(.down)
            lo = first > 0 ? (first < Double(n) ? Int(first) : n) : 0
            hi = lastIndex < Double(n - 1) ? (lastIndex >= 0 ? Int(lastIndex) : -1) : n - 1
        }
        for i in 0..<min(lo, n) { out[i] = z0 + Double(i) * d > 0 ? 1 : 0 }
        if hi < n - 1 {
            for i in max(hi + 1, 0)..<n { out[i] = z0 + Double(i) * d > 0 ? 1 : 0 }
        }
        guard lo <= hi else { return }
        logisticRun(out, z0: z0, d: d, lo: lo, hi: hi)
    }

    /// `σ` over `lo...hi` in double precision (relative error below 1e-13).
    private static func logisticRun(
        _ out: UnsafeMutablePointer<Double>, z0: Double, d: Double, lo: Int, hi: Int
    ) {
        let step4 = exp(-4 * d)
        var start = lo
        while start <= hi {
            // Four exact values, then four independent products per step: e(i+4) = e(i)·e^(−4d).
            let end = min(hi, start &+ 255)
            var a = SIMD4<Double>(
                exp(-(z0 + Double(start) * d)), exp(-(z0 + Double(start + 1) * d)),
                exp(-(z0 + Double(start + 2) * d)), exp(-(z0 + Double(start + 3) * d)))
            var i = start
            while i &+ 3 <= end {
                let v = 1 / (1 + a)
                (out[i], out[i &+ 1], out[i &+ 2], out[i &+ 3]) = (v[0], v[1], v[2], v[3])
                a *= step4
                i &+= 4
            }
            for k in 0..<(end &+ 1 &- i) { out[i &+ k] = 1 / (1 + a[k]) }
            start = end &+ 1
        }
    }

    /// Applies a hidden activation to `count` values in place, exactly.
    static func activate(_ v: UnsafeMutablePointer<Double>, count: Int, _ g: Activation) {
        switch g {
        case .sigmoid:
            for i in 0..<count { v[i] = sigmoid(v[i]) }
        case .tanh:
            for i in 0..<count { v[i] = tanh(v[i]) }
        case .relu:
            for i in 0..<count where v[i] < 0 { v[i] = 0 }
        }
    }
}
