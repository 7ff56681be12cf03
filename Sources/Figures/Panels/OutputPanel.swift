import Backprop

/// The output: `ŷ` shaded at every pixel, the `ŷ = 0.5` boundary as a smooth path, the faint
/// hidden lines it is built from, and the points with misclassified ones circled.
enum OutputPanel: Panel {
    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        try places.map { place in
            try draw(cell: place.cell, scene: figure.scene, style: figure.style, on: figure.canvas)
        }
    }

    static func markerRadius(cell: Rect, aspect: Double, count: Int, style: Style) -> Double? {
        markerRadius(plotRect(cell: cell, aspect: aspect, style: style), count: count, style: style)
    }

    static func draw(cell: Rect, scene: Scene, style: Style, on canvas: Canvas) throws -> PanelInfo
    {
        let net = scene.net
        let axes = hasAxes(cell: cell, style: style)
        let rect = plotRect(cell: cell, aspect: scene.aspect, style: style)
        let viewport = Viewport(domain: scene.domain, rect: rect)
        let perceptron = net.hiddenLayers == 0
        let titleX = axes ? rect.x : cell.x
        PanelChrome.title(
            perceptron
                ? ["Perceptron  ŷ = σ(w₁x₁ + w₂x₂ + b)", "Perceptron", "ŷ"]
                : ["Output  ŷ = P(blue)", "Output ŷ", "ŷ"],
            note: "boundary ŷ = 0.5",
            in: Rect(x: titleX, y: cell.y, width: rect.maxX - titleX, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        let info = PanelInfo(
            kind: .output, layer: nil, unit: nil, rect: rect.array, domain: viewport.domainArray)
        guard rect.isUsable else { return info }

        try PlanePanel.shade(.output, scene: scene, viewport: viewport, reluScale: 1, on: canvas)
        if scene.options.hiddenLinesOnOutput && net.hiddenLayers > 0 {
            let faint = scene.palette.boundary.withAlpha(0.45)
            let dash = [max(4, 7 * style.scale), max(3, 5 * style.scale)]
            for unit in 0..<net.sizes[1] {
                PlanePanel.draw(
                    net.line(unit: unit), viewport: viewport, colour: faint,
                    width: max(1, style.boundaryWidth * 0.5), dash: dash, on: canvas)
            }
        }
        if perceptron {
            PlanePanel.draw(
                net.line(unit: 0), viewport: viewport, colour: scene.palette.boundary,
                width: style.boundaryWidth, on: canvas)
        } else {
            let field = PlanePanel.sample(.output, scene: scene, viewport: viewport)
            PlanePanel.drawLevelCurve(
                .output, field: field, scene: scene, viewport: viewport,
                colour: scene.palette.boundary, width: style.boundaryWidth, on: canvas)
        }
        try Markers.draw(
            scene, in: viewport,
            radius: markerRadius(rect, count: scene.points.count, style: style),
            markMistakes: true, on: canvas)
        if perceptron {
            PlanePanel.normalArrow(
                net.line(unit: 0), viewport: viewport, style: style, scene: scene, on: canvas)
        }
        PanelChrome.frame(rect, scene: scene, on: canvas)
        if axes { PlanePanel.axes(viewport: viewport, scene: scene, style: style, on: canvas) }
        try canvas.context.check(during: "drawing the output panel")
        return info
    }

    /// Tick labels when the panel is big enough for them.
    static func hasAxes(cell: Rect, style: Style) -> Bool {
        !style.textless && min(cell.width, cell.height) > 180
    }

    /// The plot inside the output panel's cell.
    static func plotRect(cell: Rect, aspect: Double, style: Style) -> Rect {
        PlanePanel.plotRect(
            cell: cell, aspect: aspect, style: style, axes: hasAxes(cell: cell, style: style))
    }

    /// The output's markers, sized to its plot.
    static func markerRadius(_ rect: Rect, count: Int, style: Style) -> Double {
        style.markerRadius(side: min(rect.width, rect.height), count: count)
    }
}
