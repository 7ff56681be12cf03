import Backprop
import Foundation

/// Draws one frame of a race: the header with the clock's epoch; left, the race's surface with
/// every path walked so far; right, each runner's output panel (small multiples) over every
/// runner's error curve on one axis, the clock marked by a line.
struct RaceFrameDrawing {
    let frames: RaceFrames
    let epoch: Int
    /// Each runner's path up to its snapshot of ``epoch``, ending at its ball.
    let walked: [RacePath]
    /// Each runner's snapshot of ``epoch``, in the order of ``RaceFrames/runs``.
    let snapshots: [Snapshot]
    let style: Style
    let palette: Palette

    /// Draws the frame; returns its panels: the output panel of each runner with a path, then
    /// the error curves.
    func draw(on canvas: Canvas) throws -> [PanelInfo] {
        let g = style.gap
        let last = frames.runs.map(\.training.epochs).max() ?? epoch
        let surface = RaceSurfaceDrawing(
            chrome: RaceChrome(
                landscape: frames.landscape, runners: frames.runners, title: frames.title,
                style: style, palette: palette))
        let body = surface.chrome.drawHeading(clock: "epoch \(epoch) of \(last)", on: canvas)
        let (left, right) = body.slicingLeft((body.width * 0.48).rounded())
        try surface.drawPlot(in: left, paths: walked, on: canvas)
        let area = right.inset(top: 0, left: g, bottom: 0, right: 0)
        // The output panels as tall as they are wide (at most 55% of the height), the curves
        // below them.
        let (columns, rows) = grid(count: frames.runners.count)
        let side = (area.width - Double(columns - 1) * g) / Double(columns)
        let tall = Double(rows) * (side + style.titleHeight) + Double(rows - 1) * g
        let (top, bottom) = area.slicingTop(min(area.height * 0.55, tall).rounded())
        var panels = try drawOutputs(in: top, on: canvas)
        panels.append(
            drawCurves(in: bottom.inset(top: g, left: 0, bottom: 0, right: 0), on: canvas))
        try canvas.context.check(during: "drawing the race frame")
        return panels
    }

    /// Each runner's output panel at the clock's epoch, side by side, under its label in its
    /// colour; a runner without a path says why instead.
    private func drawOutputs(in area: Rect, on canvas: Canvas) throws -> [PanelInfo] {
        let g = style.gap
        let (columns, rows) = grid(count: frames.runners.count)
        let cellW = (area.width - Double(columns - 1) * g) / Double(columns)
        let cellH = (area.height - Double(rows - 1) * g) / Double(rows)
        let colours = SweepErrorsDrawing.groupColours
        var panels: [PanelInfo] = []
        var next = 0
        for (i, runner) in frames.runners.enumerated() {
            let cell = Rect(
                x: area.x + Double(i % columns) * (cellW + g),
                y: area.y + Double(i / columns) * (cellH + g), width: cellW, height: cellH)
            let (label, plotCell) = cell.slicingTop(style.titleHeight)
            canvas.setColour(colours[i % colours.count])
            canvas.fill(
                Rect(x: label.minX, y: label.midY - 2, width: style.tickFont * 1.2, height: 4),
                colours[i % colours.count])
            canvas.setFont(size: style.tickFont, bold: true)
            canvas.setColour(palette.text)
            let x = label.minX + style.tickFont * 1.6
            // "optimizer = momentum", or where that is too wide its value alone.
            let value = runner.label.components(separatedBy: " = ").last ?? runner.label
            let text =
                canvas.width(of: runner.label) <= label.maxX - x ? runner.label : value
            canvas.text(
                PanelChrome.fitted(text, width: label.maxX - x, on: canvas), x: x,
                middle: label.midY)
            guard runner.note == nil, next < frames.runs.count else {
                SweepGridDrawing.drawNote(
                    runner.note, in: plotCell, style: style, palette: palette, on: canvas)
                continue
            }
            panels.append(
                try SweepGridDrawing.drawOutput(
                    frames.runs[next], at: snapshots[next], in: plotCell, palette: palette,
                    on: canvas))
            next += 1
        }
        return panels
    }

    /// The small multiples' columns and rows: one row of up to four, else a square-ish grid.
    private func grid(count: Int) -> (columns: Int, rows: Int) {
        let count = max(1, count)
        let columns = count <= 4 ? count : Int(Double(count).squareRoot().rounded(.up))
        return (columns, (count + columns - 1) / columns)
    }

    /// Every runner's error curve on one axis: faint in full, solid up to the clock, a dot at
    /// each runner's error then, and the clock's line.
    private func drawCurves(in area: Rect, on canvas: Canvas) -> PanelInfo {
        let (scale, _) = SweepErrorsDrawing.axis(
            in: area, series: frames.runs.map(\.errors), log: false, style: style,
            palette: palette, on: canvas)
        let rect = scale.rect
        let colours = RaceRunner.pathColours(frames.runners)
        let x = scale.x(epoch)
        canvas.saved {
            canvas.clip(to: scale.curveClip)
            canvas.setRoundCaps()
            for (run, colour) in zip(frames.runs, colours) {
                scale.stroke(run.errors, colour: colour.withAlpha(0.25), width: 1.2, on: canvas)
                scale.stroke(
                    Array(run.errors.prefix(epoch + 1)), colour: colour, width: 2, on: canvas)
            }
            canvas.setColour(palette.text.withAlpha(0.6))
            canvas.setLineWidth(1)
            canvas.setDash([4, 3])
            canvas.move(to: PixelPoint(x, rect.minY))
            canvas.line(to: PixelPoint(x, rect.maxY))
            canvas.stroke()
            canvas.setDash([])
            for (snapshot, colour) in zip(snapshots, colours) {
                let p = PixelPoint(x, scale.y(snapshot.error))
                canvas.setColour(Colour(hex: 0xFF_FF_FF))
                canvas.circle(centre: p, radius: max(3, 4 * style.scale) + 1.5)
                canvas.fill()
                canvas.setColour(colour)
                canvas.circle(centre: p, radius: max(3, 4 * style.scale))
                canvas.fill()
            }
        }
        PanelChrome.frame(rect, palette: palette, on: canvas)
        return PanelInfo(
            kind: .error, layer: nil, unit: nil, rect: rect.array,
            domain: [[0, Double(scale.epochs)], [scale.low, scale.high]])
    }
}
