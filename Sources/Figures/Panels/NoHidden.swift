/// Notes drawn in place of hidden panels that cannot be shown.
enum NoHidden {
    /// The `hidden` figure of a perceptron: say why it is empty.
    static func draw(in body: Rect, scene: Scene, style: Style, on canvas: Canvas) {
        guard !style.textless else { return }
        canvas.setFont(size: style.titleFont)
        canvas.setColour(scene.palette.mutedText)
        let lines = [
            "This network has no hidden layer: it is a single perceptron.",
            "Its line w·x + b = 0 is drawn in the output figure.",
        ]
        let step = style.titleFont * 1.5
        for (k, line) in lines.enumerated() {
            let text = PanelChrome.fitted(line, width: body.width, on: canvas)
            canvas.text(
                text, x: body.midX, middle: body.midY + (Double(k) - 0.5) * step, align: .centre)
        }
    }

    /// In place of the last hidden panel that would fit: how many units are not shown.
    static func omitted(_ count: Int, in cell: Rect, scene: Scene, style: Style, on canvas: Canvas)
    {
        guard !style.textless else { return }
        canvas.setFont(size: style.tickFont)
        canvas.setColour(scene.palette.mutedText)
        let lines = ["+\(count) more", "unit\(count == 1 ? "" : "s")"]
        let m = canvas.fontMetrics
        let step = m.ascent + m.descent
        for (k, line) in lines.enumerated() {
            canvas.text(
                PanelChrome.fitted(line, width: cell.width, on: canvas), x: cell.midX,
                middle: cell.midY + (Double(k) - 0.5) * step, align: .centre)
        }
    }
}
