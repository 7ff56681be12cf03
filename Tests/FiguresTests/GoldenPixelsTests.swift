import Foundation
import Testing

@testable import Figures

/// The golden images, written again by Errorest's PNG writer, decode to the same pixels in libpng
/// and in Pillow: a change of the writer changes bytes, never pixels.
@Suite struct GoldenPixelsTests {
    static let goldens: [URL] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: GoldenImageTests.folder.path))
            ?? []
        return names.filter { $0.hasSuffix(".png") }.sorted().map {
            GoldenImageTests.folder.appendingPathComponent($0)
        }
    }()

    /// Every file's pixels as Pillow decodes them (after `verify()`), as RGBA bytes.
    static func pillowRGBA(_ files: [URL], in folder: URL) throws -> [[UInt8]] {
        let script = """
            import sys
            from PIL import Image
            for k, path in enumerate(sys.argv[2:]):
                with Image.open(path) as im:
                    im.verify()
                with Image.open(path) as im:
                    rgba = im.convert("RGBA").tobytes()
                with open("%s/%d.rgba" % (sys.argv[1], k), "wb") as out:
                    out.write(rgba)
            """
        let result = try #require(
            Decoders.run(["python3", "-c", script, folder.path] + files.map(\.path), input: nil))
        try #require(result.status == 0, "Pillow could not read every file")
        return try files.indices.map {
            [UInt8](try Data(contentsOf: folder.appendingPathComponent("\($0).rgba")))
        }
    }

    @Test(.enabled(if: Decoders.hasPillow || Decoders.inCI, "needs python3 with Pillow"))
    func everyGoldenImageWrittenAgainDecodesToItsPixelsInLibpngAndPillow() throws {
        try #require(Self.goldens.count >= 20)
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var originals: [PNGCodec.Image] = []
        var rewritten: [URL] = []
        for (k, golden) in Self.goldens.enumerated() {
            let image = try PNGCodec.decode(try Data(contentsOf: golden))
            #expect(
                stride(from: 3, to: image.rgba.count, by: 4).allSatisfy { image.rgba[$0] == 255 })
            let surface = try PNGEncoderTests.surface(width: image.width, height: image.height) {
                let (r, g, b) = image.rgb($0, $1)
                return UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
            }
            let png = try PNGCodec.encode(
                surface, level: RenderOptions().pngCompression, texts: [("Software", "Errorest")])
            #expect(try PNGCodec.decode(png) == image, "\(golden.lastPathComponent), libpng")
            let url = folder.appendingPathComponent("\(k).png")
            try png.write(to: url)
            originals.append(image)
            rewritten.append(url)
        }
        let pillow = try Self.pillowRGBA(Self.goldens + rewritten, in: folder)
        for (k, golden) in Self.goldens.enumerated() {
            let name = golden.lastPathComponent
            #expect(pillow[k] == originals[k].rgba, "\(name): Pillow and libpng disagree")
            #expect(pillow[Self.goldens.count + k] == originals[k].rgba, "\(name), Pillow")
        }
    }
}
