import Backprop
import Foundation

/// One hidden unit: its activation shaded; for the first layer the line `w·x + b = 0` with a
/// normal arrow toward the blue side; for deeper layers the curve where `z = 0`.
enum HiddenPanel: Panel {
    /// Every hidden unit placed, with one title form for all; then the notes for units that
    /// could not be shown, or for a perceptron's empty `hidden` figure.
    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        let (scene, style, canvas) = (figure.scene, figure.style, figure.canvas)
        let variant = titleVariant(for: places, scene: scene, style: style, on: canvas)
        let panels = try places.map { place in
            try draw(
                layer: place.layer, unit: place.unit, cell: place.cell, titleVariant: variant,
                scene: scene, style: style, on: canvas)
        }
        if figure.kind == .hidden && scene.hidden.isEmpty {
            NoHidden.draw(in: figure.layout.body, scene: scene, style: style, on: canvas)
        }
        if let cell = figure.layout.omittedNote {
            NoHidden.omitted(
                figure.layout.hiddenOmitted, in: cell, scene: scene, style: style, on: canvas)
        }
        return panels
    }

    static func markerRadius(cell: Rect, aspect: Double, count: Int, style: Style) -> Double? {
        markerRadius(plotRect(cell: cell, aspect: aspect, style: style), count: count, style: style)
    }

    static func draw(
        layer: Int, unit: Int, cell: Rect, titleVariant: TitleVariant, scene: Scene, style: Style,
        on canvas: Canvas
    ) throws -> PanelInfo {
        let net = scene.net
        let target = ModelValue.unit(layer: layer, unit: unit)
        let rect = plotRect(cell: cell, aspect: scene.aspect, style: style)
        let viewport = Viewport(domain: scene.domain, rect: rect)
        PanelChrome.title(
            [titles(layer: layer, unit: unit, scene: scene)[titleVariant.index]],
            note: titleVariant.notes ? note(layer: layer, unit: unit, scene: scene) : nil,
            in: Rect(x: rect.x, y: cell.y, width: rect.width, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        let info = PanelInfo(
            kind: .hidden, layer: layer + 1, unit: unit + 1, rect: rect.array,
            domain: viewport.domainArray)
        guard rect.isUsable else { return info }

        if layer == 0 {
            let line = net.line(unit: unit)
            let d = scene.domain
            let corners = [
                line.value(d.x1.lowerBound, d.x2.lowerBound),
                line.value(d.x1.upperBound, d.x2.lowerBound),
                line.value(d.x1.lowerBound, d.x2.upperBound),
                line.value(d.x1.upperBound, d.x2.upperBound),
            ]
            try PlanePanel.shade(
                target, scene: scene, viewport: viewport, reluScale: corners.max() ?? 1, on: canvas)
            PlanePanel.draw(
                line, viewport: viewport, colour: scene.palette.boundary,
                width: style.boundaryWidth * 0.85, on: canvas)
        } else {
            let field = PlanePanel.sample(target, scene: scene, viewport: viewport)
            let top = field.values.max() ?? 1
            try PlanePanel.shade(
                target, scene: scene, viewport: viewport,
                reluScale: net.activation == .relu ? top : 1, on: canvas)
            PlanePanel.drawLevelCurve(
                target, field: field, scene: scene, viewport: viewport,
                colour: scene.palette.boundary, width: style.boundaryWidth * 0.85, on: canvas)
        }
        try Markers.draw(
            scene, in: viewport,
            radius: markerRadius(rect, count: scene.points.count, style: style),
            markMistakes: false, on: canvas)
        if layer == 0 {
            PlanePanel.normalArrow(
                net.line(unit: unit), viewport: viewport, style: style, scene: scene, on: canvas)
        }
        if scene.options.equations && layer == 0 {
            equation(net.line(unit: unit), in: rect, scene: scene, style: style, on: canvas)
        }
        PanelChrome.frame(rect, scene: scene, on: canvas)
        try canvas.context.check(during: "drawing hidden unit \(unit + 1) of layer \(layer + 1)")
        return info
    }

    /// Titles from longest to shortest: "Hidden unit 2", "Unit 2", "h2", "2" for a single hidden
    /// layer; "Layer 2 · unit 1", "L2 · unit 1", "L2·1", "2·1" for deeper networks.
    static func titles(layer: Int, unit: Int, scene: Scene) -> [String] {
        if scene.hidden.count == 1 {
            return ["Hidden unit \(unit + 1)", "Unit \(unit + 1)", "h\(unit + 1)", "\(unit + 1)"]
        }
        return [
            "Layer \(layer + 1) · unit \(unit + 1)", "L\(layer + 1) · unit \(unit + 1)",
            "L\(layer + 1)·\(unit + 1)", "\(layer + 1)·\(unit + 1)",
        ]
    }

    /// The plot inside a hidden panel's cell.
    static func plotRect(cell: Rect, aspect: Double, style: Style) -> Rect {
        PlanePanel.plotRect(
            cell: cell, aspect: aspect, style: style, axes: false, caption: style.hiddenCaption)
    }

    /// Hidden panels are small and many: their markers are a little smaller than the output's.
    static func markerRadius(_ rect: Rect, count: Int, style: Style) -> Double {
        style.markerRadius(side: min(rect.width, rect.height), count: count) * 0.8
    }

    /// Which title every hidden panel of a figure uses, so they match.
    struct TitleVariant {
        var index: Int
        var notes: Bool
    }

    /// The longest title variant (with the output-weight notes if possible) that fits every
    /// hidden panel of `slots`.
    static func titleVariant(
        for slots: [PlacedPanel], scene: Scene, style: Style, on canvas: Canvas
    ) -> TitleVariant {
        func fits(_ index: Int, notes: Bool) -> Bool {
            slots.allSatisfy { slot in
                let width = PlanePanel.plotRect(
                    cell: slot.cell, aspect: scene.aspect, style: style, axes: false,
                    caption: style.hiddenCaption
                ).width
                canvas.setFont(size: style.tickFont)
                let note = notes ? note(layer: slot.layer, unit: slot.unit, scene: scene) : nil
                let noteWidth = note.map { canvas.width(of: $0) + style.titleFont } ?? 0
                canvas.setFont(size: style.titleFont, bold: true)
                let title = titles(layer: slot.layer, unit: slot.unit, scene: scene)[index]
                return canvas.width(of: title) + noteWidth <= width
            }
        }
        for notes in [true, false] {
            for index in 0..<4 where fits(index, notes: notes) {
                return TitleVariant(index: index, notes: notes)
            }
        }
        return TitleVariant(index: 3, notes: false)
    }

    /// For the last hidden layer: how much the output listens to this unit.
    static func note(layer: Int, unit: Int, scene: Scene) -> String? {
        guard layer == scene.hidden.count - 1 else { return nil }
        let v = scene.net.weights[scene.net.weights.count - 1][unit]
        return "to ŷ: " + signed(v)
    }

    /// `+1.23` or `−1.23`, with a true minus sign.
    static func signed(_ v: Double, decimals: Int = 2) -> String {
        let text = Ticks.fixed(abs(v), decimals: decimals)
        return (v < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : "+") + text
    }

    /// The line's equation in a box along the bottom of the plot.
    static func equation(
        _ line: ImplicitLine, in rect: Rect, scene: Scene, style: Style, on canvas: Canvas
    ) {
        guard !style.textless, style.hiddenCaption > 0 else { return }
        let strip = Rect(x: rect.x, y: rect.maxY, width: rect.width, height: style.hiddenCaption)
        // Two decimals if they fit, else one; then a smaller font; else nothing.
        for (decimals, size) in [
            (2, style.tickFont), (1, style.tickFont), (1, max(8, style.tickFont * 0.85)),
        ] {
            let text = equationText(line, decimals: decimals)
            canvas.setFont(size: size)
            guard canvas.width(of: text) <= strip.width else { continue }
            canvas.setColour(scene.palette.text)
            canvas.text(text, x: strip.midX, middle: strip.midY, align: .centre)
            return
        }
    }

    /// `−1.52·x₁ − 9.33·x₂ + 4.49 = 0`.
    static func equationText(_ line: ImplicitLine, decimals: Int) -> String {
        func term(_ v: Double) -> String {
            let s = signed(v, decimals: decimals)
            return "\(s.prefix(1)) \(s.dropFirst())"
        }
        let first = signed(line.w1, decimals: decimals)
        return "\(first.hasPrefix("+") ? String(first.dropFirst()) : first)·x₁ \(term(line.w2))·x₂ "
            + "\(term(line.b)) = 0"
    }
}
