import Foundation
import Testing

@testable import Figures

/// The row encoder at levels 1 and 2 searches only where a row or a pixel starts.
///
/// Read back by an inflater of the tests' own (`DeflateTokens`), every match of their streams
/// starts and ends where a row (its filter byte) or a pixel starts, whatever the width, and the
/// stream decodes to exactly the scanlines. Level 3 searches at every byte.
@Suite struct PixelStartsTests {
    /// Whether `position` of scanlines `line` bytes long, `pixel` bytes a pixel, is where a row
    /// or a pixel starts.
    static func startsARowOrAPixel(_ position: Int, line: Int, pixel: Int) -> Bool {
        let column = position % line
        return column == 0 || (column - 1) % pixel == 0
    }

    /// The scanlines of filter type None of an image of 0xRRGGBB pixels.
    static func scanlines(width: Int, height: Int, _ pixel: (Int, Int) -> UInt32) -> [UInt8] {
        var lines: [UInt8] = []
        for y in 0..<height {
            lines.append(0)
            for x in 0..<width {
                let p = pixel(x, y)
                lines += [UInt8(p >> 16 & 0xFF), UInt8(p >> 8 & 0xFF), UInt8(p & 0xFF)]
            }
        }
        return lines
    }

    /// The matches of the image data of `png`, checked to decode to `lines`.
    static func matches(_ png: Data, decodingTo lines: [UInt8]) throws -> [DeflateTokens.Match] {
        let range = try #require(try PNGChunks.read(png).first { $0.type == "IDAT" }?.data)
        let tokens = try DeflateTokens(zlib: Array([UInt8](png)[range]))
        #expect(tokens.bytes == lines)
        return tokens.matches
    }

    /// Pictures whose bytes repeat in pieces of pixels: the blue channel alone at random (each
    /// pixel matches its left neighbour's red and green), a dot pattern that moves a pixel a
    /// row, and flat bands with a step in the middle of a row.
    static var pictures: [(String, (Int, Int) -> UInt32)] {
        [
            (
                "blue noise",
                { x, y in
                    var s = UInt32(truncatingIfNeeded: x &* 7919 &+ y &* 104_729)
                    s = s &* 1_103_515_245 &+ 12345
                    return 0x3366_00 | (s >> 16 & 0xFF)
                }
            ),
            (
                "moving dots",
                { x, y in (x + y) % 5 == 0 ? 0x1020F0 : (x * 3 + y) % 7 == 0 ? 0x10 : 0xFFFFFF }
            ),
            (
                "bands",
                { x, y in x < 3 * (y % 4) + 2 ? 0x808080 : UInt32(0x808000 | (y / 2) & 0xFF) }
            ),
        ]
    }

    @Test(arguments: [1, 2, 5, 7, 86, 333])
    func atLevelsOneAndTwoEveryMatchStartsAndEndsWhereARowOrAPixelStarts(width: Int) throws {
        let height = 12
        let line = 1 + 3 * width
        for (name, pixel) in Self.pictures {
            let surface = try PNGEncoderTests.surface(width: width, height: height, pixel)
            let lines = Self.scanlines(width: width, height: height, pixel)
            for level in [1, 2] {
                let png = try PNGCodec.encode(surface, level: level, texts: [])
                let matches = try Self.matches(png, decodingTo: lines)
                let astray = matches.filter {
                    !Self.startsARowOrAPixel($0.start, line: line, pixel: 3)
                        || !Self.startsARowOrAPixel($0.start + $0.length, line: line, pixel: 3)
                }
                #expect(
                    astray.isEmpty, "\(name), \(width) wide, level \(level): \(astray.prefix(3))")
                if width >= 5 { #expect(!matches.isEmpty, "\(name), level \(level)") }
            }
            // Level 3 finds matches from any byte: in the blue noise, from the blue byte.
            if name == "blue noise" && width >= 5 {
                let png = try PNGCodec.encode(surface, level: 3, texts: [])
                let matches = try Self.matches(png, decodingTo: lines)
                #expect(
                    matches.contains { !Self.startsARowOrAPixel($0.start, line: line, pixel: 3) })
            }
        }
    }

    @Test(arguments: [10922, 10923])
    func rowsAtTheEdgeOfTheWindowAreCutWhereTheirPixelsStart(width: Int) throws {
        // Three rows of 32,767 (or 32,770) bytes: the row above is within the window (or not);
        // the middle row differs from the first in every 50th pixel's green byte.
        var state: UInt32 = 3
        let row = (0..<width).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return state >> 8 & 0xFFFFFF
        }
        let pixel: (Int, Int) -> UInt32 = { x, y in y == 1 && x % 50 == 0 ? row[x] ^ 0x0100 : row[x]
        }
        let surface = try PNGEncoderTests.surface(width: width, height: 3, pixel)
        let lines = Self.scanlines(width: width, height: 3, pixel)
        let line = 1 + 3 * width
        for level in [1, 2] {
            let matches = try Self.matches(
                try PNGCodec.encode(surface, level: level, texts: []), decodingTo: lines)
            #expect(
                matches.allSatisfy {
                    Self.startsARowOrAPixel($0.start, line: line, pixel: 3)
                        && Self.startsARowOrAPixel($0.start + $0.length, line: line, pixel: 3)
                })
            let copied = matches.reduce(0) { $0 + $1.length }
            if width == 10922 {
                #expect(copied > 2 * line - line / 10, "level \(level): \(copied) of \(3 * line)")
            } else {
                #expect(matches.allSatisfy { $0.distance < line }, "level \(level)")
            }
        }
    }

    @Test func rgbaPixelsStartEveryFourBytes() throws {
        let (width, height) = (45, 10)
        var rgba: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                // Red, green and alpha from the row above; blue differs every third pixel.
                rgba += [200, 100, UInt8((x % 3 == 0 ? x + y : x) & 0xFF), 255]
            }
        }
        let lines: [UInt8] = (0..<height).flatMap { y -> [UInt8] in
            [0] + Array(rgba[(4 * width * y)..<(4 * width * (y + 1))])
        }
        for level in [1, 2] {
            let png = try PNGCodec.encodeRGBA(rgba, width: width, height: height, level: level)
            let matches = try Self.matches(png, decodingTo: lines)
            let line = 1 + 4 * width
            #expect(!matches.isEmpty)
            #expect(
                matches.allSatisfy {
                    Self.startsARowOrAPixel($0.start, line: line, pixel: 4)
                        && Self.startsARowOrAPixel($0.start + $0.length, line: line, pixel: 4)
                })
        }
    }
}
