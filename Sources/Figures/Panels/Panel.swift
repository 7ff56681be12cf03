/// The kinds of panel a figure is made of; the raw value is the manifest's `kind`.
///
/// A new kind is a case here with its ``Panel`` type, a file for that type, and its place in
/// ``FigureLayout``.
public enum PanelKind: String, CaseIterable, Sendable, Codable {
    /// One hidden unit's activation over the plane.
    case hidden
    /// The output `ŷ` with its 0.5 boundary.
    case output
    /// The error curve with the current epoch marked.
    case error

    /// The type that draws panels of this kind.
    var panel: any Panel.Type {
        switch self {
        case .hidden: return HiddenPanel.self
        case .output: return OutputPanel.self
        case .error: return ErrorPanel.self
        }
    }
}

/// What the panels of one figure share while it is drawn.
struct FigureContext {
    let kind: FigureKind
    let scene: Scene
    let style: Style
    let layout: FigureLayout
    let canvas: Canvas
}

/// Draws one kind of panel: the panels of that kind that a layout places, in layout order.
///
/// A panel draws into its cell through ``Canvas`` only (PNG, PDF and SVG take the same code)
/// and reads the ``Scene``'s values; it returns where its plot is for the manifest.
protocol Panel {
    /// Draws every placed panel of this kind and returns them, in order, for the manifest.
    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo]

    /// The radius of the point markers of a panel in `cell`, or nil if it draws no points: the
    /// renderer makes their sprites once, in advance.
    static func markerRadius(cell: Rect, aspect: Double, count: Int, style: Style) -> Double?
}

extension Panel {
    static func markerRadius(cell: Rect, aspect: Double, count: Int, style: Style) -> Double? {
        nil
    }
}
