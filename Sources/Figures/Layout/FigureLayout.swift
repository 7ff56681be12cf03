/// Where the parts of a figure go.
struct FigureLayout: Equatable, Sendable {
    var header: Rect?
    var hidden: [PlacedPanel] = []
    /// Hidden units left out because the figure is too small to show them all.
    var hiddenOmitted = 0
    /// Where to say how many were left out: the cell of the last unit that would have fitted.
    var omittedNote: Rect?
    var output: Rect?
    var error: Rect?
    /// Everything below the header.
    var body: Rect

    /// Every panel, in drawing order: the hidden units, the output, the error curve.
    var panels: [PlacedPanel] {
        hidden
            + [
                output.map { PlacedPanel(kind: .output, cell: $0) },
                error.map { PlacedPanel(kind: .error, cell: $0) },
            ].compactMap { $0 }
    }

    /// The layout of `kind` for a network with hidden layer widths `hidden`, in a figure of
    /// `width`×`height` pixels, for plots of aspect `aspect` (domain width / height).
    init(
        _ kind: FigureKind, width: Int, height: Int, hidden: [Int], aspect: Double, style: Style
    ) {
        let page = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
        let g = style.gap
        var body = page.inset(by: g)
        if style.headerHeight > 0 {
            let (top, rest) = body.slicingTop(style.headerHeight)
            header = top
            body = rest.inset(top: g / 2, left: 0, bottom: 0, right: 0)
        }
        self.body = body
        switch kind {
        case .hidden:
            place(widths: hidden, in: body, aspect: aspect, style: style, centred: true)
        case .output:
            output = body
        case .error:
            error = body
        case .frame:
            frame(hidden: hidden, body: body, aspect: aspect, style: style)
        }
    }

    /// The composite: output as a big square, hidden units in a grid beside it, the error curve
    /// under the grid (or beside the output for a perceptron).
    private mutating func frame(hidden: [Int], body: Rect, aspect: Double, style: Style) {
        let g = style.gap
        let landscape = body.width >= body.height
        if hidden.isEmpty {
            if landscape {
                let side = min(body.height * aspect + 2 * style.titleHeight, body.width * 0.55)
                let (left, right) = body.slicingLeft(side)
                output = left
                error = right.inset(top: 0, left: g, bottom: 0, right: 0)
            } else {
                let side = min(body.width / aspect + style.titleHeight, body.height * 0.6)
                let (top, bottom) = body.slicingTop(side)
                output = top
                error = bottom.inset(top: g, left: 0, bottom: 0, right: 0)
            }
            return
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
                output = top
                error = bottom.inset(top: g, left: 0, bottom: 0, right: 0)
                place(widths: hidden, in: left, aspect: aspect, style: style, centred: false)
            } else {
                output = column
                // The hidden block takes up to 62% of the height; the error curve the rest.
                let (grid, _) = left.slicingTop((left.height * 0.62).rounded())
                place(widths: hidden, in: grid, aspect: aspect, style: style, centred: false)
                let used = (self.hidden.map(\.cell.maxY).max() ?? grid.maxY) - left.y
                error = left.slicingTop(used).1.inset(top: 2 * g, left: 0, bottom: 0, right: 0)
            }
        } else {
            let side = min(body.width / aspect + style.titleHeight, body.height * 0.45)
            let (top, rest) = body.slicingTop(side)
            output = top
            let below = rest.inset(top: g, left: 0, bottom: 0, right: 0)
            let (grid, _) = below.slicingTop((below.height * 0.6).rounded())
            place(widths: hidden, in: grid, aspect: aspect, style: style, centred: false)
            let used = (self.hidden.map(\.cell.maxY).max() ?? grid.maxY) - below.y
            error = below.slicingTop(used).1.inset(top: 2 * g, left: 0, bottom: 0, right: 0)
        }
    }

    /// Fills `area` with a grid of hidden panels, one group of rows per layer.
    ///
    /// The number of columns is the one that makes the plots largest. The block of panels is as
    /// tight as the plots allow, centred across `area`, and also down it when `centred`.
    private mutating func place(
        widths: [Int], in area: Rect, aspect: Double, style: Style, centred: Bool
    ) {
        guard !widths.isEmpty, area.isUsable else { return }
        let g = style.gap
        let widest = widths.max() ?? 1
        var best: (columns: Int, plot: Double) = (1, -1)
        for columns in 1...widest {
            let rows = widths.reduce(0) { $0 + ($1 + columns - 1) / columns }
            let cellW = (area.width - Double(columns - 1) * g) / Double(columns)
            let cellH = (area.height - Double(rows - 1) * g) / Double(rows)
            let plotH = cellH - style.titleHeight - style.hiddenCaption
            let plot = min(cellW / aspect, plotH) * min(aspect, 1)
            if plot > best.plot + 1e-9 { best = (columns, plot) }
        }
        // Too small to see anything: show as many as fit at a minimum size.
        let minimum = 14.0
        var shown = widths
        var columns = best.columns
        if best.plot < minimum {
            columns = max(1, Int((area.width + g) / (minimum + g)))
            let rowsFit = max(
                1, Int((area.height + g) / (minimum + style.titleHeight + style.hiddenCaption + g)))
            var budget = rowsFit
            shown = []
            for units in widths {
                let rows = min(budget, (units + columns - 1) / columns)
                budget -= rows
                shown.append(min(units, rows * columns))
            }
            hiddenOmitted = zip(widths, shown).reduce(0) { $0 + $1.0 - $1.1 }
        }
        let rows = shown.reduce(0) { $0 + ($1 + columns - 1) / columns }
        guard rows > 0 else { return }
        let roomW = (area.width - Double(columns - 1) * g) / Double(columns)
        let roomH = (area.height - Double(rows - 1) * g) / Double(rows)
        let plotW = max(0, min(roomW, (roomH - style.titleHeight - style.hiddenCaption) * aspect))
        let cellW = plotW
        let cellH = plotW / aspect + style.titleHeight + style.hiddenCaption
        let blockW = Double(columns) * cellW + Double(columns - 1) * g
        let blockH = Double(rows) * cellH + Double(rows - 1) * g
        let x0 = area.x + max(0, (area.width - blockW) / 2)
        let y0 = area.y + (centred ? max(0, (area.height - blockH) / 2) : 0)
        var row = 0
        for (layer, units) in shown.enumerated() {
            for unit in 0..<units {
                let r = row + unit / columns
                let c = unit % columns
                let cell = Rect(
                    x: x0 + Double(c) * (cellW + g), y: y0 + Double(r) * (cellH + g),
                    width: cellW, height: cellH)
                hidden.append(PlacedPanel(kind: .hidden, cell: cell, layer: layer, unit: unit))
            }
            row += (units + columns - 1) / columns
        }
        if hiddenOmitted > 0, let last = hidden.popLast() {
            hiddenOmitted += 1
            omittedNote = last.cell
        }
    }
}
