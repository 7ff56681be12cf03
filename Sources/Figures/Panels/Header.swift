import Foundation

/// The figure's header: run name, epoch, `E(W)` and accuracy on the left; a legend on the right
/// when there is room.
enum Header {
    static func draw(
        _ kind: FigureKind, in strip: Rect, scene: Scene, style: Style, on canvas: Canvas
    ) {
        guard !style.textless, strip.isUsable else { return }
        let palette = scene.palette
        let middle = strip.midY
        canvas.setFont(size: style.headerFont, bold: true)
        let name = PanelChrome.fitted(scene.name, width: strip.width * 0.3, on: canvas)
        canvas.setColour(palette.text)
        canvas.text(name, x: strip.minX, middle: middle)
        var x = strip.minX + canvas.width(of: name) + style.headerFont
        canvas.setFont(size: style.headerFont * 0.8)
        let facts = [
            "epoch \(Ticks.grouped(scene.epoch)) of \(Ticks.grouped(scene.epochs))",
            "E(W) = \(formatError(scene.error))",
            "accuracy \(String(format: "%.1f", 100 * scene.accuracy))%",
        ]
        let gap = style.headerFont * 1.1
        for fact in facts {
            let w = canvas.width(of: fact)
            guard x + w <= strip.maxX else { break }
            canvas.text(fact, x: x, middle: middle)
            x += w + gap
        }
        legend(kind, from: x, in: strip, scene: scene, style: style, on: canvas)
        canvas.setColour(palette.grid)
        canvas.setLineWidth(1)
        canvas.move(to: PixelPoint(strip.minX, strip.maxY - 0.5))
        canvas.line(to: PixelPoint(strip.maxX, strip.maxY - 0.5))
        canvas.stroke()
    }

    /// `0.2345`, or `1.23e-05` for tiny errors.
    static func formatError(_ e: Double) -> String {
        e >= 0.001 || e == 0 ? String(format: "%.4f", e) : String(format: "%.2e", e)
    }

    /// Right-aligned keys for markers and lines, drawn only if all of them fit after `start`.
    private static func legend(
        _ kind: FigureKind, from start: Double, in strip: Rect, scene: Scene, style: Style,
        on canvas: Canvas
    ) {
        guard kind != .error else { return }
        let palette = scene.palette
        let font = style.tickFont
        canvas.setFont(size: font)
        let r = max(3, font * 0.38)
        let swatch = font * 1.6
        var items: [(String, (PixelPoint) -> Void)] = [
            ("label 1", { c in dot(c, label: 1, r: r, scene: scene, on: canvas) }),
            ("label 0", { c in dot(c, label: 0, r: r, scene: scene, on: canvas) }),
        ]
        if kind != .hidden {
            items.append(
                (
                    "misclassified",
                    { c in
                        canvas.setColour(palette.mistake)
                        canvas.setLineWidth(max(1, r * 0.4))
                        canvas.circle(centre: c, radius: r + 2.5)
                        canvas.stroke()
                        dot(c, label: 1, r: r, scene: scene, on: canvas)
                    }
                ))
            items.append(
                (
                    "ŷ = 0.5",
                    { c in
                        canvas.setColour(palette.boundary)
                        canvas.setLineWidth(style.boundaryWidth)
                        canvas.move(to: PixelPoint(c.x - swatch / 2, c.y))
                        canvas.line(to: PixelPoint(c.x + swatch / 2, c.y))
                        canvas.stroke()
                    }
                ))
        } else {
            items.append(
                (
                    "w·x + b = 0",
                    { c in
                        canvas.setColour(palette.boundary)
                        canvas.setLineWidth(style.boundaryWidth * 0.85)
                        canvas.move(to: PixelPoint(c.x - swatch / 2, c.y))
                        canvas.line(to: PixelPoint(c.x + swatch / 2, c.y))
                        canvas.stroke()
                    }
                ))
        }
        let spacing = font * 1.2
        let widths = items.map { swatch + font * 0.4 + canvas.width(of: $0.0) }
        let total = widths.reduce(0, +) + spacing * Double(items.count - 1)
        var x = strip.maxX - total
        guard x >= start + font else { return }
        for (item, w) in zip(items, widths) {
            item.1(PixelPoint(x + swatch / 2, strip.midY))
            canvas.setFont(size: font)
            canvas.setColour(palette.mutedText)
            canvas.text(item.0, x: x + swatch + font * 0.4, middle: strip.midY)
            x += w + spacing
        }
    }

    private static func dot(_ c: PixelPoint, label: Int, r: Double, scene: Scene, on canvas: Canvas)
    {
        let shape = scene.palette.shape(label: label)
        canvas.setColour(scene.palette.markerOutline)
        Markers.shape(shape, at: c, radius: r + 1, on: canvas)
        canvas.fill()
        canvas.setColour(scene.palette.fill(label: label))
        Markers.shape(shape, at: c, radius: r, on: canvas)
        canvas.fill()
    }
}
