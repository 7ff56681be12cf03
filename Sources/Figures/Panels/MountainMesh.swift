import Backprop
import Foundation

/// What every mountain drawing shares: the lit mesh and the paths among its quads.
///
/// The mesh and paths are drawn from the back to the front (the painter's algorithm), then over
/// everything the paths' last stretches and the balls, each with a white halo. The mountain panel first turns the
/// camera so that no ridge stands in front of them (``MountainOcclusion``), the race mountain
/// so that none stands in front of the start or a ball; the halo is for the rare surface no
/// view in the list clears.
///
/// The mountain panel draws one run's walk on it, the race mountain every runner's.
struct MountainMesh {
    /// The most mesh cells a side.
    static let meshCells = 40
    /// How far above the surface paths and balls float, as a share of the box's height.
    static let lift = 0.012

    let camera: MountainCamera
    private var items: [(depth: Double, draw: () -> Void)] = []

    /// The mesh's cells: each one's four corners as `(row, column)` indices into the grid, at
    /// most ``meshCells`` a side.
    static func cells(of grid: SurfaceGrid) -> [[(row: Int, column: Int)]] {
        let stepU = max(1, (grid.u.count - 1 + Self.meshCells - 1) / Self.meshCells)
        let stepV = max(1, (grid.v.count - 1 + Self.meshCells - 1) / Self.meshCells)
        let columns = Array(stride(from: 0, to: grid.u.count - 1, by: stepU)) + [grid.u.count - 1]
        let rows = Array(stride(from: 0, to: grid.v.count - 1, by: stepV)) + [grid.v.count - 1]
        return zip(rows, rows.dropFirst()).flatMap { a, b in
            zip(columns, columns.dropFirst()).map { c, e in [(a, c), (a, e), (b, e), (b, c)] }
        }
    }

    /// The mesh of `grid` in `rect` seen from `angles`, to be drawn on `canvas`.
    init(
        grid: SurfaceGrid, rect: Rect, angles: MountainCamera.Angles = .standard,
        on canvas: Canvas
    ) {
        camera = MountainCamera(grid: grid, rect: rect, angles: angles)
        let camera = self.camera
        for cell in Self.cells(of: grid) {
            let corners = cell.map { i, j in
                camera.world(grid.u[j], grid.v[i], grid[row: i, column: j])
            }
            let projected = corners.map(camera.project)
            let depth = projected.map(\.depth).reduce(0, +) / 4
            let height = corners.map(\.z).reduce(0, +) / 4 / MountainCamera.heightScale
            let light = camera.lighting(corners)
            let colour = HeightRamp.colour(height).mixed(
                with: Colour(hex: 0), 0.55 * (1 - light))
            items.append(
                (
                    depth,
                    {
                        // Without antialiasing: neighbouring quads meet without seams.
                        // A PDF or SVG reader antialiases anyway, so there each quad is also
                        // outlined in its own colour, covering the hairline between two.
                        canvas.setAntialiased(false)
                        canvas.setColour(colour)
                        canvas.move(to: projected[0].pixel)
                        for p in projected.dropFirst() { canvas.line(to: p.pixel) }
                        canvas.closePath()
                        if canvas.isRaster {
                            canvas.fill()
                        } else {
                            canvas.fillPreserve()
                            canvas.setLineWidth(0.6)
                            canvas.setDash([])
                            canvas.stroke()
                        }
                        canvas.setAntialiased(true)
                    }
                ))
        }
    }

    /// A point of a path, or a ball, resting a little above the surface at its height.
    func project(_ point: PathPoint) -> MountainCamera.Projected {
        camera.project(camera.world(point.u, point.v, point.height, lift: Self.lift))
    }

    /// Adds a path, segment by segment among the quads, so the mountain's ridges hide its far
    /// parts: a white halo under a line of `colour`.
    mutating func addPath(
        _ path: [MountainCamera.Projected], colour: Colour, width: Double, on canvas: Canvas
    ) {
        for (p, q) in zip(path, path.dropFirst()) {
            items.append(
                (
                    (p.depth + q.depth) / 2 - 0.02,
                    {
                        // Butt-capped halo, so a segment's halo never covers the last one's line.
                        canvas.setButtCaps()
                        canvas.setLineWidth(width + 2)
                        canvas.setColour(Colour(hex: 0xFF_FF_FF, alpha: 0.85))
                        canvas.move(to: p.pixel)
                        canvas.line(to: q.pixel)
                        canvas.stroke()
                        canvas.setRoundCaps()
                        canvas.setLineWidth(width)
                        canvas.setColour(colour)
                        canvas.move(to: p.pixel)
                        canvas.line(to: q.pixel)
                        canvas.stroke()
                    }
                ))
        }
    }

