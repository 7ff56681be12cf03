/// The kinds of panel a figure is made of; the raw value is the manifest's `kind`, and each kind
/// is also a figure of its own (``FigureKind/panel(_:)``).
///
/// A new kind is a case here with its ``Panel`` type, and a file for that type: the type says
/// what data it needs, how it fills a page of its own and how it draws.
public enum PanelKind: String, CaseIterable, Sendable, Codable {
    /// One hidden unit's activation over the plane.
    case hidden
    /// The output `ŷ` with its 0.5 boundary.
    case output
    /// The error curve with the current epoch marked.
    case error
    /// The error surface from above, with level curves and the path.
    case surface
    /// The error surface as a mountain in perspective.
    case mountain
    /// The points in the last hidden layer's activations.
    case hiddenSpace
    /// The network diagram.
    case diagram
    /// The plane before and after one training step.
    case step

    /// The type that draws panels of this kind.
    var panel: any Panel.Type {
        switch self {
        case .hidden: return HiddenPanel.self
        case .output: return OutputPanel.self
        case .error: return ErrorPanel.self
        case .surface: return SurfacePanel.self
        case .mountain: return MountainPanel.self
        case .hiddenSpace: return HiddenSpacePanel.self
        case .diagram: return DiagramPanel.self
        case .step: return StepPanel.self
        }
    }

    /// What a panel of this kind draws beyond the snapshot's own values.
    public var needs: Set<PanelNeed> { panel.needs }
}

/// What a panel draws beyond its snapshot's weights, outputs and errors (and the focus point's
/// wish, which the options ask for): the renderer gathers exactly what the panels it places
/// declare, and a run whose figures need the trajectory has the trainer keep it.
public enum PanelNeed: String, CaseIterable, Sendable {
    /// The weights of every epoch (``Backprop/Trainer/recordsTrajectory``): a landscape's path.
    case trajectory
    /// The error surface over a plane of weight space, with the path, `W` and `W′`.
    case landscape
    /// The points in the last hidden layer's activations.
    case hiddenSpace
    /// One training step from the snapshot: `W′` and `E(W′)`.
    case step
}

/// What the panels of one kind and one scene share while they are drawn.
struct FigureContext {
    let scene: Scene
    let style: Style
    let canvas: Canvas
}

/// Draws one kind of panel: the panels of that kind that a layout places, in layout order.
///
/// A panel draws into its cell through ``Canvas`` only (PNG, PDF and SVG take the same code)
/// and reads the ``Scene``'s values; it returns where its plot is for the manifest. Everything
/// but ``draw(_:in:)`` has a default: a panel needs nothing beyond the snapshot, fills a page of
/// its own with one cell, has no header legend there and draws no point markers.
protocol Panel {
    /// What the renderer gathers into the ``Scene`` before drawing a panel of this kind.
    static var needs: Set<PanelNeed> { get }

    /// The panels of kind `kind` that fill `cell` on a page of their own, for a network with
    /// hidden layer widths `hidden` and plots of aspect `aspect` (domain width / height).
    static func place(
        _ kind: PanelKind, in cell: Rect, hidden: [Int], aspect: Double, style: Style
    ) -> [PlacedPanel]

    /// What the header's legend explains on a page of this panel alone; nil for no legend.
    static var legend: Legend? { get }

    /// Draws every placed panel of this kind and returns them, in order, for the manifest.
    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo]

    /// The radius of the point markers of `place`, or nil if it draws no points: the renderer
    /// makes their sprites once, in advance.
    static func markerRadius(_ place: PlacedPanel, aspect: Double, count: Int, style: Style)
        -> Double?

    /// The numbers a page of this panel alone draws, as CSV for scripts to re-plot them, and the
    /// name of the file they go in; nil for none.
    static func table(of scene: Scene) -> FigureTable?
}

extension Panel {
    static var needs: Set<PanelNeed> { [] }

    static func place(
        _ kind: PanelKind, in cell: Rect, hidden: [Int], aspect: Double, style: Style
    ) -> [PlacedPanel] {
        [PlacedPanel(kind: kind, cell: cell)]
    }

    static var legend: Legend? { nil }

    static func markerRadius(_ place: PlacedPanel, aspect: Double, count: Int, style: Style)
        -> Double?
    {
        nil
    }

    static func table(of scene: Scene) -> FigureTable? { nil }
}

/// A panel that, on a page of its own, is laid out for print: the page is the panel's own size
/// (the requested size less the empty margins its plot leaves) and its text scales with the
/// page's width (``Page``).
protocol PrintPanel: Panel {
    /// The empty width and height beside the content of `places` in `body`, or nil if there is
    /// nothing to trim.
    static func slack(_ places: [PlacedPanel], body: Rect, aspect: Double, style: Style)
        -> (x: Double, y: Double)?

    /// The size of the plot of `places` (the first one's), to check that a trim keeps it.
    static func plot(_ places: [PlacedPanel], aspect: Double, style: Style) -> Rect?
}

extension PrintPanel {
    static func slack(_ places: [PlacedPanel], body: Rect, aspect: Double, style: Style)
        -> (x: Double, y: Double)?
    {
        nil
    }

    static func plot(_ places: [PlacedPanel], aspect: Double, style: Style) -> Rect? { nil }
}
