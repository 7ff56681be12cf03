import Backprop
import Foundation

/// The points as the output unit sees them: each point at its last hidden layer's activations,
/// on a plane where the output's boundary `ŷ = 0.5` is a straight line, each side tinted with the
/// class the output predicts there.
enum HiddenSpacePanel: Panel {
    static var needs: Set<PanelNeed> { [.hiddenSpace] }

    /// The classes and the boundary; the plane shows no test points, shading or wishes (the
    /// focus point is ringed, as in every panel).
    static var legend: Legend? { Legend(boundary: "ŷ = 0.5", sceneKeys: false) }

    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        try places.map { place in
            guard let space = figure.scene.hiddenSpace else {
                throw FiguresError.badRun("The hidden-space panel needs the hidden space.")
            }
            return try draw(
                cell: place.cell, space: space, scene: figure.scene, style: figure.style,
                on: figure.canvas)
        }
    }

    /// The plane coordinates shown: the points' extent grown by a tenth of its larger side.
    static func domain(of space: HiddenSpace) -> Domain {
        let u = (space.u.min() ?? 0)...(space.u.max() ?? 1)
        let v = (space.v.min() ?? 0)...(space.v.max() ?? 1)
        return Domain(x1: u, x2: v).expanded(by: 0.1)
    }

    static func draw(
        cell: Rect, space: HiddenSpace, scene: Scene, style: Style, on canvas: Canvas
    ) throws -> PanelInfo {
        let two = space.units == 2
        let names = two ? ("h1", "h2") : ("h·ŵ (the output's direction)", "h·p (widest ⊥ ŵ)")
        PanelChrome.title(
            ["Hidden space: the points as the output sees them", "Hidden space"],
            note: two
                ? "2 units: (h1, h2)" : "\(space.units) units: output direction and widest ⊥",
            in: Rect(x: cell.x, y: cell.y, width: cell.width, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        let domain = domain(of: space)
        let rect = SurfacePanel.plotRect(cell: cell, style: style)
        var info = PanelInfo(
            kind: .hiddenSpace, layer: nil, unit: nil, rect: rect.array,
            domain: [
                [domain.x1.lowerBound, domain.x1.upperBound],
                [domain.x2.lowerBound, domain.x2.upperBound],
            ])
        guard rect.isUsable else { return info }
        let viewport = Viewport(domain: domain, rect: rect)
        let palette = scene.palette
        let (a, b, c) = space.boundary
        let corners = [
            (domain.x1.lowerBound, domain.x2.lowerBound),
            (domain.x1.upperBound, domain.x2.lowerBound),
            (domain.x1.upperBound, domain.x2.upperBound),
            (domain.x1.lowerBound, domain.x2.upperBound),
        ]
        // Each side of the line, tinted with its predicted class.
        for blue in [true, false] {
            let side = halfPlane(
                corners, keep: { (blue ? 1 : -1) * (a * $0 + b * $1 + c) >= 0 }, a, b, c)
            guard let first = side.first else { continue }
            canvas.setColour(palette.shade(blue ? 0.82 : 0.18))
            canvas.move(to: viewport.pixel(first.0, first.1))
            for p in side.dropFirst() { canvas.line(to: viewport.pixel(p.0, p.1)) }
            canvas.closePath()
            canvas.fill()
        }
        // The boundary.
        let crossing = halfPlane(corners, keep: { a * $0 + b * $1 + c >= 0 }, a, b, c).filter {
            abs(a * $0.0 + b * $0.1 + c) <= 1e-9 * (abs(a) + abs(b) + abs(c))
        }
        if crossing.count >= 2, a != 0 || b != 0 {
            canvas.setColour(palette.boundary)
            canvas.setLineWidth(style.boundaryWidth)
            canvas.setDash([])
            canvas.move(to: viewport.pixel(crossing[0].0, crossing[0].1))
            canvas.line(to: viewport.pixel(crossing[1].0, crossing[1].1))
            canvas.stroke()
        }
        // The points, ringed in white.
        let r = style.markerRadius(side: min(rect.width, rect.height), count: space.u.count)
        for (p, label) in zip(0..<space.u.count, scene.labels) {
            let centre = viewport.pixel(space.u[p], space.v[p])
            canvas.setColour(palette.markerOutline)
            canvas.circle(centre: centre, radius: r + 1)
            canvas.fill()
            canvas.setColour(palette.fill(label: label))
            canvas.circle(centre: centre, radius: r)
            canvas.fill()
        }
        // The focus point, ringed as in every other panel, where the output sees it.
        if let focus = scene.derived.focus, let p = focus.index, p < space.u.count {
            let pixel = viewport.pixel(space.u[p], space.v[p])
            canvas.saved {
                canvas.clip(to: rect)
                FocusMarker.draw(at: pixel, radius: r * 2.1 + 2, scene: scene, on: canvas)
            }
            info.focus = focus.info(pixel: pixel)
        }
        PanelChrome.frame(rect, scene: scene, on: canvas)
        if !style.textless {
            SurfacePanel.axes(
                rect: rect, domain: domain, names: names, scene: scene, style: style, on: canvas)
        }
        try canvas.context.check(during: "drawing the hidden-space panel")
        return info
    }

    /// The polygon `corners` cut to where `keep` holds (one Sutherland–Hodgman step against the
    /// line `a·u + b·v + c = 0`).
    static func halfPlane(
        _ corners: [(Double, Double)], keep: ((Double, Double)) -> Bool, _ a: Double, _ b: Double,
        _ c: Double
    ) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        for k in corners.indices {
            let p = corners[k]
            let q = corners[(k + 1) % corners.count]
            let (fp, fq) = (a * p.0 + b * p.1 + c, a * q.0 + b * q.1 + c)
            if keep(p) { result.append(p) }
            if keep(p) != keep(q), fp != fq {
                let t = fp / (fp - fq)
                result.append((p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1)))
            }
        }
        return result
    }
}
