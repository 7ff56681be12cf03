import Backprop
import Foundation

/// Draws a ``SweepGrid``: a header, the column values across the top, the row values down the
/// left, and in each cell a run's output panel with its error curve under it.
///
/// Every curve uses one scale (epoch 0 to the longest run, error 0 to the largest), stated once
/// under the table, so cells compare at a glance.
struct SweepGridDrawing {
    let grid: SweepGrid
    let style: Style
    let palette: Palette
    /// The style of the panels inside a grid's cells and a race frame's small multiples: no
    /// titles or axes.
    static var bare: Style { Style(width: 100, height: 100) }

    /// The top of the shared error scale when a run's error climbs far above where every run
    /// started (1.25 × the highest starting error), so one diverging run does not flatten the
    /// others; `nil` when every curve fits under that.
    static func ceiling(_ series: [[Double]]) -> Double? {
        let start = series.compactMap(\.first).filter(\.isFinite).max() ?? 0
        let top = series.flatMap { $0 }.filter(\.isFinite).max() ?? 0
        return start > 0 && top > start * 1.25 ? start * 1.25 : nil
    }

    func draw(on canvas: Canvas) throws {
        let g = style.gap
        let width = canvas.context.surface.width
        let height = canvas.context.surface.height
        let page = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
            .inset(by: g)
        let (header, rest) = page.slicingTop(style.headerHeight)
        let (footer, body) = (
            Rect(
                x: rest.x, y: rest.maxY - style.titleHeight, width: rest.width,
                height: style.titleHeight),
            rest.inset(top: g / 2, left: 0, bottom: style.titleHeight + g / 2, right: 0)
        )
        canvas.setFont(size: style.headerFont, bold: true)
        canvas.setColour(palette.text)
        canvas.text(
            PanelChrome.fitted(grid.title, width: header.width, on: canvas), x: header.minX,
            middle: header.midY)

        // Row labels on the left, as wide as the widest needs.
        canvas.setFont(size: style.tickFont, bold: true)
        let rowTexts = grid.rows.map { grid.rowKey.isEmpty ? $0 : "\(grid.rowKey) = \($0)" }
        let labelWidth = min(
            body.width * 0.3, (rowTexts.map { canvas.width(of: $0) }.max() ?? 0) + g)
        let (labels, table) = body.slicingLeft(labelWidth)
        let (heads, cellsArea) = table.slicingTop(style.titleHeight)
        let columns = max(1, grid.columns.count)
        let rows = max(1, grid.rows.count)
        let cellW = (cellsArea.width - Double(columns - 1) * g) / Double(columns)
        let cellH = (cellsArea.height - Double(rows - 1) * g) / Double(rows)
        func cell(_ r: Int, _ c: Int) -> Rect {
            Rect(
                x: cellsArea.x + Double(c) * (cellW + g), y: cellsArea.y + Double(r) * (cellH + g),
                width: cellW, height: cellH)
        }
        canvas.setFont(size: style.titleFont, bold: true)
        canvas.setColour(palette.text)
        for (c, value) in grid.columns.enumerated() {
            let r = cell(0, c)
            let text = PanelChrome.fitted(
                "\(grid.columnKey) = \(value)", width: r.width, on: canvas)
            canvas.text(text, x: r.midX, middle: heads.midY, align: .centre)
        }
        canvas.setFont(size: style.tickFont, bold: true)
        for (r, text) in rowTexts.enumerated() {
            let rect = cell(r, 0)
            canvas.text(
                PanelChrome.fitted(text, width: labels.width - g, on: canvas),
                x: labels.maxX - g, middle: rect.midY, align: .right)
        }

        // One error scale for every cell.
        let series = grid.cells.flatMap { $0 }.compactMap { $0.run?.errors }
        let ceiling = SweepGridDrawing.ceiling(series)
        // A cell without a run is the size of its neighbours' plots.
        let fallback =
            grid.cells.flatMap { $0 }.compactMap(\.run).first.map {
                SweepGridDrawing.aspect($0.domain)
            } ?? 1
        let strip = max(12, (cellH * 0.24).rounded())
        var scale: CurveScale?
        for (r, row) in grid.cells.enumerated() {
            for (c, item) in row.enumerated() where r < rows && c < columns {
                let rect = cell(r, c)
                let (plotCell, _) = rect.slicingTop(rect.height - strip - g / 2)
                let aspect = item.run.map { SweepGridDrawing.aspect($0.domain) } ?? fallback
                let plot = OutputPanel.plotRect(cell: plotCell, aspect: aspect, style: Self.bare)
                let stripRect = Rect(
                    x: plot.x, y: rect.maxY - strip, width: plot.width, height: strip
                ).integral
                let s = CurveScale(rect: stripRect, series: series, log: false, ceiling: ceiling)
                scale = scale ?? s
                try drawCell(
                    item, cell: plotCell, plot: plot, strip: stripRect, scale: s, on: canvas)
            }
        }
        if let scale {
            canvas.setFont(size: style.tickFont)
            canvas.setColour(palette.mutedText)
            let clipped = ceiling.map { _ in "; higher errors run off the top" } ?? ""
            let note =
                "Under each panel: the error E(W) from epoch 0 to \(scale.epochs), "
                + "on one scale from 0 to \(Ticks.label(scale.high, step: scale.high / 100))"
                + clipped + "."
            canvas.text(
                PanelChrome.fitted(note, width: footer.width, on: canvas), x: footer.minX,
                middle: footer.midY)
        }
        try canvas.context.check(during: "drawing the sweep grid")
    }

