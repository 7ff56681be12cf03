import Backprop
import Foundation

/// What every race figure (the surface, the mountain, each animation frame) draws around its
/// plot, the same in each: the title (a frame's clock at its right), the note under it naming
/// the plane, and the legend by value.
struct RaceChrome {
    let landscape: RaceLandscape
    let runners: [RaceRunner]
    let title: String
    let style: Style
    let palette: Palette

    /// The note under the title: the plane, and how much of the paths it holds.
    var note: String {
        switch landscape.axes {
        case .weights:
            let b = Ticks.fixed(landscape.start[2], decimals: 3)
            return "E over w1, w2 with b held at \(b), W0's b (every runner's start); each runner "
                + "moves its own b: the legend gives its last b and its gap"
        case .pca:
            let share = Ticks.fixed(100 * (landscape.principal?.varianceShare ?? 1), decimals: 1)
            return "plane through W0 (every runner's start) along PC1, PC2 of all paths: "
                + "\(share)% of their variance"
        }
    }

    /// A runner's legend line beyond its label: its share (PCA planes) and gap.
    static func detail(_ path: RacePath, axes: SurfaceAxes) -> String {
        let gap = Ticks.fixed(path.gap, decimals: path.gap < 0.001 ? 5 : 3)
        guard axes == .pca else {
            let b = path.lastBias.map { "its b → \(Ticks.fixed($0, decimals: 2)), " } ?? ""
            return b + "gap ≤ \(gap)"
        }
        let share = Ticks.fixed(100 * path.varianceShare, decimals: 1)
        return "keeps \(share)%, gap ≤ \(gap)"
    }

    /// Draws the title (with `clock` at the right of the header, if any) and the note under
    /// it; returns the page's body below them.
    func drawHeading(clock: String? = nil, on canvas: Canvas) -> Rect {
        let g = style.gap
        let page = Rect(
            x: 0, y: 0, width: Double(canvas.context.surface.width),
            height: Double(canvas.context.surface.height)
        ).inset(by: g)
        let (header, rest) = page.slicingTop(style.headerHeight)
        canvas.setFont(size: style.headerFont, bold: true)
        canvas.setColour(palette.text)
        var titleWidth = header.width
        if let clock {
            let clockWidth = canvas.width(of: clock)
            canvas.text(clock, x: header.maxX, middle: header.midY, align: .right)
            titleWidth = header.width - clockWidth - 2 * g
        }
        canvas.text(
            PanelChrome.fitted(title, width: titleWidth, on: canvas), x: header.minX,
            middle: header.midY)
        let (noteRow, body) = rest.slicingTop(style.titleHeight)
        canvas.setFont(size: style.tickFont)
        canvas.setColour(palette.mutedText)
        canvas.text(
            PanelChrome.fitted(note, width: noteRow.width, on: canvas), x: noteRow.minX,
            middle: noteRow.midY)
        return body
    }

    /// `body` split into the plot's area and the legend's column at its right.
    func slicingLegend(_ body: Rect) -> (plot: Rect, legend: Rect) {
        let legendWidth = min(body.width * 0.4, style.tickFont * 21)
        return body.slicingLeft(body.width - legendWidth)
    }

    /// One entry per runner: its colour, label and its path's share and gap (or its note).
    func drawLegend(in legend: Rect, on canvas: Canvas) {
        let colours = SweepErrorsDrawing.groupColours
        let g = style.gap
        let swatch = style.tickFont * 1.8
        let step = style.tickFont * 1.5
        var y = legend.minY + g + step / 2
        var paths = landscape.paths.makeIterator()
        for (i, runner) in runners.enumerated() {
            canvas.setColour(colours[i % colours.count])
            canvas.setLineWidth(3)
            canvas.move(to: PixelPoint(legend.minX + g, y))
            canvas.line(to: PixelPoint(legend.minX + g + swatch * 0.8, y))
            canvas.stroke()
            canvas.setFont(size: style.tickFont)
            canvas.setColour(palette.text)
            let width = legend.width - 2 * g - swatch
            canvas.text(
                PanelChrome.fitted(runner.label, width: width, on: canvas),
                x: legend.minX + g + swatch, middle: y)
            y += step
            let detail =
                runner.note ?? paths.next().map { Self.detail($0, axes: landscape.axes) } ?? ""
            canvas.setColour(palette.mutedText)
            canvas.text(
                PanelChrome.fitted(detail, width: width, on: canvas),
                x: legend.minX + g + swatch, middle: y)
            for line in runner.trend {
                y += step
                canvas.text(
                    PanelChrome.fitted(line, width: width, on: canvas),
                    x: legend.minX + g + swatch, middle: y)
            }
            y += step * 1.3
        }
        canvas.setColour(palette.mutedText)
        for line in [
            "○ start W0, ● last snapshot;",
            landscape.axes == .pca ? "keeps: its variance in the plane;" : "",
            "gap: |recorded E − height|",
        ] where !line.isEmpty {
            canvas.text(
                PanelChrome.fitted(line, width: legend.width - 2 * g, on: canvas),
                x: legend.minX + g, middle: y)
            y += step
        }
    }
}
