/// Colours for heights of the error surface: dark valleys to pale peaks, lightness rising
/// throughout, so the mountain reads in grey print and for colour-blind readers.
enum HeightRamp {
    static let stops: [Colour] = [
        Colour(hex: 0x23_3F_6B), Colour(hex: 0x2B_7A_6E), Colour(hex: 0x86_B3_66),
        Colour(hex: 0xD8_C6_7C), Colour(hex: 0xF7_F3_EA),
    ]

    /// The colour at `t` from 0 (lowest) to 1 (highest), clamped.
    static func colour(_ t: Double) -> Colour {
        let x = min(1, max(0, t.isFinite ? t : 0)) * Double(stops.count - 1)
        let k = min(stops.count - 2, Int(x))
        return stops[k].mixed(with: stops[k + 1], x - Double(k))
    }
}
