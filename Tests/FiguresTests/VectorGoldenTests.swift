import Backprop
import Foundation
import Testing

@testable import Figures

/// PDF and SVG of the wish figures, drawn by the same code as PNG, compared as pixels.
///
/// Each file is rasterised at one pixel per point by a Cairo-based reader (`pdftocairo` from
/// poppler-utils, `rsvg-convert` from librsvg2-bin) and compared with its own recorded
/// reference, `Golden/<name>.<format>.png`, at the PNG references' tolerance; and with the PNG
/// of the same figure at a looser one (the readers antialias text and edges their own way), so
/// a panel missing from one format cannot pass. Record with
/// `ERROREST_RECORD_GOLDEN=1 swift test --filter VectorGoldenTests`.
@Suite struct VectorGoldenTests {
    static let cases: [(String, Generator, [Int], FigureKind, FileFormat)] = [
        ("focus-hidden-3-2-diagram", .circle, [3, 2], .diagram, .pdf),
        ("focus-hidden-3-2-diagram", .circle, [3, 2], .diagram, .svg),
        ("focus-hidden-2-step", .wedge, [2], .step, .pdf),
        ("focus-hidden-2-step", .wedge, [2], .step, .svg),
        ("vote-hidden-2-frame", .wedge, [2], .frame, .pdf),
        ("vote-hidden-2-frame", .wedge, [2], .frame, .svg),
    ]

    @Test(arguments: cases)
    func matchesTheReferenceAndThePNG(
        name: String, generator: Generator, hidden: [Int], kind: FigureKind, format: FileFormat
    ) throws {
        let run = try Fixtures.run(generator, hidden: hidden, epochs: 300, name: name)
        let renderer = try FigureRenderer(run: run, options: GoldenImageTests.options(name))
        let vector = try renderer.render(kind, snapshot: 2, format: format)
        let png = try PNGCodec.decode(try renderer.render(kind, snapshot: 2, format: .png).data)
        let folder = try Fixtures.temporaryFolder("\(name)\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let actual = try Fixtures.rasterise(vector, in: folder)
        try #require(actual.width == png.width && actual.height == png.height)
        let reference = GoldenImageTests.folder.appendingPathComponent(
            "\(name).\(format.rawValue).png")
        if ProcessInfo.processInfo.environment["ERROREST_RECORD_GOLDEN"] == "1" {
            try PNGCodec.encodeRGBA(actual.rgba, width: actual.width, height: actual.height)
                .write(to: reference)
            return
        }
        let expectedData = try #require(
            FileManager.default.contents(atPath: reference.path),
            "No reference at \(reference.path); record with ERROREST_RECORD_GOLDEN=1.")
        let expected = try PNGCodec.decode(expectedData)
        try #require(expected.width == actual.width && expected.height == actual.height)
        let comparison = GoldenComparison(expected: expected, actual: actual)
        let samePicture = GoldenComparison(expected: png, actual: actual)
        #expect(
            samePicture.differing <= png.width * png.height / 20 && samePicture.meanError < 3,
            "\(name).\(format.rawValue) is not the PNG's picture: \(samePicture.summary)")
        if !comparison.matches {
            let out = try Fixtures.temporaryFolder(name)
            try vector.data.write(to: out.appendingPathComponent("\(name).\(format.rawValue)"))
            try comparison.diffImage().write(to: out.appendingPathComponent("\(name)-diff.png"))
            let file = "\(name).\(format.rawValue)"
            Issue.record(
                "\(file) differs from its reference: \(comparison.summary). The file and the diff are in \(out.path)"
            )
        }
    }
}
