import Backprop

/// What a surface or mountain panel shows when no height of its surface is a finite number (a
/// path that blew up: its plane passes through weights of 1e299 or NaN, and `E` is NaN or ∞ at
/// every node): one message in place of the shading — no colour bar, no range, no marks.
enum NoSurface {
    /// The message's lines: what is missing, why, and `E(W)`, `E(W′)` as the run has them.
    static func lines(view: LandscapeView) -> [String] {
        let e = ErrorScaleBar.words(view.current.error)
        let e2 = ErrorScaleBar.words(view.next.error)
        return [
            "No height of E on this plane is a finite number",
            "(the path's weights overflow): there is no surface to draw.",
            "E(W) \(e), E(W′) \(e2)",
        ]
    }

    /// Draws the message centred in `area` (framed when `framed`), and returns what the
    /// manifest states of the panel's scale: no range, ticks or bar, no place for `W` or `W′`,
    /// their errors where they are finite numbers, and the message.
    static func draw(
        in area: Rect, framed: Bool, view: LandscapeView, scene: Scene, style: Style,
        on canvas: Canvas
    ) -> LandscapeScaleInfo {
        let lines = lines(view: view)
        let info = LandscapeScaleInfo(
            range: nil, ticks: [], bar: [],
            errors: [view.current.error, view.next.error].map { $0.isFinite ? $0 : nil },
            pixels: [nil, nil], message: lines.joined(separator: " "))
        if framed { PanelChrome.frame(area, scene: scene, on: canvas) }
        guard !style.textless, area.isUsable else { return info }
        canvas.setFont(size: style.tickFont * 1.15)
        canvas.setColour(scene.palette.mutedText)
        let m = canvas.fontMetrics
        let step = (m.ascent + m.descent) * 1.3
        let first = area.midY - Double(lines.count - 1) / 2 * step
        for (k, line) in lines.enumerated() {
            canvas.text(
                PanelChrome.fitted(line, width: area.width - 8, on: canvas), x: area.midX,
                middle: first + Double(k) * step, align: .centre)
        }
        return info
    }
}