    /// Adds a mark drawn by `draw` among the quads at `point`'s depth, so that a ridge in
    /// front of it hides it as it hides the paths.
    mutating func add(at point: MountainCamera.Projected, draw: @escaping () -> Void) {
        items.append((point.depth - 0.02, draw))
    }

    /// Draws the mesh and the paths, from the back to the front.
    func drawSorted() {
        for item in items.sorted(by: { $0.depth > $1.depth }) { item.draw() }
    }

    /// The last stretch of a path (its last twelfth, at least one segment), to be drawn over
    /// the surface whatever stands in front.
    static func lastStretch<Point>(_ path: [Point]) -> ArraySlice<Point> {
        path.suffix(max(2, path.count / 12))
    }

    /// Strokes `stretch` over everything: a white halo under a line of `colour`.
    static func strokeOver(
        _ stretch: ArraySlice<MountainCamera.Projected>, colour: Colour, width: Double,
        on canvas: Canvas
    ) {
        guard let first = stretch.first else { return }
        canvas.setRoundCaps()
        canvas.setDash([])
        for (lineWidth, stroke) in [
            (width + 2, Colour(hex: 0xFF_FF_FF, alpha: 0.85)), (width, colour),
        ] {
            canvas.setLineWidth(lineWidth)
            canvas.setColour(stroke)
            canvas.move(to: first.pixel)
            for p in stretch.dropFirst() { canvas.line(to: p.pixel) }
            canvas.stroke()
        }
    }

    /// Where a ball of `radius` resting on the surface at `pixel` has its centre.
    static func ballCentre(on pixel: PixelPoint, radius: Double) -> PixelPoint {
        PixelPoint(pixel.x, pixel.y - radius * 0.8)
    }

    /// A ball of `colour` in a halo of `outline`, with a highlight.
    static func drawBall(
        at centre: PixelPoint, radius: Double, colour: Colour, outline: Colour, style: Style,
        on canvas: Canvas
    ) {
        canvas.setColour(outline)
        canvas.circle(centre: centre, radius: radius + max(1.5, 2 * style.scale))
        canvas.fill()
        canvas.setColour(colour)
        canvas.circle(centre: centre, radius: radius)
        canvas.fill()
        canvas.setColour(Colour(hex: 0xFF_FF_FF, alpha: 0.55))
        canvas.circle(
            centre: PixelPoint(centre.x - radius * 0.35, centre.y - radius * 0.35),
            radius: radius * 0.32)
        canvas.fill()
    }

    /// The floor's outline and the axes' names along its front edges.
    static func floor(
        camera: MountainCamera, grid: SurfaceGrid, names: (String, String), palette: Palette,
        style: Style, on canvas: Canvas
    ) {
        let d = grid.domain
        let corners = [
            (d.x1.lowerBound, d.x2.lowerBound), (d.x1.upperBound, d.x2.lowerBound),
            (d.x1.upperBound, d.x2.upperBound), (d.x1.lowerBound, d.x2.upperBound),
        ].map { camera.project(camera.world($0.0, $0.1, grid.range.lowerBound)) }
        canvas.setColour(palette.frame)
        canvas.setLineWidth(1)
        canvas.move(to: corners[0].pixel)
        for p in corners.dropFirst() { canvas.line(to: p.pixel) }
        canvas.closePath()
        canvas.stroke()
        guard !style.textless else { return }
        canvas.setFont(size: style.tickFont)
        canvas.setColour(palette.text)
        let m = canvas.fontMetrics
        // Each axis is named along its nearer edge; the second on the side it stands.
        func nearer(_ a: (Int, Int), _ b: (Int, Int)) -> (PixelPoint, PixelPoint) {
            let depth = { (e: (Int, Int)) in corners[e.0].depth + corners[e.1].depth }
            let e = depth(a) <= depth(b) ? a : b
            return (corners[e.0].pixel, corners[e.1].pixel)
        }
        let (p, q) = nearer((0, 1), (2, 3))
        canvas.text(
            names.0, x: (p.x + q.x) / 2, baseline: (p.y + q.y) / 2 + m.ascent + 4, align: .centre)
        let (r, s) = nearer((1, 2), (3, 0))
        let centre = corners.map(\.pixel.x).reduce(0, +) / 4
        let right = (r.x + s.x) / 2 >= centre
        canvas.text(
            names.1, x: (r.x + s.x) / 2 + (right ? 6 : -6),
            baseline: (r.y + s.y) / 2 + m.ascent + 2,
            align: right ? .left : .right)
    }
}
