/// Sizes of text, lines and gaps for a figure, scaled from the 1280×720 design with floors that
/// keep text legible at 640×360.
///
/// A portrait figure is scaled as its landscape transpose (720×1280 like 1280×720), so its text
/// is scaled to its short side and has the same x-height as the landscape frame.
struct Style: Sendable {
    /// Figure size relative to 1280×720 (the smaller of the two ratios; for a portrait figure,
    /// relative to 720×1280).
    let scale: Double
    private(set) var headerFont: Double
    private(set) var titleFont: Double
    /// The smallest text: tick labels, legends, notes and equations.
    private(set) var tickFont: Double
    /// Space between panels and around the figure.
    let gap: Double
    /// The thickness of boundaries (hidden lines, the 0.5 curve).
    let boundaryWidth: Double
    /// True when the figure is too small for any text at all.
    let textless: Bool
    /// True when the text has a set size (``RenderOptions/fontSize`` or a print page): nothing is
    /// then written smaller to make it fit.
    var fixedText = false
    /// The strip under each hidden plot that holds its equation; 0 without equations.
    var hiddenCaption: Double = 0

    init(width: Int, height: Int) {
        let long = Double(max(width, height))
        let short = Double(min(width, height))
        let s = min(long / 1280, short / 720)
        scale = s
        headerFont = max(11, 19 * s)
        titleFont = max(9.5, 14 * s)
        tickFont = max(8.5, 11.5 * s)
        gap = max(3, (12 * s).rounded())
        boundaryWidth = max(1.4, 2.6 * s)
        textless = width < 200 || height < 110
    }

    /// Titles are this much larger than the smallest text, and the header this much.
    static let titleRatio = 14 / 11.5
    static let headerRatio = 19 / 11.5

    /// The same style with its smallest text `size` (points in PDF and SVG, pixels in PNG), the
    /// titles and header in proportion; lines and gaps as before.
    func withTextSize(_ size: Double) -> Style {
        var copy = self
        copy.tickFont = size
        copy.fixedText = true
        copy.titleFont = size * Style.titleRatio
        copy.headerFont = size * Style.headerRatio
        copy.hiddenCaption = hiddenCaption > 0 ? (size * 1.7).rounded(.up) : 0
        return copy
    }

    /// False when the figure has no header strip (a panel placed under a caption in print).
    var showsHeader = true
    /// False when a print panel without its header has no legend strip either.
    var showsLegendStrip = true

    /// How the hidden units' panels are arranged (``RenderOptions/hiddenLayout``).
    var hiddenLayout = HiddenLayout.auto

    /// The same style with the hidden units arranged by `layout`.
    func withHiddenLayout(_ layout: HiddenLayout) -> Style {
        var copy = self
        copy.hiddenLayout = layout
        return copy
    }

    /// The same style with or without the figure's header strip.
    func withHeader(_ on: Bool) -> Style {
        var copy = self
        copy.showsHeader = on
        return copy
    }

    /// The same style with or without a print panel's legend strip.
    func withLegendStrip(_ on: Bool) -> Style {
        var copy = self
        copy.showsLegendStrip = on
        return copy
    }

    /// The same style with room for an equation under each hidden plot.
    func withEquations(_ on: Bool) -> Style {
        var copy = self
        copy.hiddenCaption = on && !textless ? (tickFont * 1.7).rounded(.up) : 0
        return copy
    }

    /// The smallest text any panel writes: the figure's smallest text where its size is set (a
    /// print page's 1/32 of its width, or ``RenderOptions/fontSize``), else 8 pixels.
    var textFloor: Double { fixedText ? tickFont : min(tickFont, 8) }

    /// The smallest glyph (a diagram's ▲ or ▼, an arrowhead, the off-view marker) across, in
    /// pixels: 8 up to 1280×720 and in proportion above, and on a print page at least 1 mm when it is placed 8 cm wide
    /// (its text is at least 1/32 of its width, so this is at least 1/64 of it; 1 mm is 1/80).
    var glyphFloor: Double { textless ? 0 : max(8 * max(1, scale), tickFont * 0.5) }

    /// The height of a panel's title strip.
    var titleHeight: Double { textless ? 0 : (titleFont * 1.55).rounded(.up) }

    /// The height of the figure's header strip.
    var headerHeight: Double { textless || !showsHeader ? 0 : (headerFont * 2).rounded(.up) }

    /// A marker radius for `count` points in a plot whose shorter side is `side` pixels.
    func markerRadius(side: Double, count: Int) -> Double {
        let crowd = min(1, (250 / Double(max(count, 1))).squareRoot())
        return min(6, max(1.3, side / 80 * crowd + 0.6))
    }
}
