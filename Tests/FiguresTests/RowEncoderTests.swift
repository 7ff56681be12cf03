import CPNG
import Foundation
import Testing

@testable import Figures

/// Errorest's row encoder (PNG levels 1 to 3): whatever the image's shape, its zlib stream
/// decodes in libpng (through zlib) to exactly the pixels written, and the rows it is made for
/// cost little.
@Suite struct RowEncoderTests {
    /// Pseudo-random numbers from a fixed seed.
    struct Noise {
        var state: UInt32
        mutating func next() -> UInt32 {
            state = state &* 1_103_515_245 &+ 12345
            return state >> 8
        }
    }

    /// Writes `pixel(x, y)` (0xRRGGBB) at `width × height` with the row encoder's levels, checks
    /// that libpng decodes each file to exactly those pixels, and returns the image data's size
    /// at each level, and the size of the scanlines.
    func roundTrip(width: Int, height: Int, _ pixel: (Int, Int) -> UInt32) throws -> (
        sizes: [Int], scanlines: Int
    ) {
        let surface = try PNGEncoderTests.surface(width: width, height: height, pixel)
        var sizes: [Int] = []
        for level in [1, 2, 3] {
            let png = try PNGCodec.encode(surface, level: level, texts: [])
            let image = try PNGCodec.decode(png)
            #expect(image.width == width && image.height == height)
            var wrong = 0
            for y in 0..<height {
                for x in 0..<width {
                    let (r, g, b) = image.rgb(x, y)
                    if UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b) != pixel(x, y) { wrong += 1 }
                }
            }
            #expect(wrong == 0, "level \(level), \(width)×\(height): \(wrong) pixels differ")
            let data = try #require(try PNGChunks.read(png).first { $0.type == "IDAT" }?.data)
            sizes.append(data.count)
        }
        return (sizes, height * (1 + 3 * width))
    }

    @Test func levelsOneToThreeAreTheRowEncoderAtPixelStartsGreedyTwoWayAndLazyAtEveryByte() {
        #expect((1...3).allSatisfy { cpng_deflate_level(Int32($0)) == -1 })
        #expect(String(cString: cpng_level_name(1)) == "row encoder, pixel starts, greedy")
        #expect(String(cString: cpng_level_name(2)) == "row encoder, pixel starts, greedy, 2-way")
        #expect(String(cString: cpng_level_name(3)) == "row encoder, every byte, lazy, 2-way")
    }

    @Test func imagesOfAFewPixelsFitTheBoundAtEveryLevel() throws {
        // The block writer writes eight bytes at a time past the end of its bits; the stream's
        // bound leaves room for that even when the image is smaller than a block's header.
        var noise = Noise(state: 17)
        for width in 1...9 {
            for height in 1...4 {
                let values = (0..<(width * height)).map { _ in noise.next() & 0x0F0F0F }
                _ = try roundTrip(width: width, height: height) { x, y in values[y * width + x] }
                // Two grey ramps in turn: a Huffman-coded block of a few bytes.
                _ = try roundTrip(width: width, height: height) { x, y in
                    UInt32(x * (y % 2 == 1 ? 13 : 7)) * 0x010101
                }
            }
        }
    }

    @Test(arguments: [1, -1])
    func rowsThatMoveAPixelAsideMatchTheRowAboveAPixelOnOrBack(step: Int) throws {
        // Black and white pixels at random, each row the row above moved one pixel right (or
        // left) with a new pixel coming in at the edge. The same four bytes recur everywhere,
        // so the hash table's last position of them is rarely the long match; the row above a
        // pixel aside always is.
        let (width, height) = (400, 100)
        var noise = Noise(state: 7)
        var rows: [[UInt32]] = [(0..<width).map { _ in noise.next() & 1 == 0 ? 0 : 0xFFFFFF }]
        for _ in 1..<height {
            let above = rows[rows.count - 1]
            let fresh: UInt32 = noise.next() & 1 == 0 ? 0 : 0xFFFFFF
            rows.append(step > 0 ? [fresh] + above.dropLast() : Array(above.dropFirst()) + [fresh])
        }
        let (sizes, scanlines) = try roundTrip(width: width, height: height) { x, y in rows[y][x] }
        #expect(sizes.allSatisfy { $0 < scanlines / 50 }, "\(sizes) of \(scanlines)")
    }

    @Test func aSinglePixelImage() throws {
        for colour: UInt32 in [0x000000, 0xFFFFFF, 0x123456] {
            _ = try roundTrip(width: 1, height: 1) { _, _ in colour }
        }
    }

    @Test func anImageOfOneColourIsAlmostNothing() throws {
        let (sizes, scanlines) = try roundTrip(width: 640, height: 360) { _, _ in 0x336699 }
        #expect(sizes.allSatisfy { $0 < scanlines / 300 }, "\(sizes) of \(scanlines)")
    }

    @Test func noiseIsStoredAndCostsOnlyItsBlockHeaders() throws {
        var noise = Noise(state: 7)
        let values = (0..<(300 * 200)).map { _ in noise.next() & 0xFFFFFF }
        let (sizes, scanlines) = try roundTrip(width: 300, height: 200) { x, y in
            values[y * 300 + x]
        }
        // zlib's 2-byte header and 4-byte trailer, and 5 bytes a stored block.
        #expect(sizes.allSatisfy { $0 <= scanlines + 6 + 5 * (scanlines / 16384 + 2) })
    }

    @Test(arguments: [1, 2, 50, 85, 86, 87, 300, 2000])
    func rowsShorterAndLongerThanTheLongestMatch(width: Int) throws {
        // Rows of noise that repeat with a changed pixel each time, a flat band and a gradient.
        var noise = Noise(state: UInt32(width))
        let row = (0..<width).map { _ in noise.next() & 0xFFFFFF }
        let (sizes, scanlines) = try roundTrip(width: width, height: 40) { x, y in
            if y % 10 == 9 { return 0xF0F0F0 }
            if y % 10 == 8 { return UInt32((x + y) % 256) * 0x010101 }
            return x == (y * 7) % width ? 0x000000 : row[x]
        }
        if width >= 50 { #expect(sizes.allSatisfy { $0 < scanlines / 3 }, "\(sizes)") }
    }

    @Test func rowsAtTheEdgeOfTheWindowMatchTheRowAboveAndBeyondItDoNot() throws {
        // A row of 10,922 pixels is 32,767 bytes with its filter byte: the row above is within
        // deflate's 32 KiB window. At 10,923 pixels it is 32,770 bytes back, out of reach.
        for width in [10922, 10923] {
            var noise = Noise(state: 99)
            let row = (0..<width).map { _ in noise.next() & 0xFFFFFF }
            let (sizes, scanlines) = try roundTrip(width: width, height: 3) { x, _ in row[x] }
            let line = scanlines / 3
            if width == 10922 {
                #expect(sizes.allSatisfy { $0 < line + line / 10 }, "\(sizes)")
            } else {
                #expect(sizes.allSatisfy { $0 > 3 * line - line / 10 }, "\(sizes)")
            }
        }
    }

    @Test func rowsThatAlternateAreFoundTwoRowsUp() throws {
        var noise = Noise(state: 5)
        let rows = (0..<2).map { _ in (0..<400).map { _ in noise.next() & 0xFFFFFF } }
        let (sizes, scanlines) = try roundTrip(width: 400, height: 100) { x, y in rows[y % 2][x] }
        #expect(sizes.allSatisfy { $0 < scanlines / 10 }, "\(sizes) of \(scanlines)")
    }

    @Test func skewedBytesNeedCodesLimitedToFifteenBits() throws {
        // Byte value v appears Fibonacci(v + 1) times, in a shuffled order: an unlimited Huffman
        // code for these bytes would be over 20 bits deep; deflate allows 15.
        var bytes: [UInt32] = []
        var (a, b) = (1, 1)
        for value in 0..<22 {
            bytes += Array(repeating: UInt32(value), count: a)
            (a, b) = (b, a + b)
        }
        var noise = Noise(state: 3)
        for k in stride(from: bytes.count - 1, to: 0, by: -1) {
            bytes.swapAt(k, Int(noise.next()) % (k + 1))
        }
        let width = 256
        let height = bytes.count / (3 * width)
        _ = try roundTrip(width: width, height: height) { x, y in
            let k = 3 * (y * width + x)
            return bytes[k] << 16 | bytes[k + 1] << 8 | bytes[k + 2]
        }
    }

    @Test func anRGBAImageMatchesItsPreviousPixelFourBytesBack() throws {
        var noise = Noise(state: 11)
        let row = (0..<(4 * 90)).map { _ in UInt8(noise.next() & 0xFF) }
        let rgba = (0..<30).flatMap { y in y % 3 == 2 ? Array(repeating: 200, count: 360) : row }
        for level in [1, 2, 3] {
            let png = try PNGCodec.encodeRGBA(rgba, width: 90, height: 30, level: level)
            #expect(try PNGCodec.decode(png).rgba == rgba)
            #expect(png.count < rgba.count / 5)
        }
    }

    @Test func theSamePixelsGiveTheSameBytes() throws {
        let surface = try PNGEncoderTests.picture(width: 500, height: 300)
        for level in [1, 2, 3] {
            let first = try PNGCodec.encode(surface, level: level, texts: [])
            #expect(try PNGCodec.encode(surface, level: level, texts: []) == first)
        }
    }
}
