/// A sampled scalar field: `values[j * columns + i]` at pixel `(x0 + i·step, y0 + j·step)`.
struct SampledField: Sendable {
    let columns: Int
    let rows: Int
    let x0: Double
    let y0: Double
    let step: Double
    let values: [Double]

    /// 1 when every finite value is above 0, −1 when every one is below, nil when they change
    /// sign (the level curve `0` crosses the field) or there is none.
    ///
    /// One pass that stops at the first pair of values on either side of 0 (a boundary in the
    /// view is found within a row or two, where filtering the whole grid and taking its minimum
    /// and maximum cost a quarter of a millisecond a frame).
    var sign: Double? {
        var (notAbove, notBelow, seen) = (false, false, false)
        for value in values where value.isFinite {
            seen = true
            if value <= 0 { notAbove = true }
            if value >= 0 { notBelow = true }
            if notAbove && notBelow { return nil }
        }
        return seen ? (notAbove ? -1 : 1) : nil
    }

    init(columns: Int, rows: Int, x0: Double, y0: Double, step: Double, values: [Double]) {
        precondition(values.count == columns * rows, "a field needs columns × rows values")
        self.columns = columns
        self.rows = rows
        self.x0 = x0
        self.y0 = y0
        self.step = step
        self.values = values
    }

    /// Samples `f` at every grid node.
    init(columns: Int, rows: Int, x0: Double, y0: Double, step: Double, _ f: (PixelPoint) -> Double)
    {
        var values: [Double] = []
        values.reserveCapacity(columns * rows)
        for j in 0..<rows {
            for i in 0..<columns {
                values.append(f(PixelPoint(x0 + Double(i) * step, y0 + Double(j) * step)))
            }
        }
        self.init(columns: columns, rows: rows, x0: x0, y0: y0, step: step, values: values)
    }

    subscript(i: Int, j: Int) -> Double { values[j * columns + i] }

    func position(_ i: Int, _ j: Int) -> PixelPoint {
        PixelPoint(x0 + Double(i) * step, y0 + Double(j) * step)
    }
}

/// A connected piece of a level curve, in pixels.
struct Polyline: Equatable, Sendable {
    var points: [PixelPoint]
    /// True when the curve closes on itself (an island), false when it ends on the border.
    var closed: Bool
}

