import CCairo
import Foundation

/// What a figure's file says about itself: its title, and for PNG its text chunks.
struct FigureMetadata {
    /// `"<name>: <figure> at epoch <N>"`, the PNG Title chunk and the PDF title.
    let title: String
    /// The PNG text chunks, in order.
    let texts: [(String, String)]
}

/// Makes one file of a figure: the surface the figure is drawn on, then the file's bytes.
///
/// A new single-file format is a new encoder (and its ``FileFormat`` case); the panels draw the
/// same way on every surface.
protocol FigureEncoder {
    /// A `width`×`height` surface to draw on, and whether its background is already painted.
    func surface(width: Int, height: Int, background: Colour, metadata: FigureMetadata) throws
        -> (surface: Surface, painted: Bool)
    /// The file's bytes, once the figure is drawn on `surface`.
    func encode(_ surface: Surface, metadata: FigureMetadata) throws -> Data
}

extension FileFormat {
    /// The encoder of this format with the options' settings.
    func encoder(_ options: RenderOptions) -> any FigureEncoder {
        switch self {
        // An animation's frames are PNG files; the animation is assembled by a ``FrameSink``.
        case .png, .apng, .mp4, .gif, .html: return PNGEncoder(level: options.pngCompression)
        case .pdf, .svg: return VectorEncoder(format: self)
        }
    }
}

/// PNG: pixels drawn by Cairo (and the raster fast paths), then compressed by ``PNGCodec``.
struct PNGEncoder: FigureEncoder {
    /// The PNG compression level, 0 to 9.
    let level: Int

    func surface(width: Int, height: Int, background: Colour, metadata: FigureMetadata) throws
        -> (surface: Surface, painted: Bool)
    {
        (try Surface.image(width: width, height: height, filledWith: background), true)
    }

    func encode(_ surface: Surface, metadata: FigureMetadata) throws -> Data {
        try PNGCodec.encode(surface, level: level, texts: metadata.texts)
    }
}

/// PDF and SVG through Cairo's stream surfaces, made the same bytes for the same figure.
struct VectorEncoder: FigureEncoder {
    let format: FileFormat

    func surface(width: Int, height: Int, background: Colour, metadata: FigureMetadata) throws
        -> (surface: Surface, painted: Bool)
    {
        let surface = try Surface.vector(format, width: width, height: height)
        if format == .pdf {
            cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_TITLE, metadata.title)
            cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_CREATOR, "Errorest")
            // An empty date leaves CreationDate out, so the same figure gives the same bytes.
            cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_CREATE_DATE, "")
        }
        return (surface, false)
    }

    func encode(_ surface: Surface, metadata: FigureMetadata) throws -> Data {
        try surface.finish()
        let bytes = surface.streamedBytes
        return format == .svg ? VectorOutput.normalizedSVG(bytes) : bytes
    }
}
