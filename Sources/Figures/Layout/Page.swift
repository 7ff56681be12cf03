/// The page a figure is drawn on: its size in pixels (points in PDF and SVG), the sizes of its
/// text and lines, and where its parts go.
///
/// A frame, and every figure but a print panel on its own, fills the requested size with text
/// scaled from the 1280×720 design (``Style``), or of ``RenderOptions/fontSize`` when given.
///
/// A ``PrintPanel`` on its own (`hidden`, `output`, `error`) is laid out for print: its page is
/// the panel's own size (the requested size less the empty margins its plot's shape leaves, so a
/// square output panel has no white bands beside it), and unless ``RenderOptions/fontSize``
/// says otherwise its smallest text is 1/32 of that page's width (never less than a frame's),
/// so that the figure placed 8 cm wide has text of at least 7 pt.
struct Page {
    var width: Int
    var height: Int
    var style: Style
    var layout: FigureLayout

    /// On a print page the width is at most this many times the smallest text: placed 8 cm
    /// (226.8 pt) wide, the text is 226.8 / 32 = 7.09 pt; at 12 cm, 10.6 pt.
    static let printWidthPerText = 32.0

    /// The page of `kind` for a network with hidden layer widths `hidden` and plots of aspect
    /// `aspect` (domain width / height).
    init(_ kind: FigureKind, options: RenderOptions, hidden: [Int], aspect: Double) {
        self.init(kind.composition(options), options: options, hidden: hidden, aspect: aspect)
    }

    /// The page of `composition`: for print when it says so (``Composition/printPanel``), else
    /// the requested size.
    init(_ composition: any Composition, options: RenderOptions, hidden: [Int], aspect: Double) {
        let screen = Style(width: options.width, height: options.height)
            .withEquations(options.equations).withHeader(options.header)
            .withLegendStrip(options.legend)
            .withHiddenLayout(options.hiddenLayout)
        func layout(_ w: Int, _ h: Int, _ style: Style) -> FigureLayout {
            FigureLayout(
                composition, width: w, height: h, hidden: hidden, aspect: aspect, style: style)
        }
        var style = options.fontSize.map { screen.withTextSize($0) } ?? screen
        guard let panel = composition.printPanel else {
            (width, height) = (options.width, options.height)
            self.style = style
            self.layout = layout(width, height, style)
            return
        }
        func trimmed(_ style: Style) -> (Int, Int) {
            Page.trimmed(
                panel, width: options.width, height: options.height, aspect: aspect,
                style: style, layout: layout)
        }
        var size = trimmed(style)
        if options.fontSize == nil && !screen.textless {
            // The text depends on the trimmed width, and the trimmed width (a little) on the
            // text: a few rounds settle it; the last round's 1% keeps the text above the rule.
            func printText(_ width: Int) -> Double {
                max(screen.tickFont, Double(width) / Page.printWidthPerText)
            }
            for _ in 0..<6 {
                style = screen.withTextSize(printText(size.0))
                size = trimmed(style)
            }
            style = screen.withTextSize(printText(size.0) * 1.01)
            size = trimmed(style)
        }
        (width, height) = size
        self.style = style
        self.layout = layout(width, height, style)
    }

    /// The requested size less the margins that the panel's plot leaves empty, or the requested
    /// size if taking them away would change the plot.
    private static func trimmed(
        _ panel: any PrintPanel.Type, width: Int, height: Int, aspect: Double, style: Style,
        layout: (Int, Int, Style) -> FigureLayout
    ) -> (Int, Int) {
        let full = layout(width, height, style)
        guard
            let slack = panel.slack(full.panels, body: full.body, aspect: aspect, style: style)
        else {
            return (width, height)
        }
        let lower = RenderOptions.sizeRange.lowerBound
        let w = max(lower, width - Int(slack.x.rounded(.down)))
        let h = max(lower, height - Int(slack.y.rounded(.down)))
        let cut = layout(w, h, style)
        guard let before = panel.plot(full.panels, aspect: aspect, style: style),
            let after = panel.plot(cut.panels, aspect: aspect, style: style),
            abs(before.width - after.width) <= 1, abs(before.height - after.height) <= 1
        else { return (width, height) }
        return (w, h)
    }
}
