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
    }

    /// The ring around a marker of radius `r`, so it reads on any shade.
    static func outline(_ r: Double) -> Double {
        max(0.7, r * 0.3)
    }

    /// The circle stroked around a misclassified point with a marker of radius `r`.
    static func mistakeRing(_ r: Double) -> (radius: Double, width: Double) {
        (r + outline(r) + max(1.2, r * 0.5), max(1, r * 0.38))
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
