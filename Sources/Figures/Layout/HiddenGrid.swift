/// The hidden units in a grid, one group of rows per layer: the hidden figure's page and the
/// frame's block of units.
enum HiddenGrid {
    /// The panels of the units of layers `widths` in `area`.
    ///
    /// The number of columns is the widest layer's for ``HiddenLayout/row``, one for
    /// ``HiddenLayout/column``, else the one that makes the plots largest. The block of panels
    /// is as tight as the plots allow, centred across `area`, and also down it when `centred`.
    /// When the plots would be too small to see, as many units as fit are shown at a minimum
    /// size and the last cell that would have fitted holds a note counting the units left out.
    static func place(
        widths: [Int], in area: Rect, aspect: Double, style: Style, centred: Bool
    ) -> [PlacedPanel] {
        guard !widths.isEmpty, area.isUsable else { return [] }
        let g = style.gap
        let widest = widths.max() ?? 1
        var best: (columns: Int, plot: Double) = (1, -1)
        let allowed: ClosedRange<Int>
        switch style.hiddenLayout {
        case .auto: allowed = 1...widest
        case .row: allowed = widest...widest
        case .column: allowed = 1...1
        }
        for columns in allowed {
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
        var omitted = 0
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
            omitted = zip(widths, shown).reduce(0) { $0 + $1.0 - $1.1 }
        }
        let rows = shown.reduce(0) { $0 + ($1 + columns - 1) / columns }
        guard rows > 0 else { return [] }
        let roomW = (area.width - Double(columns - 1) * g) / Double(columns)
        let roomH = (area.height - Double(rows - 1) * g) / Double(rows)
        let plotW = max(0, min(roomW, (roomH - style.titleHeight - style.hiddenCaption) * aspect))
        let cellW = plotW
        let cellH = plotW / aspect + style.titleHeight + style.hiddenCaption
        let blockW = Double(columns) * cellW + Double(columns - 1) * g
        let blockH = Double(rows) * cellH + Double(rows - 1) * g
        let x0 = area.x + max(0, (area.width - blockW) / 2)
        let y0 = area.y + (centred ? max(0, (area.height - blockH) / 2) : 0)
        var placed: [PlacedPanel] = []
        var row = 0
        for (layer, units) in shown.enumerated() {
            for unit in 0..<units {
                let r = row + unit / columns
                let c = unit % columns
                let cell = Rect(
                    x: x0 + Double(c) * (cellW + g), y: y0 + Double(r) * (cellH + g),
                    width: cellW, height: cellH)
                placed.append(PlacedPanel(kind: .hidden, cell: cell, layer: layer, unit: unit))
            }
            row += (units + columns - 1) / columns
        }
        if omitted > 0, let last = placed.popLast() {
            placed.append(
                PlacedPanel(kind: .hidden, cell: last.cell, content: .omitted(count: omitted + 1)))
        }
        return placed
    }
}
