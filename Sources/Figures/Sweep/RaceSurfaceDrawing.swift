import Backprop
import Foundation

/// One runner of a race as its figures show it: its label and, for a runner that has no path
/// (its training diverged), what happened instead.
public struct RaceRunner: Sendable {
    /// The value it runs with, such as `optimizer = adam`.
    public var label: String
    /// Said in the legend for a runner without a path, such as "diverged at epoch 12".
    public var note: String?
    /// Said under a runner's path details, line by line, when its error rose above its start
    /// (``trendLines(_:)``).
    public var trend: [String]

    public init(label: String, note: String? = nil, trend: [String] = []) {
        self.label = label
        self.note = note
        self.trend = trend
    }

    /// What the legend says of a run's error against its start, exactly as ``ErrorTrend``
    /// defines it.
    ///
    /// A run whose error ended above its start: its last error, the start, the epoch from which
    /// it stayed above and its peak (never "diverged", which names training that stopped on a
    /// number no longer finite); one that climbed and came back, its peak and last error.
    /// Nothing for a run whose error never rose above its start.
    public static func trendLines(_ trend: ErrorTrend?) -> [String] {
        guard let trend, trend.climbed else { return [] }
        let start = Ticks.fixed(trend.start, decimals: 3)
        let peak = "peak \(Ticks.fixed(trend.peak, decimals: 3)) (epoch \(trend.peakEpoch))"
        guard let since = trend.aboveSince else {
            return [
                "E rose above its start \(start),", peak + ";",
                "ended at \(Ticks.fixed(trend.last, decimals: 3))",
            ]
        }
        return [
            "E ended at \(Ticks.fixed(trend.last, decimals: 3)),",
            "above its start \(start)", "from epoch \(since) on;", peak,
        ]
    }
}

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

    /// The note under the title: the plane, and how much of the paths it holds.
    var note: String {
        switch landscape.axes {
        case .weights:
            let b = Ticks.fixed(landscape.start[2], decimals: 3)
            return "E over w1, w2 with b held at \(b), W0's b (every runner's start); each runner "
                + "moves its own b: the legend gives its last b and its gap"
        case .pca:
            let share = Ticks.fixed(100 * (landscape.principal?.varianceShare ?? 1), decimals: 1)
            return "plane through W0 (every runner's start) along PC1, PC2 of all paths: "
                + "\(share)% of their variance"
        }
    }

    /// A runner's legend line beyond its label: its share (PCA planes) and gap.
    static func detail(_ path: RacePath, axes: SurfaceAxes) -> String {
        let gap = Ticks.fixed(path.gap, decimals: path.gap < 0.001 ? 5 : 3)
        guard axes == .pca else {
            let b = path.lastBias.map { "its b → \(Ticks.fixed($0, decimals: 2)), " } ?? ""
            return b + "gap ≤ \(gap)"
        }
        let share = Ticks.fixed(100 * path.varianceShare, decimals: 1)
        return "keeps \(share)%, gap ≤ \(gap)"
    }

    func draw(on canvas: Canvas) throws {
        let g = style.gap
        let page = Rect(
            x: 0, y: 0, width: Double(canvas.context.surface.width),
            height: Double(canvas.context.surface.height)
        ).inset(by: g)
        let (header, rest) = page.slicingTop(style.headerHeight)
        canvas.setFont(size: style.headerFont, bold: true)
        canvas.setColour(palette.text)
        canvas.text(
            PanelChrome.fitted(title, width: header.width, on: canvas), x: header.minX,
            middle: header.midY)
        let (noteRow, body) = rest.slicingTop(style.titleHeight)
        canvas.setFont(size: style.tickFont)
        canvas.setColour(palette.mutedText)
        canvas.text(
            PanelChrome.fitted(note, width: noteRow.width, on: canvas), x: noteRow.minX,
            middle: noteRow.midY)
        let legendWidth = min(body.width * 0.4, style.tickFont * 21)
        let (plotArea, legend) = body.slicingLeft(body.width - legendWidth)
        try drawPlot(in: plotArea, paths: landscape.paths, on: canvas)
        drawLegend(in: legend, colours: SweepErrorsDrawing.groupColours, on: canvas)
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
        canvas.setColour(palette.frame)
        canvas.setLineWidth(1)
        canvas.rectangle(rect.inset(by: 0.5))
        canvas.stroke()
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

    /// One entry per runner: its colour, label and its path's share and gap (or its note).
    func drawLegend(in legend: Rect, colours: [Colour], on canvas: Canvas) {
        let g = style.gap
        let swatch = style.tickFont * 1.8
        let step = style.tickFont * 1.5
        var y = legend.minY + g + step / 2
        var paths = landscape.paths.makeIterator()
        for (i, runner) in runners.enumerated() {
            canvas.setColour(colours[i % colours.count])
            canvas.setLineWidth(3)
            canvas.move(to: PixelPoint(legend.minX + g, y))
            canvas.line(to: PixelPoint(legend.minX + g + swatch * 0.8, y))
            canvas.stroke()
            canvas.setFont(size: style.tickFont)
            canvas.setColour(palette.text)
            let width = legend.width - 2 * g - swatch
            canvas.text(
                PanelChrome.fitted(runner.label, width: width, on: canvas),
                x: legend.minX + g + swatch, middle: y)
            y += step
            let detail =
                runner.note ?? paths.next().map { Self.detail($0, axes: landscape.axes) } ?? ""
            canvas.setColour(palette.mutedText)
            canvas.text(
                PanelChrome.fitted(detail, width: width, on: canvas),
                x: legend.minX + g + swatch, middle: y)
            for line in runner.trend {
                y += step
                canvas.text(
                    PanelChrome.fitted(line, width: width, on: canvas),
                    x: legend.minX + g + swatch, middle: y)
            }
            y += step * 1.3
        }
        canvas.setColour(palette.mutedText)
        for line in [
            "○ start W0, ● last snapshot;",
            landscape.axes == .pca ? "keeps: its variance in the plane;" : "",
            "gap: |recorded E − height|",
        ] where !line.isEmpty {
            canvas.text(
                PanelChrome.fitted(line, width: legend.width - 2 * g, on: canvas),
                x: legend.minX + g, middle: y)
            y += step
        }
    }
}
