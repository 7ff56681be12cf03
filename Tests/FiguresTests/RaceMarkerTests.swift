import Backprop
import Foundation
import Testing

@testable import Figures

/// One meaning per glyph: the race surface draws its start W0 and its balls on the plot as its
/// legend draws them, and every runner's line is as wide as the others but where lines run
/// together.
@Suite struct RaceMarkerTests {
    /// The race surface at 1280×720, and where its words and glyphs went.
    static func surface() throws -> (PNGCodec.Image, [LabelRecorder.Label]) {
        let runs = try Fixtures.race(trajectory: true)
        let names = runs.map(\.name)
        let landscape = try RaceLandscape(runs: runs, names: names, gridSize: 21)
        let recorder = LabelRecorder()
        let png = try LabelRecorder.$current.withValue(recorder) {
            try SweepFigure.race(
                .raceSurface, landscape,
                runners: names.map { RaceRunner(label: "optimizer = \($0)") },
                title: "race", width: 1280, height: 720, format: .png)
        }
        return (try PNGCodec.decode(png), recorder.labels)
    }

    /// Along the ray from `centre` at `angle`, the lightest and the darkest pixel (the least of
    /// R, G, B) between `from` and `to` pixels out.
    static func ray(
        _ image: PNGCodec.Image, _ centre: PixelPoint, angle: Double, from: Double, to: Double
    ) -> (lightest: Int, darkest: Int) {
        var values: [Int] = []
        for r in stride(from: from, through: to, by: 0.25) {
            let (x, y) = (centre.x + r * cos(angle), centre.y + r * sin(angle))
            let p = image.rgb(Int(x), Int(y))
            values.append(Int(min(p.red, p.green, p.blue)))
        }
        return (values.max() ?? 0, values.min() ?? 0)
    }

    @Test func theStartOnThePlotIsDrawnAsTheLegendsStartGlyph() throws {
        let (image, labels) = try Self.surface()
        let starts = labels.filter { $0.kind == .glyph && $0.text == "start W0" }
        // One on the plot, one in the legend (at the right), the same size.
        try #require(starts.count == 2, "\(labels.filter { $0.kind == .glyph })")
        let (plot, legend) =
            starts[0].box.minX < starts[1].box.minX
            ? (starts[0], starts[1]) : (starts[1], starts[0])
        #expect(plot.size == legend.size && legend.box.minX > 1000)
        // The plot's is at W0, the plane's origin: where the axes' "0" ticks stand.
        let zeros = labels.filter { $0.kind == .text && $0.text == "0" }
        let below = try #require(zeros.max { $0.box.minY < $1.box.minY })
        let left = try #require(zeros.min { $0.box.minX < $1.box.minX })
        #expect(abs(plot.box.midX - below.box.midX) <= 1.5)
        #expect(abs(plot.box.midY - left.box.midY) <= 1.5)
        // Both: a white ring (lightest ≥ 235 at its radius, all around), dark at its edge.
        let radius = RaceChrome.markerRadius(Style(width: 1280, height: 720))
        for glyph in [plot, legend] {
            let centre = PixelPoint(glyph.box.midX, glyph.box.midY)
            for k in 0..<8 {
                let angle = Double(k) * .pi / 4
                let ring = Self.ray(image, centre, angle: angle, from: radius - 1, to: radius + 1)
                let edge = Self.ray(image, centre, angle: angle, from: radius + 1, to: radius + 2.5)
                #expect(ring.lightest >= 235, "\(glyph.box) at \(k * 45)°: \(ring)")
                #expect(edge.darkest <= 120, "\(glyph.box) at \(k * 45)°: \(edge)")
            }
        }
    }

    @Test func aBallIsDrawnOnThePlotAndInTheLegendAsOneGlyph() throws {
        let (_, labels) = try Self.surface()
        let balls = labels.filter { $0.kind == .glyph && $0.text == "last snapshot" }
        // Three runners' balls on the plot and one in the legend, all one size.
        #expect(balls.count == 4)
        #expect(Set(balls.map(\.size)).count == 1)
    }

    @Test func linesAreEquallyWideAndBandedOnlyWhereALaterLineRunsOverThem() {
        let along = (0...20).map { PixelPoint(Double($0) * 10, 100) }
        let apart = (0...20).map { PixelPoint(Double($0) * 10, 300) }
        // The first runs under the second for its first half only.
        let under = (0...20).map { PixelPoint(Double($0) * 10, $0 <= 10 ? 100 : 200) }
        let colours = [Colour(hex: 0xFF_00_00), Colour(hex: 0x00_FF_00), Colour(hex: 0x00_00_FF)]
        let lines = RaceLines(paths: [under, along, apart], colours: colours, scale: 1)
        #expect(lines.width == 2.2 && lines.band == 1.2)
        #expect(lines.lines[0].covered.prefix(10).allSatisfy { $0 == 1 })
        #expect(lines.lines[0].covered.suffix(9).allSatisfy { $0 == 0 })
        #expect(lines.lines[1].covered.allSatisfy { $0 == 0 })
        #expect(lines.lines[2].covered.allSatisfy { $0 == 0 })
        #expect(RaceLines.runs(lines.lines[0].covered).map(\.1) == [1, 0])
    }
}