/// Marching squares: the level curve `f = level` of a sampled field, as joined polylines.
enum MarchingSquares {
    /// Traces `field = level`, where nodes with `value >= level` are inside.
    ///
    /// When `exact` is given, each crossing found by linear interpolation is refined along its
    /// grid edge by a few steps of the Illinois method on `exact`, and saddle cells are decided by
    /// `exact` at the cell's centre; otherwise by the mean of the four corners.
    ///
    /// `exactMany`, when given, answers for `exact` at many points at once (the same values): the
    /// crossings are then refined together, a step of every one per call (``Crossing/refine(_:exactMany:)``).
    static func contours(
        _ field: SampledField, level: Double, exact: ((PixelPoint) -> Double)? = nil,
        exactMany: (([PixelPoint]) -> [Double])? = nil
    ) -> [Polyline] {
        let nx = field.columns
        let ny = field.rows
        guard nx >= 2, ny >= 2 else { return [] }
        // Edge ids: horizontal edge from node (i, j) to (i+1, j) is j·nx + i; vertical edge from
        // (i, j) to (i, j+1) is nx·ny + j·nx + i.
        func horizontal(_ i: Int, _ j: Int) -> Int { j * nx + i }
        func vertical(_ i: Int, _ j: Int) -> Int { nx * ny + j * nx + i }
        var segments: [(Int, Int)] = []
        // Which nodes are inside, looked up four times each below.
        let inside = field.values.map { $0 >= level }
        inside.withUnsafeBufferPointer { inside in
            for j in 0..<(ny - 1) {
                let upper = j * nx
                let lower = upper + nx
                for i in 0..<(nx - 1) {
                    let a = inside[upper + i]
                    let b = inside[upper + i + 1]
                    let c = inside[lower + i + 1]
                    let d = inside[lower + i]
                    if a == b && b == c && c == d { continue }
                    cell(i, j, a, b, c, d)
                }
            }
        }
        /// Adds the segments of the cell at `(i, j)` with corner flags `a b / d c`.
        func cell(_ i: Int, _ j: Int, _ a: Bool, _ b: Bool, _ c: Bool, _ d: Bool) {
            let top = horizontal(i, j)
            let right = vertical(i + 1, j)
            let bottom = horizontal(i, j + 1)
            let left = vertical(i, j)
            var crossed: [Int] = []
            if a != b { crossed.append(top) }
            if b != c { crossed.append(right) }
            if c != d { crossed.append(bottom) }
            if d != a { crossed.append(left) }
            if crossed.count == 2 {
                segments.append((crossed[0], crossed[1]))
                return
            }
            // A saddle: a and c agree, b and d agree.
            let centre: Double
            if let exact {
                let p = field.position(i, j)
                centre = exact(PixelPoint(p.x + field.step / 2, p.y + field.step / 2))
            } else {
                centre =
                    (field[i, j] + field[i + 1, j] + field[i + 1, j + 1] + field[i, j + 1]) / 4
            }
            if (centre >= level) == a {
                segments.append((top, right))  // cut off corner b
                segments.append((bottom, left))  // cut off corner d
            } else {
                segments.append((top, left))  // cut off corner a
                segments.append((right, bottom))  // cut off corner c
            }
        }
        let chains = join(segments)
        // Each crossed edge once (an edge is shared by the two chains' cells it borders).
        var found: [Int: Int] = [:]
        var crossings: [Crossing] = []
        func index(_ edge: Int) -> Int {
            if let k = found[edge] { return k }
            let isVertical = edge >= nx * ny
            let id = isVertical ? edge - nx * ny : edge
            let (i, j) = (id % nx, id / nx)
            let (i2, j2) = isVertical ? (i, j + 1) : (i + 1, j)
            found[edge] = crossings.count
            crossings.append(
                Crossing(
                    field.position(i, j), field[i, j], field.position(i2, j2), field[i2, j2],
                    level: level))
            return crossings.count - 1
        }
        let indices = chains.map { $0.edges.map(index) }
        if let exactMany {
            Crossing.refine(&crossings, exactMany: exactMany)
        } else if let exact {
            for k in crossings.indices { crossings[k].refine(exact) }
        }
        return zip(chains, indices).map { chain, indices in
            Polyline(points: indices.map { crossings[$0].point }, closed: chain.closed)
        }
    }

    /// The point where the level is crossed between `p` (value `fp`) and `q` (value `fq`).
    static func crossing(
        _ p: PixelPoint, _ fp: Double, _ q: PixelPoint, _ fq: Double, level: Double,
        exact: ((PixelPoint) -> Double)?
    ) -> PixelPoint {
        var crossing = Crossing(p, fp, q, fq, level: level)
        if let exact { crossing.refine(exact) }
        return crossing.point
    }

    /// Joins segments that share an edge into chains of edge ids.
    static func join(_ segments: [(Int, Int)]) -> [(edges: [Int], closed: Bool)] {
        // The segments at each edge, in order (an edge borders two cells, so at most two).
        var byEdge: [Int: (Int, Int)] = [:]
        byEdge.reserveCapacity(segments.count * 2)
        for (index, s) in segments.enumerated() {
            for edge in [s.0, s.1] {
                if let first = byEdge[edge] {
                    byEdge[edge] = (first.0, first.1 < 0 ? index : first.1)
                } else {
                    byEdge[edge] = (index, -1)
                }
            }
        }
        var used = [Bool](repeating: false, count: segments.count)
        var chains: [(edges: [Int], closed: Bool)] = []
        func next(from edge: Int) -> Int? {
            guard let candidates = byEdge[edge] else { return nil }
            for s in [candidates.0, candidates.1] where s >= 0 && !used[s] {
                used[s] = true
                return segments[s].0 == edge ? segments[s].1 : segments[s].0
            }
            return nil
        }
        for start in segments.indices where !used[start] {
            used[start] = true
            var forward = [segments[start].0, segments[start].1]
            var closed = false
            while let e = next(from: forward[forward.count - 1]) {
                if e == forward[0] {
                    closed = true
                    break
                }
                forward.append(e)
            }
            if !closed {
                var backward: [Int] = []
                var tail = forward[0]
                while let e = next(from: tail) {
                    backward.append(e)
                    tail = e
                }
                forward = backward.reversed() + forward
            }
            chains.append((forward, closed))
        }
        return chains
    }
}
