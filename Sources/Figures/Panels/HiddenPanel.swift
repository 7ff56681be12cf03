import Backprop
import Foundation

/// One hidden unit: its activation shaded; for the first layer the line `w·x + b = 0` with a
/// normal arrow toward the blue side; for deeper layers the curve where `z = 0`.
enum HiddenPanel {
    static func draw(
        layer: Int, unit: Int, cell: Rect, scene: Scene, style: Style, on canvas: Canvas
    ) throws -> PanelInfo {
        let net = scene.net
        let target = FieldTarget.unit(layer: layer, unit: unit)
        let rect = PlanePanel.plotRect(cell: cell, aspect: scene.aspect, style: style, axes: false)
        let viewport = Viewport(domain: scene.domain, rect: rect)
        PanelChrome.title(
            title(layer: layer, unit: unit, scene: scene, width: cell.width, style: style),
            note: note(layer: layer, unit: unit, scene: scene),
            in: Rect(x: rect.x, y: cell.y, width: rect.width, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        let info = PanelInfo(
            kind: "hidden", layer: layer + 1, unit: unit + 1, rect: rect.array,
            domain: viewport.domainArray)
        guard rect.isUsable else { return info }

        let side = min(rect.width, rect.height)
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
                width: style.boundaryWidth * 0.85, arrow: true, scene: scene, on: canvas)
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
        Markers.draw(
            scene, in: viewport,
            radius: style.markerRadius(side: side, count: scene.points.count) * 0.8,
            markMistakes: false, on: canvas)
        if scene.options.equations && layer == 0 {
            equation(net.line(unit: unit), in: rect, scene: scene, style: style, on: canvas)
        }
        PanelChrome.frame(rect, scene: scene, on: canvas)
        try canvas.context.check(during: "drawing hidden unit \(unit + 1) of layer \(layer + 1)")
        return info
    }

    /// "Hidden 2" for a single hidden layer; "Layer 2 · unit 1" for deeper networks.
    static func title(layer: Int, unit: Int, scene: Scene, width: Double, style: Style) -> String {
        if scene.hidden.count == 1 {
            return width > style.titleFont * 7 ? "Hidden unit \(unit + 1)" : "h\(unit + 1)"
        }
        return width > style.titleFont * 8
            ? "Layer \(layer + 1) · unit \(unit + 1)" : "L\(layer + 1)·\(unit + 1)"
    }

    /// For the last hidden layer: how much the output listens to this unit.
    static func note(layer: Int, unit: Int, scene: Scene) -> String? {
        guard layer == scene.hidden.count - 1 else { return nil }
        let v = scene.net.weights[scene.net.weights.count - 1][unit]
        return "to ŷ: " + signed(v)
    }

    /// `+1.23` or `−1.23`, with a true minus sign.
    static func signed(_ v: Double, decimals: Int = 2) -> String {
        let text = String(format: "%.\(decimals)f", abs(v))
        return (v < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : "+") + text
    }

    /// The line's equation in a box along the bottom of the plot.
    static func equation(
        _ line: ImplicitLine, in rect: Rect, scene: Scene, style: Style, on canvas: Canvas
    ) {
        guard !style.textless else { return }
        let text =
            "\(signed(line.w1).replacingOccurrences(of: "+", with: ""))·x₁ "
            + "\(signed(line.w2).prefix(1)) \(signed(line.w2).dropFirst())·x₂ "
            + "\(signed(line.b).prefix(1)) \(signed(line.b).dropFirst()) = 0"
        canvas.setFont(size: style.tickFont)
        guard canvas.width(of: text) + 8 <= rect.width else { return }
        let m = canvas.fontMetrics
        let h = (m.ascent + m.descent + 4).rounded(.up)
        let box = Rect(x: rect.x + 1, y: rect.maxY - h - 1, width: rect.width - 2, height: h)
        canvas.fill(box, scene.palette.background.withAlpha(0.82))
        canvas.setColour(scene.palette.text)
        canvas.text(text, x: box.midX, middle: box.midY, align: .centre)
    }
}
