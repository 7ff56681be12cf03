import CPNG
import Foundation

/// PNG files: written as chunks (``PNGChunks``) around image data compressed by libdeflate, read
/// back through libpng.
///
/// A file is the signature, `IHDR`, the text chunks in order (`tEXt`, or `iTXt` for text beyond
/// ASCII), one `IDAT` and `IEND`. The image data is the scanlines with filter type None, one zlib
/// stream: on Errorest's figures (flat areas, shading that shifts by a constant step from row to
/// row, which deflate matches directly) None gives the smallest files of the five filters and of
/// libpng's adaptive choice, and costs nothing to apply (`errorest-bench png`).
package enum PNGCodec {
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
    package static func encodeRGBA(_ rgba: [UInt8], width: Int, height: Int, level: Int = 6) throws
        -> Data
    {
        guard width > 0, height > 0, rgba.count == width * height * 4 else {
            throw FiguresError.png("An RGBA image needs width × height × 4 bytes.")
        }
        return try rgba.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                throw FiguresError.png("The image to encode has no pixels.")
            }
            return try encode(
                pixels: base, width: width, height: height, stride: 4 * width,
                layout: CPNG_PIXELS_RGBA8, level: level, texts: [])
        }
    }

    private static func encode(
        pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, layout: cpng_pixels,
        level: Int, texts: [(String, String)]
    ) throws -> Data {
        guard width <= Int(Int32.max) / 4, height <= Int(Int32.max) else {
            throw FiguresError.png("The image to encode is too large for a PNG.")
        }
        var buffer = cpng_buffer()
        var message = [CChar](repeating: 0, count: 512)
        let status = message.withUnsafeMutableBufferPointer { messageBuffer in
            cpng_image_data(
                pixels, Int32(width), Int32(height), Int32(stride), layout, Int32(level), &buffer,
                messageBuffer.baseAddress, messageBuffer.count)
        }
        defer { cpng_buffer_free(&buffer) }
        guard status == CPNG_OK, let bytes = buffer.bytes else {
            throw FiguresError.png(text(of: message))
        }
        var file = Data(capacity: buffer.count + 512)
        file.append(contentsOf: PNGChunks.signature)
        let colour: UInt8 = layout == CPNG_PIXELS_RGBA8 ? 6 : 2  // RGBA or RGB, 8 bits each
        PNGChunks.append(
            "IHDR",
            PNGChunks.bigEndian(UInt32(width)) + PNGChunks.bigEndian(UInt32(height))
                + [8, colour, 0, 0, 0],  // deflate, adaptive filtering's method, no interlace
            to: &file)
        for (key, value) in texts {
            let (type, data) = try textChunk(key, value)
            PNGChunks.append(type, data, to: &file)
        }
        let chunk = 1 << 30  // far below a chunk's 2³¹ − 1 bytes
        for start in Swift.stride(from: 0, to: buffer.count, by: chunk) {
            let count = min(chunk, buffer.count - start)
            PNGChunks.append(
                "IDAT", UnsafeRawBufferPointer(start: bytes + start, count: count), to: &file)
        }
        PNGChunks.append("IEND", [], to: &file)
        return file
    }

    /// A text chunk: `tEXt` for ASCII text, otherwise `iTXt`.
    ///
    /// `tEXt` holds the keyword, a NUL and the text; `iTXt` the keyword, a NUL, "uncompressed",
    /// an empty language and translated keyword, and the UTF-8 text. Text stops at a NUL.
    static func textChunk(_ key: String, _ value: String) throws -> (String, [UInt8]) {
        let keyword = Array(key.utf8)
        guard (1...79).contains(keyword.count), keyword.allSatisfy({ (32...126).contains($0) }),
            keyword.first != 32, keyword.last != 32, !key.contains("  ")
        else {
            throw FiguresError.png(
                "The PNG text keyword \"\(key)\" must be 1 to 79 printable ASCII characters "
                    + "without leading, trailing or double spaces.")
        }
        let text = Array(value.utf8.prefix { $0 != 0 })
        if text.allSatisfy({ $0 < 0x80 }) {
            return ("tEXt", keyword + [0] + text)
        }
        return ("iTXt", keyword + [0, 0, 0, 0, 0] + text)
    }

    /// A decoded image: 8-bit R, G, B, A per pixel, rows top to bottom.
    package struct Image: Sendable, Equatable {
        package var width: Int
        package var height: Int
        package var rgba: [UInt8]

        /// The R, G, B of the pixel at column `x`, row `y`.
        package func rgb(_ x: Int, _ y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
            let k = 4 * (y * width + x)
            return (rgba[k], rgba[k + 1], rgba[k + 2])
        }
    }

    /// Decodes PNG bytes to RGBA through libpng.
    package static func decode(_ data: Data) throws -> Image {
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
