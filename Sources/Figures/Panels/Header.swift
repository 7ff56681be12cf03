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
    /// The figure's plots mark a line off their view (``OffView``) where there is one.
    var offView = false
}

/// The figure's header: run name, epoch, `E(W)` and accuracy on the left; the legend on the
/// right, or on a line of its own under them when it does not fit beside them.
///
/// The legend never vanishes: it drops its least important keys for room, but always keeps
/// both classes and what states a drawn scale (``LegendKey/isMustKeep``), shortening their
/// words before leaving any out.
enum Header {
    /// Draws the header in `strip`; `offView` says whether a plot marks a line off its view.
    static func draw(
        _ legend: Legend?, in strip: Rect, offView: Bool, scene: Scene, style: Style,
        on canvas: Canvas
    ) {
        guard !style.textless, strip.isUsable else { return }
        let palette = scene.palette
        let keys = LegendKey.keys(legend, scene: scene, offView: offView)
        // Beside the facts when the legend's essentials fit there, else on a line of its own.
        let essentials = width(of: essential(keys), short: false, style: style, on: canvas)
        let facts =
            [
                "epoch \(scene.epochText) of \(Ticks.grouped(scene.epochs))",
                "E(W) = \(formatError(scene.error))",
                "accuracy \(Ticks.fixed(100 * scene.accuracy, decimals: 1))%",
            ] + (scene.testError.map { ["test E = \(formatError($0))"] } ?? [])
        let gap = style.headerFont * 1.1
        canvas.setFont(size: style.headerFont * 0.8)
        let factsWidth = facts.map { canvas.width(of: $0) + gap }.reduce(0, +)
        canvas.setFont(size: style.headerFont, bold: true)
        let name = PanelChrome.fitted(scene.name, width: strip.width * 0.3, on: canvas)
        let nameEnd = strip.minX + canvas.width(of: name) + style.headerFont
        // A line of its own where the strip holds two lines and the facts leave no room.
        let twoLines = strip.height >= style.headerFont + style.tickFont * 1.5
        let ownLine =
            twoLines && !keys.isEmpty
            && nameEnd + factsWidth + essentials + style.tickFont > strip.maxX
        let middle = ownLine ? strip.minY + style.headerFont * 0.45 : strip.midY
        canvas.setColour(palette.text)
        canvas.text(name, x: strip.minX, middle: middle)
        var x = nameEnd
        // Beside the legend, facts that would crowd out its essentials are left out.
        let reserved = ownLine || keys.isEmpty ? 0 : gap + essentials + style.tickFont
        canvas.setFont(size: style.headerFont * 0.8)
        for fact in facts {
            let w = canvas.width(of: fact)
            guard x + w + reserved <= strip.maxX else { break }
            canvas.text(fact, x: x, middle: middle)
            x += w + gap
        }
        let line =
            ownLine
            ? Rect(
                x: strip.minX, y: strip.maxY - style.tickFont * 1.4, width: strip.width,
                height: style.tickFont * 1.4 - 1)
            : Rect(x: x, y: strip.minY, width: strip.maxX - x, height: strip.height)
        draw(keys, in: line, scene: scene, style: style, on: canvas)
        canvas.setColour(palette.grid)
        canvas.setLineWidth(1)
        canvas.move(to: PixelPoint(strip.minX, strip.maxY - 0.5))
        canvas.line(to: PixelPoint(strip.maxX, strip.maxY - 0.5))
        canvas.stroke()
    }

    /// The legend alone in `strip`: for a print panel without its header, so that it keeps
    /// the only statement of its marks and scales.
    static func legendStrip(
        _ legend: Legend?, in strip: Rect, offView: Bool, scene: Scene, style: Style,
        on canvas: Canvas
    ) {
        guard !style.textless, strip.isUsable else { return }
        let keys = LegendKey.keys(legend, scene: scene, offView: offView)
        draw(keys, in: strip, scene: scene, style: style, on: canvas)
    }

    /// The height of a legend strip of its own.
    static func stripHeight(_ style: Style) -> Double {
        style.textless ? 0 : (style.tickFont * 2).rounded(.up)
    }

    /// `0.2345`, or `1.23e-05` for tiny errors.
    static func formatError(_ e: Double) -> String {
        e >= 0.001 || e == 0 ? Ticks.fixed(e, decimals: 4) : String(format: "%.2e", e)
    }

    /// Both classes and the keys that state a drawn scale.
    private static func essential(_ keys: [LegendKey]) -> [LegendKey] {
        keys.enumerated().filter { $0.offset < 2 || $0.element.isMustKeep }.map(\.element)
    }

    /// The width `keys` take in a row, in full or short words.
    private static func width(
        of keys: [LegendKey], short: Bool, style: Style, on canvas: Canvas
    ) -> Double {
        let font = style.tickFont
        canvas.setFont(size: font)
        return keys.map { font * 2 + canvas.width(of: short ? $0.shortText : $0.text) }
            .reduce(0, +) + spacing(short, style) * Double(max(0, keys.count - 1))
    }

    /// The space between two keys: less between short ones.
    private static func spacing(_ short: Bool, _ style: Style) -> Double {
        style.tickFont * (short ? 0.8 : 1.2)
    }

    /// Right-aligned keys in `row`: as many as fit, most important first; the essentials in
    /// short words if even they do not fit in full (and cut only if not even those fit).
    private static func draw(
        _ all: [LegendKey], in row: Rect, scene: Scene, style: Style, on canvas: Canvas
    ) {
        guard !all.isEmpty else { return }
        let font = style.tickFont
        let swatch = font * 1.6
        var keys = all
        var short = false
        func words(_ key: LegendKey) -> String { short ? key.shortText : key.text }
        func total() -> Double { width(of: keys, short: short, style: style, on: canvas) }
        while row.width - total() < font,
            let k = keys.indices.dropFirst(2).last(where: { !keys[$0].isMustKeep })
        {
            keys.remove(at: k)
        }
        if row.width - total() < font { short = true }
        canvas.setFont(size: font)
        var x = max(row.minX, row.maxX - total())
        for key in keys {
            // (A hair more than the row, for the rounding of the sums that right-align it.)
            let room = row.maxX - x - swatch - font * 0.4 + 0.01
            guard room > font else { break }
            key.draw(
                at: PixelPoint(x + swatch / 2, row.midY), swatch: swatch, scene: scene,
                style: style, on: canvas)
            canvas.setFont(size: font)
            canvas.setColour(scene.palette.mutedText)
            let text = PanelChrome.fitted(words(key), width: room, on: canvas)
            canvas.text(text, x: x + swatch + font * 0.4, middle: row.midY)
            x += swatch + font * 0.4 + canvas.width(of: text) + spacing(short, style)
        }
    }
}
