import Backprop
import Foundation

/// One runner of a race as its figures show it: its label and, for a runner that has no path
/// (its training diverged), what happened instead.
public struct RaceRunner: Sendable {
    /// The value it runs with, such as `optimizer = adam`.
    public var label: String
    /// Said in the legend for a runner without a path, such as "diverged at epoch 12".
    public var note: String?
    /// Said under a runner's path details when its error climbed above its start, such as
    /// "E climbed to 13.245 (epoch 3)".
    public var warning: String?

    public init(label: String, note: String? = nil, warning: String? = nil) {
        self.label = label
        self.note = note
        self.warning = warning
    }

    /// "E climbed to 13.245 (epoch 3)" when `errors` rise above their first value, else nil.
    public static func climb(_ errors: [Double]) -> String? {
        guard let first = errors.first,
            let peak = errors.indices.max(by: { errors[$0] < errors[$1] }),
            errors[peak] > first
        else { return nil }
        return "E climbed to \(Ticks.fixed(errors[peak], decimals: 3)) (epoch \(peak))"
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
        palette: PaletteName = .lesson, format: FileFormat, pngCompression: Int = 3
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
            return "w1, w2 exact; b = \(b) held (every runner's start W0)"
        case .pca:
            let share = Ticks.fixed(100 * (landscape.principal?.varianceShare ?? 1), decimals: 1)
            return "plane through W0 (every runner's start) along PC1, PC2 of all paths: "
                + "\(share)% of their variance"
        }
    }

    /// A runner's legend line beyond its label: its share (PCA planes) and gap.
    static func detail(_ path: RacePath, axes: SurfaceAxes) -> String {
        let gap = Ticks.fixed(path.gap, decimals: path.gap < 0.001 ? 5 : 3)
        guard axes == .pca else { return "gap ≤ \(gap)" }
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
        let rect = SurfacePanel.plotRect(cell: area, style: style).integral
        let grid = landscape.grid
        let map = SurfaceMap(grid: grid, rect: rect)
        try canvas.draw(SurfaceShading(grid: grid, rect: rect))
        let pathColours = RaceRunner.pathColours(runners)
        canvas.saved {
            canvas.clip(to: rect)
            SurfacePanel.levelCurves(map: map, style: style, on: canvas)
            canvas.setRoundCaps()
            for (path, colour) in zip(paths, pathColours) {
                drawPath(path, colour: colour, map: map, on: canvas)
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
    }

    /// A runner's path: a white halo under a line in its colour.
    private func drawPath(_ path: RacePath, colour: Colour, map: SurfaceMap, on canvas: Canvas) {
        let points = SurfacePanel.thinned(path.points).map { map.pixel($0.u, $0.v) }
        guard let first = points.first else { return }
        for (width, stroke) in [
            (max(3, 4.5 * style.scale), Colour(hex: 0xFF_FF_FF, alpha: 0.8)),
            (max(1.5, 2.2 * style.scale), colour),
        ] {
            canvas.setLineWidth(width)
            canvas.setColour(stroke)
            canvas.move(to: first)
            for p in points.dropFirst() { canvas.line(to: p) }
            canvas.stroke()
        }
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
            if let warning = runner.warning {
                y += step
                canvas.text(
                    PanelChrome.fitted(warning, width: width, on: canvas),
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
