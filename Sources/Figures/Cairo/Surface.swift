import CCairo
import Foundation

/// Throws ``FiguresError/cairo(status:during:)`` unless `status` is success.
func checkCairo(_ status: cairo_status_t, during: String) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw FiguresError.cairo(
        status: String(cString: cairo_status_to_string(status)), during: during)
}

/// Owns one `cairo_surface_t` and destroys it in `deinit`.
final class Surface {
    let handle: OpaquePointer
    /// For stream surfaces, where Cairo's write callback puts the bytes (kept alive with the
    /// surface).
    private let sink: ByteSink?
    /// For images made on memory of our own, that memory (freed after the surface).
    private let memory: UnsafeMutableRawPointer?

    private init(
        owning handle: OpaquePointer, sink: ByteSink?, memory: UnsafeMutableRawPointer? = nil,
        during: String
    ) throws {
        self.handle = handle
        self.sink = sink
        self.memory = memory
        do {
            try checkCairo(cairo_surface_status(handle), during: during)
        } catch {
            cairo_surface_destroy(handle)
            memory?.deallocate()
            throw error
        }
    }

    deinit {
        cairo_surface_destroy(handle)
        memory?.deallocate()
    }

    /// An image surface of opaque pixels (`0xXXRRGGBB`, native endian), as the PNG writer reads it.
    static func image(width: Int, height: Int) throws -> Surface {
        try Surface(
            owning: cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)),
            sink: nil, during: "creating a \(width)×\(height) image")
    }

    /// An opaque image surface whose every pixel starts as `colour`: one pass over the memory,
    /// where a cleared image and a painted background would take two.
    static func image(width: Int, height: Int, filledWith colour: Colour) throws -> Surface {
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(width)))
        guard stride > 0, width > 0, height > 0 else {
            return try image(width: width, height: height)
        }
        // malloc's own alignment: an over-aligned request makes glibc's memalign leave the freed
        // image a few bytes too small for the next one, and memory grew by a frame each frame.
        let memory = UnsafeMutableRawPointer.allocate(byteCount: stride * height, alignment: 16)
        memory.initializeMemory(
            as: UInt32.self, repeating: 0xFF00_0000 | colour.pixel, count: stride / 4 * height)
        guard
            let handle = cairo_image_surface_create_for_data(
                memory.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_RGB24, Int32(width),
                Int32(height), Int32(stride))
        else {
            memory.deallocate()
            throw FiguresError.cairo(
                status: "no memory", during: "creating a \(width)×\(height) image")
        }
        return try Surface(
            owning: handle, sink: nil, memory: memory,
            during: "creating a \(width)×\(height) image")
    }

    /// An image surface with an alpha channel (premultiplied), for marker sprites.
    static func transparentImage(width: Int, height: Int) throws -> Surface {
        try Surface(
            owning: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)),
            sink: nil, during: "creating a \(width)×\(height) sprite")
    }

    /// True for an image surface (pixels), false for PDF and SVG.
    var isImage: Bool { cairo_surface_get_type(handle) == CAIRO_SURFACE_TYPE_IMAGE }

    /// A PDF surface of `width`×`height` points, or an SVG surface of `width`×`height` pixels,
    /// that streams its file into memory.
    static func vector(_ format: FileFormat, width: Int, height: Int) throws -> Surface {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let w = Double(width)
        let h = Double(height)
        let handle: OpaquePointer
        switch format {
        case .pdf: handle = cairo_pdf_surface_create_for_stream(ByteSink.write, closure, w, h)
        case .svg:
            handle = cairo_svg_surface_create_for_stream(ByteSink.write, closure, w, h)
            // Sized in pixels, so a 1280×720 figure opens at 1280×720 (in points, Cairo's
            // default, it would open at 1707×960); one unit of drawing is one pixel either way.
            cairo_svg_surface_set_document_unit(handle, CAIRO_SVG_UNIT_PX)
        case .png, .apng, .mp4, .gif, .html:
            handle = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        }
        return try Surface(
            owning: handle, sink: sink, during: "creating a \(format.rawValue) surface")
    }

    /// The rectangle `x, y, width, height` of `parent` as a surface of its own.
    ///
    /// What is drawn on it lands on the parent, moved and clipped (a figure placed on a lesson's
    /// PDF page). The parent must outlive it.
    static func region(of parent: Surface, x: Double, y: Double, width: Double, height: Double)
        throws -> Surface
    {
        try Surface(
            owning: cairo_surface_create_for_rectangle(parent.handle, x, y, width, height),
            sink: nil, during: "placing a figure on a page")
    }

    /// Finishes the surface (a vector surface writes its file now) and checks for errors.
    func finish() throws {
        cairo_surface_finish(handle)
        try checkCairo(cairo_surface_status(handle), during: "finishing the figure")
        if let sink, sink.failed {
            throw FiguresError.cairo(
                status: "the figure's bytes could not be kept", during: "writing")
        }
    }

    /// The bytes written so far by a vector surface.
    var streamedBytes: Data { sink?.data ?? Data() }

    /// Writes pending drawing to the image memory before direct access.
    func flush() {
        cairo_surface_flush(handle)
    }

    /// Tells Cairo the image memory was changed directly.
    func markDirty() {
        cairo_surface_mark_dirty(handle)
    }

    /// The first byte of an image surface's pixels.
    var pixels: UnsafeMutablePointer<UInt8>? { cairo_image_surface_get_data(handle) }
    /// Bytes from one row of an image surface to the next.
    var stride: Int { Int(cairo_image_surface_get_stride(handle)) }
    var width: Int { Int(cairo_image_surface_get_width(handle)) }
    var height: Int { Int(cairo_image_surface_get_height(handle)) }
}

/// Direct access to the pixels of an image surface, for code that writes them itself (between
/// ``Surface/flush()`` and ``Surface/markDirty()``).
struct PixelImage {
    let base: UnsafeMutablePointer<UInt8>
    /// Bytes from one row to the next.
    let stride: Int
    let width: Int
    let height: Int

    /// The pixels of an image surface; nil for PDF and SVG surfaces.
    init?(_ surface: Surface) {
        guard let base = surface.pixels else { return nil }
        self.base = base
        stride = surface.stride
        width = surface.width
        height = surface.height
    }

    /// The 32-bit pixels of row `y`.
    @inline(__always)
    func row(_ y: Int) -> UnsafeMutablePointer<UInt32> {
        UnsafeMutableRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
    }
}

/// Collects the bytes Cairo streams out of a PDF or SVG surface.
final class ByteSink {
    var data = Data()
    var failed = false

    /// Cairo's write callback: `closure` is an unretained `ByteSink`.
    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        guard let bytes else {
            sink.failed = length > 0
            return length > 0 ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS
        }
        sink.data.append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }
}
