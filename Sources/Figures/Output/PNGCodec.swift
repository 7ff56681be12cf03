import CPNG
import Foundation

/// PNG files through libpng: encoding Cairo's pixels with text chunks, and decoding for checks.
public enum PNGCodec {
    /// Encodes an opaque Cairo RGB24 image surface as an 8-bit RGB PNG.
    static func encode(_ surface: Surface, level: Int, texts: [(String, String)]) throws -> Data {
        surface.flush()
        guard let pixels = surface.pixels else {
            throw FiguresError.png("The image to encode has no pixels.")
        }
        return try encode(
            pixels: pixels, width: surface.width, height: surface.height, stride: surface.stride,
            layout: CPNG_PIXELS_CAIRO_XRGB32, level: level, texts: texts)
    }

    /// Encodes `height` rows of 8-bit RGBA pixels, packed, as an RGBA PNG (for diff images).
    public static func encodeRGBA(_ rgba: [UInt8], width: Int, height: Int) throws -> Data {
        guard width > 0, height > 0, rgba.count == width * height * 4 else {
            throw FiguresError.png("An RGBA image needs width × height × 4 bytes.")
        }
        return try rgba.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                throw FiguresError.png("The image to encode has no pixels.")
            }
            return try encode(
                pixels: base, width: width, height: height, stride: 4 * width,
                layout: CPNG_PIXELS_RGBA8, level: 6, texts: [])
        }
    }

    private static func encode(
        pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, layout: cpng_pixels,
        level: Int, texts: [(String, String)]
    ) throws -> Data {
        var buffer = cpng_buffer()
        var message = [CChar](repeating: 0, count: 512)
        // Keep the C strings alive for the call.
        let keys = texts.map { strdup($0.0) }
        let values = texts.map { strdup($0.1) }
        defer {
            for p in keys + values { free(p) }
        }
        var chunks = zip(keys, values).map { cpng_text(key: $0, text: $1) }
        let status = chunks.withUnsafeMutableBufferPointer { chunkBuffer in
            message.withUnsafeMutableBufferPointer { messageBuffer in
                cpng_encode(
                    pixels, Int32(width), Int32(height), Int32(stride), layout, Int32(level),
                    chunkBuffer.baseAddress, Int32(chunkBuffer.count), &buffer,
                    messageBuffer.baseAddress, messageBuffer.count)
            }
        }
        defer { cpng_buffer_free(&buffer) }
        guard status == CPNG_OK else {
            throw FiguresError.png(text(of: message))
        }
        guard let bytes = buffer.bytes else { return Data() }
        return Data(bytes: bytes, count: buffer.count)
    }

    /// A decoded image: 8-bit R, G, B, A per pixel, rows top to bottom.
    public struct Image: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public var rgba: [UInt8]

        /// The R, G, B of the pixel at column `x`, row `y`.
        public func rgb(_ x: Int, _ y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
            let k = 4 * (y * width + x)
            return (rgba[k], rgba[k + 1], rgba[k + 2])
        }
    }

    /// Decodes PNG bytes to RGBA through libpng.
    public static func decode(_ data: Data) throws -> Image {
        var image = cpng_image()
        var message = [CChar](repeating: 0, count: 512)
        let status = data.withUnsafeBytes { raw in
            message.withUnsafeMutableBufferPointer { messageBuffer in
                cpng_decode(
                    raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &image,
                    messageBuffer.baseAddress, messageBuffer.count)
            }
        }
        defer { cpng_image_free(&image) }
        guard status == CPNG_OK, let pixels = image.rgba else {
            throw FiguresError.png(text(of: message))
        }
        let width = Int(image.width)
        let height = Int(image.height)
        return Image(
            width: width, height: height,
            rgba: Array(UnsafeBufferPointer(start: pixels, count: width * height * 4)))
    }
}

/// The text of a NUL-terminated C buffer, as UTF-8.
private func text(of buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
