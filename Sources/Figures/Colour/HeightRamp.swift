/// Colours for heights of the error surface: cmocean's *algae*, dark green valleys to pale peaks.
///
/// The map (Thyng and others, 2016, MIT licence) is perceptually uniform and sequential; it is
/// sampled here at nine stops.
///
/// Its lightness rises throughout, so the mountain reads in grey print and for colour-blind
/// readers, and it shares no hue with the classes' blue and red (or the colour-blind palette's
/// blue and orange): a valley never looks like label 1 (``minimumClassDistance``).
enum HeightRamp {
    static let stops: [Colour] = [
        Colour(hex: 0x12_24_14), Colour(hex: 0x1A_4D_32), Colour(hex: 0x14_68_42),
        Colour(hex: 0x07_85_4D), Colour(hex: 0x24_9D_51), Colour(hex: 0x56_AF_5C),
        Colour(hex: 0x85_C4_7B), Colour(hex: 0xAF_DD_A2), Colour(hex: 0xD7_F9_D0),
    ]

    /// No colour of the ramp lies closer than this (in 0–255 RGB, Euclidean) to a class colour
    /// of any palette.
    static let minimumClassDistance = 90.0

    /// The colour at `t` from 0 (lowest) to 1 (highest), clamped.
    static func colour(_ t: Double) -> Colour {
        let x = min(1, max(0, t.isFinite ? t : 0)) * Double(stops.count - 1)
        let k = min(stops.count - 2, Int(x))
        return stops[k].mixed(with: stops[k + 1], x - Double(k))
    }
}
