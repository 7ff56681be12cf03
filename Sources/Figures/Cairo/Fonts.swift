import CCairo

/// The face every figure's text is set in.
public enum Fonts {
    /// The sans-serif family of every label, title and caption.
    static let family = "DejaVu Sans"

    /// Loads the family's regular and bold faces (fontconfig's configuration, the font files).
    ///
    /// Cairo keeps them for the whole process, so the first figure drawn does not wait for them:
    /// a run calls this on another thread while it trains. What is drawn does not change.
    public static func load() {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1)
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        defer { cairo_destroy(cr) }
        var extents = cairo_text_extents_t()
        for weight in [CAIRO_FONT_WEIGHT_NORMAL, CAIRO_FONT_WEIGHT_BOLD] {
            cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, weight)
            cairo_set_font_size(cr, 12)
            cairo_text_extents(cr, "E(W) 0.5", &extents)
        }
    }
}