    /// One run: its output panel, or a note; under it the error curve with the epoch shown.
    private func drawCell(
        _ item: SweepGridCell, cell: Rect, plot: Rect, strip: Rect, scale: CurveScale,
        on canvas: Canvas
    ) throws {
        guard let run = item.run, run.snapshots.indices.contains(item.snapshot) else {
            Self.drawNote(item.note, in: plot, style: style, palette: palette, on: canvas)
            frame(strip, on: canvas)
            return
        }
        let snapshot = run.snapshots[item.snapshot]
        _ = try Self.drawOutput(run, at: snapshot, in: cell, palette: palette, on: canvas)

        // The curve, the path walked to the shown epoch solid, a dot at that epoch.
        canvas.saved {
            canvas.clip(to: scale.curveClip)
            canvas.setRoundCaps()
            scale.stroke(
                run.errors, colour: palette.curve.withAlpha(0.3), width: 1, on: canvas)
            scale.stroke(
                Array(run.errors.prefix(snapshot.epoch + 1)), colour: palette.curve,
                width: 1.5, on: canvas)
        }
        canvas.setColour(palette.marker)
        canvas.circle(
            centre: PixelPoint(scale.axis.x(time: snapshot.time), scale.y(snapshot.error)),
            radius: 2.5)
        canvas.fill()
        frame(strip, on: canvas)
        canvas.setFont(size: max(8, style.tickFont * 0.9))
        canvas.setColour(palette.text)
        let caption = String(
            format: "E %.3g · %.0f%%", snapshot.error, snapshot.accuracy * 100)
        if canvas.width(of: caption) < strip.width - 6 {
            canvas.text(
                caption, x: strip.maxX - 3, baseline: strip.minY + canvas.fontMetrics.ascent + 2,
                align: .right)
        }
    }

    /// A run's output panel at `snapshot` in `cell`, bare (``bare``), in `palette`.
    static func drawOutput(
        _ run: TrainingRun, at snapshot: Snapshot, in cell: Rect, palette: Palette,
        on canvas: Canvas
    ) throws -> PanelInfo {
        var options = RenderOptions()
        options.palette = palette.name
        let scene = Scene(
            run: run, snapshot: snapshot,
            derived: DerivedData(run: run, snapshot: snapshot, options: options),
            series: ErrorSeries(errors: run.errors), options: options)
        return try OutputPanel.draw(cell: cell, scene: scene, style: bare, on: canvas)
    }

    /// In place of a run's panel: `plot` greyed, and its note ("no run" without one) in the
    /// middle, on two lines where it has a colon ("diverged at:", "epoch 12").
    static func drawNote(
        _ note: String?, in plot: Rect, style: Style, palette: Palette, on canvas: Canvas
    ) {
        canvas.fill(plot, palette.grid.withAlpha(0.5))
        canvas.setFont(size: style.tickFont)
        canvas.setColour(palette.mutedText)
        let lines = (note ?? "no run").split(separator: ":", maxSplits: 1)
        for (i, line) in lines.enumerated() {
            let text = PanelChrome.fitted(
                line.trimmingCharacters(in: .whitespaces), width: plot.width - 4, on: canvas)
            canvas.text(
                text, x: plot.midX,
                middle: plot.midY + (Double(i) - Double(lines.count - 1) / 2) * style.tickFont
                    * 1.4,
                align: .centre)
        }
    }

    /// A domain's width over its height.
    private static func aspect(_ d: Domain) -> Double {
        (d.x1.upperBound - d.x1.lowerBound) / (d.x2.upperBound - d.x2.lowerBound)
    }

    /// A thin frame around `rect`.
    private func frame(_ rect: Rect, on canvas: Canvas) {
        PanelChrome.frame(rect, palette: palette, on: canvas)
    }
}
