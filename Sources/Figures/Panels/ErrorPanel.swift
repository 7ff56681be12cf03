import Foundation

/// The error curve over the whole run: the mountain's outline, the path already walked solid,
/// the rest faint, and a marker at the snapshot's epoch.
enum ErrorPanel {
    static func draw(cell: Rect, scene: Scene, style: Style, on canvas: Canvas) throws -> PanelInfo
    {
        let palette = scene.palette
        let log = scene.options.logScaleError
        let series = scene.series
        let epochs = max(1, series.errors.count - 1)
        let low = log ? series.minimumPositive / 1.3 : 0
        let high = log ? max(series.maximum * 1.3, low * 10) : max(series.maximum * 1.08, 1e-12)
        let axes = !style.textless
        let left = axes ? style.tickFont * 4.2 : 0
        let bottom = axes ? style.tickFont * 2.9 : 0
        let rect = cell.inset(
            top: style.titleHeight, left: left, bottom: bottom, right: max(3, 6 * style.scale) + 3
        )
        .integral
        PanelChrome.title(
            ["Error E(W) by epoch", "Error E(W)", "E(W)"],
            note: log ? "log scale" : "mean cross-entropy",
            in: Rect(x: rect.x, y: cell.y, width: rect.width, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        let info = PanelInfo(
            kind: "error", layer: nil, unit: nil, rect: rect.array,
            domain: [[0, Double(epochs)], [low, high]])
        guard rect.isUsable else { return info }

        func x(_ epoch: Int) -> Double { rect.minX + Double(epoch) / Double(epochs) * rect.width }
        func y(_ e: Double) -> Double {
            let t =
                log
                ? (Foundation.log(max(e, low)) - Foundation.log(low))
                    / (Foundation.log(high) - Foundation.log(low))
                : (e - low) / (high - low)
            return rect.maxY - min(1, max(0, t)) * rect.height
        }
        let yTicks =
            log
            ? Ticks.logarithmic(low, high)
            : Ticks.linear(low, high, target: max(2, Int(rect.height / (style.tickFont * 3.2))))
        let xTicks = Ticks.linear(
            0, Double(epochs), target: max(2, Int(rect.width / (style.tickFont * 7)))
        )
        .filter { $0 == $0.rounded() }

        // Grid, then the mountain's silhouette under the whole curve.
        canvas.setColour(palette.grid)
        canvas.setLineWidth(1)
        for t in yTicks {
            let py = y(t).rounded() + 0.5
            canvas.move(to: PixelPoint(rect.minX, py))
            canvas.line(to: PixelPoint(rect.maxX, py))
        }
        canvas.stroke()
        let all = series.vertices(from: 0, through: epochs)
        let current = min(scene.epoch, epochs)
        canvas.saved {
            canvas.clip(to: rect)
            canvas.move(to: PixelPoint(rect.minX, rect.maxY))
            for p in thinned(all, x: x, y: y) { canvas.line(to: p) }
            canvas.line(to: PixelPoint(rect.maxX, rect.maxY))
            canvas.closePath()
            canvas.setColour(palette.grid.withAlpha(0.55))
            canvas.fill()
            canvas.setRoundCaps()
            canvas.setColour(palette.curve.withAlpha(0.3))
            canvas.setLineWidth(max(1, 1.5 * style.scale))
            polyline(series.vertices(from: current, through: epochs), x: x, y: y, on: canvas)
            canvas.stroke()
            canvas.setColour(palette.curve)
            canvas.setLineWidth(max(1.4, 2.4 * style.scale))
            polyline(series.vertices(from: 0, through: current), x: x, y: y, on: canvas)
            canvas.stroke()
        }
        // The current epoch: a guide line and a marker.
        let px = x(current)
        let py = y(scene.error)
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
        PanelChrome.frame(rect, scene: scene, on: canvas)
        if axes {
            labels(
                rect: rect, xTicks: xTicks, yTicks: yTicks, log: log, x: { x(Int($0)) }, y: y,
                scene: scene, style: style, on: canvas)
        }
        try canvas.context.check(during: "drawing the error panel")
        return info
    }

    private static func polyline(
        _ vertices: [(Int, Double)], x: (Int) -> Double, y: (Double) -> Double, on canvas: Canvas
    ) {
        let points = thinned(vertices, x: x, y: y)
        guard let first = points.first else { return }
        canvas.move(to: first)
        for p in points.dropFirst() { canvas.line(to: p) }
        if points.count == 1 { canvas.line(to: PixelPoint(first.x + 0.01, first.y)) }
    }

    /// The vertices in pixels, leaving out any closer than half a pixel to the last one kept
    /// (the last vertex is always kept): a 2,000-epoch curve needs no more points than pixels.
    private static func thinned(
        _ vertices: [(Int, Double)], x: (Int) -> Double, y: (Double) -> Double
    ) -> [PixelPoint] {
        var out: [PixelPoint] = []
        out.reserveCapacity(min(vertices.count, 4096))
        for (index, (e, v)) in vertices.enumerated() {
            let p = PixelPoint(x(e), y(v))
            if let last = out.last, index < vertices.count - 1,
                abs(p.x - last.x) < 0.5 && abs(p.y - last.y) < 0.5
            {
                continue
            }
            out.append(p)
        }
        return out
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
