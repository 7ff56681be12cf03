import Backprop
import Foundation

/// The network as a diagram.
///
/// The inputs x₁ and x₂, a bias node under every layer but the last, each unit as a small picture
/// of its shading, and `ŷ`. Every weight is an edge coloured by its sign (blue positive, red
/// negative, grey zero: ``edgeColour(weight:palette:)``) and as wide as its size (one scale per
/// figure, stated in the title), with a mark for the change asked of it: ▲ where the change is
/// positive (`Δw > 0`), ▼ where it is negative (``ChangeMarker``), larger for a larger `|Δw|`
/// and never under the figure's glyph floor, with the number beside it where there is room
/// (``DiagramLabels``). On a page of its own it is laid out for print, as the hidden units are.
enum DiagramPanel: PrintPanel {
    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        try places.map { place in
            try draw(cell: place.cell, scene: figure.scene, style: figure.style, on: figure.canvas)
        }
    }

    static func draw(cell: Rect, scene: Scene, style: Style, on canvas: Canvas) throws -> PanelInfo
    {
        let rect = cell.inset(top: style.titleHeight, left: 0, bottom: 0, right: 0).integral
        // The key under the network, wrapped: the network takes what it leaves.
        let key =
            rect.isUsable ? DiagramLabels.key(in: rect, scene: scene, style: style, on: canvas) : []
        let keyHeight = Double(key.count) * DiagramLabels.lineHeight(style)
        let network = rect.inset(
            top: 0, left: 0, bottom: key.isEmpty ? 0 : keyHeight + style.tickFont * 0.4, right: 0)
        let diagram = DiagramGeometry(
            layers: scene.layers, wish: scene.derived.wish, in: network, style: style)
        let source =
            scene.options.wish == .batch
            ? "the batch"
            : scene.derived.focus.map { $0.index.map { "point \($0 + 1)" } ?? "the visitor" }
                ?? "the batch"
        PanelChrome.title(
            scene.options.wish == WishSource.none
                ? ["Network diagram: weights", "Network diagram"]
                : [
                    "Network diagram: weights and the change asked by \(source)", "Network diagram",
                ],
            note: "edge width ∝ |w|, widest |w| = " + Ticks.fixed(diagram.widest, decimals: 2),
            in: Rect(x: rect.x, y: cell.y, width: rect.width, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        var info = PanelInfo(
            kind: .diagram, layer: nil, unit: nil, rect: rect.array, domain: [])
        // Whose changes the edges show: the focus point's, unless the batch's are asked for.
        if scene.options.wish == .point || scene.options.wish == nil {
            info.focus = scene.derived.focus?.info(pixel: nil)
        }
        info.nodes = diagram.nodes.map(\.info)
        info.edges = diagram.edges.map { edge in
            var info = edge.info
            if rect.isUsable, diagram.markSize(of: edge) > 0 {
                info.marker = ChangeMarker.info(for: edge.change)
            }
            return info
        }
        guard rect.isUsable else { return info }
        drawEdges(diagram, scene: scene, style: style, on: canvas)
        changeNumbers(diagram, in: network, scene: scene, style: style, on: canvas)
        try drawNodes(diagram, scene: scene, style: style, on: canvas)
        canvas.setFont(size: style.tickFont)
        canvas.setColour(scene.palette.mutedText)
        for (i, line) in key.enumerated() {
            canvas.text(
                line, x: rect.minX,
                middle: rect.maxY - keyHeight + (Double(i) + 0.5) * DiagramLabels.lineHeight(style))
        }
        try canvas.context.check(during: "drawing the network diagram")
        return info
    }

    /// An edge's colour: blue for `w > 0`, red for `w < 0`, and the neutral grey of the bias node
    /// for a weight of exactly 0, which has no sign to show.
    static func edgeColour(weight: Double, palette: Palette) -> Colour {
        weight > 0 ? palette.blue : weight < 0 ? palette.red : palette.mutedText
    }

    /// Edges first, thin ones under wide ones, then the marks of the change asked of each.
    static func drawEdges(
        _ diagram: DiagramGeometry, scene: Scene, style: Style, on canvas: Canvas
    ) {
        let palette = scene.palette
        let crowd = min(1, 24 / Double(max(1, diagram.edges.count)).squareRoot() + 0.35)
        canvas.setRoundCaps()
        for edge in diagram.edges.sorted(by: { abs($0.weight) < abs($1.weight) }) {
            let colour = edgeColour(weight: edge.weight, palette: palette)
            // Opaque, as the translucent edge would look over the background: an opaque stroke
            // costs Cairo half as much, and only crossings differ (the upper edge hides the other).
            canvas.setColour(colour.mixed(with: palette.background, 0.65 - 0.5 * crowd))
            canvas.setLineWidth(diagram.width(of: edge))
            canvas.move(to: edge.from)
            canvas.line(to: edge.to)
            canvas.stroke()
        }
        for edge in diagram.edges {
            let size = diagram.markSize(of: edge)
            guard size > 0 else { continue }
            let c = edge.markCentre
            let up: Double = edge.change > 0 ? -1 : 1
            canvas.setColour(palette.boundary)
            canvas.move(to: PixelPoint(c.x, c.y + up * size))
            canvas.line(to: PixelPoint(c.x - size * 0.8, c.y - up * size * 0.6))
            canvas.line(to: PixelPoint(c.x + size * 0.8, c.y - up * size * 0.6))
            canvas.closePath()
            canvas.fillPreserve()
            canvas.setColour(palette.markerOutline)
            canvas.setLineWidth(0.8)
            canvas.stroke()
            canvas.glyph(
                edge.change > 0 ? ChangeMarker.up : ChangeMarker.down, box: markBox(edge, size),
                size: size * 1.6)
        }
    }

    /// The box of an edge's mark of half-height `size`.
    static func markBox(_ edge: DiagramGeometry.Edge, _ size: Double) -> Rect {
        let c = edge.markCentre
        let top = edge.change > 0 ? c.y - size : c.y - size * 0.6
        return Rect(x: c.x - size * 0.8, y: top, width: size * 1.6, height: size * 1.6)
    }

    /// Each drawn mark's `Δw` printed beside it (`+0.35`), where the diagram has room (a few
    /// edges, and columns wide enough for a number between the nodes), on the side of the mark
    /// that crosses the fewest edges and meets no node, label or mark; a number that finds no
    /// such place is left out (the manifest has every one).
    static func changeNumbers(
        _ diagram: DiagramGeometry, in rect: Rect, scene: Scene, style: Style, on canvas: Canvas
    ) {
        guard !style.textless, diagram.edges.count <= 16 else { return }
        let font = max(style.textFloor, style.tickFont * 0.9)
        canvas.setFont(size: font)
        let gap = rect.width / Double(diagram.columns)
        let widest = diagram.edges.map { canvas.width(of: ChangeMarker.text($0.change)) }.max()
        guard let widest, widest + 2 * diagram.radius <= gap * 0.55 else { return }
        var taken = nodeBoxes(diagram, on: canvas)
        taken += diagram.edges.compactMap { edge in
            let size = diagram.markSize(of: edge)
            return size > 0 ? markBox(edge, size) : nil
        }
        canvas.setFont(size: font)
        let m = canvas.fontMetrics
        let lines = diagram.edges.map { ($0.from, $0.to, diagram.width(of: $0)) }
        for edge in diagram.edges {
            let size = diagram.markSize(of: edge)
            guard size > 0 else { continue }
            let text = ChangeMarker.text(edge.change)
            guard
                let box = DiagramLabels.place(
                    size: (canvas.width(of: text) + 2, m.ascent + m.descent + 2),
                    mark: edge.markCentre, markSize: size, edges: lines, taken: taken,
                    bounds: rect)
            else { continue }
            taken.append(box)
            // On a pale box, so the number reads over an edge it cannot avoid.
            canvas.fill(box, scene.palette.background.withAlpha(0.85))
            canvas.setColour(scene.palette.text)
            canvas.text(text, x: box.minX + 1, middle: box.midY)
        }
    }

    /// Where the nodes and their labels are: what a change's number must not cover.
    static func nodeBoxes(_ diagram: DiagramGeometry, on canvas: Canvas) -> [Rect] {
        let r = diagram.radius
        let font = diagram.labelFont
        canvas.setFont(size: font)
        return diagram.nodes.flatMap { node -> [Rect] in
            let box = Rect(x: node.centre.x - r, y: node.centre.y - r, width: 2 * r, height: 2 * r)
            guard case .unit = node.role else { return [box] }
            let w = canvas.width(of: node.label)
            return [box, Rect(x: node.centre.x - w / 2, y: box.maxY, width: w, height: font * 1.4)]
        }
    }

    /// Inputs and bias nodes as labelled circles; units and `ŷ` as small shaded pictures.
    static func drawNodes(
        _ diagram: DiagramGeometry, scene: Scene, style: Style, on canvas: Canvas
    ) throws {
        let palette = scene.palette
        let font = diagram.labelFont
        for node in diagram.nodes {
            let r = diagram.radius
            let box = Rect(x: node.centre.x - r, y: node.centre.y - r, width: 2 * r, height: 2 * r)
            switch node.role {
            case .input, .bias:
                canvas.setColour(node.role == .bias ? palette.grid : palette.background)
                canvas.circle(centre: node.centre, radius: r * 0.8)
                canvas.fillPreserve()
                canvas.setColour(palette.frame)
                canvas.setLineWidth(1)
                canvas.stroke()
                canvas.setFont(size: font, bold: node.role == .input)
                canvas.setColour(node.role == .bias ? palette.mutedText : palette.text)
                canvas.text(node.label, x: node.centre.x, middle: node.centre.y, align: .centre)
            case .unit(let value):
                let picture = box.integral
                let viewport = Viewport(domain: scene.domain, rect: picture)
                try canvas.draw(
                    FieldShading(
                        target: value, model: scene.net, viewport: viewport,
                        palette: palette,
                        mapping: scene.mapping(value, reluScale: 1)))
                if let focus = scene.derived.focus {
                    FocusMarker.draw(
                        at: viewport.pixel(focus.point), radius: max(2, r * 0.12), scene: scene,
                        on: canvas)
                }
                PanelChrome.frame(picture, scene: scene, on: canvas)
                canvas.setFont(size: font)
                canvas.setColour(palette.text)
                canvas.text(
                    node.label, x: node.centre.x, baseline: picture.maxY + font * 1.05,
                    align: .centre)
            }
        }
    }
}
