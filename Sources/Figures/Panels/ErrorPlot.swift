import Foundation

/// Where the error panel's plot sits and how epochs and errors map onto it, with the pieces of
/// the curve drawn from that mapping.
struct ErrorPlot {
    /// The plot area, on whole pixels.
    let rect: Rect
    let log: Bool
    /// The error axis, bottom to top.
    let low: Double
    let high: Double
    /// True when some errors lie above the axis (drawn flat along its top).
    var clipped: Bool { max(series.maximum, testSeries?.maximum ?? 0) > high }
    /// The last epoch (at least 1).
    let epochs: Int
    let series: ErrorSeries
    /// The held-out points' curve, drawn dashed, when the run has them.
    let testSeries: ErrorSeries?
    let yTicks: [Double]
    let xTicks: [Double]
    /// Widths of the faint and the walked curve.
    let faintWidth: Double
    let walkedWidth: Double

    init(cell: Rect, scene: Scene, style: Style) {
        log = scene.options.logScaleError
        series = scene.series
        testSeries = scene.testSeries
        epochs = max(1, series.errors.count - 1)
        let maximum = max(series.maximum, testSeries?.maximum ?? 0)
        let minimum = min(series.minimumPositive, testSeries?.minimumPositive ?? .infinity)
        if let range = scene.options.errorRange {
            low = log ? max(range.lowerBound, range.upperBound * 1e-9) : range.lowerBound
            high = range.upperBound
        } else {
            // A few spikes do not set the top of a linear axis; they are clipped with a mark.
            let robust = max(series.robustMaximum, testSeries?.robustMaximum ?? 0)
            // Kept within normal, finite Doubles, so errors near 1e308 or 5e-324 still map to
            // pixels.
            low = log ? max(minimum / 1.3, Double.leastNormalMagnitude) : 0
            high = min(
                log ? max(maximum * 1.3, low * 10) : max(robust * 1.08, 1e-12),
                Double.greatestFiniteMagnitude)
        }
        let axes = !style.textless
        let left = axes ? style.tickFont * 4.2 : 0
        let bottom = axes ? style.tickFont * 2.9 : 0
        rect =
            cell.inset(
                top: style.titleHeight, left: left, bottom: bottom,
                right: max(3, 6 * style.scale) + 3
            )
            .integral
        yTicks =
            log
            ? Ticks.logarithmic(low, high)
            : Ticks.linear(low, high, target: max(2, Int(rect.height / (style.tickFont * 3.2))))
        xTicks = Ticks.linear(
            0, Double(epochs), target: max(2, Int(rect.width / (style.tickFont * 7)))
        )
        .filter { $0 == $0.rounded() }
        faintWidth = max(1, 1.5 * style.scale)
        walkedWidth = max(1.4, 2.4 * style.scale)
    }

    /// How epochs and errors map onto the plot.
    var axis: ErrorAxis { ErrorAxis(rect: rect, epochs: epochs, low: low, high: high, log: log) }

    /// The pixel column of `epoch`.
    func x(_ epoch: Int) -> Double { axis.x(time: Double(epoch)) }

    /// The pixel column of a place on the epoch axis (part-way through an epoch, say).
    func x(time: Double) -> Double { axis.x(time: time) }

    /// The pixel row of error `e`, clamped to the plot.
    func y(_ e: Double) -> Double { axis.y(e) }

    /// Horizontal grid lines at the error ticks (on rows `rect.minY` through `rect.maxY`).
    func grid(_ palette: Palette, on canvas: Canvas) {
        canvas.setColour(palette.grid)
        canvas.setLineWidth(1)
        for t in yTicks {
            let py = y(t).rounded() + 0.5
            canvas.move(to: PixelPoint(rect.minX, py))
            canvas.line(to: PixelPoint(rect.maxX, py))
        }
        canvas.stroke()
    }

    /// The mountain's silhouette under the whole curve; inside a clip to ``rect``.
    func silhouette(_ palette: Palette, on canvas: Canvas) {
        canvas.move(to: PixelPoint(rect.minX, rect.maxY))
        for p in points(from: 0, through: epochs) { canvas.line(to: p) }
        canvas.line(to: PixelPoint(rect.maxX, rect.maxY))
        canvas.closePath()
        canvas.setColour(palette.grid.withAlpha(0.55))
        canvas.fill()
    }

    /// Strokes the curve through `points`, faint or as the path already walked; inside a clip
    /// to ``rect``.
    func stroke(_ points: [PixelPoint], walked: Bool, _ palette: Palette, on canvas: Canvas) {
        canvas.setRoundCaps()
        canvas.setColour(walked ? palette.curve : palette.curve.withAlpha(0.3))
        canvas.setLineWidth(walked ? walkedWidth : faintWidth)
        guard let first = points.first else { return }
        canvas.move(to: first)
        for p in points.dropFirst() { canvas.line(to: p) }
        if points.count == 1 { canvas.line(to: PixelPoint(first.x + 0.01, first.y)) }
        canvas.stroke()
    }

    /// The curve from epoch `first` through `last` in pixels, thinned to about one vertex per half
    /// pixel (``ErrorSeries/pixels(from:through:place:)``).
    func points(from first: Int, through last: Int, of curve: ErrorSeries? = nil) -> [PixelPoint] {
        (curve ?? series).pixels(from: first, through: last) { PixelPoint(x($0), y($1)) }
    }
}
