import CCairo

/// Owns one `cairo_t` drawing into a ``Surface`` and destroys it in `deinit`.
final class Context {
    let handle: OpaquePointer
    /// Keeps the target alive as long as the context draws into it.
    let surface: Surface

    init(_ surface: Surface) throws {
        self.surface = surface
        handle = cairo_create(surface.handle)
        try checkCairo(cairo_status(handle), during: "creating a drawing context")
        Context.fixTextRendering(handle)
    }

    /// Sets every font option explicitly (grey antialiasing, slight hinting, hinted metrics: what
    /// DejaVu Sans gets from a stock font configuration on an image), so
    /// that text is drawn the same on every surface and thread: left to the defaults, the options
    /// come partly from the surface type and the font configuration, and the first figure of a
    /// process could change how later ones draw their text.
    private static func fixTextRendering(_ cr: OpaquePointer) {
        guard let options = cairo_font_options_create() else { return }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_ON)
        cairo_set_font_options(cr, options)
    }

    deinit {
        cairo_destroy(handle)
    }

    /// Throws the context's sticky error, if drawing has failed since it was created.
    func check(during: String) throws {
        try checkCairo(cairo_status(handle), during: during)
    }
}
