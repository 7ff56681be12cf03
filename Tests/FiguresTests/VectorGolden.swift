import Foundation
import Testing

@testable import Figures

extension Fixtures {
    /// Checks a PDF or SVG figure against its golden image and the PNG of the same figure.
    ///
    /// Rasterised by a Cairo-based reader (``rasterise(_:in:)``), the file matches its own
    /// recorded reference, `Golden/<name>.<format>.png`, at the PNG references' tolerance, and the
    /// PNG at a looser one (the readers antialias text and edges their own way), so a panel
    /// missing from one format cannot pass. With `ERROREST_RECORD_GOLDEN=1` the reference is
    /// recorded instead.
    static func expectVectorGolden(
        _ renderer: FigureRenderer, _ kind: FigureKind, snapshot: Int, format: FileFormat,
        name: String
    ) throws {
        let vector = try renderer.render(kind, snapshot: snapshot, format: format)
        let png = try PNGCodec.decode(
            try renderer.render(kind, snapshot: snapshot, format: .png).data)
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
