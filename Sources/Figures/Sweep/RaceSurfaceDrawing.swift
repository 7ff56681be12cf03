import Backprop
import Foundation

extension SweepFigure {
    /// The `raceSurface` figure: the error surface of a race's plane with every runner's path
    /// in its colour (the errors figure's), each path's variance share and gap in the legend.
    ///
    /// `runners` lists every runner in order; `landscape.paths` holds those with a path, in the
    /// same order.
    package static func raceSurface(
        _ landscape: RaceLandscape, runners: [RaceRunner], title: String, width: Int, height: Int,
        palette: PaletteName = .lesson, format: FileFormat,
        pngCompression: Int = RenderOptions.defaultPNGCompression
    ) throws -> Data {
        try render(
            title: title, width: width, height: height, palette: palette, format: format,
            pngCompression: pngCompression
        ) { canvas, style, palette in
            try RaceSurfaceDrawing(
                landscape: landscape, runners: runners, title: title, style: style,
                palette: palette
            ).draw(on: canvas)
        }
    }

    /// The size of the race surface: at least 640×400, so the legend stays legible.
    public static func raceSize(width: Int, height: Int) -> (Int, Int) {
        (max(width, 640), max(height, 400))
    }
}

/// Draws a race's surface, its paths and their legend.
struct RaceSurfaceDrawing {
    let landscape: RaceLandscape
    let runners: [RaceRunner]
    let title: String
    let style: Style
    let palette: Palette

    /// The title, note and legend, as every race figure has them.
    var chrome: RaceChrome {
        RaceChrome(
            landscape: landscape, runners: runners, title: title, style: style, palette: palette)
    }

    func draw(on canvas: Canvas) throws {
        let body = chrome.drawHeading(on: canvas)
        let (plotArea, legend) = chrome.slicingLegend(body)
        try drawPlot(in: plotArea, paths: landscape.paths, on: canvas)
        chrome.drawLegend(in: legend, on: canvas)
        try canvas.context.check(during: "drawing the race surface")
    }

    /// The surface in `area` with its axes, and `paths` (the landscape's, or each walked so far
    /// in a race's frame) in the runners' colours, each with its start ring and its ball.
    func drawPlot(in area: Rect, paths: [RacePath], on canvas: Canvas) throws {
        let full = SurfacePanel.plotRect(cell: area, style: style)
        let (plot, strip) = full.slicingLeft(full.width - ErrorScaleBar.width(style: style))
        let rect = plot.integral
        let grid = landscape.grid
        let map = SurfaceMap(grid: grid, rect: rect)
        try canvas.draw(SurfaceShading(grid: grid, rect: rect))
        let pathColours = RaceRunner.pathColours(runners)
        canvas.saved {
            canvas.clip(to: rect)
            SurfacePanel.levelCurves(map: map, style: style, on: canvas)
            canvas.setRoundCaps()
            // Widest first, each later runner's line narrower on top: paths that run together
            // (runners that reach the same valley) show as nested bands, none hidden. All the
            // halos first, so none covers another runner's line.
            let widths = Self.lineWidths(
                count: min(paths.count, pathColours.count), scale: style.scale)
            for (k, path) in paths.prefix(widths.count).enumerated() {
                drawPath(
                    path, colour: Colour(hex: 0xFF_FF_FF, alpha: 0.8), width: widths[k] + 2.3,
                    map: map, on: canvas)
            }
            for (k, (path, colour)) in zip(paths, pathColours).enumerated() {
                drawPath(path, colour: colour, width: widths[k], map: map, on: canvas)
            }
            // The balls last, so a short path's end shows above a longer path's line.
            for (path, colour) in zip(paths, pathColours) {
                drawEnds(path, colour: colour, map: map, on: canvas)
            }
        }
        PanelChrome.frame(rect, palette: palette, on: canvas)
        let names = landscape.axes == .weights ? ("w1", "w2") : ("PC1", "PC2")
        SurfacePanel.axes(
            rect: rect, domain: grid.domain, names: names, palette: palette, style: style,
            on: canvas)
        if !style.textless, strip.width > 4, strip.height > 4 {
            _ = ErrorScaleBar.drawScale(
                in: strip, range: grid.range, linesBelow: 0, palette: palette, style: style,
                on: canvas)
        }
    }

    /// The line widths of `count` paths in drawing order: the last `max(1.5, 2.2 × scale)`
    /// wide, each earlier one `max(1.2, 1.8 × scale)` wider.
    static func lineWidths(count: Int, scale: Double) -> [Double] {
        let (base, step) = (max(1.5, 2.2 * scale), max(1.2, 1.8 * scale))
        return (0..<count).map { base + step * Double(count - 1 - $0) }
    }

    /// A runner's path as a line of `width` in `colour`.
    private func drawPath(
        _ path: RacePath, colour: Colour, width: Double, map: SurfaceMap, on canvas: Canvas
    ) {
        let points = SurfacePanel.thinned(path.points).map { map.pixel($0.u, $0.v) }
        guard let first = points.first else { return }
        canvas.setLineWidth(width)
        canvas.setColour(colour)
        canvas.move(to: first)
        for p in points.dropFirst() { canvas.line(to: p) }
        canvas.stroke()
    }

    /// A ring at a path's start and a ball in its colour at its end.
    private func drawEnds(_ path: RacePath, colour: Colour, map: SurfaceMap, on canvas: Canvas) {
        guard let start = path.points.first, let end = path.points.last else { return }
        let (first, last) = (map.pixel(start.u, start.v), map.pixel(end.u, end.v))
        let r = max(3, 5 * style.scale)
        canvas.setColour(Colour(hex: 0xFF_FF_FF))
        canvas.circle(centre: last, radius: r + max(1, 1.5 * style.scale))
        canvas.fill()
        canvas.setColour(colour)
        canvas.circle(centre: last, radius: r)
        canvas.fill()
        canvas.setLineWidth(max(1, 1.5 * style.scale))
        canvas.setColour(Colour(hex: 0x11_11_11))
        canvas.circle(centre: first, radius: r * 0.7)
        canvas.stroke()
    }
}
