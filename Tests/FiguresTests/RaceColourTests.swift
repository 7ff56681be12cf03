import Testing

@testable import Figures

/// A race's paths are drawn over the height map in the errors figure's colours: each must stand
/// out on every colour of the map, on white (the legend, the errors figure) and from the others.
@Suite struct RaceColourTests {
    /// The distance between two colours in 0–255 RGB.
    static func distance(_ a: Colour, _ b: Colour) -> Double {
        let (dr, dg, db) = (a.red - b.red, a.green - b.green, a.blue - b.blue)
        return 255 * (dr * dr + dg * dg + db * db).squareRoot()
    }

    @Test func everyPathColourStandsOutOnTheHeightMapOnWhiteAndFromTheOthers() {
        let colours = SweepErrorsDrawing.groupColours
        #expect(colours.count >= 5)
        for (i, colour) in colours.enumerated() {
            // Farther from every colour of the map than the class colours must be (90).
            let nearest =
                (0...1000).map { Self.distance(colour, HeightRamp.colour(Double($0) / 1000)) }
                .min() ?? 0
            #expect(nearest >= 140, "colour \(i) lies \(nearest) from the map")
            #expect(colour.contrast(with: .white) >= 1.5, "colour \(i) on white")
            for other in colours[(i + 1)...] {
                #expect(Self.distance(colour, other) >= 100, "colour \(i) and another")
            }
        }
    }
}
