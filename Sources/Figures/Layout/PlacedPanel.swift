/// A panel placed by a layout: its kind, its cell (title and plot), what part of the run it
/// shows and of which of the figure's snapshots.
struct PlacedPanel: Equatable, Sendable {
    let kind: PanelKind
    let cell: Rect
    var content: Content = .whole
    /// Which of the figure's snapshots it shows: an index into the snapshots the figure is drawn
    /// for (0, the figure's own, for every built-in figure; small multiples use more).
    var scene = 0

    /// What a placed panel shows of its kind.
    enum Content: Equatable, Sendable {
        /// The whole panel: the output, the error curve, a landscape, the diagram.
        case whole
        /// One hidden unit; layer and unit from 0.
        case unit(layer: Int, unit: Int)
        /// In place of the hidden units that did not fit: a note that `count` were left out.
        case omitted(count: Int)
        /// In place of the hidden units of a network that has none: a note saying so.
        case noUnits
    }

    init(kind: PanelKind, cell: Rect, content: Content = .whole, scene: Int = 0) {
        self.kind = kind
        self.cell = cell
        self.content = content
        self.scene = scene
    }

    /// A hidden unit's panel.
    init(kind: PanelKind, cell: Rect, layer: Int, unit: Int) {
        self.init(kind: kind, cell: cell, content: .unit(layer: layer, unit: unit))
    }

    /// For a hidden unit: its layer, from 0; 0 otherwise.
    var layer: Int {
        if case .unit(let layer, _) = content { return layer }
        return 0
    }

    /// For a hidden unit: its unit, from 0; 0 otherwise.
    var unit: Int {
        if case .unit(_, let unit) = content { return unit }
        return 0
    }

    /// True for a hidden unit's panel.
    var isUnit: Bool {
        if case .unit = content { return true }
        return false
    }
}
