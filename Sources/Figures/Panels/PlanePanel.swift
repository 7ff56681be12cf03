import Backprop
import Foundation

/// Drawing shared by the panels that show the plane: shading, lines, curves, axes.
enum PlanePanel {
    /// Paints the shade of `target` over the viewport, one image pixel per figure pixel.
    static func shade(
        _ target: ModelValue, scene: Scene, viewport: Viewport, reluScale: Double,
        on canvas: Canvas
    ) throws {
        try canvas.draw(
            FieldShading(
                target: target, model: scene.net, viewport: viewport, palette: scene.palette,
                mapping: scene.mapping(target, reluScale: reluScale)))
    }

    /// Draws the part of `line` inside the view.
    static func draw(
        _ line: ImplicitLine, viewport: Viewport, colour: Colour, width: Double,
        dash: [Double] = [],
        on canvas: Canvas
    ) {
        guard let (p, q) = line.clipped(to: viewport.domain) else { return }
        canvas.saved {
            canvas.clip(to: viewport.rect)
            canvas.setColour(colour)
            canvas.setLineWidth(width)
            canvas.setDash(dash)
            canvas.move(to: viewport.pixel(p))
            canvas.line(to: viewport.pixel(q))
            canvas.stroke()
        }
    }

    /// Draws a short arrow from the middle of the visible part of `line`, along its normal
    /// `(w1, w2)`: toward the side where `w·x + b > 0`, the blue side.
    static func normalArrow(
        _ line: ImplicitLine, viewport: Viewport, style: Style, scene: Scene, on canvas: Canvas
    ) {
        guard let (p, q) = line.clipped(to: viewport.domain) else { return }
        let a = viewport.pixel(p)
        let b = viewport.pixel(q)
        // The gradient of w·x + b in pixel coordinates (y down) is normal to the drawn line.
        let gx = line.w1 * viewport.dataPerPixelX
        let gy = -line.w2 * viewport.dataPerPixelY
        let norm = (gx * gx + gy * gy).squareRoot()
        guard norm > 0, norm.isFinite else { return }
        let side = min(viewport.rect.width, viewport.rect.height)
        let shaft = max(1.5, style.boundaryWidth * 0.8)
        let length = max(4 * shaft + 6, side * 0.14)
        canvas.saved {
            canvas.clip(to: viewport.rect)
            PanelChrome.arrow(
                from: PixelPoint((a.x + b.x) / 2, (a.y + b.y) / 2),
                direction: PixelPoint(gx / norm, gy / norm), length: length, width: shaft,
                colour: scene.palette.boundary, halo: scene.palette.markerOutline,
                glyph: style.glyphFloor, on: canvas)
        }
    }

    /// Samples `z` of `target` exactly on a grid over the viewport (about every 3 pixels).
    static func sample(_ target: ModelValue, scene: Scene, viewport: Viewport) -> SampledField {
        sample(target, model: scene.net, viewport: viewport)
    }

    /// How a grid of `z` is sampled.
    enum Sampling {
        /// Backprop's exact values, ``ModelEvaluator``: for values read from the grid itself.
        case exact
        /// ``FastRow``'s single-precision values (within 1e-3 of the exact ones): for grids that
        /// only locate a level curve, whose crossings are then refined against exact values.
        case locating
    }

    /// Samples `z` of `target` of `model` on the grid, `coarser` times as far apart (for the
    /// dashed guides of wishes and steps; crossings are still refined against exact values).
    static func sample(
        _ target: ModelValue, model: ModelEvaluator, viewport: Viewport, coarser: Double = 1,
        sampling: Sampling = .exact
    ) -> SampledField {
        let r = viewport.rect
        let step = max(2, min(4, max(r.width, r.height) / 160)) * coarser
        let columns = Int((r.width / step).rounded(.up)) + 1
        let rows = Int((r.height / step).rounded(.up)) + 1
        var values = [Double](repeating: 0, count: columns * rows)
        let x1 = viewport.domain.x1.lowerBound
        let dx = step * viewport.dataPerPixelX
        func x2(_ j: Int) -> Double {
            viewport.domain.x2.upperBound - Double(j) * step * viewport.dataPerPixelY
        }
        values.withUnsafeMutableBufferPointer { values in
            switch sampling {
            case .exact:
                for j in 0..<rows {
                    model.preactivations(
                        target, x1: x1, dx: dx, x2: x2(j),
                        into: UnsafeMutableBufferPointer(
                            rebasing: values[(j * columns)..<((j + 1) * columns)]))
                }
            case .locating:
                let row = FastRow(net: model, target: target, width: columns)
                for j in 0..<rows {
                    row.evaluate(x1: x1, dx: dx, x2: x2(j))
                    for i in 0..<columns { values[j * columns + i] = Double(row[i]) }
                }
            }
        }
        return SampledField(
            columns: columns, rows: rows, x0: r.x, y0: r.y, step: step, values: values)
    }

