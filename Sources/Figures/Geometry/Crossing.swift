/// Where a level is crossed on one grid edge from `p` (value `fp`) to `q` (value `fq`).
///
/// First by linear interpolation, then by up to six steps of the Illinois method (modified regula
/// falsi) on exact values, bracketing the crossing; a step at a time, so that the crossings of a
/// whole curve can be refined together (``refine(_:exactMany:)``) by the same steps as one alone.
struct Crossing {
    let p: PixelPoint
    let q: PixelPoint
    let level: Double
    /// Where along the edge the crossing is: 0 at `p`, 1 at `q`.
    private(set) var t: Double
    private var (t0, g0): (Double, Double)
    private var (t1, g1): (Double, Double)
    private var side = 0
    private var steps = 0
    /// True when no exact value is asked for any more.
    private(set) var settled: Bool

    static let maximumSteps = 6

    init(_ p: PixelPoint, _ fp: Double, _ q: PixelPoint, _ fq: Double, level: Double) {
        (self.p, self.q, self.level) = (p, q, level)
        (t0, g0) = (0, fp - level)
        (t1, g1) = (1, fq - level)
        settled = fq == fp
        t = fq == fp ? 0.5 : min(1, max(0, (level - fp) / (fq - fp)))
    }

    /// The crossing as far as it is refined.
    var point: PixelPoint { PixelPoint(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t) }

    /// One Illinois step from the exact value at ``point``.
    mutating func step(exact value: Double) {
        let g = value - level
        steps += 1
        if g == 0 || !g.isFinite {
            settled = true
            return
        }
        if (g < 0) == (g0 < 0) {
            (t0, g0) = (t, g)
            if side == -1 { g1 /= 2 }
            side = -1
        } else {
            (t1, g1) = (t, g)
            if side == 1 { g0 /= 2 }
            side = 1
        }
        guard g1 != g0 else {
            settled = true
            return
        }
        t = min(t1, max(t0, t0 - g0 * (t1 - t0) / (g1 - g0)))
        if steps == Crossing.maximumSteps { settled = true }
    }

    /// Refines the crossing on `exact`, a point at a time.
    mutating func refine(_ exact: (PixelPoint) -> Double) {
        while !settled { step(exact: exact(point)) }
    }

    /// Refines every crossing by the steps ``refine(_:)`` takes, each round asking `exactMany`
    /// for the exact values at every unsettled crossing's point at once (which lets a network
    /// evaluate them four to a vector instead of one).
    static func refine(_ crossings: inout [Crossing], exactMany: ([PixelPoint]) -> [Double]) {
        var open = crossings.indices.filter { !crossings[$0].settled }
        while !open.isEmpty {
            let values = exactMany(open.map { crossings[$0].point })
            for (k, value) in zip(open, values) { crossings[k].step(exact: value) }
            // A value not given settles its crossing where it is, rather than asking forever.
            for k in open.dropFirst(values.count) { crossings[k].settled = true }
            open.removeAll { crossings[$0].settled }
        }
    }
}
