import Foundation

/// ▲ and ▼: one meaning in every figure, legend and lesson slide.
///
/// ▲ is a change asked of a weight (or bias) that is positive, `Δw > 0`; ▼ one that is
/// negative, `Δw < 0`. They never mean "listen more" or "listen less": whether the output listens
/// more to a hidden unit is `|v + Δv|` against `|v|`, which is said in words, with the numbers
/// (see ``OutputWeightInfo``). A weight below zero that rises (▲) is listened to less.
enum ChangeMarker {
    /// `▲`: the change asked is positive.
    static let up = "▲"
    /// `▼`: the change asked is negative.
    static let down = "▼"

    /// `▲` for a positive change, `▼` for a negative one, nil for none.
    static func glyph(for change: Double) -> String? {
        change > 0 ? up : change < 0 ? down : nil
    }

    /// What the glyph says, as the legends and the manifest write it.
    static func meaning(of glyph: String) -> String {
        glyph == up
            ? "the change asked is positive (Δ > 0)" : "the change asked is negative (Δ < 0)"
    }

    /// The manifest's description of the glyph drawn for `change`, or nil when none is drawn.
    static func info(for change: Double) -> MarkerInfo? {
        glyph(for: change).map { MarkerInfo(glyph: $0, meaning: meaning(of: $0), value: change) }
    }

    /// A change as the figures print it beside its glyph: a sign and two significant digits at
    /// least (`+0.35`, `−0.0042`, `+12`), small ones in scientific form (`+3.1e−6`).
    static func text(_ change: Double) -> String {
        let sign = change < 0 ? "−" : "+"
        let size = abs(change)
        if size == 0 { return "0" }
        if size < 1e-4 || size >= 1e5 {
            let parts = String(format: "%.1e", size).split(separator: "e")
            let exponent = Int(parts[1]) ?? 0
            return sign + parts[0] + "e" + (exponent < 0 ? "−" : "") + String(abs(exponent))
        }
        let decimals = max(0, min(6, 1 - Int(log10(size).rounded(.down))))
        return sign + Ticks.fixed(size, decimals: decimals)
    }
}

/// A ▲ or ▼ drawn in a figure, for the manifest: which glyph, what it means and the number it
/// stands for.
public struct MarkerInfo: Sendable, Equatable, Codable {
    /// `▲` or `▼`.
    public var glyph: String
    /// In words: "the change asked is positive (Δ > 0)", or negative.
    public var meaning: String
    /// The change the glyph stands for: its sign is the glyph's.
    public var value: Double
}

/// A last-layer hidden unit's weight to the output `v`, and the change the focus point asks of
/// it, as the panel's title states them.
public struct OutputWeightInfo: Sendable, Equatable, Codable {
    /// `v`.
    public var weight: Double
    /// `Δv = −η ∂e/∂v`, the focus point's own step.
    public var change: Double
    /// `v + Δv`.
    public var after: Double
    /// `more` when `|v + Δv| > |v|`, `less` when it is smaller: how much the output listens to
    /// the unit after the point's step (`same` when it does not change).
    public var listening: String
    /// The glyph of ``change`` drawn in the title, when the title has room for it.
    public var marker: MarkerInfo?
    /// The title's note as written, when it is written.
    public var text: String?

    /// The weight `v` and the change `Δv` asked of it.
    init(weight: Double, change: Double) {
        self.weight = weight
        self.change = change
        after = weight + change
        listening = abs(after) > abs(weight) ? "more" : abs(after) < abs(weight) ? "less" : "same"
    }
}
