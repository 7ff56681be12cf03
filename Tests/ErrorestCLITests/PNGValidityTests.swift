import Foundation
import Testing

/// Every Sample's PNG files, frames, figures and animated PNGs, read by two decoders that share no
/// code with Errorest's writer: pngcheck (chunk order, lengths, CRCs, the zlib stream) and Pillow
/// (`verify()`, then every frame decoded).
@Suite struct PNGValidityTests {
    static let hasPngcheck: Bool = {
        guard let h = try? Harness() else { return false }
        defer { h.cleanUp() }
        return (try? h.run("/usr/bin/env", ["pngcheck", "-h"]))?.status != 127
    }()

    static let hasPillow: Bool = {
        guard let h = try? Harness() else { return false }
        defer { h.cleanUp() }
        return (try? h.run("/usr/bin/env", ["python3", "-c", "import PIL"]))?.status == 0
    }()

    /// Every run file of Samples/ (the sweep file runs as a sweep, the race files as races).
    static let samples: [String] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: Harness.samples.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }()

    /// pngcheck and Pillow on every PNG file under `folder` of `h`; returns how many there were.
    static func check(_ h: Harness, _ folder: String) throws -> Int {
        let files = try h.files(under: folder).keys.filter { $0.hasSuffix(".png") }.sorted()
        let paths = files.map { h.url("\(folder)/\($0)").path }
        guard !paths.isEmpty else { return 0 }
        let pngcheck = try h.run("/usr/bin/env", ["pngcheck", "-q"] + paths)
        #expect(pngcheck.status == 0, "pngcheck: \(pngcheck.stdoutText) \(pngcheck.stderr)")
        let script = """
            import sys
            from PIL import Image
            for path in sys.argv[1:]:
                with Image.open(path) as im:
                    im.verify()
                with Image.open(path) as im:
                    for k in range(getattr(im, "n_frames", 1)):
                        im.seek(k)
                        im.load()
                        assert im.size[0] > 0 and im.mode in ("RGB", "RGBA"), path
            print(len(sys.argv) - 1)
            """
        let pillow = try h.run("/usr/bin/env", ["python3", "-c", script] + paths)
        #expect(pillow.status == 0, "Pillow: \(pillow.stderr)")
        #expect(
            pillow.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "\(paths.count)")
        return paths.count
    }

    @Test(
        .enabled(
            if: (hasPngcheck && hasPillow) || Harness.inCI,
            "needs pngcheck (apt-get install pngcheck) and python3 with Pillow"),
        arguments: samples)
    func everyPNGOfTheSampleIsValidForPngcheckAndPillow(_ sample: String) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let path = Harness.samples.appendingPathComponent(sample).path
        let sweep = sample == "sweep.yaml"
        let command = sweep ? "sweep" : sample.hasPrefix("race-") ? "race" : "run"
        let format = sample == "print.yaml" ? "png" : "png,apng"
        let result = try h.errorest(
            [
                command, path, "--out", "out", "--size", "320x180", "--epochs",
                "30",
                "--snapshots", "linear 2", "--format", format, "--quiet",
            ])
        #expect(result.status == 0, "\(sample): \(result.stderr)")
        let count = try Self.check(h, "out")
        // Two snapshots' figures, and an animated PNG per figure but in a sweep's or race's runs.
        #expect(count >= (sweep ? 15 * 2 + 2 : 3), "\(sample): \(count) PNG files")
    }
}
