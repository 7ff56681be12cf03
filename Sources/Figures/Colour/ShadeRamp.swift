import Backprop

/// A palette's shading as a table of pixels indexed by logit `z`: entry `k` holds the shade of
/// `σ(z)` for `z = −range + k·step`.
///
/// 8,192 entries over `[−16, 16]`: neighbouring entries differ by less than half a level of
/// 8-bit colour, so the shading is continuous to the eye, with no bands; beyond ±16 the shade is
/// within 1e-7 of the end colours.
struct ShadeRamp: Sendable {
    static let range = 16.0
    static let count = 8192

    let pixels: [UInt32]
    let offPixel: UInt32
    /// Entries per unit of logit.
    let scale: Double

    init(palette: Palette) {
        scale = Double(ShadeRamp.count - 1) / (2 * ShadeRamp.range)
        pixels = (0..<ShadeRamp.count).map { k in
            let z = -ShadeRamp.range + Double(k) / Double(ShadeRamp.count - 1) * 2 * ShadeRamp.range
            return palette.shade(sigmoid(z)).pixel
        }
        offPixel = palette.shadeOff.pixel
    }

    static let lesson = ShadeRamp(palette: .lesson)
    static let colorblind = ShadeRamp(palette: .colorblind)

    /// The table index of logit `z` (clamped to the table; NaN gives the middle).
    @inline(__always)
    func index(logit z: Double) -> Int {
        let t = (z + ShadeRamp.range) * scale + 0.5
        guard t > 0 else { return 0 }
        return t < Double(ShadeRamp.count - 1) ? Int(t) : ShadeRamp.count - 1
    }

    /// The pixel for probability `σ(z)`.
    func pixel(logit z: Double) -> UInt32 {
        pixels[index(logit: z)]
    }
}
