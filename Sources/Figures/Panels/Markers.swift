import Backprop

/// Draws data points: filled in their class colour, ringed so they read on any shade, with
/// misclassified points circled.
enum Markers {
    static func draw(
        _ scene: Scene, in viewport: Viewport, radius r: Double, markMistakes: Bool,
        on canvas: Canvas
    ) {
        let palette = scene.palette
        let outline = max(0.7, r * 0.3)
        canvas.saved {
            canvas.clip(to: viewport.rect)
            if markMistakes {
                canvas.setColour(palette.mistake)
                canvas.setLineWidth(max(1, r * 0.38))
                for (index, p) in scene.points.enumerated() where scene.mistakes[index] {
                    canvas.circle(
                        centre: viewport.pixel(p), radius: r + outline + max(1.2, r * 0.5))
                }
                canvas.stroke()
            }
            // Outlines first, all at once, then the fills of each class on top.
            canvas.setColour(palette.markerOutline)
            for (index, p) in scene.points.enumerated() {
                shape(
                    scene.palette.shape(label: scene.labels[index]), at: viewport.pixel(p),
                    radius: r + outline, on: canvas)
            }
            canvas.fill()
            for label in [0, 1] {
                canvas.setColour(palette.fill(label: label))
                for (index, p) in scene.points.enumerated() where scene.labels[index] == label {
                    shape(palette.shape(label: label), at: viewport.pixel(p), radius: r, on: canvas)
                }
                canvas.fill()
            }
        }
    }

    /// Adds one marker's outline to the current path.
    static func shape(_ shape: MarkerShape, at c: PixelPoint, radius r: Double, on canvas: Canvas) {
        switch shape {
        case .circle:
            canvas.circle(centre: c, radius: r)
        case .square:
            let s = r * 0.9
            canvas.rectangle(Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
        }
    }
}

/// Small drawing pieces shared by the panels.
enum PanelChrome {
    /// The panel's title, left-aligned in `strip`, with an optional note right-aligned when
    /// both fit.
    static func title(
        _ text: String, note: String? = nil, in strip: Rect, scene: Scene, style: Style,
        on canvas: Canvas
    ) {
        guard !style.textless, strip.height >= style.titleFont else { return }
        canvas.setFont(size: style.titleFont, bold: true)
        let main = fitted(text, width: strip.width, on: canvas)
        let mainWidth = canvas.width(of: main)
        canvas.setColour(scene.palette.text)
        let middle = strip.midY
        canvas.text(main, x: strip.minX, middle: middle)
        guard let note else { return }
        canvas.setFont(size: style.tickFont)
        if mainWidth + canvas.width(of: note) + style.titleFont <= strip.width {
            canvas.setColour(scene.palette.mutedText)
            canvas.text(note, x: strip.maxX, middle: middle, align: .right)
        }
    }

    /// `text`, cut with an ellipsis to fit `width` in the current font.
    static func fitted(_ text: String, width: Double, on canvas: Canvas) -> String {
        if canvas.width(of: text) <= width { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters) + "…"
            if canvas.width(of: candidate) <= width { return candidate }
        }
        return ""
    }

    /// A thin frame around a plot.
    static func frame(_ rect: Rect, scene: Scene, on canvas: Canvas) {
        canvas.setColour(scene.palette.frame)
        canvas.setLineWidth(1)
        canvas.rectangle(rect.inset(by: 0.5))
        canvas.stroke()
    }

    /// An arrow from `start` along the unit direction `direction` for `length` pixels.
    static func arrow(
        from start: PixelPoint, direction: PixelPoint, length: Double, width: Double,
        colour: Colour, on canvas: Canvas
    ) {
        let tip = PixelPoint(start.x + direction.x * length, start.y + direction.y * length)
        let head = min(length * 0.45, max(5, width * 3.6))
        let back = PixelPoint(tip.x - direction.x * head, tip.y - direction.y * head)
        let normal = PixelPoint(-direction.y, direction.x)
        canvas.setColour(colour)
        canvas.setLineWidth(width)
        canvas.move(to: start)
        canvas.line(to: back)
        canvas.stroke()
        canvas.move(to: tip)
        canvas.line(to: PixelPoint(back.x + normal.x * head * 0.5, back.y + normal.y * head * 0.5))
        canvas.line(to: PixelPoint(back.x - normal.x * head * 0.5, back.y - normal.y * head * 0.5))
        canvas.closePath()
        canvas.fill()
    }
}
