import Foundation

/// Draws ``SweepErrors``: every run's error curve on one pair of axes, coloured by the values of
/// one key, with a legend of those values on the right.
struct SweepErrorsDrawing {
    let errors: SweepErrors
    let style: Style
    let palette: Palette
    let log: Bool

    /// Colours for the groups, then repeated: the same runs' paths in a race's figures, so each
    /// is chosen to stand out on the error surface's height map (far from every colour of its
    /// ramp) as well as on white, and from the others (RaceColourTests checks all three).
    static let groupColours: [Colour] = [
        Colour(hex: 0x3D8B_FF), Colour(hex: 0xD55E_00), Colour(hex: 0xE729_8A),
        Colour(hex: 0xFFC0_00), Colour(hex: 0x7B32_94),
    ]

    func draw(on canvas: Canvas) {
        let g = style.gap
        let page = Rect(
            x: 0, y: 0, width: Double(canvas.context.surface.width),
            height: Double(canvas.context.surface.height)
        ).inset(by: g)
        let (header, body) = page.slicingTop(style.headerHeight)
        canvas.setFont(size: style.headerFont, bold: true)
        canvas.setColour(palette.text)
        canvas.text(
            PanelChrome.fitted(errors.title, width: header.width, on: canvas), x: header.minX,
            middle: header.midY)

        // The legend: one swatch per value of the colouring key.
        canvas.setFont(size: style.tickFont)
        let entries = errors.groups.map { "\(errors.groupKey) = \($0)" }
        let swatch = style.tickFont * 1.8
        let notes = ["Higher errors", "run off the top.", "\(errors.missing) runs diverged"]
        let legendWidth = min(
            body.width * 0.3,
            max(
                (entries.map { canvas.width(of: $0) }.max() ?? 0) + swatch,
                notes.map { canvas.width(of: $0) }.max() ?? 0) + 2 * g)
        let (plotArea, legend) = body.slicingLeft(body.width - legendWidth)
        let (scale, ceiling) = Self.axis(
            in: plotArea, series: errors.curves.map(\.errors), log: log, style: style,
            palette: palette, on: canvas)
        let lineWidth = errors.curves.count > 20 ? 1.0 : 1.6
        canvas.saved {
            canvas.clip(to: scale.curveClip)
            canvas.setRoundCaps()
            for curve in errors.curves {
                let colour = SweepErrorsDrawing.groupColours[
                    curve.group % SweepErrorsDrawing.groupColours.count]
                scale.stroke(
                    curve.errors, colour: colour.withAlpha(0.8), width: lineWidth, on: canvas)
            }
        }
        PanelChrome.frame(scale.rect, palette: palette, on: canvas)

        canvas.setFont(size: style.tickFont)
        let step = style.tickFont * 1.7
        var y = legend.minY + g + step / 2
        for (i, entry) in entries.enumerated() {
            let colour = SweepErrorsDrawing.groupColours[i % SweepErrorsDrawing.groupColours.count]
            canvas.setColour(colour)
            canvas.setLineWidth(3)
            canvas.move(to: PixelPoint(legend.minX + g, y))
            canvas.line(to: PixelPoint(legend.minX + g + swatch * 0.8, y))
            canvas.stroke()
            canvas.setColour(palette.text)
            canvas.text(entry, x: legend.minX + g + swatch, middle: y)
            y += step
        }
        canvas.setColour(palette.mutedText)
        if errors.missing > 0 {
            let note = errors.missing == 1 ? "1 run diverged" : "\(errors.missing) runs diverged"
            canvas.text(note, x: legend.minX + g, middle: y)
            y += step
        }
        if ceiling != nil {
            for line in ["Higher errors", "run off the top."] {
                canvas.text(line, x: legend.minX + g, middle: y)
                y += step
            }
        }
    }

    /// The error axis of `series` in `area`, as every figure of runs' errors has it.
    ///
    /// The plot leaves room at its left and below for the labels; its scale runs from epoch 0
    /// to the longest run (on a linear axis clipped at ``SweepGridDrawing/ceiling(_:)``,
    /// returned); its grid lines, ticks and labels are drawn. The curves go on it, then
    /// ``PanelChrome/frame(_:palette:on:)``.
    static func axis(
        in area: Rect, series: [[Double]], log: Bool, style: Style, palette: Palette,
        on canvas: Canvas
    ) -> (scale: CurveScale, ceiling: Double?) {
        let rect = area.inset(
            top: style.tickFont * 1.8, left: style.tickFont * 4.2, bottom: style.tickFont * 2.9,
            right: style.gap
        ).integral
        let ceiling = log ? nil : SweepGridDrawing.ceiling(series)
        let scale = CurveScale(rect: rect, series: series, log: log, ceiling: ceiling)
        axes(scale, style: style, palette: palette, on: canvas)
        return (scale, ceiling)
    }

    /// Grid lines, ticks and labels of both axes.
    private static func axes(
        _ scale: CurveScale, style: Style, palette: Palette, on canvas: Canvas
    ) {
        let log = scale.log
        let rect = scale.rect
        let yTicks =
            log
            ? Ticks.logarithmic(scale.low, scale.high)
            : Ticks.linear(
                scale.low, scale.high, target: max(2, Int(rect.height / (style.tickFont * 3.2))))
        let xTicks = Ticks.linear(
            0, Double(scale.epochs), target: max(2, Int(rect.width / (style.tickFont * 7)))
        ).filter { $0 == $0.rounded() }
        canvas.setColour(palette.grid)
        canvas.setLineWidth(1)
        for t in yTicks {
            let py = scale.y(t).rounded() + 0.5
            canvas.move(to: PixelPoint(rect.minX, py))
            canvas.line(to: PixelPoint(rect.maxX, py))
        }
        canvas.stroke()
        canvas.setFont(size: style.tickFont)
        let m = canvas.fontMetrics
        canvas.setColour(palette.mutedText)
        let xStep = xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1
        for t in xTicks {
            canvas.text(
                Ticks.label(t, step: xStep), x: scale.x(Int(t)),
                baseline: rect.maxY + m.ascent + 4, align: .centre)
        }
        let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1
        for t in yTicks {
            canvas.text(
                log ? Ticks.label(t, step: t) : Ticks.label(t, step: yStep), x: rect.minX - 4,
                middle: scale.y(t), align: .right)
        }
        canvas.setColour(palette.text)
        canvas.text(
            "epoch", x: rect.maxX, baseline: rect.maxY + 2 * m.ascent + m.descent + 5,
            align: .right)
        canvas.text("E(W)", x: rect.minX - 4, baseline: rect.minY - m.descent - 3, align: .right)
    }
}
