import Backprop

/// `σ(z)` by linear interpolation in a table, for the pixel loops.
///
/// 64 entries per unit of `z` over `[−30, 30]`: the interpolation error is below
/// `h²/8 · max|σ″| ≈ 3e-6`, far below a level of 8-bit colour; beyond ±30, `σ` is within 1e-13
/// of 0 or 1. Boundaries are never traced from this table, only from exact values.
enum SigmoidTable {
    static let range = 30.0
    static let perUnit = 64.0
    static let values: [Double] = {
        let count = Int(2 * range * perUnit) + 1
        return (0..<count).map { sigmoid(-range + Double($0) / perUnit) }
    }()

    /// Applies `σ` (or, with `doubled`, `tanh(z) = 2σ(2z) − 1`) to `count` values in place.
    static func apply(_ z: UnsafeMutablePointer<Double>, count: Int, tanh doubled: Bool) {
        values.withUnsafeBufferPointer { table in
            guard let t = table.baseAddress else { return }
            let last = Double(table.count - 1) - 1e-9
            let scale = doubled ? 2 * perUnit : perUnit
            for i in 0..<count {
                var u = (z[i] * scale) + range * perUnit
                u = u > 0 ? (u < last ? u : last) : 0
                let k = Int(u)
                let f = u - Double(k)
                let s = t[k] + f * (t[k + 1] - t[k])
                z[i] = doubled ? 2 * s - 1 : s
            }
        }
    }
}
