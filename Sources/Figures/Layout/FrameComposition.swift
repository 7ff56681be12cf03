/// The composite frame: the output as a big square, the hidden units in a grid beside it, the
/// error curve under the grid (or beside the output for a perceptron; in a portrait frame the
/// output on top, the units in a column under it unless ``HiddenLayout/row`` asks for rows, the
/// error curve beside them); a `landscape` panel
/// (surface or mountain) and, when asked and where it fits, the network diagram share the error
/// curve's cell.
struct FrameComposition: Composition {
    /// The landscape panel beside the error curve, if any.
    var landscape: PanelKind?
    /// Draws the network diagram beside the error curve where it fits.
    var diagram = false

    /// The smallest cell a frame gives the network diagram; below it the frame goes without.
    static let diagramMinimum = (width: 160.0, height: 130.0)

    var name: String { "frame" }

    var legend: Legend? {
        Legend(
            boundary: "ŷ = 0.5", mistakes: true, reluOff: true, vote: true, wish: true,
            changes: true, offView: true)
    }

    /// The hidden units, the output, the error curve, then the panels sharing its cell.
    func place(in body: Rect, hidden: [Int], aspect: Double, style: Style) -> [PlacedPanel] {
        let (units, output, error) = FrameComposition.frame(
            hidden: hidden, body: body, aspect: aspect, style: style)
        var shared: (error: Rect, panels: [PlacedPanel]) = (error, [])
        if diagram {
            let kinds = [landscape, .diagram].compactMap { $0 }
            let candidate = FrameComposition.share(error, with: kinds, style: style)
            let minimum = FrameComposition.diagramMinimum
            if let cell = candidate.panels.last?.cell, cell.width >= minimum.width,
                cell.height >= minimum.height
            {
                shared = candidate
            } else if let landscape {
                shared = FrameComposition.share(error, with: [landscape], style: style)
            }
        } else if let landscape {
            shared = FrameComposition.share(error, with: [landscape], style: style)
        }
        return units + [
            PlacedPanel(kind: .output, cell: output), PlacedPanel(kind: .error, cell: shared.error),
        ] + shared.panels
    }

    /// The hidden units' panels, the output's cell and the error curve's cell.
    private static func frame(hidden: [Int], body: Rect, aspect: Double, style: Style) -> (
        units: [PlacedPanel], output: Rect, error: Rect
    ) {
        let g = style.gap
        let landscape = body.width >= body.height
        if hidden.isEmpty {
            if landscape {
                let side = min(body.height * aspect + 2 * style.titleHeight, body.width * 0.55)
                let (left, right) = body.slicingLeft(side)
                return ([], left, right.inset(top: 0, left: g, bottom: 0, right: 0))
            } else {
                let side = min(body.width / aspect + style.titleHeight, body.height * 0.6)
                let (top, bottom) = body.slicingTop(side)
                return ([], top, bottom.inset(top: g, left: 0, bottom: 0, right: 0))
            }
        }
        /// The bottom of the units' block in `area`, or of `area` when none is shown.
        func used(_ units: [PlacedPanel], in area: Rect, from top: Double) -> Double {
            (units.filter(\.isUnit).map(\.cell.maxY).max() ?? area.maxY) - top
        }
        if landscape {
            // The output takes a column on the right, up to half the width. When the domain is
            // wide enough to leave room under the output, the error curve goes there and the
            // hidden units get the whole left column; otherwise the error goes under them.
            let plotHeight = body.height - style.titleHeight
            let side = min(plotHeight * aspect + g, body.width * 0.5)
            let (left, right) = body.slicingLeft(body.width - side)
            let column = right.inset(top: 0, left: g, bottom: 0, right: 0)
            let outputHeight = column.width / aspect + style.titleHeight + 2 * g
            if body.height - outputHeight >= body.height * 0.3 {
                let (top, bottom) = column.slicingTop(outputHeight)
                let units = HiddenGrid.place(
                    widths: hidden, in: left, aspect: aspect, style: style, centred: false)
                return (units, top, bottom.inset(top: g, left: 0, bottom: 0, right: 0))
            } else {
                // The hidden block takes up to 62% of the height; the error curve the rest.
                let (grid, _) = left.slicingTop((left.height * 0.62).rounded())
                let units = HiddenGrid.place(
                    widths: hidden, in: grid, aspect: aspect, style: style, centred: false)
                let error = left.slicingTop(used(units, in: grid, from: left.y)).1
                return (units, column, error.inset(top: 2 * g, left: 0, bottom: 0, right: 0))
            }
        } else {
            let side = min(body.width / aspect + style.titleHeight, body.height * 0.45)
            let (top, rest) = body.slicingTop(side)
            let below = rest.inset(top: g, left: 0, bottom: 0, right: 0)
            if style.hiddenLayout != .row {
                // Portrait: the units stacked in a column on the left, the error curve (and
                // what shares its cell) beside them.
                let (grid, right) = below.slicingLeft((below.width * 0.42).rounded())
                let units = HiddenGrid.place(
                    widths: hidden, in: grid, aspect: aspect, style: style, centred: false)
                let error = right.inset(top: 0, left: 2 * g, bottom: 0, right: 0)
                return (units, top, error)
            }
            let (grid, _) = below.slicingTop((below.height * 0.6).rounded())
            let units = HiddenGrid.place(
                widths: hidden, in: grid, aspect: aspect, style: style, centred: false)
            let error = below.slicingTop(used(units, in: grid, from: below.y)).1
            return (units, top, error.inset(top: 2 * g, left: 0, bottom: 0, right: 0))
        }
    }

