import Backprop
import Foundation

/// The error surface as a mountain in perspective, with the colour bar of `E` beside it.
///
/// A mesh shaded by height and lit from the upper left, hidden surfaces removed by drawing from
/// the back to the front (the painter's algorithm), the path walking down it and the current
/// weights as a ball. The ball, `W′` (a ring) and the path's last stretch are drawn over the
/// surface with a white halo, so that no ridge hides them.
enum MountainPanel: Panel {
    static var needs: Set<PanelNeed> { [.trajectory, .landscape] }

    /// The most mesh cells a side.
    static let meshCells = 40

    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        try places.map { place in
            guard let view = figure.scene.landscape else {
                throw FiguresError.badRun("The mountain panel needs the run's error surface.")
            }
            return try draw(
                cell: place.cell, view: view, scene: figure.scene, style: figure.style,
                on: figure.canvas)
        }
    }

    static func draw(
        cell: Rect, view: LandscapeView, scene: Scene, style: Style, on canvas: Canvas
    ) throws -> PanelInfo {
        let grid = view.surface.grid
        let name = view.surface.axes == .weights ? "Mt. Errorest" : "Mt. Kilimanjerror"
        PanelChrome.title(
            ["\(name), the walk down", name], note: view.note,
            in: Rect(x: cell.x, y: cell.y, width: cell.width, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        let whole =
            style.textless ? cell : cell.inset(top: style.titleHeight, left: 0, bottom: 0, right: 0)
        let (rect, strip) = whole.slicingLeft(whole.width - ErrorScaleBar.width(style: style))
        let d = grid.domain
        let range = grid.range
        var info = PanelInfo(
            kind: .mountain, layer: nil, unit: nil, rect: rect.array,
            domain: [
                [d.x1.lowerBound, d.x1.upperBound], [d.x2.lowerBound, d.x2.upperBound],
                [range.lowerBound, range.upperBound],
            ])
        guard rect.isUsable else { return info }
        let camera = MountainCamera(grid: grid, rect: rect)
        var items: [(depth: Double, draw: () -> Void)] = []
        // Mesh quads, coloured by height and lit.
        let stepU = max(1, (grid.u.count - 1 + meshCells - 1) / meshCells)
        let stepV = max(1, (grid.v.count - 1 + meshCells - 1) / meshCells)
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
        // The path, a little above the surface, segment by segment among the quads.
        let lift = 0.012
        let path = SurfacePanel.thinned(view.walked).map {
            camera.project(camera.world($0.u, $0.v, $0.height, lift: lift))
        }
        let width = max(1.4, 2.2 * style.scale)
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
                        canvas.setColour(Colour(hex: 0x11_11_11))
                        canvas.move(to: p.pixel)
                        canvas.line(to: q.pixel)
                        canvas.stroke()
                    }
                ))
        }
        // The ball at W, resting on the surface, and W′ where the step ends.
        let radius = max(4, 9 * style.scale)
        let ball = camera.project(
            camera.world(view.current.u, view.current.v, view.current.height, lift: lift))
        let after = camera.project(
            camera.world(view.next.u, view.next.v, view.next.height, lift: lift))
        let centre = PixelPoint(ball.pixel.x, ball.pixel.y - radius * 0.8)
        canvas.saved {
            canvas.clip(to: rect)
            floor(
                camera: camera, grid: grid, names: view.axisNames, scene: scene, style: style,
                on: canvas)
            for item in items.sorted(by: { $0.depth > $1.depth }) { item.draw() }
            // Over the surface, whatever stands in front: the path's last stretch, W′ and the
            // ball, each with a white halo, so that a ridge never hides where the walk is.
            let end = path.suffix(max(2, path.count / 12))
            if let first = end.first {
                canvas.setRoundCaps()
                canvas.setDash([])
                for (lineWidth, colour) in [
                    (width + 2, Colour(hex: 0xFF_FF_FF, alpha: 0.85)),
                    (width, Colour(hex: 0x11_11_11)),
                ] {
                    canvas.setLineWidth(lineWidth)
                    canvas.setColour(colour)
                    canvas.move(to: first.pixel)
                    for p in end.dropFirst() { canvas.line(to: p.pixel) }
                    canvas.stroke()
                }
            }
            ErrorScaleBar.mark(
                at: after.pixel, radius: radius * 0.55, filled: false, scene: scene, canvas)
            drawBall(at: centre, radius: radius, scene: scene, style: style, on: canvas)
        }
        info.landscape = ErrorScaleBar.draw(
            in: strip, range: range, current: view.current, next: view.next,
            pixels: (centre, after.pixel), scene: scene, style: style, on: canvas)
        try canvas.context.check(during: "drawing the mountain panel")
        return info
    }

    /// The ball at `W`: the marker's colour in a white halo, with a highlight.
    private static func drawBall(
        at centre: PixelPoint, radius: Double, scene: Scene, style: Style, on canvas: Canvas
    ) {
        canvas.setColour(scene.palette.markerOutline)
        canvas.circle(centre: centre, radius: radius + max(1.5, 2 * style.scale))
        canvas.fill()
        canvas.setColour(scene.palette.marker)
        canvas.circle(centre: centre, radius: radius)
        canvas.fill()
        canvas.setColour(Colour(hex: 0xFF_FF_FF, alpha: 0.55))
        canvas.circle(
            centre: PixelPoint(centre.x - radius * 0.35, centre.y - radius * 0.35),
            radius: radius * 0.32)
        canvas.fill()
    }

    /// The floor's outline and the axes' names along its front edges.
    private static func floor(
        camera: MountainCamera, grid: SurfaceGrid, names: (String, String), scene: Scene,
        style: Style, on canvas: Canvas
    ) {
        let d = grid.domain
        let corners = [
            (d.x1.lowerBound, d.x2.lowerBound), (d.x1.upperBound, d.x2.lowerBound),
            (d.x1.upperBound, d.x2.upperBound), (d.x1.lowerBound, d.x2.upperBound),
        ].map { camera.project(camera.world($0.0, $0.1, grid.range.lowerBound)) }
        canvas.setColour(scene.palette.frame)
        canvas.setLineWidth(1)
        canvas.move(to: corners[0].pixel)
        for p in corners.dropFirst() { canvas.line(to: p.pixel) }
        canvas.closePath()
        canvas.stroke()
        guard !style.textless else { return }
        canvas.setFont(size: style.tickFont)
        canvas.setColour(scene.palette.text)
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

/// The mountain's projection: plane coordinates and heights to a box of sides 2 × 2 × 0.9,
/// turned and tilted toward a viewer in front, above and to the left, in perspective.
struct MountainCamera {
    static let heightScale = 0.9
    static let azimuth = -0.72
    static let elevation = 0.52
    static let distance = 5.0

    let grid: SurfaceGrid
    let rect: Rect
    /// The grid's domain and range, worked out once.
    private let domain: Domain
    private let range: ClosedRange<Double>
    private let scale: Double
    private let offset: PixelPoint

    struct Projected {
        var pixel: PixelPoint
        var depth: Double
    }

    init(grid: SurfaceGrid, rect: Rect) {
        self.grid = grid
        self.rect = rect
        domain = grid.domain
        range = grid.range
        // Fit the box's eight corners into the rectangle.
        var lows = (x: Double.infinity, y: Double.infinity)
        var highs = (x: -Double.infinity, y: -Double.infinity)
        for x in [-1.0, 1] {
            for y in [-1.0, 1] {
                for z in [0, MountainCamera.heightScale] {
                    let (sx, sy, _) = MountainCamera.view(x, y, z)
                    lows = (min(lows.x, sx), min(lows.y, sy))
                    highs = (max(highs.x, sx), max(highs.y, sy))
                }
            }
        }
        let margin = 0.06
        let s = min(
            rect.width * (1 - 2 * margin) / (highs.x - lows.x),
            rect.height * (1 - 2 * margin) / (highs.y - lows.y))
        scale = s
        offset = PixelPoint(
            rect.midX - s * (lows.x + highs.x) / 2, rect.midY + s * (lows.y + highs.y) / 2)
    }

    /// Plane coordinates and a height to the box.
    func world(_ u: Double, _ v: Double, _ e: Double, lift: Double = 0) -> (
        x: Double, y: Double, z: Double
    ) {
        let d = domain
        let r = range
        let x = 2 * (u - d.x1.lowerBound) / (d.x1.upperBound - d.x1.lowerBound) - 1
        let y = 2 * (v - d.x2.lowerBound) / (d.x2.upperBound - d.x2.lowerBound) - 1
        let span = max(r.upperBound - r.lowerBound, 1e-12)
        let z = ((e - r.lowerBound) / span + lift) * MountainCamera.heightScale
        return (x, y, z)
    }

    /// Screen coordinates (up positive) and depth of a box point.
    static func view(_ x: Double, _ y: Double, _ z: Double) -> (Double, Double, Double) {
        let (ca, sa) = (cos(azimuth), sin(azimuth))
        let (ce, se) = (cos(elevation), sin(elevation))
        let rx = x * ca - y * sa
        let ry = x * sa + y * ca
        let depth = distance + ry * ce - (z - heightScale / 2) * se
        let f = distance / depth
        return (rx * f, (ry * se + (z - heightScale / 2) * ce) * f, depth)
    }

    func project(_ p: (x: Double, y: Double, z: Double)) -> Projected {
        let (sx, sy, depth) = MountainCamera.view(p.x, p.y, p.z)
        return Projected(
            pixel: PixelPoint(offset.x + scale * sx, offset.y - scale * sy), depth: depth)
    }

    /// Lambert lighting of a quad from the upper left, 0 (dark) to 1.
    func lighting(_ c: [(x: Double, y: Double, z: Double)]) -> Double {
        let a = (c[2].x - c[0].x, c[2].y - c[0].y, c[2].z - c[0].z)
        let b = (c[3].x - c[1].x, c[3].y - c[1].y, c[3].z - c[1].z)
        var n = (a.1 * b.2 - a.2 * b.1, a.2 * b.0 - a.0 * b.2, a.0 * b.1 - a.1 * b.0)
        if n.2 < 0 { n = (-n.0, -n.1, -n.2) }
        let length = (n.0 * n.0 + n.1 * n.1 + n.2 * n.2).squareRoot()
        guard length > 0 else { return 1 }
        let l = (-0.45, -0.35, 0.82)
        let dot = (n.0 * l.0 + n.1 * l.1 + n.2 * l.2) / length
        return 0.35 + 0.65 * max(0, dot)
    }
}
