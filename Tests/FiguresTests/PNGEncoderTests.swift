import Backprop
import CPNG
import Foundation
import Testing

@testable import Figures

/// The PNG writer: its chunks, its image data against an independent computation, its levels,
/// and the golden images through it, read back by libpng and by Pillow.
@Suite struct PNGEncoderTests {
    /// A `width × height` surface holding `pixel(x, y)` as 0xRRGGBB.
    static func surface(width: Int, height: Int, _ pixel: (Int, Int) -> UInt32) throws -> Surface {
        let surface = try Surface.image(width: width, height: height, filledWith: .white)
        let base = try #require(surface.pixels)
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(base + y * surface.stride)
            for x in 0..<width {
                row.storeBytes(of: 0xFF00_0000 | pixel(x, y), toByteOffset: 4 * x, as: UInt32.self)
            }
        }
        return surface
    }

    /// A figure-like test image: flat areas, a gradient that shifts a pixel a row, and noise.
    static func picture(width: Int = 97, height: Int = 61) throws -> Surface {
        var state: UInt32 = 12345
        return try surface(width: width, height: height) { x, y in
            state = state &* 1_103_515_245 &+ 12345
            if x < width / 3 { return 0xF0F0F0 }
            if x < 2 * width / 3 { return UInt32((x + y) * 3 % 256) << 16 | 0x4080 }
            return state >> 8 & 0xFFFFFF
        }
    }

    /// Adler-32 (RFC 1950), written out from its definition.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var (a, b): (UInt32, UInt32) = (1, 0)
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    @Test func aFileIsSignatureHeaderTextsOneImageDataAndEndWithValidCRCs() throws {
        let png = try PNGCodec.encode(
            try Self.picture(), level: 3, texts: [("Software", "Errorest"), ("Title", "t: frame")])
        let chunks = try PNGChunks.read(png)  // checks the signature and every CRC
        #expect(chunks.map(\.type) == ["IHDR", "tEXt", "tEXt", "IDAT", "IEND"])
        let bytes = [UInt8](png)
        #expect(Array(bytes[chunks[0].data]) == [0, 0, 0, 97, 0, 0, 0, 61, 8, 2, 0, 0, 0])
        #expect(Array(bytes[chunks[1].data]) == Array("Software\0Errorest".utf8))
        #expect(Array(bytes[chunks[2].data]) == Array("Title\0t: frame".utf8))
        #expect(chunks[4].data.isEmpty && chunks[4].data.upperBound == bytes.count - 4)
    }

    @Test func theImageDataIsTheUnfilteredScanlinesAsOneZlibStream() throws {
        try Self.expectScanlines(of: try Self.picture(), level: 3)
    }

    /// Four pixels at a time where the CPU shuffles bytes (SSSE3), one at a time on the rest of
    /// the row and on CPUs without: every width's rows are R, G, B of each pixel, in order.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 1280])
    func everyWidthsScanlinesAreRedGreenBlueOfEachPixelInOrder(width: Int) throws {
        let surface = try Self.surface(width: width, height: 3) { x, y in
            UInt32((7 * x + y) % 256) << 16 | UInt32((11 * x + 3 * y + 1) % 256) << 8
                | UInt32((13 * x + 5 * y + 2) % 256)
        }
        try Self.expectScanlines(of: surface, level: 2)
    }

    /// The PNG of `surface` at `level` is one zlib stream of its unfiltered scanlines, which
    /// libpng reads back.
    static func expectScanlines(of surface: Surface, level: Int) throws {
        let png = try PNGCodec.encode(surface, level: level, texts: [])
        let bytes = [UInt8](png)
        let data = try #require(try PNGChunks.read(png).first { $0.type == "IDAT" }?.data)
        let stream = Array(bytes[data])
        // zlib's header: deflate with a 32 KiB window, and the check bits.
        #expect(stream[0] == 0x78 && (Int(stream[0]) * 256 + Int(stream[1])) % 31 == 0)
        // The trailer is the Adler-32 of filter byte 0 and R, G, B of every pixel, row by row.
        var lines: [UInt8] = []
        let base = try #require(surface.pixels)
        for y in 0..<surface.height {
            lines.append(0)
            for x in 0..<surface.width {
                let pixel = UnsafeRawPointer(base + y * surface.stride + 4 * x).load(
                    as: UInt32.self)
                lines += [UInt8(pixel >> 16 & 0xFF), UInt8(pixel >> 8 & 0xFF), UInt8(pixel & 0xFF)]
            }
        }
        let trailer = stream.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(trailer == Self.adler32(lines))
        // And libpng reads back exactly those pixels.
        let image = try PNGCodec.decode(png)
        for y in 0..<surface.height {
            for x in 0..<surface.width {
                let k = y * (1 + 3 * surface.width) + 1 + 3 * x
                let (r, g, b) = image.rgb(x, y)
                #expect([r, g, b] == Array(lines[k..<k + 3]))
            }
        }
    }

    @Test func levelsZeroToNineAreStoredTheRowEncoderAndLibdeflateAndShrinkTheFile() throws {
        #expect(
            (0...9).map { cpng_deflate_level(Int32($0)) } == [0, -1, -1, -1, 4, 5, 6, 7, 8, 12])
        #expect(cpng_deflate_level(-1) == -1 && cpng_deflate_level(10) == -1)
        let run = try Fixtures.run(.wedge, hidden: [2])
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 320, height: 180))
        let pixels = try PNGCodec.decode(renderer.render(.frame, snapshot: 2, format: .png).data)
        var sizes: [Int] = []
        for level in 0...9 {
            var options = RenderOptions(width: 320, height: 180)
            options.pngCompression = level
            let png = try FigureRenderer(run: run, options: options).render(
                .frame, snapshot: 2, format: .png
            ).data
            #expect(try PNGCodec.decode(png) == pixels, "level \(level)")
            sizes.append(png.count)
        }
        // Level 0 stores: the scanlines and a few bytes a 64 KiB block, plus the chunks.
        #expect(sizes[0] > 180 * (1 + 3 * 320))
        #expect(sizes[0] < 180 * (1 + 3 * 320) + 1000)
        #expect(sizes[1] < sizes[0] / 3)
        #expect(sizes[9] < sizes[6] && sizes[6] < sizes[3] && sizes[3] < sizes[2])
        #expect(sizes[2] <= sizes[1])
    }

    @Test func textBeyondASCIIIsAnITXtChunkAndTextStopsAtANul() throws {
        #expect(try PNGCodec.textChunk("Title", "Mt. Errorest: E(W′)").0 == "iTXt")
        #expect(
            try PNGCodec.textChunk("Title", "W′").1
                == Array("Title".utf8) + [0, 0, 0, 0, 0] + Array("W′".utf8))
        #expect(try PNGCodec.textChunk("Epoch", "12\0junk").1 == Array("Epoch\012".utf8))
        for bad in ["", " Title", "Title ", "Two  spaces", String(repeating: "k", count: 80), "é"] {
            #expect(throws: FiguresError.self) { try PNGCodec.textChunk(bad, "x") }
        }
        let png = try PNGCodec.encode(try Self.picture(), level: 1, texts: [("Title", "W → W′")])
        #expect(try PNGChunks.read(png).map(\.type) == ["IHDR", "iTXt", "IDAT", "IEND"])
    }

    @Test func anRGBAImageIsWrittenWithItsAlpha() throws {
        var rgba: [UInt8] = []
        for k in 0..<(5 * 3) {
            rgba += [UInt8(k * 10), 20, 30, UInt8(255 - k)]
        }
        let png = try PNGCodec.encodeRGBA(rgba, width: 5, height: 3)
        #expect(try PNGCodec.decode(png).rgba == rgba)
        #expect([UInt8](png)[8 + 8 + 9] == 6)  // colour type RGBA
    }
}
