/// One key of a figure's legend: its symbol and its words.
enum LegendKey {
    case point(label: Int)
    case boundary(String)
    case mistake
    case reluOff
    case test
    case focus(magnification: String?)
    case vote
    /// The ▲ and ▼ of the hidden units' titles and the diagram (``ChangeMarker``).
    case change
    /// The arrowhead on a plot's border that points to a line off the view (``OffView``).
    case offView

    /// Keys kept in any legend: the wish's factor, and the vote that explains the shading.
    ///
    /// The focus point's key when it states the factor the wish is drawn magnified by, and the
    /// vote's: arrows drawn scaled, or a shading, with no statement of the scale would mislead.
    var isMustKeep: Bool {
        switch self {
        case .focus(let k): return k != nil
        case .vote: return true
        default: return false
        }
    }

    var text: String {
        switch self {
        case .point(let label): return "label \(label)"
        case .boundary(let text): return text
        case .mistake: return "misclassified"
        case .reluOff: return "unit off (ReLU = 0)"
        case .test: return "test point"
        case .focus(let k):
            return k.map { "focus point, wish × " + $0 } ?? "focus point"
        case .vote: return "unit shade: its vote, side × sign(v)"
        case .change: return "Δ > 0 · ▼ Δ < 0, the change asked"
        case .offView: return "line off the view, this way"
        }
    }

    /// The words in short, for a legend without room for ``text``.
    var shortText: String {
        switch self {
        case .focus(let k): return k.map { "wish × " + $0 } ?? "focus"
        case .vote: return "vote shade"
        case .change: return "Δ > 0 · ▼ Δ < 0"
        case .offView: return "line off view"
        case .reluOff: return "ReLU off"
        default: return text
        }
    }

    /// The keys a figure needs, most important first.
    static func keys(_ legend: Legend?, scene: Scene, offView: Bool) -> [LegendKey] {
        guard let legend else { return [] }
        var keys: [LegendKey] = [.point(label: 1), .point(label: 0), .boundary(legend.boundary)]
        if legend.mistakes { keys.append(.mistake) }
        guard legend.sceneKeys else { return keys }
        if !scene.testPoints.isEmpty { keys.insert(.test, at: 2) }
        if scene.net.activation == .relu && scene.net.hiddenLayers > 0 && legend.reluOff {
            keys.append(.reluOff)
        }
        if legend.offView && offView {
            keys.insert(.offView, at: min(3, keys.count))
        }
        if scene.options.hiddenShading == .vote, !scene.hidden.isEmpty, legend.vote {
            keys.insert(.vote, at: min(2, keys.count))
        }
        if let focus = scene.derived.focus {
            let drawsWish = legend.wish && scene.options.wish != WishSource.none
            if drawsWish && legend.changes && !scene.hidden.isEmpty {
                keys.insert(.change, at: min(2, keys.count))
            }
            keys.insert(
                .focus(magnification: drawsWish ? focus.magnificationText : nil),
                at: min(2, keys.count))
        }
        return keys
    }

    /// A key's symbol centred on `c`.
    func draw(at c: PixelPoint, swatch: Double, scene: Scene, style: Style, on canvas: Canvas) {
        let palette = scene.palette
        let r = max(3, style.tickFont * 0.38)
        switch self {
        case .point(let label):
            LegendKey.dot(c, label: label, r: r, scene: scene, on: canvas)
        case .boundary:
            canvas.setColour(palette.boundary)
            canvas.setLineWidth(style.boundaryWidth)
            canvas.move(to: PixelPoint(c.x - swatch / 2, c.y))
            canvas.line(to: PixelPoint(c.x + swatch / 2, c.y))
            canvas.stroke()
        case .mistake:
            canvas.setColour(palette.mistake)
            canvas.setLineWidth(max(1, r * 0.4))
            canvas.circle(centre: c, radius: r + 2.5)
            canvas.stroke()
            LegendKey.dot(c, label: 1, r: r, scene: scene, on: canvas)
        case .test:
            Markers.hollow(label: 1, at: c, radius: r + 1, palette: palette, on: canvas)
        case .focus:
            FocusMarker.draw(at: c, radius: r + 2.5, scene: scene, on: canvas)
        case .vote:
            // Both ends of a vote: for label 1 and against it.
            let half = Rect(x: c.x - swatch / 2, y: c.y - r, width: swatch / 2, height: 2 * r)
            canvas.fill(half, palette.shade(0.85))
            canvas.fill(
                Rect(x: c.x, y: c.y - r, width: swatch / 2, height: 2 * r), palette.shade(0.15))
        case .change:
            // ▲ drawn as the diagram draws it; the text goes on with "Δ > 0 · ▼ Δ < 0".
            canvas.setColour(palette.boundary)
            canvas.move(to: PixelPoint(c.x + swatch / 2 - r * 1.6, c.y - r))
            canvas.line(to: PixelPoint(c.x + swatch / 2, c.y + r * 0.9))
            canvas.line(to: PixelPoint(c.x + swatch / 2 - r * 3.2, c.y + r * 0.9))
            canvas.closePath()
            canvas.fill()
        case .offView:
            // The marker as a plot draws it, pointing right to its border.
            let size = min(swatch, style.glyphFloor)
            let tip = PixelPoint(c.x + size / 2, c.y)
            canvas.setColour(palette.boundary)
            canvas.move(to: tip)
            canvas.line(to: PixelPoint(tip.x - size, c.y - size * 0.55))
            canvas.line(to: PixelPoint(tip.x - size, c.y + size * 0.55))
            canvas.closePath()
            canvas.fill()
        case .reluOff:
            canvas.fill(
                Rect(x: c.x - swatch / 2, y: c.y - r, width: swatch, height: 2 * r),
                palette.shadeOff)
        }
    }

    private static func dot(
        _ c: PixelPoint, label: Int, r: Double, scene: Scene, on canvas: Canvas
    ) {
        let shape = scene.palette.shape(label: label)
        canvas.setColour(scene.palette.markerOutline)
        Markers.shape(shape, at: c, radius: r + 1, on: canvas)
        canvas.fill()
        canvas.setColour(scene.palette.fill(label: label))
        Markers.shape(shape, at: c, radius: r, on: canvas)
        canvas.fill()
    }
}
