import CCairo

/// Where a figure's words and glyphs went, for layout tests: every line of text a ``Canvas``
/// writes and every glyph it is told of (``Canvas/glyph(_:size:)``), with its box in the
/// page's pixels as Cairo measures it.
///
/// Off unless a test sets ``current`` around a render: the figures are drawn by the same code
/// either way.
final class LabelRecorder: @unchecked Sendable {
    /// A line of text or a glyph placed on the page.
    struct Label: Equatable {
        enum Kind: Equatable {
            case text
            case glyph
        }
        var kind: Kind
        /// The words, or the glyph's name.
        var text: String
        /// The ink's box, in the page's pixels.
        var box: Rect
        /// The text's size, or the glyph's extent, in the page's pixels.
        var size: Double
        /// True when part of the box lies outside the clip the drawing had.
        var clipped: Bool
    }

    /// The recorder the canvases made in this task record into, if any.
    @TaskLocal static var current: LabelRecorder?

    private(set) var labels: [Label] = []

    func record(_ label: Label) {
        labels.append(label)
    }

    /// `box` in the user space of `cr`, as the page's pixels: the bounds of its four corners.
    static func device(_ box: Rect, _ cr: OpaquePointer) -> Rect {
        var xs: [Double] = []
        var ys: [Double] = []
        for (x, y) in [
            (box.minX, box.minY), (box.maxX, box.minY), (box.minX, box.maxY), (box.maxX, box.maxY),
        ] {
            var (dx, dy) = (x, y)
            cairo_user_to_device(cr, &dx, &dy)
            xs.append(dx)
            ys.append(dy)
        }
        let (x0, y0) = (xs.min() ?? 0, ys.min() ?? 0)
        return Rect(x: x0, y: y0, width: (xs.max() ?? 0) - x0, height: (ys.max() ?? 0) - y0)
    }

    /// True when `box` (user space) is not wholly inside the current clip.
    static func isClipped(_ box: Rect, _ cr: OpaquePointer) -> Bool {
        var (x1, y1, x2, y2) = (0.0, 0.0, 0.0, 0.0)
        cairo_clip_extents(cr, &x1, &y1, &x2, &y2)
        let slack = 0.5
        return box.minX < x1 - slack || box.minY < y1 - slack || box.maxX > x2 + slack
            || box.maxY > y2 + slack
    }

    /// A length in user space as the page's pixels.
    static func device(length: Double, _ cr: OpaquePointer) -> Double {
        var (dx, dy) = (length, 0.0)
        cairo_user_to_device_distance(cr, &dx, &dy)
        return (dx * dx + dy * dy).squareRoot()
    }
}
