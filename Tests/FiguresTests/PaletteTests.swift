import Backprop
import Testing

@testable import Figures

@Suite struct PaletteTests {
    @Test(arguments: PaletteName.allCases)
    func shadingDivergesThroughNearWhite(name: PaletteName) {
        let palette = Palette.named(name)
        let middle = palette.shade(0.5)
        #expect(min(middle.red, middle.green, middle.blue) > 0.93)
        #expect(palette.shade(1) == palette.shadeHigh)
        #expect(palette.shade(0) == palette.shadeLow)
        #expect(palette.shade(1).blue > palette.shade(1).red)  // label 1 side is blue
        #expect(palette.shade(0).red > palette.shade(0).blue)  // label 0 side is red/orange
        #expect(palette.shade(-3) == palette.shade(0) && palette.shade(7) == palette.shade(1))
    }

    @Test(arguments: PaletteName.allCases)
    func shadingIsContinuousNotBanded(name: PaletteName) {
        let palette = Palette.named(name)
        var previous = palette.shade(0)
        for k in 1...1000 {
            let c = palette.shade(Double(k) / 1000)
            let jump = max(
                abs(c.red - previous.red), abs(c.green - previous.green),
                abs(c.blue - previous.blue))
            #expect(jump <= 1.000_001 / 255)  // at most one level of 8-bit colour
            previous = c
        }
    }

    @Test(arguments: PaletteName.allCases)
    func shadesStepAllChannelsTogetherWithinALevelOfTheMix(name: PaletteName) {
        let palette = Palette.named(name)
        func channels(_ p: UInt32) -> [Int] {
            [Int(p >> 16 & 255), Int(p >> 8 & 255), Int(p & 255)]
        }
        for (end, side) in [(palette.shadeHigh, 1.0), (palette.shadeLow, -1.0)] {
            let middle = channels(palette.shadeMiddle.pixel)
            let last = channels(end.pixel)
            let levels = zip(middle, last).map { abs($0 - $1) }.max() ?? 0
            var seen = Set<UInt32>()
            for k in 0...20_000 {
                let t = Double(k) / 20_000
                let pixel = palette.shade(0.5 + side * t / 2).pixel
                seen.insert(pixel)
                // The straight mix of the two ends, channel by channel, from their bytes.
                let mix = zip(middle, last).map { Double($0) + (Double($1) - Double($0)) * t }
                #expect(zip(channels(pixel), mix).allSatisfy { abs(Double($0) - $1) <= 1 })
            }
            // One colour per level of the channel that changes most: the channels step together
            // (a mix rounded channel by channel has about one colour per level of every channel).
            #expect(seen.count == levels + 1)
        }
    }

    @Test(arguments: PaletteName.allCases)
    func rampNeighboursDifferByLessThanALevel(name: PaletteName) {
        let ramp = Palette.named(name).ramp
        func channels(_ p: UInt32) -> [Int] {
            [Int(p >> 16 & 255), Int(p >> 8 & 255), Int(p & 255)]
        }
        var distinct = Set<UInt32>()
        for k in 1..<ramp.pixels.count {
            let a = channels(ramp.pixels[k - 1])
            let b = channels(ramp.pixels[k])
            #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1 })
            distinct.insert(ramp.pixels[k])
        }
        #expect(distinct.count > 150)  // many levels: smooth, not a handful of bands
        // The table is indexed by logit: its middle is σ(0) = 0.5, near-white.
        #expect(ramp.pixel(logit: 0) == Palette.named(name).shade(0.5).pixel)
        #expect(ramp.pixel(logit: 100) == ramp.pixels.last)
        #expect(ramp.pixel(logit: -100) == ramp.pixels.first)
    }

    @Test(arguments: PaletteName.allCases)
    func markersReadOnEveryShade(name: PaletteName) {
        let palette = Palette.named(name)
        for label in [0, 1] {
            let fill = palette.fill(label: label)
            // The white ring separates a marker from any shade; the fill stands out from the
            // shade of its own class (a blue point on blue ground) and from the near-white middle.
            #expect(fill.contrast(with: palette.markerOutline) >= 3)
            #expect(fill.contrast(with: palette.shade(Double(label))) >= 2.2)
            #expect(fill.contrast(with: palette.shade(0.5)) >= 3)
        }
        #expect(palette.boundary.contrast(with: palette.shade(1)) >= 7)
        #expect(palette.boundary.contrast(with: palette.shade(0)) >= 7)
    }

    @Test func colorblindPaletteAlsoUsesShapes() {
        let palette = Palette.named(.colorblind)
        #expect(palette.shape(label: 0) != palette.shape(label: 1))
        #expect(Palette.named(.lesson).fill(label: 1) == Colour(hex: 0x1F5F_BF))
    }

    @Test func pixelsAreCairoRGB24() {
        #expect(Colour(hex: 0x12_3456).pixel == 0x12_3456)
        #expect(Colour(red: 2, green: -1, blue: 0.5).pixel == 0xFF_0080)
    }
}
