import Foundation

/// The error curve over the whole run: the mountain's outline, the path already walked solid,
/// the rest faint, and a marker at the snapshot's epoch.
enum ErrorPanel: PrintPanel {
    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        try places.map { place in
            try draw(cell: place.cell, scene: figure.scene, style: figure.style, on: figure.canvas)
        }
    }

    static func draw(cell: Rect, scene: Scene, style: Style, on canvas: Canvas) throws -> PanelInfo
    {
        let palette = scene.palette
        let plot = ErrorPlot(cell: cell, scene: scene, style: style)
        let rect = plot.rect
        PanelChrome.title(
            ["Error E(W) by epoch", "Error E(W)", "E(W)"],
            note: plot.clipped
                ? "↑ clipped above \(Ticks.label(plot.high, step: plot.high / 100))"
                : (plot.log ? "log scale" : "mean cross-entropy")
                    + (plot.testSeries == nil ? "" : "; dashed: test points"),
            in: Rect(x: rect.x, y: cell.y, width: rect.width, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        let info = PanelInfo(
            kind: .error, layer: nil, unit: nil, rect: rect.array,
            domain: [[0, Double(plot.epochs)], [plot.low, plot.high]])
        guard rect.isUsable else { return info }

        // Grid, the mountain's silhouette under the whole curve, the rest of the way faint and
        // the path already walked solid.
        let current = min(scene.epoch, plot.epochs)
        try canvas.draw(
            ErrorCurve(plot: plot, current: current, palette: palette, backdrops: scene.backdrops))
        if let test = plot.testSeries {
            // The held-out points' curve, dashed, faint ahead and solid where walked.
            canvas.saved {
                canvas.clip(to: rect)
                canvas.setDash([6 * style.scale, 4 * style.scale])
                plot.stroke(
                    plot.points(from: current, through: plot.epochs, of: test), walked: false,
                    palette, on: canvas)
                plot.stroke(
                    plot.points(from: 0, through: current, of: test), walked: true, palette,
                    on: canvas)
                canvas.setDash([])
            }
        }
        // The current epoch (or the place part-way along its step): a guide line and a marker.
        let px = plot.x(time: min(scene.time, Double(plot.epochs)))
        let py = plot.y(scene.error)
        canvas.setColour(palette.marker.withAlpha(0.5))
        canvas.setLineWidth(1)
        canvas.setDash([3, 3])
        canvas.move(to: PixelPoint(px, rect.maxY))
        canvas.line(to: PixelPoint(px, py))
        canvas.stroke()
        canvas.setDash([])
        let r = max(3, 6 * style.scale)
        canvas.setColour(palette.markerOutline)
        canvas.circle(centre: PixelPoint(px, py), radius: r + max(1, 1.5 * style.scale))
        canvas.fill()
        canvas.setColour(palette.marker)
        canvas.circle(centre: PixelPoint(px, py), radius: r)
        canvas.fill()
        if let testError = scene.testError {  // hollow, like the test points
            let ty = plot.y(testError)
            canvas.setColour(palette.markerOutline)
            canvas.setLineWidth(max(2, 3 * style.scale))
            canvas.circle(centre: PixelPoint(px, ty), radius: r)
            canvas.stroke()
            canvas.setColour(palette.marker)
            canvas.setLineWidth(max(1, 1.5 * style.scale))
            canvas.circle(centre: PixelPoint(px, ty), radius: r)
            canvas.stroke()
        }
        PanelChrome.frame(rect, scene: scene, on: canvas)
        if !style.textless {
            labels(
                rect: rect, xTicks: plot.xTicks, yTicks: plot.yTicks, log: plot.log,
                x: { plot.x(Int($0)) }, y: plot.y, scene: scene, style: style, on: canvas)
        }
        try canvas.context.check(during: "drawing the error panel")
        return info
    }

    private static func labels(
        rect: Rect, xTicks: [Double], yTicks: [Double], log: Bool, x: (Double) -> Double,
        y: (Double) -> Double, scene: Scene, style: Style, on canvas: Canvas
    ) {
        canvas.setFont(size: style.tickFont)
        let m = canvas.fontMetrics
        let tick = style.tickFont * 0.45
        canvas.setColour(scene.palette.frame)
        canvas.setLineWidth(1)
        for t in xTicks {
            let px = x(t).rounded() + 0.5
            canvas.move(to: PixelPoint(px, rect.maxY))
            canvas.line(to: PixelPoint(px, rect.maxY + tick))
        }
        canvas.stroke()
        canvas.setColour(scene.palette.mutedText)
        let xStep = xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1
        var lastRight = -Double.infinity
        for t in xTicks {
            let text = Ticks.label(t, step: xStep)
            let w = canvas.width(of: text)
            let px = min(max(x(t), rect.minX + w / 2), rect.maxX - w / 2)
            guard px - w / 2 > lastRight + 4 else { continue }
            canvas.text(text, x: px, baseline: rect.maxY + tick + m.ascent + 1, align: .centre)
            lastRight = px + w / 2
        }
        let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1
        for t in yTicks {
            let text = log ? Ticks.label(t, step: t) : Ticks.label(t, step: yStep)
            canvas.text(text, x: rect.minX - 4, middle: y(t), align: .right)
        }
        canvas.setColour(scene.palette.text)
        canvas.text(
            "epoch", x: rect.maxX, baseline: rect.maxY + tick + 2 * m.ascent + m.descent + 2,
            align: .right)
    }
}
