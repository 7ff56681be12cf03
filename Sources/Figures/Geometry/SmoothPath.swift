/// One cubic Bézier piece: from the previous end through two controls to `end`.
struct CubicPiece: Equatable, Sendable {
    var control1: PixelPoint
    var control2: PixelPoint
    var end: PixelPoint
}

/// A smooth path through points: Catmull–Rom splines written as cubic Béziers.
struct SmoothPath: Equatable, Sendable {
    var start: PixelPoint
    var pieces: [CubicPiece]
    var closed: Bool

    /// The smooth curve through every point of `line`, or nil when fewer than two remain.
    ///
    /// Points closer than `minimumGap` pixels to the previous one are dropped first.
    init?(through line: Polyline, minimumGap: Double = 0.3) {
        var points: [PixelPoint] = []
        for p in line.points {
            if let last = points.last, distance(last, p) < minimumGap { continue }
            points.append(p)
        }
        if line.closed, points.count > 2, let first = points.first, let last = points.last,
            distance(first, last) < minimumGap
        {
            points.removeLast()
        }
        guard points.count >= 2 else { return nil }
        let closed = line.closed && points.count >= 3
        let n = points.count
        func at(_ k: Int) -> PixelPoint {
            if closed { return points[(k % n + n) % n] }
            return points[min(max(k, 0), n - 1)]
        }
        var pieces: [CubicPiece] = []
        let count = closed ? n : n - 1
        for k in 0..<count {
            let (p0, p1, p2, p3) = (at(k - 1), at(k), at(k + 1), at(k + 2))
            let c1 = PixelPoint(p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6)
            let c2 = PixelPoint(p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6)
            pieces.append(CubicPiece(control1: c1, control2: c2, end: p2))
        }
        self.start = points[0]
        self.pieces = pieces
        self.closed = closed
    }

    /// Adds the path to the canvas's current path.
    func append(to canvas: Canvas) {
        canvas.move(to: start)
        for piece in pieces {
            canvas.curve(piece.control1, piece.control2, to: piece.end)
        }
        if closed { canvas.closePath() }
    }
}

/// The distance between two pixel positions.
func distance(_ p: PixelPoint, _ q: PixelPoint) -> Double {
    ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
}
