import Foundation

/// What a figure's header legend explains besides the two classes: declared by the figure's
/// composition (a panel on its own takes its panel's ``Panel/legend``).
struct Legend: Sendable, Equatable {
    /// The key of the boundary drawn: `ŷ = 0.5`, `w·x + b = 0`.
    var boundary: String
    /// A ring marks misclassified points.
    var mistakes = false
    /// Keys for what the scene adds where it has it (test points, the focus point, and the
    /// shadings below); false for a figure that draws none of them.
    var sceneKeys = true
    /// ReLU units' flat shading where they are off.
    var reluOff = false
    /// Hidden units shaded by their vote.
    var vote = false
    /// The focus point's wish drawn magnified: the key states the factor.
    var wish = false
    /// With the wish, the ▲ and ▼ of the change it asks beside the hidden units' titles
    /// (``ChangeMarker``), where the figure has hidden units.
    var changes = false
}

/// The figure's header: run name, epoch, `E(W)` and accuracy on the left; a legend on the right
/// when there is room.
enum Header {
    static func draw(
        _ legend: Legend?, in strip: Rect, scene: Scene, style: Style, on canvas: Canvas
    ) {
        guard !style.textless, strip.isUsable else { return }
        let palette = scene.palette
        let middle = strip.midY
        canvas.setFont(size: style.headerFont, bold: true)
        let name = PanelChrome.fitted(scene.name, width: strip.width * 0.3, on: canvas)
        canvas.setColour(palette.text)
        canvas.text(name, x: strip.minX, middle: middle)
        var x = strip.minX + canvas.width(of: name) + style.headerFont
        let facts =
            [
                "epoch \(scene.epochText) of \(Ticks.grouped(scene.epochs))",
                "E(W) = \(formatError(scene.error))",
                "accuracy \(Ticks.fixed(100 * scene.accuracy, decimals: 1))%",
            ] + (scene.testError.map { ["test E = \(formatError($0))"] } ?? [])
        let gap = style.headerFont * 1.1
        // The legend's keys that must stay (the classes, and the factor the wish is drawn
        // magnified by) keep their room: facts that would crowd them out are left out instead.
        // (Where not even they fit beside the name, the facts keep the room.)
        let reserved = minimumLegendWidth(legend, scene: scene, style: style, on: canvas)
            .flatMap { x + $0 + style.tickFont <= strip.maxX ? $0 : nil }
        canvas.setFont(size: style.headerFont * 0.8)
        for fact in facts {
            let w = canvas.width(of: fact)
            let room = reserved.map { gap + $0 + style.tickFont } ?? 0
            guard x + w + room <= strip.maxX else { break }
            canvas.text(fact, x: x, middle: middle)
            x += w + gap
        }
        self.legend(legend, from: x, in: strip, scene: scene, style: style, on: canvas)
        canvas.setColour(palette.grid)
        canvas.setLineWidth(1)
        canvas.move(to: PixelPoint(strip.minX, strip.maxY - 0.5))
        canvas.line(to: PixelPoint(strip.maxX, strip.maxY - 0.5))
        canvas.stroke()
    }

    /// `0.2345`, or `1.23e-05` for tiny errors.
    static func formatError(_ e: Double) -> String {
        e >= 0.001 || e == 0 ? Ticks.fixed(e, decimals: 4) : String(format: "%.2e", e)
    }

    /// One key of the legend.
    private enum Key {
        case point(label: Int)
        case boundary(String)
        case mistake
        case reluOff
        case test
        case focus(magnification: String?)
        case vote
        /// The ▲ and ▼ of the hidden units' titles and the diagram (``ChangeMarker``).
        case change

