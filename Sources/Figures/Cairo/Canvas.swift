import CCairo

/// Horizontal placement of a line of text relative to its anchor.
enum TextAlign {
    case left
    case centre
    case right
}

/// Drawing operations over a Cairo context, in pixels from the top-left corner.
///
/// Cairo keeps the first error in the context; ``Context/check(during:)`` turns it into a
/// thrown error once a panel is drawn.
struct Canvas {
    let context: Context
    /// Marker sprites made for this figure.
    let sprites = SpriteCache()
    /// Where the words and glyphs go, for a layout test (``LabelRecorder/current``).
    let recorder = LabelRecorder.current
    private var cr: OpaquePointer { context.handle }

    init(_ context: Context) {
        self.context = context
    }

    /// Tells the layout test (if any) of a glyph drawn in `box`, `size` pixels across: a
    /// diagram's ▲, an arrow, a marker.
    func glyph(_ name: String, box: Rect, size: Double) {
        guard let recorder else { return }
        recorder.record(
            LabelRecorder.Label(
                kind: .glyph, text: name, box: LabelRecorder.device(box, cr),
                size: LabelRecorder.device(length: size, cr),
                clipped: LabelRecorder.isClipped(box, cr)))
    }

    /// Records a line of text about to be shown at `left`, `baseline`.
    private func record(_ text: String, left: Double, baseline: Double) {
        guard let recorder, !text.isEmpty else { return }
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        guard extents.width > 0 else { return }
        let box = Rect(
            x: left + extents.x_bearing, y: baseline + extents.y_bearing, width: extents.width,
            height: extents.height)
        var matrix = cairo_matrix_t()
        cairo_get_font_matrix(cr, &matrix)
        recorder.record(
            LabelRecorder.Label(
                kind: .text, text: text, box: LabelRecorder.device(box, cr),
                size: LabelRecorder.device(length: matrix.yy, cr),
                clipped: LabelRecorder.isClipped(box, cr)))
    }

    func setColour(_ c: Colour) {
        if c.alpha >= 1 {
            cairo_set_source_rgb(cr, c.red, c.green, c.blue)
        } else {
            cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
        }
    }

    func setLineWidth(_ width: Double) {
        cairo_set_line_width(cr, width)
    }

    /// Sets a dash pattern in pixels; an empty pattern draws solid lines.
    func setDash(_ pattern: [Double]) {
        pattern.withUnsafeBufferPointer { buffer in
            cairo_set_dash(cr, buffer.baseAddress, Int32(buffer.count), 0)
        }
    }

    func setRoundCaps() {
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
    }

    /// Turns antialiasing off (`false`) or back on for the fills and strokes that follow: tiles
    /// that meet edge to edge show no seams and fill much faster without it.
    func setAntialiased(_ on: Bool) {
        cairo_set_antialias(cr, on ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE)
    }

    /// True when drawing into pixels (PNG); false for PDF and SVG, whose readers antialias every
    /// fill themselves, whatever ``setAntialiased(_:)`` asked.
    var isRaster: Bool {
        cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE
    }

    /// Square ends: a stroke stops exactly at its end points.
    func setButtCaps() {
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    }

    /// Mitred joins: cheaper than round ones where a path has no sharp corners.
    func setMiterJoins() {
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
    }

    /// How closely curves are flattened into lines, in pixels (Cairo's default is 0.1).
    func setTolerance(_ pixels: Double) {
        cairo_set_tolerance(cr, pixels)
    }

    func move(to p: PixelPoint) {
        cairo_move_to(cr, p.x, p.y)
    }

    func line(to p: PixelPoint) {
        cairo_line_to(cr, p.x, p.y)
    }

    func curve(_ c1: PixelPoint, _ c2: PixelPoint, to p: PixelPoint) {
        cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
    }

    func closePath() {
        cairo_close_path(cr)
    }

    func rectangle(_ r: Rect) {
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
    }

    func circle(centre: PixelPoint, radius: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, centre.x, centre.y, radius, 0, 2 * Double.pi)
        cairo_close_path(cr)
    }

    func fill() {
        cairo_fill(cr)
    }

    func fillPreserve() {
        cairo_fill_preserve(cr)
    }

    func stroke() {
        cairo_stroke(cr)
    }

    /// Strokes the polyline through `points` at `width` in `colour`; nothing for no points.
    func stroke(polyline points: [PixelPoint], width: Double, colour: Colour) {
        guard let first = points.first else { return }
        setLineWidth(width)
        setColour(colour)
        move(to: first)
        for p in points.dropFirst() { line(to: p) }
        stroke()
    }

    /// Fills `r` with `colour`.
    func fill(_ r: Rect, _ colour: Colour) {
        setColour(colour)
        rectangle(r)
        fill()
    }

    /// Runs `body` with the drawing state saved, restoring it afterwards.
    func saved(_ body: () throws -> Void) rethrows {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        try body()
    }

    /// Moves the origin by `offset` pixels until the enclosing ``saved(_:)`` ends.
    func translate(by offset: PixelPoint) {
        cairo_translate(cr, offset.x, offset.y)
    }

    /// Restricts drawing to `r` until the enclosing ``saved(_:)`` ends.
    func clip(to r: Rect) {
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
    }

    /// Paints an image surface with its top-left corner at `origin`, one image pixel per pixel.
    func paint(image: Surface, at origin: PixelPoint, size: Rect) {
        cairo_save(cr)
        cairo_set_source_surface(cr, image.handle, origin.x, origin.y)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_rectangle(cr, size.x, size.y, size.width, size.height)
        cairo_fill(cr)
        cairo_restore(cr)
    }

    // MARK: Text

    /// Selects the sans-serif face at `size` pixels.
    func setFont(size: Double, bold: Bool = false) {
        cairo_select_font_face(
            cr, Fonts.family, CAIRO_FONT_SLANT_NORMAL,
            bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    /// The advance width of `text` in the current font.
    func width(of text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    /// The current font's ascent and descent.
    var fontMetrics: (ascent: Double, descent: Double) {
        var extents = cairo_font_extents_t()
        cairo_font_extents(cr, &extents)
        return (extents.ascent, extents.descent)
    }

    /// Draws one line of text with its baseline at `baseline`, aligned to `x`.
    func text(_ text: String, x: Double, baseline: Double, align: TextAlign = .left) {
        let w = width(of: text)
        let left: Double
        switch align {
        case .left: left = x
        case .centre: left = x - w / 2
        case .right: left = x - w
        }
        record(text, left: left, baseline: baseline)
        cairo_move_to(cr, left, baseline)
        cairo_show_text(cr, text)
        cairo_new_path(cr)
    }

    /// Draws text centred vertically on `middle` (its x-height centred).
    func text(_ text: String, x: Double, middle: Double, align: TextAlign = .left) {
        let m = fontMetrics
        self.text(text, x: x, baseline: middle + (m.ascent - m.descent) / 2, align: align)
    }

    /// Draws text rotated a quarter turn anticlockwise, centred on `centre` (for a y-axis label).
    func verticalText(_ text: String, centre: PixelPoint) {
        cairo_save(cr)
        cairo_translate(cr, centre.x, centre.y)
        cairo_rotate(cr, -Double.pi / 2)
        self.text(text, x: 0, middle: 0, align: .centre)
        cairo_restore(cr)
    }
}
