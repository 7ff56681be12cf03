import Backprop
import Foundation

/// The network as a diagram.
///
/// The inputs x₁ and x₂, a bias node under every layer but the last, each unit as a small picture
/// of its shading, and `ŷ`. Every weight is an edge coloured by its sign (blue positive, red
/// negative, grey zero: ``edgeColour(weight:palette:)``) and as wide as its size (one scale per figure, stated in the title), with a mark for
/// the change asked of it: ▲ where the change is positive (`Δw > 0`), ▼ where it is negative
/// (``ChangeMarker``), as large as `|Δw|`, with the number beside it where there is room.
enum DiagramPanel: Panel {
    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        try places.map { place in
            try draw(cell: place.cell, scene: figure.scene, style: figure.style, on: figure.canvas)
        }
    }

    static func draw(cell: Rect, scene: Scene, style: Style, on canvas: Canvas) throws -> PanelInfo
    {
        let rect = cell.inset(top: style.titleHeight, left: 0, bottom: 0, right: 0).integral
        let diagram = DiagramGeometry(
            layers: scene.layers, wish: scene.derived.wish, in: rect, style: style)
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
        changeNumbers(diagram, in: rect, scene: scene, style: style, on: canvas)
        try drawNodes(diagram, scene: scene, style: style, on: canvas)
        key(in: rect, scene: scene, style: style, on: canvas)
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
        }
    }

    /// What the colours and marks mean, along the bottom of the panel: in full if it fits (as on
    /// the diagram figure), else in short (as in a frame).
    static func key(in rect: Rect, scene: Scene, style: Style, on canvas: Canvas) {
        guard !style.textless else { return }
        canvas.setFont(size: style.tickFont)
        canvas.setColour(scene.palette.mutedText)
        let vote = !scene.hidden.isEmpty && scene.shading(layer: scene.hidden.count - 1) == .vote
        let asked = scene.derived.focus == nil || scene.options.wish == .batch ? "E" : "e"
        let changes = scene.options.wish != WishSource.none
        let zero = scene.layers.contains {
            $0.biases.contains(0) || $0.weights.contains { $0.contains(0) }
        }
        let full =
            "blue edge: w > 0 · red edge: w < 0 · " + (zero ? "grey edge: w = 0 · " : "")
            + (changes
                ? "▲ Δw > 0, ▼ Δw < 0: the change asked, Δw = −η ∂\(asked)/∂w (size ∝ |Δw|) · "
                : "") + "1: bias node" + (vote ? " · last hidden layer: its vote" : "")
        // The legend says the units show their vote; the short key leaves it out.
        let short =
            "blue w > 0 · red w < 0" + (zero ? " · grey w = 0" : "")
            + (changes ? " · ▲ Δw > 0 · ▼ Δw < 0" : "")
        let text =
            canvas.width(of: full) <= rect.width
            ? full : PanelChrome.fitted(short, width: rect.width, on: canvas)
        canvas.text(text, x: rect.minX, baseline: rect.maxY - style.tickFont * 0.4)
    }

    /// Each drawn mark's `Δw` printed beside it (`+0.35`), where the diagram has room: a few
    /// edges, and columns wide enough for a number between the nodes.
    static func changeNumbers(
        _ diagram: DiagramGeometry, in rect: Rect, scene: Scene, style: Style, on canvas: Canvas
    ) {
        guard !style.textless, diagram.edges.count <= 16 else { return }
        let font = max(style.tickFont * 0.9, 8)
        canvas.setFont(size: font)
        let gap = rect.width / Double(diagram.columns)
        let widest = diagram.edges.map { canvas.width(of: ChangeMarker.text($0.change)) }.max()
        guard let widest, widest + 2 * diagram.radius <= gap * 0.55 else { return }
        let m = canvas.fontMetrics
        for edge in diagram.edges {
            let size = diagram.markSize(of: edge)
            guard size > 0 else { continue }
            let c = edge.markCentre
            let text = ChangeMarker.text(edge.change)
            let x = c.x + size * 0.9 + 2
            // On a pale box, so the number reads over the edges it crosses.
            canvas.fill(
                Rect(
                    x: x - 1, y: c.y - (m.ascent + m.descent) / 2 - 1,
                    width: canvas.width(of: text) + 2, height: m.ascent + m.descent + 2),
                scene.palette.background.withAlpha(0.85))
            canvas.setColour(scene.palette.text)
            canvas.text(text, x: x, middle: c.y)
        }
    }

    /// Inputs and bias nodes as labelled circles; units and `ŷ` as small shaded pictures.
    static func drawNodes(
        _ diagram: DiagramGeometry, scene: Scene, style: Style, on canvas: Canvas
    ) throws {
        let palette = scene.palette
        let font = max(8, min(style.tickFont, diagram.radius * 0.9))
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
                canvas.setFont(size: font * 0.9)
                canvas.setColour(palette.text)
                canvas.text(
                    node.label, x: node.centre.x, baseline: picture.maxY + font * 1.05,
                    align: .centre)
            }
        }
    }
}