    /// Draws the curve `z = 0` of `target` (where `ŷ = 0.5`, or a unit's activation is at its
    /// midpoint) as smooth paths, refined against exact values.
    static func drawLevelCurve(
        _ target: ModelValue, field: SampledField, scene: Scene, viewport: Viewport,
        colour: Colour, width: Double, on canvas: Canvas
    ) {
        drawLevelCurve(
            target, field: field, model: scene.net, viewport: viewport, colour: colour,
            width: width, on: canvas)
    }

    /// Whether a level curve's crossings are refined together, four to a vector of the exact pass.
    ///
    /// The values are those of one point at a time (SeamTests checks it), and the frames the same
    /// bytes; the peer job's 50 frames spent 25 ms of CPU in the level curves one at a time, 12 ms
    /// together. `ERROREST_PLAIN_CROSSINGS=1` refines them one at a time.
    static let refinesTogether =
        ProcessInfo.processInfo.environment["ERROREST_PLAIN_CROSSINGS"] != "1"

    /// Draws the curve `z = 0` of `target` of `model`, dashed by `dash` if given.
    static func drawLevelCurve(
        _ target: ModelValue, field: SampledField, model: ModelEvaluator, viewport: Viewport,
        colour: Colour, width: Double, dash: [Double] = [], on canvas: Canvas
    ) {
        let lines = MarchingSquares.contours(
            field, level: 0,
            exact: { p in
                let x = viewport.data(p)
                return model.preactivation(target, x.x1, x.x2)
            },
            exactMany: refinesTogether
                ? { model.preactivations(target, at: $0.map(viewport.data)) } : nil)
        let paths = lines.compactMap { SmoothPath(through: $0) }
        canvas.saved {
            canvas.clip(to: viewport.rect)
            canvas.setRoundCaps()
            // The path is smooth, so mitred joins look the same as round ones and cost less; a
            // quarter-pixel flattening tolerance is still far below what the eye sees.
            canvas.setMiterJoins()
            canvas.setTolerance(0.25)
            canvas.setColour(colour)
            canvas.setLineWidth(width)
            if !dash.isEmpty { canvas.setDash(dash) }
            for path in paths { path.append(to: canvas) }
            canvas.stroke()
        }
    }

    /// The plot rectangle for a plane panel's cell: below the title, leaving `axes` room for
    /// tick labels, at the domain's aspect, on whole pixels.
    static func plotRect(
        cell: Rect, aspect: Double, style: Style, axes: Bool, caption: Double = 0
    ) -> Rect {
        var area = cell.inset(top: style.titleHeight, left: 0, bottom: caption, right: 0)
        if axes {
            area = area.inset(
                top: 0, left: style.tickFont * 3.6, bottom: style.tickFont * 2.6, right: 0)
        }
        let fitted = area.fitting(aspect: aspect)
        // Centre under the title, horizontally, but keep the plot at the top of the cell.
        let shifted = Rect(x: fitted.x, y: area.y, width: fitted.width, height: fitted.height)
        return shifted.integral
    }

    /// Tick marks and labels on the bottom (x1) and left (x2) of a plot.
    static func axes(viewport: Viewport, scene: Scene, style: Style, on canvas: Canvas) {
        guard !style.textless else { return }
        let r = viewport.rect
        let d = viewport.domain
        let target = max(2, Int(min(r.width, r.height) / (style.tickFont * 6)))
        canvas.setFont(size: style.tickFont)
        canvas.setLineWidth(1)
        let tick = style.tickFont * 0.45
        let xs = Ticks.linear(d.x1.lowerBound, d.x1.upperBound, target: target)
        let ys = Ticks.linear(d.x2.lowerBound, d.x2.upperBound, target: target)
        let xStep = xs.count > 1 ? xs[1] - xs[0] : 1
        let yStep = ys.count > 1 ? ys[1] - ys[0] : 1
        canvas.setColour(scene.palette.frame)
        for x in xs {
            let px = viewport.pixel(x, d.x2.lowerBound).x.rounded() + 0.5
            canvas.move(to: PixelPoint(px, r.maxY))
            canvas.line(to: PixelPoint(px, r.maxY + tick))
        }
        for y in ys {
            let py = viewport.pixel(d.x1.lowerBound, y).y.rounded() + 0.5
            canvas.move(to: PixelPoint(r.minX, py))
            canvas.line(to: PixelPoint(r.minX - tick, py))
        }
        canvas.stroke()
        canvas.setColour(scene.palette.mutedText)
        let m = canvas.fontMetrics
        for x in xs {
            let px = viewport.pixel(x, d.x2.lowerBound).x
            canvas.text(
                Ticks.label(x, step: xStep), x: px, baseline: r.maxY + tick + m.ascent + 1,
                align: .centre)
        }
        for y in ys {
            let py = viewport.pixel(d.x1.lowerBound, y).y
            canvas.text(
                Ticks.label(y, step: yStep), x: r.minX - tick - 2, middle: py, align: .right)
        }
        canvas.setColour(scene.palette.text)
        canvas.text(
            "x₁", x: r.maxX, baseline: r.maxY + tick + m.ascent + 1 + m.ascent + m.descent,
            align: .right)
        // Above the top tick label, level with the panel title, left of the plot.
        canvas.text("x₂", x: r.minX - tick - 2, baseline: r.minY - m.ascent / 2 - 2, align: .right)
    }
}
