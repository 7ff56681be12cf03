import Backprop

/// The output: `ŷ` shaded at every pixel, the `ŷ = 0.5` boundary as a smooth path, the faint
/// hidden lines it is built from, and the points with misclassified ones circled.
enum OutputPanel {
    static func draw(cell: Rect, scene: Scene, style: Style, on canvas: Canvas) throws -> PanelInfo
    {
        let net = scene.net
        let axes = !style.textless && min(cell.width, cell.height) > 180
        let rect = PlanePanel.plotRect(cell: cell, aspect: scene.aspect, style: style, axes: axes)
        let viewport = Viewport(domain: scene.domain, rect: rect)
        let perceptron = net.hiddenLayers == 0
        let titleX = axes ? rect.x : cell.x
        PanelChrome.title(
            perceptron ? "Perceptron  ŷ = σ(w₁x₁ + w₂x₂ + b)" : "Output  ŷ = P(blue)",
            note: "boundary ŷ = 0.5",
            in: Rect(x: titleX, y: cell.y, width: rect.maxX - titleX, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        let info = PanelInfo(
            kind: "output", layer: nil, unit: nil, rect: rect.array, domain: viewport.domainArray)
        guard rect.isUsable else { return info }

        try PlanePanel.shade(.output, scene: scene, viewport: viewport, reluScale: 1, on: canvas)
        if scene.options.hiddenLinesOnOutput && net.hiddenLayers > 0 {
            let faint = scene.palette.boundary.withAlpha(0.45)
            let dash = [max(4, 7 * style.scale), max(3, 5 * style.scale)]
            for unit in 0..<net.sizes[1] {
                PlanePanel.draw(
                    net.line(unit: unit), viewport: viewport, colour: faint,
                    width: max(1, style.boundaryWidth * 0.5), dash: dash, arrow: false,
                    scene: scene, on: canvas)
            }
        }
        if perceptron {
            PlanePanel.draw(
                net.line(unit: 0), viewport: viewport, colour: scene.palette.boundary,
                width: style.boundaryWidth, arrow: true, scene: scene, on: canvas)
        } else {
            let field = PlanePanel.sample(.output, scene: scene, viewport: viewport)
            PlanePanel.drawLevelCurve(
                .output, field: field, scene: scene, viewport: viewport,
                colour: scene.palette.boundary, width: style.boundaryWidth, on: canvas)
        }
        let side = min(rect.width, rect.height)
        Markers.draw(
            scene, in: viewport, radius: style.markerRadius(side: side, count: scene.points.count),
            markMistakes: true, on: canvas)
        PanelChrome.frame(rect, scene: scene, on: canvas)
        if axes { PlanePanel.axes(viewport: viewport, scene: scene, style: style, on: canvas) }
        try canvas.context.check(during: "drawing the output panel")
        return info
    }
}
