import Backprop

/// One training step from the snapshot, on the plane.
///
/// `ŷ` of `W′` shaded, the first-layer lines and the `ŷ = 0.5` boundary of `W` dashed and of `W′`
/// solid, the points and the focus point, and `E(W) → E(W′)` in the title. For a perceptron this
/// is the lesson's picture of one step of its line.
enum StepPanel: Panel {
    static var needs: Set<PanelNeed> { [.step] }

    static var legend: Legend? { Legend(boundary: "ŷ = 0.5", mistakes: true, reluOff: true) }

    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        try places.map { place in
            try draw(cell: place.cell, scene: figure.scene, style: figure.style, on: figure.canvas)
        }
    }

    static func markerRadius(_ place: PlacedPanel, aspect: Double, count: Int, style: Style)
        -> Double?
    {
        OutputPanel.markerRadius(place, aspect: aspect, count: count, style: style)
    }

    static func draw(cell: Rect, scene: Scene, style: Style, on canvas: Canvas) throws -> PanelInfo
    {
        let axes = OutputPanel.hasAxes(cell: cell, style: style)
        let rect = OutputPanel.plotRect(cell: cell, aspect: scene.aspect, style: style)
        let viewport = Viewport(domain: scene.domain, rect: rect)
        guard let step = scene.step else {
            throw FiguresError.badRun("The step from epoch \(scene.epoch) could not be taken.")
        }
        let before = Header.formatError(scene.error)
        let after = Header.formatError(step.error)
        let titleX = axes ? rect.x : cell.x
        PanelChrome.title(
            [
                "One step: E(W) = \(before) → E(W′) = \(after)",
                "E(W) \(before) → E(W′) \(after)", "\(before) → \(after)",
            ],
            note: (step.caption.map { "W′ \($0); " } ?? "") + "W dashed, W′ solid",
            in: Rect(x: titleX, y: cell.y, width: rect.maxX - titleX, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        var info = PanelInfo(
            kind: .step, layer: nil, unit: nil, rect: rect.array, domain: viewport.domainArray)
        info.after = step.layers
        info.errorAfter = step.error
        guard rect.isUsable else { return info }

        let old = scene.net
        let new = ModelEvaluator(layers: step.layers, activation: old.activation)
        try canvas.draw(
            FieldShading(
                target: .output, model: new, viewport: viewport, palette: scene.palette,
                mapping: .logistic(1)))
        let dash = [max(4, 7 * style.scale), max(3, 5 * style.scale)]
        let lines = old.hiddenLayers == 0 ? 1 : old.sizes[1]
        let boundary = scene.palette.boundary
        for (model, pattern) in [(old, dash), (new, [])] {
            // The first-layer lines (the perceptron's own line), faint for an MLP.
            let perceptron = model.hiddenLayers == 0
            for unit in 0..<lines {
                PlanePanel.draw(
                    model.line(unit: unit), viewport: viewport,
                    colour: perceptron ? boundary : boundary.withAlpha(0.45),
                    width: perceptron ? style.boundaryWidth : max(1, style.boundaryWidth * 0.5),
                    dash: pattern, on: canvas)
            }
            guard !perceptron else { continue }
            let field = PlanePanel.sample(
                .output, model: model, viewport: viewport, coarser: pattern.isEmpty ? 1 : 3,
                sampling: .locating)
            PlanePanel.drawLevelCurve(
                .output, field: field, model: model, viewport: viewport, colour: boundary,
                width: style.boundaryWidth, dash: pattern, on: canvas)
        }
        let radius = OutputPanel.markerRadius(rect, count: scene.points.count, style: style)
        try Markers.draw(scene, in: viewport, radius: radius, markMistakes: true, on: canvas)
        if let focus = scene.derived.focus {
            info.focus = WishOverlay.mark(
                focus, viewport: viewport, radius: radius, scene: scene, on: canvas)
        }
        PanelChrome.frame(rect, scene: scene, on: canvas)
        if axes { PlanePanel.axes(viewport: viewport, scene: scene, style: style, on: canvas) }
        try canvas.context.check(during: "drawing the step panel")
        return info
    }
}
