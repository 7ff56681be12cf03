/// Antialiased strokes of curved paths written into an image's pixels, for raster figures.
///
/// Paths are flattened into segments finer than a tenth of a pixel. A pixel's coverage by a
/// segment is the exact area of the pixel square between the stroke's sides, for pixels whose
/// centres lie along the segment; each segment runs on past its ends just far enough to meet
/// its neighbours' outer sides, which makes mitred joins (as a smooth path wants, and as Cairo
/// draws them when asked). Ends of open paths and sharp turns get round discs. The stroke is
/// the union — the largest coverage — of its pieces, swept row by row.
enum PathRaster {
    /// One piece of the stroke: a band along a segment, or a disc.
    private struct Piece {
        let a: PixelPoint
        let u: PixelPoint  // unit vector along
        let n: PixelPoint  // unit normal
        /// The band's extent along `u` from `a`; a disc has none.
        let from: Double
        let to: Double
        let isDisc: Bool
        let area: StrokeRaster.Area
        let top: Double
        let bottom: Double

        /// The band along `a`→`b`, from `before` ahead of `a` to `after` past `b`.
        init(band a: PixelPoint, _ b: PixelPoint, before: Double, after: Double, reach: Double) {
            self.a = a
            let length = distance(a, b)
            u = PixelPoint((b.x - a.x) / length, (b.y - a.y) / length)
            n = PixelPoint(-u.y, u.x)
            from = -before
            to = length + after
            isDisc = false
            area = StrokeRaster.Area(n)
            let ends = [a.y - before * u.y, b.y + after * u.y]
            top = (ends.min() ?? a.y) - reach
            bottom = (ends.max() ?? a.y) + reach
        }

        /// A disc around `c`.
        init(disc c: PixelPoint, reach: Double) {
            a = c
            u = PixelPoint(1, 0)
            n = PixelPoint(0, 1)
            from = 0
            to = 0
            isDisc = true
            area = StrokeRaster.Area(n)
            top = c.y - reach
            bottom = c.y + reach
        }
    }

    /// Turns sharper than this (the cosine of the angle between segments) get a round join.
    static let sharpTurn = 0.0

    /// Strokes `paths` together, `width` pixels wide with round caps and mitred joins, in
    /// `colour` (with its opacity), inside `clip` (whole pixels).
    static func stroke(
        _ paths: [SmoothPath], width: Double, colour: Colour, clip: Rect, onto image: PixelImage,
        tolerance: Double = 0.1
    ) {
        let half = width / 2
        // Beyond this distance from a piece a pixel's centre gets nothing.
        let reach = half + 0.5 * 2.squareRoot()
        var pieces: [Piece] = []
        for path in paths {
            var points = [path.start]
            for piece in path.pieces {
                for p in flattened(from: points[points.count - 1], piece, tolerance: tolerance)
                where distance(p, points[points.count - 1]) > 1e-6 {
                    points.append(p)
                }
            }
            let closed = path.closed && points.count > 2
            if closed, let first = points.first, let last = points.last,
                distance(first, last) <= 1e-6
            {
                points.removeLast()
            }
            append(points, closed: closed, half: half, reach: reach, to: &pieces)
        }
        let x0 = max(0, Int(clip.minX))
        let x1 = min(image.width, Int(clip.maxX))
        let y0 = max(0, Int(clip.minY))
        let y1 = min(image.height, Int(clip.maxY))
        guard x0 < x1, y0 < y1, !pieces.isEmpty, width > 0 else { return }
        pieces.sort { $0.top < $1.top }
        let colourRGB = (colour.red * 255, colour.green * 255, colour.blue * 255)
        let opacity = min(1, max(0, colour.alpha))
        var coverage = [Float](repeating: 0, count: x1 - x0)
        var active: [Int] = []
        var next = 0
        coverage.withUnsafeMutableBufferPointer { buffer in
            guard let cover = buffer.baseAddress.map({ $0 - x0 }) else { return }
            pieces.withUnsafeBufferPointer { pieces in
                for y in y0..<y1 {
                    let cy = Double(y) + 0.5
                    active.removeAll { pieces[$0].bottom < cy }
                    while next < pieces.count && pieces[next].top <= cy {
                        if pieces[next].bottom >= cy { active.append(next) }
                        next += 1
                    }
                    if active.isEmpty && next == pieces.count { break }
                    var lo = x1
                    var hi = x0
                    for k in active {
                        let range = raise(cover, by: pieces[k], row: cy, half: half, reach: reach)
                        lo = min(lo, range.lowerBound)
                        hi = max(hi, range.upperBound)
                    }
                    guard lo < hi else { continue }
                    let row = image.row(y)
                    for x in lo..<hi where cover[x] > 0 {
                        row[x] = StrokeRaster.blend(
                            row[x], colourRGB, opacity * Double(min(1, cover[x])))
                        cover[x] = 0
                    }
                }
            }
        }

        /// Raises `cover[x]` to the piece's coverage of pixel `x` of the row whose centres are
        /// at `cy`, within the clip; returns the columns it looked at.
        func raise(
            _ cover: UnsafeMutablePointer<Float>, by p: Piece, row cy: Double, half: Double,
            reach: Double
        ) -> Range<Int> {
            let ry = cy - p.a.y
            var lo = Double(x0)
            var hi = Double(x1)
            if p.isDisc {
                StrokeRaster.narrow(&lo, &hi, p.u, from: p.a, ry, -reach, reach)
            } else {
                StrokeRaster.narrow(&lo, &hi, p.n, from: p.a, ry, -reach, reach)
                StrokeRaster.narrow(&lo, &hi, p.u, from: p.a, ry, p.from, p.to)
            }
            guard lo < hi else { return x0..<x0 }
            let range = Int(lo)..<Int(hi)
            for x in range {
                let rx = Double(x) + 0.5 - p.a.x
                let value: Double
                if p.isDisc {
                    // Round: linear in the distance from the centre.
                    let d = (rx * rx + ry * ry).squareRoot()
                    value = min(1, max(0, half + 0.5 - d))
                } else {
                    let t = p.u.x * rx + p.u.y * ry
                    guard t >= p.from && t <= p.to else { continue }
                    let s = p.n.x * rx + p.n.y * ry
                    value = p.area(half - s) - p.area(-half - s)
                }
                let v = Float(value)
                if v > cover[x] { cover[x] = v }
            }
            return range
        }
    }

