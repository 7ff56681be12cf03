/// The shape of a point's marker.
enum MarkerShape: Sendable {
    case circle
    case square
}

/// The colours of one palette: classes, probability shading, lines and text.
///
/// Shading is diverging: the label-0 colour where a probability is 0, near-white at 0.5 and the
/// label-1 colour at 1, interpolated continuously.
struct Palette: Sendable {
    let name: PaletteName
    /// Label 1: marker fill.
    let blue: Colour
    /// Label 0: marker fill.
    let red: Colour
    let blueShape: MarkerShape
    let redShape: MarkerShape
    /// Shading at probability 1, 0.5 and 0.
    let shadeHigh: Colour
    let shadeMiddle: Colour
    let shadeLow: Colour
    /// Shading of a ReLU unit's inactive side, where its activation is 0.
    let shadeOff: Colour
    /// Ring around markers, so they read on any shade.
    let markerOutline: Colour
    /// Ring around misclassified points.
    let mistake: Colour
    /// The 0.5 boundary and hidden lines.
    let boundary: Colour
    let text: Colour
    let mutedText: Colour
    let background: Colour
    let frame: Colour
    let grid: Colour
    /// The error curve: the walked part and the current-epoch marker.
    let curve: Colour
    let marker: Colour

    /// The palette for a name.
    static func named(_ name: PaletteName) -> Palette {
        switch name {
        case .lesson: return .lesson
        case .colorblind: return .colorblind
        }
    }

    static let lesson = Palette(
        name: .lesson, blue: Colour(hex: 0x1F5F_BF), red: Colour(hex: 0xC831_2B),
        blueShape: .circle, redShape: .circle,
        shadeHigh: Colour(hex: 0x88AE_E0), shadeMiddle: Colour(hex: 0xF7F7_F5),
        shadeLow: Colour(hex: 0xEC9A_92), shadeOff: Colour(hex: 0xE4E4_E4),
        markerOutline: .white, mistake: Colour(hex: 0x1A1A_1A), boundary: Colour(hex: 0x1A1A_1A),
        text: Colour(hex: 0x1E1E_1E), mutedText: Colour(hex: 0x5A5A_5A), background: .white,
        frame: Colour(hex: 0x9A9A_9A), grid: Colour(hex: 0xE3E3_E3),
        curve: Colour(hex: 0x2B2B_2B), marker: Colour(hex: 0xC831_2B))

    static let colorblind = Palette(
        name: .colorblind, blue: Colour(hex: 0x0072_B2), red: Colour(hex: 0xD55E_00),
        blueShape: .circle, redShape: .square,
        shadeHigh: Colour(hex: 0x86BC_DE), shadeMiddle: Colour(hex: 0xF7F7_F5),
        shadeLow: Colour(hex: 0xF5C9_99), shadeOff: Colour(hex: 0xE4E4_E4),
        markerOutline: .white, mistake: Colour(hex: 0x1A1A_1A), boundary: Colour(hex: 0x1A1A_1A),
        text: Colour(hex: 0x1E1E_1E), mutedText: Colour(hex: 0x5A5A_5A), background: .white,
        frame: Colour(hex: 0x9A9A_9A), grid: Colour(hex: 0xE3E3_E3),
        curve: Colour(hex: 0x2B2B_2B), marker: Colour(hex: 0xD55E_00))

    /// The fill of a point with `label`.
    func fill(label: Int) -> Colour { label == 1 ? blue : red }

    /// The marker shape of a point with `label`.
    func shape(label: Int) -> MarkerShape { label == 1 ? blueShape : redShape }

    /// The shade of probability `p` (clamped to 0...1): from the middle shade at 0.5 to the
    /// high shade at 1 and the low shade at 0, in steps of one level of 8-bit colour.
    ///
    /// The way `t = |2p − 1|` is cut into as many steps as the channel that changes most has
    /// levels, and all three channels step together: a shade is within one level of the straight
    /// mix on every channel, so the shading reads as continuous, yet neighbouring pixels of a
    /// shaded plot repeat whole colours rather than one channel at a time: about half the colours
    /// of a mix rounded channel by channel (112 against 202 on the lesson's blue side), and a
    /// lesson frame's PNG a tenth smaller (264 against 292 KiB) and faster to write.
    func shade(_ p: Double) -> Colour {
        let q = p.isNaN ? 0.5 : min(1, max(0, p))
        let end = q >= 0.5 ? shadeHigh : shadeLow
        let t = abs(2 * q - 1)
        let levels = (255 * shadeMiddle.largestChannelDifference(to: end)).rounded()
        return shadeMiddle.mixed(with: end, levels > 0 ? (t * levels).rounded() / levels : t)
    }

    /// The palette's shading as a lookup table indexed by logit.
    var ramp: ShadeRamp {
        switch name {
        case .lesson: return ShadeRamp.lesson
        case .colorblind: return ShadeRamp.colorblind
        }
    }
}
