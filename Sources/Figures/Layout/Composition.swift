import Backprop

/// A figure as panels placed on a page: how it lays out the body under its header, what its
/// header's legend explains and whether its page is laid out for print.
///
/// The renderer draws every composition the same way: it places the panels, gathers the data
/// they declare (``Panel/needs``) for the snapshots they show, then draws the header and the
/// panels, kind by kind in the order they were placed. The frame and a panel on its own are the
/// compositions of ``FigureKind``; a slide or small multiples is another one, placing today's
/// panels (each on one of the figure's snapshots, ``PlacedPanel/scene``), with no switch to grow.
protocol Composition: Sendable {
    /// The figure's name in the file's title: `frame`, `output`, ….
    var name: String { get }
    /// What the header's legend explains; nil for no legend.
    var legend: Legend? { get }
    /// The panel a page of this figure is laid out for, for print; nil for a screen page (the
    /// requested size, text scaled from 1280×720).
    var printPanel: (any PrintPanel.Type)? { get }
    /// The panels in `body`, in drawing order, for a network with hidden layer widths `hidden`
    /// and plots of aspect `aspect` (domain width / height).
    func place(in body: Rect, hidden: [Int], aspect: Double, style: Style) -> [PlacedPanel]
    /// The data whose numbers a page of this figure writes beside it, as CSV (``FigureTable``).
    var tables: Set<PanelNeed> { get }
}

extension Composition {
    var printPanel: (any PrintPanel.Type)? { nil }
    var tables: Set<PanelNeed> { [] }
}

/// One panel on a page of its own: the figure ``FigureKind/panel(_:)``, laid out by the panel.
struct SinglePanel: Composition {
    let kind: PanelKind

    var name: String { kind.rawValue }
    var legend: Legend? { kind.panel.legend }
    var printPanel: (any PrintPanel.Type)? { kind.panel as? any PrintPanel.Type }
    /// A panel on its own writes the numbers of the data it needs.
    var tables: Set<PanelNeed> { kind.needs }

    func place(in body: Rect, hidden: [Int], aspect: Double, style: Style) -> [PlacedPanel] {
        kind.panel.place(kind, in: body, hidden: hidden, aspect: aspect, style: style)
    }
}

extension FigureKind {
    /// How this figure places its panels: a frame with a `landscape` panel beside its error
    /// curve (surface or mountain) and the diagram when asked and where it fits; a panel alone.
    func composition(landscape: PanelKind? = nil, diagram: Bool = false) -> any Composition {
        switch self {
        case .frame: return FrameComposition(landscape: landscape, diagram: diagram)
        case .panel(let kind): return SinglePanel(kind: kind)
        }
    }

    /// How this figure places its panels under `options`.
    func composition(_ options: RenderOptions) -> any Composition {
        composition(landscape: options.frameLandscape, diagram: options.frameDiagram)
    }

    /// True for a panel on its own laid out for print, on a page of its own size: `hidden`,
    /// `output`, `error`.
    public var isPrintPanel: Bool { composition().printPanel != nil }
}

extension RenderOptions {
    /// What the panels of `figures` need, each figure laid out at these options for a network
    /// with hidden layer widths `hidden` over the view `domain`: the run that will be drawn must
    /// keep the trajectory (``Backprop/Trainer/recordsTrajectory``) when this holds
    /// ``PanelNeed/trajectory``.
    public func needs(of figures: [FigureKind], hidden: [Int], domain: Domain) -> Set<PanelNeed> {
        figures.reduce(into: []) { needs, kind in
            let page = Page(kind, options: self, hidden: hidden, aspect: domain.aspect)
            for place in page.layout.panels { needs.formUnion(place.kind.needs) }
        }
    }
}
