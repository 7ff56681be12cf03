import Backprop
import Foundation

/// What every mountain drawing shares: the lit mesh of the surface and the paths among its quads,
/// drawn from the back to the front (the painter's algorithm), then over everything the paths'
/// last stretches and the balls, each with a white halo, so that no ridge hides where a walk is.
///
/// The mountain panel draws one run's walk on it, the race mountain every runner's.
struct MountainMesh {
    /// The most mesh cells a side.
    static let meshCells = 40
    /// How far above the surface paths and balls float, as a share of the box's height.
    static let lift = 0.012

    let camera: MountainCamera
    private var items: [(depth: Double, draw: () -> Void)] = []

    /// The mesh of `grid` in `rect`, to be drawn on `canvas`.
    init(grid: SurfaceGrid, rect: Rect, on canvas: Canvas) {
        camera = MountainCamera(grid: grid, rect: rect)
        let camera = self.camera
        let stepU = max(1, (grid.u.count - 1 + Self.meshCells - 1) / Self.meshCells)
        let stepV = max(1, (grid.v.count - 1 + Self.meshCells - 1) / Self.meshCells)
        let columns = Array(stride(from: 0, to: grid.u.count - 1, by: stepU)) + [grid.u.count - 1]
        let rows = Array(stride(from: 0, to: grid.v.count - 1, by: stepV)) + [grid.v.count - 1]
        for (a, b) in zip(rows, rows.dropFirst()) {
            for (c, e) in zip(columns, columns.dropFirst()) {
                let corners = [(a, c), (a, e), (b, e), (b, c)].map { i, j in
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

    /// Draws the mesh and the paths, from the back to the front.
    func drawSorted() {
        for item in items.sorted(by: { $0.depth > $1.depth }) { item.draw() }
    }

    /// The last stretch of a path (its last twelfth, at least one segment), to be drawn over
    /// the surface whatever stands in front.
    static func lastStretch(_ path: [MountainCamera.Projected]) -> ArraySlice<
        MountainCamera.Projected
    > {
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
        let front = PixelPoint(
            (corners[0].pixel.x + corners[1].pixel.x) / 2,
            (corners[0].pixel.y + corners[1].pixel.y) / 2 + m.ascent + 4)
        canvas.text(names.0, x: front.x, baseline: front.y, align: .centre)
        let side = PixelPoint(
            (corners[1].pixel.x + corners[2].pixel.x) / 2 + 6,
            (corners[1].pixel.y + corners[2].pixel.y) / 2 + m.ascent + 2)
        canvas.text(names.1, x: side.x, baseline: side.y)
    }
}
