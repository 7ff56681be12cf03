import Backprop
import Foundation

/// Figures that compare the runs of a sweep: the `grid` of output panels and the `errors` curves
/// on one axis.
///
/// Drawn with the panels and canvas of single runs' figures.
public enum SweepFigure {
    /// The grid figure as a file of `format`, `width`×`height` pixels (or points).
    public static func grid(
        _ grid: SweepGrid, width: Int, height: Int, palette: PaletteName = .lesson,
        format: FileFormat, pngCompression: Int = RenderOptions.defaultPNGCompression
    ) throws -> Data {
        try render(
            title: grid.title, width: width, height: height, palette: palette, format: format,
            pngCompression: pngCompression
        ) { canvas, style, palette in
            try SweepGridDrawing(grid: grid, style: style, palette: palette).draw(on: canvas)
        }
    }

    /// The errors figure as a file of `format`.
    public static func errors(
        _ errors: SweepErrors, width: Int, height: Int, palette: PaletteName = .lesson,
        logScale: Bool = false, format: FileFormat,
        pngCompression: Int = RenderOptions.defaultPNGCompression
    ) throws -> Data {
        try render(
            title: errors.title, width: width, height: height, palette: palette, format: format,
            pngCompression: pngCompression
        ) { canvas, style, palette in
            SweepErrorsDrawing(errors: errors, style: style, palette: palette, log: logScale)
                .draw(on: canvas)
        }
    }

    /// The size a grid of `rows`×`columns` cells is drawn at so each cell stays legible: at
    /// least `width`×`height`, and at least 170×190 pixels a cell.
    public static func gridSize(rows: Int, columns: Int, width: Int, height: Int) -> (Int, Int) {
        let style = Style(width: width, height: height)
        let left = style.tickFont * 7 + 2 * style.gap
        let top = style.headerHeight + style.titleHeight + 3 * style.gap
        let bottom = style.titleHeight + style.gap
        let w = Int((left + Double(columns) * 170).rounded(.up))
        let h = Int((top + bottom + Double(rows) * 190).rounded(.up))
        let range = RenderOptions.sizeRange
        return (
            min(range.upperBound, max(width, w)), min(range.upperBound, max(height, h))
        )
    }

    /// Draws `title` in the page's header (with `clock` at its right, if any), as every sweep
    /// and race figure has it; returns the page below the header.
    static func drawHeader(
        _ title: String, clock: String? = nil, style: Style, palette: Palette, on canvas: Canvas
    ) -> Rect {
        let g = style.gap
        let page = Rect(
            x: 0, y: 0, width: Double(canvas.context.surface.width),
            height: Double(canvas.context.surface.height)
        ).inset(by: g)
        let (header, rest) = page.slicingTop(style.headerHeight)
        canvas.setFont(size: style.headerFont, bold: true)
        canvas.setColour(palette.text)
        var titleWidth = header.width
        if let clock {
            let clockWidth = canvas.width(of: clock)
            canvas.text(clock, x: header.maxX, middle: header.midY, align: .right)
            titleWidth = header.width - clockWidth - 2 * g
        }
        canvas.text(
            PanelChrome.fitted(title, width: titleWidth, on: canvas), x: header.minX,
            middle: header.midY)
        return rest
    }

    /// The size of the errors figure: at least 640×360, so the axes and legend stay legible.
    public static func errorsSize(width: Int, height: Int) -> (Int, Int) {
        (max(width, 640), max(height, 360))
    }

    /// Makes the surface for `format` through its encoder, draws on it and returns the file's
    /// bytes.
    static func render(
        title: String, width: Int, height: Int, palette name: PaletteName, format: FileFormat,
        pngCompression: Int, draw: (Canvas, Style, Palette) throws -> Void
    ) throws -> Data {
        var options = RenderOptions()
        options.width = width
        options.height = height
        options.pngCompression = pngCompression
        try options.validate()
        let palette = Palette.named(name)
        let style = Style(width: width, height: height)
        let metadata = FigureMetadata(
            title: title, texts: [("Software", "Errorest"), ("Title", title)])
        let encoder = format.encoder(options)
        let (surface, painted) = try encoder.surface(
            width: width, height: height, background: palette.background, metadata: metadata)
        do {
            let context = try Context(surface)
            let canvas = Canvas(context)
            if !painted {
                canvas.fill(
                    Rect(x: 0, y: 0, width: Double(width), height: Double(height)),
                    palette.background)
            }
            try draw(canvas, style, palette)
            try context.check(during: "drawing the sweep figure")
        }
        return try encoder.encode(surface, metadata: metadata)
    }
}

/// Maps epochs and errors onto a plot: shared by every curve of a sweep figure.
struct CurveScale {
    let rect: Rect
    let epochs: Int
    let low: Double
    let high: Double
    let log: Bool

    /// A scale from epoch 0 to `epochs` and error 0 (or the smallest, on a log axis) to a little
    /// above the largest error of `series`.
    init(rect: Rect, series: [[Double]], log: Bool, ceiling: Double? = nil) {
        self.rect = rect
        self.log = log
        epochs = max(1, (series.map(\.count).max() ?? 2) - 1)
        let finite = series.flatMap { $0 }.filter(\.isFinite)
        let top = finite.max() ?? 1
        if log {
            let bottom = finite.filter { $0 > 0 }.min() ?? 1e-3
            low = bottom / 1.3
            high = max(top * 1.3, low * 10)
        } else {
            low = 0
            high = ceiling ?? max(top * 1.08, 1e-12)
        }
    }

    /// How epochs and errors map onto the plot.
    var axis: ErrorAxis { ErrorAxis(rect: rect, epochs: epochs, low: low, high: high, log: log) }

    func x(_ epoch: Int) -> Double { axis.x(time: Double(epoch)) }

    func y(_ e: Double) -> Double { axis.y(e) }

    /// Where curves may be drawn: the plot and a line's width above it, so a curve that runs
    /// off the top shows as a line along the top edge.
    var curveClip: Rect {
        Rect(x: rect.x, y: rect.y - 2, width: rect.width, height: rect.height + 2)
    }

    /// The curve of `errors` in pixels, at most about one vertex per half pixel.
    func points(_ errors: [Double]) -> [PixelPoint] {
        ErrorSeries(errors: errors).pixels(from: 0, through: errors.count - 1) {
            PixelPoint(x($0), y($1))
        }
    }

    /// Strokes `errors` as one line.
    func stroke(_ errors: [Double], colour: Colour, width: Double, on canvas: Canvas) {
        canvas.stroke(polyline: points(errors), width: width, colour: colour)
    }
}
