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
    }

    deinit {
        cairo_destroy(handle)
    }

    /// Throws the context's sticky error, if drawing has failed since it was created.
    func check(during: String) throws {
        try checkCairo(cairo_status(handle), during: during)
    }
}
