import Backprop

/// Draws data points: filled in their class colour, ringed so they read on any shade, with
/// misclassified points circled (through ``MarkerLayer``).
enum Markers {
    static func draw(
        _ scene: Scene, in viewport: Viewport, radius r: Double, markMistakes: Bool,
        on canvas: Canvas
    ) throws {
        try canvas.draw(
            MarkerLayer(scene: scene, viewport: viewport, radius: r, markMistakes: markMistakes))
        guard !scene.testPoints.isEmpty else { return }
        canvas.saved {
            canvas.clip(to: viewport.rect)
            for (index, p) in scene.testPoints.enumerated() {
                hollow(
                    label: scene.testLabels[index], at: viewport.pixel(p), radius: r,
                    palette: scene.palette, on: canvas)
            }
        }
    }

    /// A held-out point's marker: a ring in its class colour, haloed so it reads on any shade.
    static func hollow(
        label: Int, at c: PixelPoint, radius r: Double, palette: Palette, on canvas: Canvas
    ) {
        let width = max(1, r * 0.45)
        let shape = palette.shape(label: label)
        canvas.setColour(palette.markerOutline)
        canvas.setLineWidth(width + 2 * outline(r))
        Markers.shape(shape, at: c, radius: r - width / 2, on: canvas)
        canvas.stroke()
        canvas.setColour(palette.fill(label: label))
        canvas.setLineWidth(width)
        Markers.shape(shape, at: c, radius: r - width / 2, on: canvas)
        canvas.stroke()
    }

    /// The ring around a marker of radius `r`, so it reads on any shade.
    static func outline(_ r: Double) -> Double {
        max(0.7, r * 0.3)
    }

    /// The circle stroked around a misclassified point with a marker of radius `r`.
    static func mistakeRing(_ r: Double) -> (radius: Double, width: Double) {
        (r + outline(r) + max(1.2, r * 0.5), max(1, r * 0.38))
    }

    /// False for a point so far outside the view (or not a number) that it is clipped away
    /// whole; Cairo's fixed-point coordinates end near ±8 million pixels.
    static func isDrawable(_ c: PixelPoint) -> Bool {
        c.x.magnitude < 1e6 && c.y.magnitude < 1e6
    }

    /// Adds one marker's outline to the current path.
    static func shape(_ shape: MarkerShape, at c: PixelPoint, radius r: Double, on canvas: Canvas) {
        guard isDrawable(c) else { return }
        switch shape {
        case .circle:
            canvas.circle(centre: c, radius: r)
        case .square:
            let s = r * 0.9
            canvas.rectangle(Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
        }
    }
}