    /// The error curve's `cell` shared with `kinds`: their cells and what is left of it.
    ///
    /// One panel takes the right part when the cell is wide, the lower part when it is tall;
    /// two go beside or under the error curve, side by side or one above the other.
    private static func share(_ cell: Rect, with kinds: [PanelKind], style: Style) -> (
        error: Rect, panels: [PlacedPanel]
    ) {
        let g = style.gap
        let wide = cell.width >= 1.4 * cell.height
        if kinds.count == 1 {
            if wide {
                let (left, right) = cell.slicingLeft((cell.width * 0.5).rounded())
                let rest = right.inset(top: 0, left: 2 * g, bottom: 0, right: 0)
                return (left, [PlacedPanel(kind: kinds[0], cell: rest)])
            } else {
                let (top, bottom) = cell.slicingTop((cell.height * 0.42).rounded())
                let rest = bottom.inset(top: 2 * g, left: 0, bottom: 0, right: 0)
                return (top, [PlacedPanel(kind: kinds[0], cell: rest)])
            }
        }
        let error: Rect
        let rest: Rect
        if wide {
            let (left, right) = cell.slicingLeft((cell.width * 0.36).rounded())
            error = left
            rest = right.inset(top: 0, left: 2 * g, bottom: 0, right: 0)
        } else {
            let (top, bottom) = cell.slicingTop((cell.height * 0.34).rounded())
            error = top
            rest = bottom.inset(top: 2 * g, left: 0, bottom: 0, right: 0)
        }
        let cells: (Rect, Rect)
        if rest.width >= 1.2 * rest.height {
            let (a, b) = rest.slicingLeft((rest.width * 0.5).rounded())
            cells = (a, b.inset(top: 0, left: 2 * g, bottom: 0, right: 0))
        } else {
            let (a, b) = rest.slicingTop((rest.height * 0.5).rounded())
            cells = (a, b.inset(top: 2 * g, left: 0, bottom: 0, right: 0))
        }
        return (
            error,
            [
                PlacedPanel(kind: kinds[0], cell: cells.0),
                PlacedPanel(kind: kinds[1], cell: cells.1),
            ]
        )
    }
}
