/// Where the parts of a figure go: the header strip and the placed panels.
struct FigureLayout: Equatable, Sendable {
    var header: Rect?
    /// A strip of its own for the legend, at the bottom: a print panel's without its header.
    var legendStrip: Rect?
    /// Everything below the header.
    var body: Rect
    /// Every panel, in drawing order.
    var panels: [PlacedPanel]

    /// The layout of `composition` for a network with hidden layer widths `hidden`, in a figure
    /// of `width`×`height` pixels, for plots of aspect `aspect` (domain width / height).
    init(
        _ composition: any Composition, width: Int, height: Int, hidden: [Int], aspect: Double,
        style: Style
    ) {
        let page = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
        let g = style.gap
        var body = page.inset(by: g)
        if style.headerHeight > 0 {
            let (top, rest) = body.slicingTop(style.headerHeight)
            header = top
            body = rest.inset(top: g / 2, left: 0, bottom: 0, right: 0)
        }
        if style.headerHeight == 0, style.showsLegendStrip, composition.printPanel != nil,
            composition.legend != nil, Header.stripHeight(style) > 0
        {
            let (rest, bottom) = body.slicingTop(body.height - Header.stripHeight(style))
            legendStrip = bottom
            body = rest
        }
        self.body = body
        panels = composition.place(in: body, hidden: hidden, aspect: aspect, style: style)
    }

    /// The layout of `kind`; a frame shares its error curve's cell with a `landscape` panel and,
    /// when asked and where it fits, the network diagram.
    init(
        _ kind: FigureKind, width: Int, height: Int, hidden: [Int], aspect: Double, style: Style,
        landscape: PanelKind? = nil, diagram: Bool = false
    ) {
        self.init(
            kind.composition(landscape: landscape, diagram: diagram), width: width,
            height: height, hidden: hidden, aspect: aspect, style: style)
    }

    /// What the panels placed on the figure's snapshot `scene` need.
    func needs(scene: Int) -> Set<PanelNeed> {
        panels.filter { $0.scene == scene }.reduce(into: []) { $0.formUnion($1.kind.needs) }
    }
}
