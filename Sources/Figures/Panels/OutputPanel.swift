import Backprop

/// The output: `ŷ` shaded at every pixel, the `ŷ = 0.5` boundary as a smooth path, the faint
/// hidden lines it is built from, and the points with misclassified ones circled.
enum OutputPanel: PrintPanel {
    static var legend: Legend? {
        Legend(boundary: "ŷ = 0.5", mistakes: true, wish: true, offView: true)
    }

    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        try places.map { place in
            try draw(cell: place.cell, scene: figure.scene, style: figure.style, on: figure.canvas)
        }
    }

    static func markerRadius(_ place: PlacedPanel, aspect: Double, count: Int, style: Style)
        -> Double?
    {
        let rect = plotRect(cell: place.cell, aspect: aspect, style: style)
        return markerRadius(rect, count: count, style: style)
    }

    /// The room around the plot and its tick labels: left and below for the labels, half a
    /// label past the right edge.
    static func slack(_ places: [PlacedPanel], body: Rect, aspect: Double, style: Style)
        -> (x: Double, y: Double)?
    {
        guard let cell = places.first?.cell else { return nil }
        let plot = plotRect(cell: cell, aspect: aspect, style: style)
        let axes = hasAxes(cell: cell, style: style)
        let left = axes ? style.tickFont * 3.6 : 0
        let right = axes ? style.tickFont : 0
        let bottom = axes ? style.tickFont * 2.6 : 0
        let x = cell.width - (plot.width + left + right)
        let y = cell.maxY - (plot.maxY + bottom)
        return (max(0, x), max(0, y))
    }

    static func plot(_ places: [PlacedPanel], aspect: Double, style: Style) -> Rect? {
        places.first.map { plotRect(cell: $0.cell, aspect: aspect, style: style) }
    }

    static func draw(cell: Rect, scene: Scene, style: Style, on canvas: Canvas) throws -> PanelInfo
    {
        let net = scene.net
        let axes = hasAxes(cell: cell, style: style)
        let rect = plotRect(cell: cell, aspect: scene.aspect, style: style)
        let viewport = Viewport(domain: scene.domain, rect: rect)
        let perceptron = net.hiddenLayers == 0
        // The boundary's z over the view, for a network's curve: the grid only locates it (its
        // crossings are refined on exact values), and tells whether it is in the view at all.
        let field =
            !perceptron && rect.isUsable
            ? PlanePanel.sample(.output, model: net, viewport: viewport, sampling: .locating)
            : nil
        // A boundary off the view: a marker on the border shows where it is.
        var offView: OffViewInfo?
        if let field {
            offView = OffView.locate(.output, field: field, model: net, viewport: viewport)
        } else if perceptron && rect.isUsable {
            offView = OffView.locate(net.line(unit: 0), viewport: viewport)
        }
        let titleX = axes ? rect.x : cell.x
        PanelChrome.title(
            perceptron
                ? ["Perceptron  ŷ = σ(w₁x₁ + w₂x₂ + b)", "Perceptron", "ŷ"]
                : ["Output  ŷ = P(blue)", "Output ŷ", "ŷ"],
            note: offView != nil
                ? "boundary " + OffView.notes[0] : field.flatMap(oneSide) ?? "boundary ŷ = 0.5",
            in: Rect(x: titleX, y: cell.y, width: rect.maxX - titleX, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        var info = PanelInfo(
            kind: .output, layer: nil, unit: nil, rect: rect.array, domain: viewport.domainArray)
        info.offView = offView
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
        } else if let field {
            PlanePanel.drawLevelCurve(
                .output, field: field, scene: scene, viewport: viewport,
                colour: scene.palette.boundary, width: style.boundaryWidth, on: canvas)
        }
        let radius = markerRadius(rect, count: scene.points.count, style: style)
        try Markers.draw(scene, in: viewport, radius: radius, markMistakes: true, on: canvas)
        if let focus = scene.derived.focus {
            if let ghost = scene.derived.ghost, perceptron {
                WishOverlay.draw(
                    line: net.line(unit: 0), ghost: ghost.line(unit: 0), focus: focus,
                    viewport: viewport, style: style, scene: scene, into: &info, on: canvas)
            } else if let ghost = scene.derived.ghost {
                // The boundary where the wish (magnified) would put it.
                let field = PlanePanel.sample(
                    .output, model: ghost, viewport: viewport, coarser: 3, sampling: .locating)
                PlanePanel.drawLevelCurve(
                    .output, field: field, model: ghost, viewport: viewport,
                    colour: scene.palette.boundary,
                    width: max(1, style.boundaryWidth * 0.6),
                    dash: [max(3, 5 * style.scale), max(2, 4 * style.scale)], on: canvas)
            }
            info.focus = WishOverlay.mark(
                focus, viewport: viewport, radius: radius, scene: scene, on: canvas)
        }
        if perceptron && scene.derived.ghost == nil {
            PlanePanel.normalArrow(
                net.line(unit: 0), viewport: viewport, style: style, scene: scene, on: canvas)
        }
        if let offView {
            OffView.draw(offView, viewport: viewport, style: style, scene: scene, on: canvas)
        }
        PanelChrome.frame(rect, scene: scene, on: canvas)
        if axes { PlanePanel.axes(viewport: viewport, scene: scene, style: style, on: canvas) }
        try canvas.context.check(during: "drawing the output panel")
        return info
    }

    /// `"ŷ > 0.5 throughout"` (or `<`) when the output's `z` keeps one sign over the whole view
    /// and beyond (no boundary was found to point to); nil when it changes sign.
    private static func oneSide(_ field: SampledField) -> String? {
        field.sign.map { $0 > 0 ? "ŷ > 0.5 throughout" : "ŷ < 0.5 throughout" }
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
