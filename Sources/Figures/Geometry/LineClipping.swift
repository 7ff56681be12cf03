import Backprop

/// The line `w1·x1 + w2·x2 + b = 0` in implicit form, as a unit's weights give it.
struct ImplicitLine: Equatable, Sendable {
    var w1: Double
    var w2: Double
    var b: Double

    init(w1: Double, w2: Double, b: Double) {
        self.w1 = w1
        self.w2 = w2
        self.b = b
    }

    /// `w1·x1 + w2·x2 + b` at a point: positive on the blue side.
    func value(_ x1: Double, _ x2: Double) -> Double {
        w1 * x1 + w2 * x2 + b
    }

    /// False when both weights are zero: then no line exists.
    var isLine: Bool { (w1 != 0 || w2 != 0) && w1.isFinite && w2.isFinite && b.isFinite }

    /// The part of the line inside `domain` (its ends on the border), or nil if the line misses
    /// the domain or only touches a corner.
    ///
    /// Works on the signs of the implicit form at the four corners, so vertical and horizontal
    /// lines need no special case.
    func clipped(to domain: Domain) -> (Point, Point)? {
        guard isLine else { return nil }
        let xs = [domain.x1.lowerBound, domain.x1.upperBound]
        let ys = [domain.x2.lowerBound, domain.x2.upperBound]
        // Corners in order around the rectangle.
        let corners = [
            Point(xs[0], ys[0]), Point(xs[1], ys[0]), Point(xs[1], ys[1]), Point(xs[0], ys[1]),
        ]
        let values = corners.map { value($0.x1, $0.x2) }
        var found: [Point] = []
        func add(_ p: Point) {
            let tolerance = 1e-12 * max(1, abs(p.x1) + abs(p.x2))
            if !found.contains(where: {
                abs($0.x1 - p.x1) <= tolerance && abs($0.x2 - p.x2) <= tolerance
            }) {
                found.append(p)
            }
        }
        for k in 0..<4 {
            let (p, q) = (corners[k], corners[(k + 1) % 4])
            let (fp, fq) = (values[k], values[(k + 1) % 4])
            if fp == 0 { add(p) }
            if fp == 0 || fq == 0 || (fp < 0) == (fq < 0) { continue }
            // The crossing along the edge, solved exactly on the axis the edge runs along.
            if p.x2 == q.x2 {
                add(Point(min(max(-(w2 * p.x2 + b) / w1, xs[0]), xs[1]), p.x2))
            } else {
                add(Point(p.x1, min(max(-(w1 * p.x1 + b) / w2, ys[0]), ys[1])))
            }
        }
        guard found.count >= 2 else { return nil }
        // A line through the whole rectangle meets its border twice; keep the farthest pair.
        var best = (found[0], found[1])
        var bestDistance = -1.0
        for i in 0..<found.count {
            for j in (i + 1)..<found.count {
                let d = distanceSquared(found[i], found[j])
                if d > bestDistance {
                    bestDistance = d
                    best = (found[i], found[j])
                }
            }
        }
        return bestDistance > 0 ? best : nil
    }

    private func distanceSquared(_ p: Point, _ q: Point) -> Double {
        (p.x1 - q.x1) * (p.x1 - q.x1) + (p.x2 - q.x2) * (p.x2 - q.x2)
    }
}
