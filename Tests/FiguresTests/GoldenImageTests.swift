import Backprop
import Foundation
import Testing

@testable import Figures

/// Small figures compared with recorded references as decoded pixels, with a tolerance.
///
/// References live in `Tests/FiguresTests/Golden/`. They are written only on request:
/// `ERROREST_RECORD_GOLDEN=1 swift test --filter GoldenImageTests`. A mismatch writes the
/// actual image and a diff to a temporary folder and says where.
@Suite struct GoldenImageTests {
    static let cases: [(String, Generator, [Int], FigureKind, PaletteName)] = [
        ("perceptron-frame", .gauss, [], .frame, .lesson),
        ("hidden-2-frame", .wedge, [2], .frame, .lesson),
        ("hidden-4-frame", .xor, [4], .frame, .lesson),
        ("hidden-3-2-frame", .circle, [3, 2], .frame, .lesson),
        ("hidden-4-hidden-colorblind", .xor, [4], .panel(.hidden), .colorblind),
        // The point's wish: references drawn with the worst point in focus.
        ("focus-hidden-2-frame", .wedge, [2], .frame, .lesson),
        ("focus-perceptron-frame", .gauss, [], .frame, .lesson),
        ("focus-hidden-3-2-diagram", .circle, [3, 2], .panel(.diagram), .lesson),
        ("focus-hidden-2-step", .wedge, [2], .panel(.step), .lesson),
        // The units' votes and the diagram in a frame big enough to hold it.
        ("vote-hidden-2-frame", .wedge, [2], .frame, .lesson),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    @Test(arguments: cases)
    func matchesTheReference(
        name: String, generator: Generator, hidden: [Int], kind: FigureKind, palette: PaletteName
    ) throws {
        let run = try Fixtures.run(generator, hidden: hidden, epochs: 300, name: name)
        let options = Self.options(name, palette: palette)
        let figure = try FigureRenderer(run: run, options: options).render(
            kind, snapshot: 2, format: .png)
        let reference = Self.folder.appendingPathComponent("\(name).png")
        if ProcessInfo.processInfo.environment["ERROREST_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: Self.folder, withIntermediateDirectories: true)
            try figure.data.write(to: reference)
            return
        }
        let expectedData = try #require(
            FileManager.default.contents(atPath: reference.path),
            "No reference at \(reference.path); record with ERROREST_RECORD_GOLDEN=1.")
        let expected = try PNGCodec.decode(expectedData)
        let actual = try PNGCodec.decode(figure.data)
        try #require(expected.width == actual.width && expected.height == actual.height)
        let comparison = GoldenComparison(expected: expected, actual: actual)
        if !comparison.matches {
            let out = try Fixtures.temporaryFolder(name)
            try figure.data.write(to: out.appendingPathComponent("\(name)-actual.png"))
            try comparison.diffImage().write(to: out.appendingPathComponent("\(name)-diff.png"))
            Issue.record(
                "\(name) differs from its reference: \(comparison.summary). Actual and diff written to \(out.path)"
            )
        }
    }

    /// 320×180; the worst point in focus for `focus-` references; for `vote-` ones also the
    /// units' votes and the diagram in frames, at 960×540 where a frame has room for it.
    static func options(_ name: String, palette: PaletteName = .lesson) -> RenderOptions {
        var options = RenderOptions(width: 320, height: 180)
        options.palette = palette
        if name.hasPrefix("focus-") { options.focus = .worst }
        if name.hasPrefix("vote-") {
            (options.width, options.height) = (960, 540)
            options.focus = .worst
            options.hiddenShading = .vote
            options.frameDiagram = true
        }
        return options
    }

    @Test func comparisonToleratesSmallNoiseButNotChanges() throws {
        let base = PNGCodec.Image(width: 10, height: 10, rgba: [UInt8](repeating: 200, count: 400))
        var noisy = base
        for k in stride(from: 0, to: 400, by: 7) { noisy.rgba[k] &+= 3 }
        #expect(GoldenComparison(expected: base, actual: noisy).matches)
        var changed = base
        for k in 0..<40 { changed.rgba[k] = 0 }  // ten pixels black: a tenth of the image
        let comparison = GoldenComparison(expected: base, actual: changed)
        #expect(!comparison.matches)
        let diff = try PNGCodec.decode(try comparison.diffImage())
        #expect(diff.width == 10 && diff.rgb(0, 0).red == 255)
    }
}

/// Pixel-by-pixel comparison: a pixel differs when a channel moves by more than 24 levels; the
/// images match when at most 0.2% of pixels differ and the mean channel error is below 1 level.
struct GoldenComparison {
    let expected: PNGCodec.Image
    let actual: PNGCodec.Image
    let differing: Int
    let meanError: Double

    init(expected: PNGCodec.Image, actual: PNGCodec.Image) {
        self.expected = expected
        self.actual = actual
        var differing = 0
        var total = 0
        for k in stride(from: 0, to: expected.rgba.count, by: 4) {
            var worst = 0
            for c in 0..<3 {
                let d = abs(Int(expected.rgba[k + c]) - Int(actual.rgba[k + c]))
                total += d
                worst = max(worst, d)
            }
            if worst > 24 { differing += 1 }
        }
        self.differing = differing
        meanError = Double(total) / Double(max(1, expected.rgba.count / 4 * 3))
    }

    var matches: Bool {
        Double(differing) <= 0.002 * Double(expected.width * expected.height) && meanError < 1
    }

    var summary: String {
        "\(differing) pixels differ, mean channel error \(String(format: "%.2f", meanError))"
    }

    /// Differing pixels in red over a faded copy of the reference.
    func diffImage() throws -> Data {
        var rgba = [UInt8](repeating: 255, count: expected.rgba.count)
        for k in stride(from: 0, to: rgba.count, by: 4) {
            let worst =
                (0..<3).map { abs(Int(expected.rgba[k + $0]) - Int(actual.rgba[k + $0])) }.max()
                ?? 0
            if worst > 24 {
                (rgba[k], rgba[k + 1], rgba[k + 2]) = (255, 0, 0)
            } else {
                let grey = UInt8(
                    (Int(expected.rgba[k]) + Int(expected.rgba[k + 1]) + Int(expected.rgba[k + 2]))
                        / 12 + 190)
                (rgba[k], rgba[k + 1], rgba[k + 2]) = (grey, grey, grey)
            }
        }
        return try PNGCodec.encodeRGBA(rgba, width: expected.width, height: expected.height)
    }
}
