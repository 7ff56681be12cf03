import Backprop
import Foundation

/// One hidden unit: its activation shaded; for the first layer the line `w·x + b = 0` with a
/// normal arrow toward the blue side; for deeper layers the curve where `z = 0`.
enum HiddenPanel: PrintPanel {
    /// The units of every layer in a grid, centred; for a network without hidden units, a note
    /// saying so.
    static func place(
        _ kind: PanelKind, in cell: Rect, hidden: [Int], aspect: Double, style: Style
    ) -> [PlacedPanel] {
        guard !hidden.isEmpty else {
            return [PlacedPanel(kind: kind, cell: cell, content: .noUnits)]
        }
        return HiddenGrid.place(
            widths: hidden, in: cell, aspect: aspect, style: style, centred: true)
    }

    static var legend: Legend? {
        Legend(
            boundary: "w·x + b = 0", reluOff: true, vote: true, wish: true, changes: true,
            offView: true)
    }

    /// Every hidden unit placed, with one title form for all; then the notes in place of units
    /// that could not be shown, or of a network without hidden units.
    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        let (scene, style, canvas) = (figure.scene, figure.style, figure.canvas)
        let units = places.filter(\.isUnit)
        let variant = titleVariant(for: units, scene: scene, style: style, on: canvas)
        let panels = try units.map { place in
            try draw(
                layer: place.layer, unit: place.unit, cell: place.cell, titleVariant: variant,
                scene: scene, style: style, on: canvas)
        }
        for place in places {
            switch place.content {
            case .noUnits:
                NoHidden.draw(in: place.cell, scene: scene, style: style, on: canvas)
            case .omitted(let count):
                NoHidden.omitted(count, in: place.cell, scene: scene, style: style, on: canvas)
            case .whole, .unit:
                break
            }
        }
        return panels
    }

    static func markerRadius(_ place: PlacedPanel, aspect: Double, count: Int, style: Style)
        -> Double?
    {
        guard place.isUnit else { return nil }
        let rect = plotRect(cell: place.cell, aspect: aspect, style: style)
        return markerRadius(rect, count: count, style: style)
    }

    /// The room around the block of units when every unit is shown.
    static func slack(_ places: [PlacedPanel], body: Rect, aspect: Double, style: Style)
        -> (x: Double, y: Double)?
    {
        let cells = places.filter(\.isUnit).map(\.cell)
        guard !cells.isEmpty, places.allSatisfy(\.isUnit) else { return nil }
        let minX = cells.map(\.minX).min() ?? 0
        let maxX = cells.map(\.maxX).max() ?? 0
        let minY = cells.map(\.minY).min() ?? 0
        let maxY = cells.map(\.maxY).max() ?? 0
        return (max(0, body.width - (maxX - minX)), max(0, body.height - (maxY - minY)))
    }

    /// The first unit's plot.
    static func plot(_ places: [PlacedPanel], aspect: Double, style: Style) -> Rect? {
        places.first(where: \.isUnit).map { plotRect(cell: $0.cell, aspect: aspect, style: style) }
    }

    static func draw(
        layer: Int, unit: Int, cell: Rect, titleVariant: TitleVariant, scene: Scene, style: Style,
        on canvas: Canvas
    ) throws -> PanelInfo {
        let net = scene.net
        let target = ModelValue.unit(layer: layer, unit: unit)
        let rect = plotRect(cell: cell, aspect: scene.aspect, style: style)
        let viewport = Viewport(domain: scene.domain, rect: rect)
        // A deeper unit's z over the view, sampled once: for its curve and to see if it is off.
        let field =
            layer > 0 && rect.isUsable
            ? PlanePanel.sample(target, scene: scene, viewport: viewport) : nil
        let offView: OffViewInfo?
        if !rect.isUsable {
            offView = nil
        } else if let field {
            offView = OffView.locate(target, field: field, model: net, viewport: viewport)
        } else {
            offView = OffView.locate(net.line(unit: unit), viewport: viewport)
        }
        let names = titles(layer: layer, unit: unit, scene: scene)
        let listens = titleVariant.note.flatMap {
            notes(layer: layer, unit: unit, scene: scene).dropFirst($0).first
        }
        let strip = Rect(x: rect.x, y: cell.y, width: rect.width, height: style.titleHeight)
        let drawn: String?
        if offView != nil {
            // The words "off the view" are kept: the title gets shorter for them if need be.
            let shorter = Array(names[titleVariant.index...])
            drawn = PanelChrome.title(
                shorter,
                note: OffView.note(
                    with: listens, titles: shorter, width: strip.width, style: style, on: canvas),
                in: strip, scene: scene, style: style, on: canvas)
        } else {
            drawn = PanelChrome.title(
                [names[titleVariant.index]], note: listens, in: strip, scene: scene, style: style,
                on: canvas)
        }
        var info = PanelInfo(
            kind: .hidden, layer: layer + 1, unit: unit + 1, rect: rect.array,
            domain: viewport.domainArray)
        info.offView = offView
        if var weight = outputWeight(layer: layer, unit: unit, scene: scene) {
            let written = drawn.flatMap { note in listens.flatMap { note.contains($0) ? $0 : nil } }
            weight.text = written
            if let written, let glyph = ChangeMarker.glyph(for: weight.change),
                written.contains(glyph)
            {
                weight.marker = ChangeMarker.info(for: weight.change)
            }
            info.outputWeight = weight
        }
        if scene.options.hiddenShading != nil { info.shading = scene.shading(layer: layer) }
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
        } else if let field {
            let top = field.values.max() ?? 1
            try PlanePanel.shade(
                target, scene: scene, viewport: viewport,
                reluScale: net.activation == .relu ? top : 1, on: canvas)
            PlanePanel.drawLevelCurve(
                target, field: field, scene: scene, viewport: viewport,
                colour: scene.palette.boundary, width: style.boundaryWidth * 0.85, on: canvas)
        }
        let radius = markerRadius(rect, count: scene.points.count, style: style)
        try Markers.draw(scene, in: viewport, radius: radius, markMistakes: false, on: canvas)
        if let focus = scene.derived.focus {
            if layer == 0, let ghost = scene.derived.ghost {
                WishOverlay.draw(
                    line: net.line(unit: unit), ghost: ghost.line(unit: unit), focus: focus,
                    viewport: viewport, style: style, scene: scene, into: &info, on: canvas)
            }
            info.focus = WishOverlay.mark(
                focus, viewport: viewport, radius: radius, scene: scene, on: canvas)
        }
        // The arrow to the blue side, unless the wish's arrow is drawn there instead. A unit
        // that votes against label 1 has its blue side where `z < 0`: the same line, turned.
        if layer == 0 && scene.derived.ghost == nil {
            var line = net.line(unit: unit)
            if scene.shading(layer: layer) == .vote && scene.outgoingWeight(unit: unit) < 0 {
                line = ImplicitLine(w1: -line.w1, w2: -line.w2, b: -line.b)
            }
            PlanePanel.normalArrow(
                line, viewport: viewport, style: style, scene: scene, on: canvas)
        }
        if let offView {
            OffView.draw(offView, viewport: viewport, style: style, scene: scene, on: canvas)
        }
        if scene.options.equations && layer == 0, let form = titleVariant.equation {
            info.equation = equation(
                net.line(unit: unit), form: form, in: rect, scene: scene, style: style, on: canvas)
        }
        PanelChrome.frame(rect, scene: scene, on: canvas)
        try canvas.context.check(during: "drawing hidden unit \(unit + 1) of layer \(layer + 1)")
        return info
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
}
