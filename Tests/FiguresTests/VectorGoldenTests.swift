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
        ("focus-hidden-3-2-diagram", .circle, [3, 2], .panel(.diagram), .pdf),
        ("focus-hidden-3-2-diagram", .circle, [3, 2], .panel(.diagram), .svg),
        ("focus-hidden-2-step", .wedge, [2], .panel(.step), .pdf),
        ("focus-hidden-2-step", .wedge, [2], .panel(.step), .svg),
        ("vote-hidden-2-frame", .wedge, [2], .frame, .pdf),
        ("vote-hidden-2-frame", .wedge, [2], .frame, .svg),
    ]

    @Test(arguments: cases)
    func matchesTheReferenceAndThePNG(
        name: String, generator: Generator, hidden: [Int], kind: FigureKind, format: FileFormat
    ) throws {
        let run = try Fixtures.run(generator, hidden: hidden, epochs: 300, name: name)
        let renderer = try FigureRenderer(run: run, options: GoldenImageTests.options(name))
        try Fixtures.expectVectorGolden(renderer, kind, snapshot: 2, format: format, name: name)
    }
}
