import Backprop
import Foundation

/// The error surface from above: E shaded by height over two directions of weight space, level
/// curves, the path walked so far, the current weights `W` and the step to `W′` (a ring), and
/// beside the plot the colour bar of `E` with `E(W)` and `E(W′)`.
enum SurfacePanel: Panel {
    static var needs: Set<PanelNeed> { [.trajectory, .landscape] }

    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        try places.map { place in
            guard let view = figure.scene.landscape else {
                throw FiguresError.badRun("The surface panel needs the run's error surface.")
            }
            return try draw(
                cell: place.cell, view: view, scene: figure.scene, style: figure.style,
                on: figure.canvas)
        }
    }

    /// The plot area of a cell: room for the title above, tick labels left and below.
    static func plotRect(cell: Rect, style: Style) -> Rect {
        guard !style.textless else { return cell }
        return cell.inset(
            top: style.titleHeight, left: style.tickFont * 4.2, bottom: style.tickFont * 3.2,
            right: style.tickFont * 0.5)
    }

    static func draw(
        cell: Rect, view: LandscapeView, scene: Scene, style: Style, on canvas: Canvas
    ) throws -> PanelInfo {
        let surface = view.surface
        let grid = surface.grid
        let name = surface.axes == .weights ? "Mt. Errorest" : "Mt. Kilimanjerror"
        let (a1, a2) = view.axisNames
        PanelChrome.title(
            ["\(name): E(W) over \(a1), \(a2)", name, "E(W)"], note: view.note,
            in: Rect(x: cell.x, y: cell.y, width: cell.width, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        let domain = grid.domain
        let full = plotRect(cell: cell, style: style)
        let (rect, strip) = full.slicingLeft(full.width - ErrorScaleBar.width(style: style))
        var info = PanelInfo(
            kind: .surface, layer: nil, unit: nil, rect: rect.array,
            domain: [
                [domain.x1.lowerBound, domain.x1.upperBound],
                [domain.x2.lowerBound, domain.x2.upperBound],
            ])
        guard rect.isUsable else { return info }
        // No finite height: one message in the plot, nothing else (no shading, bar or marks).
        guard let range = grid.finiteRange else {
            info.landscape = NoSurface.draw(
                in: rect, framed: true, view: view, scene: scene, style: style, on: canvas)
            return info
        }
        let map = SurfaceMap(grid: grid, rect: rect)
        // Shading: the heights interpolated between the grid's nodes at every pixel.
        try canvas.draw(SurfaceShading(grid: grid, rect: rect))
        canvas.saved {
            canvas.clip(to: rect)
            Self.levelCurves(map: map, style: style, on: canvas)
            drawPath(view: view, map: map, scene: scene, style: style, on: canvas)
        }
        PanelChrome.frame(rect, scene: scene, on: canvas)
        info.landscape = ErrorScaleBar.draw(
            in: strip, range: range, current: view.current, next: view.next,
            pixels: (
                map.pixel(view.current.u, view.current.v), map.pixel(view.next.u, view.next.v)
            ),
            scene: scene, style: style, on: canvas)
        if !style.textless {
            axes(
                rect: rect, domain: domain, names: view.axisNames, scene: scene, style: style,
                on: canvas)
        }
        try canvas.context.check(during: "drawing the surface panel")
        return info
    }

    /// The path walked so far, the step to `W′` and the ball at `W`.
    private static func drawPath(
        view: LandscapeView, map: SurfaceMap, scene: Scene, style: Style, on canvas: Canvas
    ) {
        let palette = scene.palette
        let points = thinned(view.walked).map { map.pixel($0.u, $0.v) }
        canvas.setRoundCaps()
        for (width, colour) in [
            (max(2.5, 4 * style.scale), Colour(hex: 0xFF_FF_FF, alpha: 0.85)),
            (max(1.2, 1.8 * style.scale), Colour(hex: 0x11_11_11)),
        ] {
            canvas.stroke(polyline: points, width: width, colour: colour)
        }
        let r = max(3, 6 * style.scale)
        if let start = points.first {
            canvas.setLineWidth(max(1, 1.5 * style.scale))
            canvas.setColour(Colour(hex: 0x11_11_11))
            canvas.circle(centre: start, radius: r * 0.6)
            canvas.stroke()
        }
        // The step: an arrow from W toward W′, at least long enough to see; none to a W′ that
        // has no finite place (a step that blew up).
        let w = map.pixel(view.current.u, view.current.v)
        let w2 = map.pixel(view.next.u, view.next.v)
        let dx = w2.x - w.x
        let dy = w2.y - w.y
        let length = (dx * dx + dy * dy).squareRoot()
        if w.isFinite, w2.isFinite, length > 1e-9 {
            PanelChrome.arrow(
                from: w, direction: PixelPoint(dx / length, dy / length),
                length: max(length, 3 * r), width: max(1.5, 2.2 * style.scale),
                colour: palette.marker, halo: Colour(hex: 0xFF_FF_FF, alpha: 0.9),
                glyph: style.glyphFloor, on: canvas)
        }
        // W′, a ring where the step ends; then the ball at W over it.
        if w2.isFinite {
            ErrorScaleBar.mark(at: w2, radius: r * 0.75, filled: false, scene: scene, canvas)
        }
        canvas.setColour(palette.markerOutline)
        canvas.circle(centre: w, radius: r + max(1, 1.5 * style.scale))
        canvas.fill()
        canvas.setColour(palette.marker)
        canvas.circle(centre: w, radius: r)
        canvas.fill()
    }

    /// At most 800 points of a path, always keeping its first and last.
    static func thinned(_ path: [PathPoint]) -> [PathPoint] {
        guard path.count > 800 else { return path }
        let stride = (path.count + 799) / 800
        var kept = Swift.stride(from: 0, to: path.count, by: stride).map { path[$0] }
        if let last = path.last, kept.last?.epoch != last.epoch { kept.append(last) }
        return kept
    }

    /// Ticks and names of the two axes.
    static func axes(
        rect: Rect, domain: Domain, names: (String, String), scene: Scene, style: Style,
        on canvas: Canvas
    ) {
        axes(
            rect: rect, domain: domain, names: names, palette: scene.palette, style: style,
            on: canvas)
    }

    /// Ticks and names of the two axes, in `palette`'s colours (shared with the race surface).
    static func axes(
        rect: Rect, domain: Domain, names: (String, String), palette: Palette, style: Style,
        on canvas: Canvas
    ) {
        let viewport = Viewport(domain: domain, rect: rect)
        canvas.setFont(size: style.tickFont)
        let m = canvas.fontMetrics
        let tick = style.tickFont * 0.45
        let xs = Ticks.linear(domain.x1.lowerBound, domain.x1.upperBound)
        let ys = Ticks.linear(domain.x2.lowerBound, domain.x2.upperBound)
        canvas.setColour(palette.mutedText)
        let xStep = xs.count > 1 ? xs[1] - xs[0] : 1
        for t in xs {
            let px = viewport.pixel(t, domain.x2.lowerBound).x
            canvas.text(
                Ticks.label(t, step: xStep), x: px, baseline: rect.maxY + tick + m.ascent,
                align: .centre)
        }
        let yStep = ys.count > 1 ? ys[1] - ys[0] : 1
        for t in ys {
            let py = viewport.pixel(domain.x1.lowerBound, t).y
            canvas.text(Ticks.label(t, step: yStep), x: rect.minX - 4, middle: py, align: .right)
        }
        canvas.setColour(palette.text)
        canvas.text(
            names.0, x: rect.midX, baseline: rect.maxY + tick + 2 * m.ascent + m.descent + 1,
            align: .centre)
        canvas.verticalText(
            names.1, centre: PixelPoint(rect.minX - style.tickFont * 3.4, rect.midY))
    }
}

/// Plane coordinates of a surface grid to pixels of its plot.
extension SurfacePanel {
    /// Level curves of the grid's heights at round values inside its range, traced in grid
    /// coordinates and mapped to pixels (the surface panel's and the race surface's).
    static func levelCurves(map: SurfaceMap, style: Style, on canvas: Canvas) {
        let grid = map.grid
        let range = grid.range
        let field = SampledField(
            columns: grid.u.count, rows: grid.v.count, x0: 0, y0: 0, step: 1,
            values: grid.heights)
        let levels = Ticks.linear(range.lowerBound, range.upperBound, target: 9).filter {
            $0 > range.lowerBound && $0 < range.upperBound
        }
        canvas.setLineWidth(max(0.8, 1.1 * style.scale))
        canvas.setDash([])
        canvas.setColour(Colour(hex: 0x1A_1A_1A, alpha: 0.45))
        for level in levels {
            for line in MarchingSquares.contours(field, level: level) {
                guard let first = line.points.first else { continue }
                canvas.move(to: map.pixel(index: first))
                for p in line.points.dropFirst() { canvas.line(to: map.pixel(index: p)) }
                if line.closed { canvas.closePath() }
            }
        }
        canvas.stroke()
    }
}

struct SurfaceMap {
    let grid: SurfaceGrid
    let rect: Rect
    private let domain: Domain

    init(grid: SurfaceGrid, rect: Rect) {
        self.grid = grid
        self.rect = rect
        domain = grid.domain
    }

    func pixel(_ u: Double, _ v: Double) -> PixelPoint {
        let d = domain
        return PixelPoint(
            rect.x + (u - d.x1.lowerBound) / (d.x1.upperBound - d.x1.lowerBound) * rect.width,
            rect.maxY - (v - d.x2.lowerBound) / (d.x2.upperBound - d.x2.lowerBound) * rect.height)
    }

    /// A point in grid indices (column, row) to pixels.
    func pixel(index p: PixelPoint) -> PixelPoint {
        let columns = Double(grid.u.count - 1)
        let rows = Double(grid.v.count - 1)
        return PixelPoint(rect.x + p.x / columns * rect.width, rect.maxY - p.y / rows * rect.height)
    }
}