        /// The focus point's key when it states the wish's factor: kept in any legend.
        var isMustKeep: Bool {
            if case .focus(let k) = self { return k != nil }
            return false
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
            }
        }
    }

    /// The keys a figure needs, most important first.
    private static func keys(_ legend: Legend?, scene: Scene) -> [Key] {
        guard let legend else { return [] }
        var keys: [Key] = [.point(label: 1), .point(label: 0), .boundary(legend.boundary)]
        if legend.mistakes { keys.append(.mistake) }
        guard legend.sceneKeys else { return keys }
        if !scene.testPoints.isEmpty { keys.insert(.test, at: 2) }
        if scene.net.activation == .relu && scene.net.hiddenLayers > 0 && legend.reluOff {
            keys.append(.reluOff)
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

    /// The width of the keys the legend keeps however little room there is (both classes and the
    /// wish's factor), or nil when it states no factor (then the facts come first, as before).
    private static func minimumLegendWidth(
        _ legend: Legend?, scene: Scene, style: Style, on canvas: Canvas
    ) -> Double? {
        let all = keys(legend, scene: scene)
        guard all.contains(where: \.isMustKeep) else { return nil }
        let keys = all.enumerated().filter { $0.offset < 2 || $0.element.isMustKeep }
        let font = style.tickFont
        canvas.setFont(size: font)
        return keys.map { font * 2 + canvas.width(of: $0.element.text) }.reduce(0, +)
            + font * 1.2 * Double(keys.count - 1)
    }

    /// Right-aligned keys for markers and lines after `start`: as many as fit, most important
    /// first (at least both classes, or none).
    private static func legend(
        _ legend: Legend?, from start: Double, in strip: Rect, scene: Scene, style: Style,
        on canvas: Canvas
    ) {
        let font = style.tickFont
        canvas.setFont(size: font)
        let swatch = font * 1.6
        let spacing = font * 1.2
        var keys = keys(legend, scene: scene)
        func width(_ key: Key) -> Double { swatch + font * 0.4 + canvas.width(of: key.text) }
        func total() -> Double {
            keys.map(width).reduce(0, +) + spacing * Double(max(0, keys.count - 1))
        }
        // Drop the least important first, but never the wish's factor: arrows drawn scaled
        // with no statement of the scale would mislead.
        while strip.maxX - total() < start + font,
            let k = keys.indices.dropFirst(2).last(where: { !keys[$0].isMustKeep })
        {
            keys.remove(at: k)
        }
        guard keys.count >= 2, strip.maxX - total() >= start + font else { return }
        var x = strip.maxX - total()
        for key in keys {
            draw(
                key, at: PixelPoint(x + swatch / 2, strip.midY), swatch: swatch, scene: scene,
                style: style, on: canvas)
            canvas.setFont(size: font)
            canvas.setColour(scene.palette.mutedText)
            canvas.text(key.text, x: x + swatch + font * 0.4, middle: strip.midY)
            x += width(key) + spacing
        }
    }

    /// A key's symbol centred on `c`.
    private static func draw(
        _ key: Key, at c: PixelPoint, swatch: Double, scene: Scene, style: Style, on canvas: Canvas
    ) {
        let palette = scene.palette
        let r = max(3, style.tickFont * 0.38)
        switch key {
        case .point(let label):
            dot(c, label: label, r: r, scene: scene, on: canvas)
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
            dot(c, label: 1, r: r, scene: scene, on: canvas)
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
        case .reluOff:
            canvas.fill(
                Rect(x: c.x - swatch / 2, y: c.y - r, width: swatch, height: 2 * r),
                palette.shadeOff)
        }
    }

    private static func dot(_ c: PixelPoint, label: Int, r: Double, scene: Scene, on canvas: Canvas)
    {
        let shape = scene.palette.shape(label: label)
        canvas.setColour(scene.palette.markerOutline)
        Markers.shape(shape, at: c, radius: r + 1, on: canvas)
        canvas.fill()
        canvas.setColour(scene.palette.fill(label: label))
        Markers.shape(shape, at: c, radius: r, on: canvas)
        canvas.fill()
    }
}