    /// Appends the bands and discs of the polyline through `points`.
    private static func append(
        _ points: [PixelPoint], closed: Bool, half: Double, reach: Double, to pieces: inout [Piece]
    ) {
        let m = points.count
        guard m >= 2 else {
            if let p = points.first { pieces.append(Piece(disc: p, reach: reach)) }
            return
        }
        let segments = closed ? m : m - 1
        func direction(_ i: Int) -> PixelPoint {
            let a = points[i % m]
            let b = points[(i + 1) % m]
            let length = distance(a, b)
            return PixelPoint((b.x - a.x) / length, (b.y - a.y) / length)
        }
        /// How far the bands meeting at the start of segment `i` run on, or nil for a disc.
        func mitre(_ i: Int) -> Double? {
            guard closed || i > 0 else { return nil }
            let u = direction((i + segments - 1) % segments)
            let v = direction(i)
            let c = u.x * v.x + u.y * v.y
            guard c > sharpTurn else { return nil }
            return half * max(0, (1 - c) / (1 + c)).squareRoot()  // half · tan(θ/2)
        }
        var joins: [Double?] = (0..<segments).map(mitre)
        if !closed { joins.append(nil) }
        for i in 0..<segments {
            let before = joins[i]
            let after = closed ? joins[(i + 1) % segments] : joins[i + 1]
            pieces.append(
                Piece(
                    band: points[i], points[(i + 1) % m], before: before ?? 0, after: after ?? 0,
                    reach: reach))
            if before == nil { pieces.append(Piece(disc: points[i], reach: reach)) }
        }
        if !closed, let last = points.last { pieces.append(Piece(disc: last, reach: reach)) }
    }

    /// The ends of the straight pieces that follow `piece` from `start` to within `tolerance`
    /// pixels (its last point is the piece's end), by halving the piece until its control
    /// points lie that close to its chord (the curve stays inside their hull).
    static func flattened(from start: PixelPoint, _ piece: CubicPiece, tolerance: Double)
        -> [PixelPoint]
    {
        var out: [PixelPoint] = []
        func split(
            _ p0: PixelPoint, _ p1: PixelPoint, _ p2: PixelPoint, _ p3: PixelPoint, depth: Int
        ) {
            let dx = p3.x - p0.x
            let dy = p3.y - p0.y
            let chord = (dx * dx + dy * dy).squareRoot()
            func off(_ p: PixelPoint) -> Double {
                chord > 1e-9
                    ? abs((p.x - p0.x) * dy - (p.y - p0.y) * dx) / chord : distance(p, p0)
            }
            if depth >= 16 || max(off(p1), off(p2)) <= tolerance {
                out.append(p3)
                return
            }
            func mid(_ a: PixelPoint, _ b: PixelPoint) -> PixelPoint {
                PixelPoint((a.x + b.x) / 2, (a.y + b.y) / 2)
            }
            let (a, b, c) = (mid(p0, p1), mid(p1, p2), mid(p2, p3))
            let (d, e) = (mid(a, b), mid(b, c))
            let m = mid(d, e)
            split(p0, a, d, m, depth: depth + 1)
            split(m, e, c, p3, depth: depth + 1)
        }
        split(start, piece.control1, piece.control2, piece.end, depth: 0)
        return out
    }
}
