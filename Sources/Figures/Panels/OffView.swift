import Backprop

/// A hidden unit whose line (`w·x + b = 0`, or a deeper unit's curve `z = 0`) lies outside its
/// panel's view: where it is, for the manifest.
public struct OffViewInfo: Sendable, Equatable, Codable {
    /// The marker's tip on the plot's border, in pixels from the figure's top-left corner.
    public var marker: [Double]
    /// The way the marker points, a unit vector in pixels (x right, y down): from the view's
    /// centre toward ``point``, along the line's normal for a first-layer unit.
    public var direction: [Double]
    /// The point of the line nearest the view's centre `[x1, x2]`; for a deeper unit, a point
    /// of its curve found on the way from the centre to the nearest place (on a grid of the
    /// plane around the view) where `z` has the other sign.
    public var point: [Double]
}

/// Finds and draws the edge marker of a line that has left its panel's view.
enum OffView {
    /// The words the panel's title gives an off-view unit, from longest to shortest.
    static let notes = ["off the view", "off view"]

    /// A first-layer unit's line, or nil when it crosses the view (or is no line at all).
    static func locate(_ line: ImplicitLine, viewport: Viewport) -> OffViewInfo? {
        guard line.isLine, line.clipped(to: viewport.domain) == nil else { return nil }
        let d = viewport.domain
        let c = Point(
            (d.x1.lowerBound + d.x1.upperBound) / 2, (d.x2.lowerBound + d.x2.upperBound) / 2)
        // The foot of the perpendicular from the centre: c − v·w / |w|².
        let v = line.value(c.x1, c.x2)
        let n2 = line.w1 * line.w1 + line.w2 * line.w2
        let foot = Point(c.x1 - v * line.w1 / n2, c.x2 - v * line.w2 / n2)
        return info(toward: foot, viewport: viewport)
    }

    /// A deeper unit's curve `z = 0` of `target`, given `z` sampled over the view: nil when the
    /// samples change sign (the curve is in the view) or when no sign change is found within
    /// 32 times the view's size around it.
    static func locate(
        _ target: ModelValue, field: SampledField, model: ModelEvaluator,
        viewport: Viewport
    ) -> OffViewInfo? {
        guard let sign = field.sign else { return nil }
        let d = viewport.domain
        let c = Point(
            (d.x1.lowerBound + d.x1.upperBound) / 2, (d.x2.lowerBound + d.x2.upperBound) / 2)
        let (spanX, spanY) = (d.x1.upperBound - d.x1.lowerBound, d.x2.upperBound - d.x2.lowerBound)
        func z(_ p: Point) -> Double { model.preactivation(target, p.x1, p.x2) }
        // Distances measured in views (a view is 1 × 1), so "nearest" means nearest on screen.
        func distance(_ p: Point) -> Double {
            let (dx, dy) = ((p.x1 - c.x1) / spanX, (p.x2 - c.x2) / spanY)
            return (dx * dx + dy * dy).squareRoot()
        }
        let steps = 40
        for factor in [2.0, 4, 8, 16, 32] {
            var best: (point: Point, distance: Double)?
            for i in 0...steps {
                for j in 0...steps {
                    let p = Point(
                        c.x1 + spanX * factor * (Double(i) / Double(steps) - 0.5),
                        c.x2 + spanY * factor * (Double(j) / Double(steps) - 0.5))
                    let value = z(p)
                    guard value.isFinite, value * sign <= 0 else { continue }
                    let r = distance(p)
                    if r < (best?.distance ?? .infinity) { best = (p, r) }
                }
            }
            guard let far = best?.point else { continue }
            // Bisect the segment from the centre to it for a point of the curve itself.
            var (inside, outside) = (c, far)
            for _ in 0..<48 {
                let mid = Point((inside.x1 + outside.x1) / 2, (inside.x2 + outside.x2) / 2)
                if z(mid) * sign > 0 { inside = mid } else { outside = mid }
            }
            return info(toward: outside, viewport: viewport)
        }
        return nil
    }

    /// The marker where the ray from the view's centre toward `point` leaves the plot.
    private static func info(toward point: Point, viewport: Viewport) -> OffViewInfo? {
        let r = viewport.rect
        let centre = PixelPoint(r.midX, r.midY)
        let target = viewport.pixel(point)
        let (dx, dy) = (target.x - centre.x, target.y - centre.y)
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0, length.isFinite else { return nil }
        let (ux, uy) = (dx / length, dy / length)
        // The ray leaves through the side it reaches first.
        let tx = ux == 0 ? Double.infinity : (r.width / 2) / abs(ux)
        let ty = uy == 0 ? Double.infinity : (r.height / 2) / abs(uy)
        let t = min(tx, ty)
        return OffViewInfo(
            marker: [centre.x + ux * t, centre.y + uy * t], direction: [ux, uy],
            point: [point.x1, point.x2])
    }

    /// An arrowhead inside the plot with its tip on the border, pointing out toward the line: as
    /// small as a glyph may be (``Style/glyphFloor``, about the text's size), so that it keeps
    /// to the plot's edge and off the data, and the header's legend explains it.
    static func draw(
        _ info: OffViewInfo, viewport: Viewport, style: Style, scene: Scene,
        on canvas: Canvas
    ) {
        guard info.marker.count == 2, info.direction.count == 2 else { return }
        let side = min(viewport.rect.width, viewport.rect.height)
        let size = max(style.glyphFloor, min(side * 0.08, style.tickFont))
        let (ux, uy) = (info.direction[0], info.direction[1])
        let tip = PixelPoint(info.marker[0] - ux * 1.5, info.marker[1] - uy * 1.5)
        let back = PixelPoint(tip.x - ux * size, tip.y - uy * size)
        let (nx, ny) = (-uy * size * 0.55, ux * size * 0.55)
        canvas.saved {
            canvas.clip(to: viewport.rect)
            canvas.setDash([])
            canvas.move(to: tip)
            canvas.line(to: PixelPoint(back.x + nx, back.y + ny))
            canvas.line(to: PixelPoint(back.x - nx, back.y - ny))
            canvas.closePath()
            canvas.setColour(scene.palette.markerOutline)
            canvas.setLineWidth(2.5)
            canvas.stroke()
            canvas.move(to: tip)
            canvas.line(to: PixelPoint(back.x + nx, back.y + ny))
            canvas.line(to: PixelPoint(back.x - nx, back.y - ny))
            canvas.closePath()
            canvas.setColour(scene.palette.boundary)
            canvas.fill()
            let xs = [tip.x, back.x + nx, back.x - nx]
            let ys = [tip.y, back.y + ny, back.y - ny]
            let (x0, y0) = (xs.min() ?? 0, ys.min() ?? 0)
            canvas.glyph(
                "off view",
                box: Rect(x: x0, y: y0, width: (xs.max() ?? 0) - x0, height: (ys.max() ?? 0) - y0),
                size: size)
        }
    }

    /// The title's note for an off-view unit: the words, with `other` (how much the output
    /// listens to the unit) after them when both fit beside the shortest of `titles`.
    static func note(
        with other: String?, titles: [String], width: Double, style: Style, on canvas: Canvas
    ) -> String {
        canvas.setFont(size: style.titleFont, bold: true)
        let title = titles.map { canvas.width(of: $0) }.min() ?? 0
        canvas.setFont(size: style.tickFont)
        let candidates = (other.map { ["\(notes[0]) · \($0)"] } ?? []) + notes
        return candidates.first { title + style.titleFont + canvas.width(of: $0) <= width }
            ?? notes[notes.count - 1]
    }
}
