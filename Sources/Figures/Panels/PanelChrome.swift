/// Small drawing pieces shared by the panels.
enum PanelChrome {
    /// The panel's title, left-aligned in `strip`, with an optional note right-aligned.
    ///
    /// `titles` go from longest to shortest: the first that fits beside the note is used; if
    /// none does, the note is dropped and the longest title that fits alone is used. Returns the
    /// note if it was drawn.
    @discardableResult
    static func title(
        _ titles: [String], note: String? = nil, in strip: Rect, scene: Scene, style: Style,
        on canvas: Canvas
    ) -> String? {
        guard !style.textless, strip.height >= style.titleFont, let longest = titles.first else {
            return nil
        }
        canvas.setFont(size: style.tickFont)
        let noteWidth = note.map { canvas.width(of: $0) + style.titleFont } ?? 0
        canvas.setFont(size: style.titleFont, bold: true)
        var chosen = titles.first { canvas.width(of: $0) + noteWidth <= strip.width }
        let showNote = chosen != nil && note != nil
        if chosen == nil {
            chosen =
                titles.first { canvas.width(of: $0) <= strip.width }
                ?? fitted(longest, width: strip.width, on: canvas)
        }
        canvas.setColour(scene.palette.text)
        canvas.text(chosen ?? longest, x: strip.minX, middle: strip.midY)
        guard showNote, let note else { return nil }
        canvas.setFont(size: style.tickFont)
        canvas.setColour(scene.palette.mutedText)
        canvas.text(note, x: strip.maxX, middle: strip.midY, align: .right)
        return note
    }

    /// `text`, cut with an ellipsis to fit `width` in the current font.
    static func fitted(_ text: String, width: Double, on canvas: Canvas) -> String {
        if canvas.width(of: text) <= width { return text }
        // The longest prefix that fits with "…", found by bisection: O(log n) measurements.
        let characters = Array(text)
        func candidate(_ count: Int) -> String { String(characters[0..<count]) + "…" }
        var (fits, tooLong) = (-1, characters.count)  // -1: not even "…" alone fits
        while tooLong - fits > 1 {
            let middle = (fits + tooLong) / 2
            if canvas.width(of: candidate(middle)) <= width {
                fits = middle
            } else {
                tooLong = middle
            }
        }
        return fits >= 0 ? candidate(fits) : ""
    }

    /// A thin frame around a plot.
    static func frame(_ rect: Rect, scene: Scene, on canvas: Canvas) {
        frame(rect, palette: scene.palette, on: canvas)
    }

    /// A thin frame around a plot, in `palette`'s frame colour.
    static func frame(_ rect: Rect, palette: Palette, on canvas: Canvas) {
        canvas.setColour(palette.frame)
        canvas.setLineWidth(1)
        canvas.rectangle(rect.inset(by: 0.5))
        canvas.stroke()
    }

    /// An arrow from `start` along the unit vector `direction`, `length` pixels long, with a
    /// shaft `width` wide and a thin halo so it reads on any background.
    ///
    /// Its head is at least `glyph` pixels long (``Style/glyphFloor``), and the arrow at least
    /// half as long again as its head: a short arrow is drawn that long, so that it reads.
    static func arrow(
        from start: PixelPoint, direction: PixelPoint, length requested: Double, width: Double,
        colour: Colour, halo: Colour, glyph: Double = 0, on canvas: Canvas
    ) {
        let head = max(glyph, min(requested * 0.5, max(6, width * 4)))
        let length = max(requested, head * 1.5)
        let tip = PixelPoint(start.x + direction.x * length, start.y + direction.y * length)
        let back = PixelPoint(tip.x - direction.x * head, tip.y - direction.y * head)
        let normal = PixelPoint(-direction.y * head * 0.5, direction.x * head * 0.5)
        func path() {
            canvas.move(to: start)
            canvas.line(to: back)
            canvas.move(to: tip)
            canvas.line(to: PixelPoint(back.x + normal.x, back.y + normal.y))
            canvas.line(to: PixelPoint(back.x - normal.x, back.y - normal.y))
            canvas.closePath()
        }
        canvas.setRoundCaps()
        canvas.setDash([])
        canvas.setColour(halo)
        canvas.setLineWidth(width + 2.5)
        path()
        canvas.stroke()
        canvas.setColour(colour)
        canvas.setLineWidth(width)
        path()
        canvas.stroke()
        canvas.move(to: tip)
        canvas.line(to: PixelPoint(back.x + normal.x, back.y + normal.y))
        canvas.line(to: PixelPoint(back.x - normal.x, back.y - normal.y))
        canvas.closePath()
        canvas.fill()
        let ends = [start, tip, PixelPoint(back.x + normal.x, back.y + normal.y)]
        let xs = ends.map(\.x) + [back.x - normal.x]
        let ys = ends.map(\.y) + [back.y - normal.y]
        let (x0, y0) = (xs.min() ?? 0, ys.min() ?? 0)
        canvas.glyph(
            "arrow",
            box: Rect(x: x0, y: y0, width: (xs.max() ?? 0) - x0, height: (ys.max() ?? 0) - y0),
            size: head)
    }
}
