import Backprop

/// The focus point's wish on a plane panel: its ring, and for a line `w·x + b = 0` the ghost
/// line `W′` where the wish (magnified) would put it, dashed, with an arrow from the line to the
/// ghost at the point's foot, toward or away from the point.
enum WishOverlay {
    /// Marks the focus point; returns its description for the manifest.
    static func mark(
        _ focus: FocusPoint, viewport: Viewport, radius r: Double, scene: Scene,
        on canvas: Canvas
    ) -> FocusInfo {
        let pixel = viewport.pixel(focus.point)
        canvas.saved {
            canvas.clip(to: viewport.rect)
            if focus.index == nil {
                // A visitor is none of the data's markers: its own, in its class's colour.
                let shape = scene.palette.shape(label: focus.label)
                canvas.setColour(scene.palette.markerOutline)
                Markers.shape(shape, at: pixel, radius: r + Markers.outline(r), on: canvas)
                canvas.fill()
                canvas.setColour(scene.palette.fill(label: focus.label))
                Markers.shape(shape, at: pixel, radius: r, on: canvas)
                canvas.fill()
            }
            FocusMarker.draw(at: pixel, radius: r * 2.1 + 2, scene: scene, on: canvas)
        }
        return focus.info(pixel: pixel)
    }

    /// Draws `ghost` dashed and the arrow from `line` to it; sets the panel's `wish` and `ghost`.
    static func draw(
        line: ImplicitLine, ghost: ImplicitLine, focus: FocusPoint, viewport: Viewport,
        style: Style, scene: Scene, into info: inout PanelInfo, on canvas: Canvas
    ) {
        let k = focus.magnification
        info.wish = [(ghost.w1 - line.w1) / k, (ghost.w2 - line.w2) / k, (ghost.b - line.b) / k]
        info.ghost = [ghost.w1, ghost.w2, ghost.b]
        let dash = [max(3, 5 * style.scale), max(2, 4 * style.scale)]
        PlanePanel.draw(
            ghost, viewport: viewport, colour: scene.palette.boundary,
            width: max(1, style.boundaryWidth * 0.6), dash: dash, on: canvas)
        guard let q = line.foot(of: focus.point), let q2 = ghost.foot(of: q) else { return }
        let a = viewport.pixel(q)
        let b = viewport.pixel(q2)
        let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
        guard length >= 4, length.isFinite else { return }
        canvas.saved {
            canvas.clip(to: viewport.rect)
            PanelChrome.arrow(
                from: a, direction: PixelPoint((b.x - a.x) / length, (b.y - a.y) / length),
                length: length, width: max(1.5, style.boundaryWidth * 0.7),
                colour: scene.palette.mistake, halo: scene.palette.markerOutline,
                glyph: style.glyphFloor, on: canvas)
        }
    }
}

extension ImplicitLine {
    /// The point of the line nearest `p`.
    func foot(of p: Point) -> Point? {
        let norm = w1 * w1 + w2 * w2
        guard norm > 0 else { return nil }
        let f = (value(p.x1, p.x2)) / norm
        return Point(p.x1 - f * w1, p.x2 - f * w2)
    }
}
