import Backprop
import Foundation

/// The error surface as a mountain in perspective, with the colour bar of `E` beside it.
///
/// A mesh shaded by height and lit from the upper left, hidden surfaces removed by drawing from
/// the back to the front (``MountainMesh``), the path walking down it and the current weights
/// as a ball. The camera is the usual one unless a ridge would stand in front of the ball or
/// the path's last stretch; then it turns to the first view that shows them
/// (``MountainOcclusion``). The ball, `W′` (a ring) and the path's last stretch are still drawn
/// over the surface with a white halo, for a surface no view clears.
enum MountainPanel: Panel {
    static var needs: Set<PanelNeed> { [.trajectory, .landscape] }

    static func draw(_ places: [PlacedPanel], in figure: FigureContext) throws -> [PanelInfo] {
        try places.map { place in
            guard let view = figure.scene.landscape else {
                throw FiguresError.badRun("The mountain panel needs the run's error surface.")
            }
            return try draw(
                cell: place.cell, view: view, scene: figure.scene, style: figure.style,
                on: figure.canvas)
        }
    }

    static func draw(
        cell: Rect, view: LandscapeView, scene: Scene, style: Style, on canvas: Canvas
    ) throws -> PanelInfo {
        let grid = view.surface.grid
        let name = view.surface.axes == .weights ? "Mt. Errorest" : "Mt. Kilimanjerror"
        PanelChrome.title(
            ["\(name), the walk down", name], note: view.note,
            in: Rect(x: cell.x, y: cell.y, width: cell.width, height: style.titleHeight),
            scene: scene, style: style, on: canvas)
        let whole =
            style.textless ? cell : cell.inset(top: style.titleHeight, left: 0, bottom: 0, right: 0)
        let (rect, strip) = whole.slicingLeft(whole.width - ErrorScaleBar.width(style: style))
        let d = grid.domain
        var info = PanelInfo(
            kind: .mountain, layer: nil, unit: nil, rect: rect.array,
            domain: [[d.x1.lowerBound, d.x1.upperBound], [d.x2.lowerBound, d.x2.upperBound]])
        // No finite height: no heights to state, no mountain, no camera; one message instead.
        guard let range = grid.finiteRange else {
            info.landscape = NoSurface.draw(
                in: rect, framed: false, view: view, scene: scene, style: style, on: canvas)
            return info
        }
        info.domain.append([range.lowerBound, range.upperBound])
        guard rect.isUsable else { return info }
        // The camera: the usual one, or the first turn of it from which no ridge hides the ball
        // or the path's last stretch.
        let walked = SurfacePanel.thinned(view.walked)
        let (angles, clear) = MountainOcclusion(grid: grid).camera(
            showing: MountainOcclusion.shown(grid: grid, ball: view.current, path: walked))
        info.camera = MountainCameraInfo(angles, clear: clear)
        var mesh = MountainMesh(grid: grid, rect: rect, angles: angles, on: canvas)
        let camera = mesh.camera
        // The path, a little above the surface, segment by segment among the quads.
        let path = walked.map(mesh.project)
        let width = max(1.4, 2.2 * style.scale)
        mesh.addPath(path, colour: Colour(hex: 0x11_11_11), width: width, on: canvas)
        // The ball at W, resting on the surface, and W′ where the step ends.
        let radius = max(4, 9 * style.scale)
        let ball = mesh.project(view.current)
        let after = mesh.project(view.next)
        let centre = MountainMesh.ballCentre(on: ball.pixel, radius: radius)
        canvas.saved {
            canvas.clip(to: rect)
            MountainMesh.floor(
                camera: camera, grid: grid, names: view.axisNames, palette: scene.palette,
                style: style, on: canvas)
            mesh.drawSorted()
            // Over the surface: the path's last stretch, W′ and the ball, each with a white
            // halo, so that even where no view clears them a ridge never hides where the walk is.
            MountainMesh.strokeOver(
                MountainMesh.lastStretch(path), colour: Colour(hex: 0x11_11_11), width: width,
                on: canvas)
            if after.pixel.isFinite {
                ErrorScaleBar.mark(
                    at: after.pixel, radius: radius * 0.55, filled: false, scene: scene, canvas)
            }
            MountainMesh.drawBall(
                at: centre, radius: radius, colour: scene.palette.marker,
                outline: scene.palette.markerOutline, style: style, on: canvas)
        }
        info.landscape = ErrorScaleBar.draw(
            in: strip, range: range, current: view.current, next: view.next,
            pixels: (centre, after.pixel), scene: scene, style: style, on: canvas)
        try canvas.context.check(during: "drawing the mountain panel")
        return info
    }
}
