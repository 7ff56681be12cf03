/// The page a figure is drawn on: its size in pixels (points in PDF and SVG), the sizes of its
/// text and lines, and where its parts go.
///
/// A frame, and every figure but a panel on its own, fills the requested size with text scaled
/// from the 1280×720 design (``Style``), or of ``RenderOptions/fontSize`` when given.
///
/// A panel on its own (`hidden`, `output`, `error`) is laid out for print: its page is the
/// panel's own size (the requested size less the empty margins its plot's shape leaves, so a
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
        let screen = Style(width: options.width, height: options.height)
            .withEquations(options.equations).withHeader(options.header)
        func layout(_ w: Int, _ h: Int, _ style: Style) -> FigureLayout {
            FigureLayout(
                kind, width: w, height: h, hidden: hidden, aspect: aspect, style: style,
                landscape: options.frameLandscape, diagram: options.frameDiagram)
        }
        var style = options.fontSize.map { screen.withTextSize($0) } ?? screen
        guard kind.isPrintPanel else {
            (width, height) = (options.width, options.height)
            self.style = style
            self.layout = layout(width, height, style)
            return
        }
        func trimmed(_ style: Style) -> (Int, Int) {
            Page.trimmed(
                kind, width: options.width, height: options.height, aspect: aspect,
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
        _ kind: FigureKind, width: Int, height: Int, aspect: Double, style: Style,
        layout: (Int, Int, Style) -> FigureLayout
    ) -> (Int, Int) {
        let full = layout(width, height, style)
        guard let slack = slack(kind, in: full, aspect: aspect, style: style) else {
            return (width, height)
        }
        let lower = RenderOptions.sizeRange.lowerBound
        let w = max(lower, width - Int(slack.x.rounded(.down)))
        let h = max(lower, height - Int(slack.y.rounded(.down)))
        let cut = layout(w, h, style)
        guard let before = plot(kind, in: full, aspect: aspect, style: style),
            let after = plot(kind, in: cut, aspect: aspect, style: style),
            abs(before.width - after.width) <= 1, abs(before.height - after.height) <= 1
        else { return (width, height) }
        return (w, h)
    }

    /// The empty width and height beside the panel's content, or nil if there is nothing to trim.
    private static func slack(
        _ kind: FigureKind, in layout: FigureLayout, aspect: Double, style: Style
    ) -> (x: Double, y: Double)? {
        switch kind {
        case .output:
            guard let cell = layout.output else { return nil }
            let plot = OutputPanel.plotRect(cell: cell, aspect: aspect, style: style)
            let axes = OutputPanel.hasAxes(cell: cell, style: style)
            // Room for the tick labels left and below, and half a label past the right edge.
            let left = axes ? style.tickFont * 3.6 : 0
            let right = axes ? style.tickFont : 0
            let bottom = axes ? style.tickFont * 2.6 : 0
            let x = cell.width - (plot.width + left + right)
            let y = cell.maxY - (plot.maxY + bottom)
            return (max(0, x), max(0, y))
        case .hidden:
            guard !layout.hidden.isEmpty, layout.hiddenOmitted == 0 else { return nil }
            let cells = layout.hidden.map(\.cell)
            let minX = cells.map(\.minX).min() ?? 0
            let maxX = cells.map(\.maxX).max() ?? 0
            let minY = cells.map(\.minY).min() ?? 0
            let maxY = cells.map(\.maxY).max() ?? 0
            return (
                max(0, layout.body.width - (maxX - minX)),
                max(0, layout.body.height - (maxY - minY))
            )
        default:
            return nil
        }
    }

    /// The size of the panel's plot (the first hidden unit's for `hidden`), to check a trim.
    private static func plot(
        _ kind: FigureKind, in layout: FigureLayout, aspect: Double, style: Style
    ) -> Rect? {
        switch kind {
        case .output:
            return layout.output.map {
                OutputPanel.plotRect(cell: $0, aspect: aspect, style: style)
            }
        case .hidden:
            return layout.hidden.first.map {
                HiddenPanel.plotRect(cell: $0.cell, aspect: aspect, style: style)
            }
        default:
            return nil
        }
    }
}

extension FigureKind {
    /// True for a panel on its own, laid out for print on a page of its own size: `hidden`,
    /// `output`, `error`.
    public var isPrintPanel: Bool { self == .hidden || self == .output || self == .error }
}
