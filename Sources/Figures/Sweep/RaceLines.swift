/// How a race's plane strokes its runners' paths: every line equally wide, each over a white
/// halo, in the runners' order; where a later line runs over an earlier one, the earlier is
/// widened there into a band around it (one band per line on top), so paths that run together
/// show as nested bands and elsewhere no path is wider than another.
struct RaceLines {
    /// One runner's line in pixels, and for each of its segments how many later lines run over
    /// it.
    struct Line {
        var points: [PixelPoint]
        var colour: Colour
        var covered: [Int]
    }

    let lines: [Line]
    /// The width of every line.
    let width: Double
    /// How far each band reaches out on either side of the line above it.
    let band: Double

    /// The lines of `paths` (in pixels, in drawing order) in `colours`, at `scale`.
    init(paths: [[PixelPoint]], colours: [Colour], scale: Double) {
        width = max(1.5, 2.2 * scale)
        band = max(1, 1.2 * scale)
        var lines: [Line] = []
        for (k, (points, colour)) in zip(paths, colours).enumerated() {
            var covered = [Int](repeating: 0, count: max(0, points.count - 1))
            for later in paths.dropFirst(k + 1) {
                let index = SegmentIndex(later, cell: 8 * width)
                for s in covered.indices {
                    let (a, b) = (points[s], points[s + 1])
                    let mid = PixelPoint((a.x + b.x) / 2, (a.y + b.y) / 2)
                    if index.isWithin(width, of: mid) { covered[s] += 1 }
                }
            }
            lines.append(Line(points: points, colour: colour, covered: covered))
        }
        self.lines = lines
    }

    /// All the halos, then each line with its bands under it, in order.
    func draw(on canvas: Canvas) {
        let halo = Colour(hex: 0xFF_FF_FF, alpha: 0.8)
        // Each line's stretches under others, and how many: ``runs(_:)`` once a line.
        let bands = lines.map { line in
            Self.runs(line.covered).compactMap { run, depth in
                depth > 0 ? (Array(line.points[run]), depth) : nil
            }
        }
        for (line, bands) in zip(lines, bands) {
            canvas.stroke(polyline: line.points, width: width + 2.3, colour: halo)
            for (points, depth) in bands {
                canvas.stroke(polyline: points, width: bandWidth(depth) + 2.3, colour: halo)
            }
        }
        for (line, bands) in zip(lines, bands) {
            for (points, depth) in bands {
                canvas.stroke(polyline: points, width: bandWidth(depth), colour: line.colour)
            }
            canvas.stroke(polyline: line.points, width: width, colour: line.colour)
        }
    }

    /// The width of a line under `depth` others.
    func bandWidth(_ depth: Int) -> Double { width + 2 * band * Double(depth) }

    /// The stretches of equal depth: each the range of its points (a segment `s` joins points
    /// `s` and `s + 1`) and the depth.
    static func runs(_ covered: [Int]) -> [(ClosedRange<Int>, Int)] {
        var runs: [(ClosedRange<Int>, Int)] = []
        var start = 0
        for s in covered.indices where s + 1 == covered.count || covered[s + 1] != covered[s] {
            runs.append((start...(s + 1), covered[s]))
            start = s + 1
        }
        return runs
    }

}

/// A polyline's segments by square cells, to find quickly whether a point lies near it.
private struct SegmentIndex {
    let points: [PixelPoint]
    let cell: Double
    var cells: [Cell: [Int]] = [:]

    struct Cell: Hashable {
        var x: Int
        var y: Int
    }

    init(_ points: [PixelPoint], cell: Double) {
        self.points = points
        self.cell = cell
        for s in points.indices.dropLast() {
            let (a, b) = (points[s], points[s + 1])
            let (x0, x1) = (key(min(a.x, b.x)), key(max(a.x, b.x)))
            let (y0, y1) = (key(min(a.y, b.y)), key(max(a.y, b.y)))
            // A very long segment (a runner that leapt) is only checked by its ends' cells.
            guard (x1 - x0 + 1) * (y1 - y0 + 1) <= 4096 else {
                cells[Cell(x: x0, y: y0), default: []].append(s)
                cells[Cell(x: x1, y: y1), default: []].append(s)
                continue
            }
            for x in x0...x1 {
                for y in y0...y1 { cells[Cell(x: x, y: y), default: []].append(s) }
            }
        }
        if points.count == 1 { cells[Cell(x: key(points[0].x), y: key(points[0].y))] = [0] }
    }

    private func key(_ v: Double) -> Int {
        v.isFinite ? Int(min(max((v / cell).rounded(.down), -1e9), 1e9)) : 0
    }

    /// True when a segment (or the single point) lies within `distance` of `p`.
    func isWithin(_ distance: Double, of p: PixelPoint) -> Bool {
        let (cx, cy) = (key(p.x), key(p.y))
        for x in (cx - 1)...(cx + 1) {
            for y in (cy - 1)...(cy + 1) {
                for s in cells[Cell(x: x, y: y)] ?? [] {
                    let b = points.count > 1 ? points[s + 1] : points[s]
                    if Self.distance(p, points[s], b) <= distance { return true }
                }
            }
        }
        return false
    }

    /// The distance from `p` to the segment `a`–`b`.
    static func distance(_ p: PixelPoint, _ a: PixelPoint, _ b: PixelPoint) -> Double {
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        let length = dx * dx + dy * dy
        let t = length > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length)) : 0
        let (ex, ey) = (p.x - a.x - t * dx, p.y - a.y - t * dy)
        return (ex * ex + ey * ey).squareRoot()
    }
}
