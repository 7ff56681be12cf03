/// A panel placed by a ``FigureLayout``: its kind and cell (title and plot).
struct PlacedPanel: Equatable, Sendable {
    let kind: PanelKind
    let cell: Rect
    /// For a hidden panel: its layer and unit, both from 0; 0 otherwise.
    var layer = 0
    var unit = 0
}
