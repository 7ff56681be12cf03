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

    /// The radius of a runner's ball and of the start's ring.
    static func markerRadius(_ style: Style) -> Double { max(3, 5 * style.scale) }

    /// The start W0 as every race figure draws it, on the plot and in the legend alike: a white
    /// ring with a dark edge, a ball's size, hollow so the paths leaving it show.
    static func drawStart(at centre: PixelPoint, style: Style, on canvas: Canvas) {
        let radius = markerRadius(style)
        let width = max(1.5, 2 * style.scale)
        canvas.setLineWidth(width + 3)
        canvas.setColour(Colour(hex: 0x11_11_11))
        canvas.circle(centre: centre, radius: radius)
        canvas.stroke()
        canvas.setLineWidth(width)
        canvas.setColour(Colour(hex: 0xFF_FF_FF))
        canvas.circle(centre: centre, radius: radius)
        canvas.stroke()
        let outer = radius + width / 2 + 1.5
        canvas.glyph(
            "start W0",
            box: Rect(
                x: centre.x - outer, y: centre.y - outer, width: 2 * outer, height: 2 * outer),
            size: 2 * outer)
    }

    /// A runner's ball, at its last snapshot: a disc in `colour` with a white rim.
    static func drawBall(at centre: PixelPoint, colour: Colour, style: Style, on canvas: Canvas) {
        let radius = markerRadius(style)
        let outer = radius + max(1, 1.5 * style.scale)
        canvas.setColour(Colour(hex: 0xFF_FF_FF))
        canvas.circle(centre: centre, radius: outer)
        canvas.fill()
        canvas.setColour(colour)
        canvas.circle(centre: centre, radius: radius)
        canvas.fill()
        canvas.glyph(
            "last snapshot",
            box: Rect(
                x: centre.x - outer, y: centre.y - outer, width: 2 * outer, height: 2 * outer),
            size: 2 * outer)
    }

    /// Draws the title (with `clock` at the right of the header, if any) and the note under
    /// it; returns the page's body below them.
    func drawHeading(clock: String? = nil, on canvas: Canvas) -> Rect {
        let rest = SweepFigure.drawHeader(
            title, clock: clock, style: style, palette: palette, on: canvas)
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
        // The markers as the plot draws them.
        let marker = PixelPoint(legend.minX + g + swatch * 0.4, y)
        let width = legend.width - 2 * g - swatch
        Self.drawStart(at: marker, style: style, on: canvas)
        canvas.setColour(palette.mutedText)
        canvas.text(
            PanelChrome.fitted("start W0 (every runner's)", width: width, on: canvas),
            x: legend.minX + g + swatch, middle: y)
        y += step
        Self.drawBall(
            at: PixelPoint(marker.x, y), colour: palette.mutedText, style: style, on: canvas)
        canvas.setColour(palette.mutedText)
        canvas.text(
            PanelChrome.fitted("last snapshot, in its colour;", width: width, on: canvas),
            x: legend.minX + g + swatch, middle: y)
        y += step
        for line in [
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
