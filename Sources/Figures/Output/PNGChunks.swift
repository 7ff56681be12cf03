import CPNG
import Foundation

/// The chunks of a PNG file: what ``PNGCodec`` writes a PNG with and an animated PNG is
/// assembled from.
///
/// A PNG is an 8-byte signature and then chunks, each a 4-byte big-endian length, a 4-letter
/// type, the data and a CRC-32 of the type and data. Nothing here decodes pixels.
enum PNGChunks {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// One chunk of a file: its type and where its data lies in the file's bytes.
    struct Chunk {
        var type: String
        var data: Range<Int>
    }

    /// Splits a PNG file into its chunks, checking the signature, lengths and CRCs.
    static func read(_ file: Data) throws -> [Chunk] {
        let bytes = [UInt8](file)
        guard bytes.count >= 8, Array(bytes[0..<8]) == signature else {
            throw FiguresError.png("An animation frame is not a PNG file (its signature is wrong).")
        }
        var chunks: [Chunk] = []
        var offset = 8
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else {
                throw FiguresError.png("An animation frame's PNG ends inside a chunk.")
            }
            let length = Int(bigEndian32(bytes, at: offset))
            let start = offset + 8
            guard length <= bytes.count - start - 4 else {
                throw FiguresError.png("An animation frame's PNG ends inside a chunk.")
            }
            let type = String(decoding: bytes[(offset + 4)..<start], as: UTF8.self)
            let stored = bigEndian32(bytes, at: start + length)
            let computed = bytes.withUnsafeBufferPointer {
                cpng_crc32(0, $0.baseAddress! + offset + 4, length + 4)
            }
            guard stored == computed else {
                throw FiguresError.png("An animation frame's PNG has a damaged \(type) chunk.")
            }
            chunks.append(Chunk(type: type, data: start..<(start + length)))
            offset = start + length + 4
            if type == "IEND" { break }
        }
        return chunks
    }

    /// Appends one chunk, with its length and CRC, to `file`.
    static func append(_ type: String, _ data: [UInt8], to file: inout Data) {
        append(type, data[...], to: &file)
    }

    /// Appends one chunk whose data is `prefix` followed by `body` (an fdAT's sequence number and
    /// its image data), without joining them first.
    static func append(
        _ type: String, _ body: ArraySlice<UInt8>, prefix: [UInt8] = [], to file: inout Data
    ) {
        body.withUnsafeBytes { append(type, $0, prefix: prefix, to: &file) }
    }

    /// Appends one chunk whose data is `prefix` followed by the bytes of `body`.
    static func append(
        _ type: String, _ body: UnsafeRawBufferPointer, prefix: [UInt8] = [], to file: inout Data
    ) {
        let typeBytes = Array(type.utf8)
        file.append(contentsOf: bigEndian(UInt32(prefix.count + body.count)))
        file.append(contentsOf: typeBytes)
        file.append(contentsOf: prefix)
        file.append(contentsOf: body)
        var crc = typeBytes.withUnsafeBufferPointer { cpng_crc32(0, $0.baseAddress!, $0.count) }
        crc = prefix.withUnsafeBufferPointer { cpng_crc32(crc, $0.baseAddress, $0.count) }
        let bytes = body.bindMemory(to: UInt8.self)
        crc = cpng_crc32(crc, bytes.baseAddress, bytes.count)
        file.append(contentsOf: bigEndian(crc))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [
            UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
            UInt8(value & 0xFF),
        ]
    }

    static func bigEndian(_ value: UInt16) -> [UInt8] {
        [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
