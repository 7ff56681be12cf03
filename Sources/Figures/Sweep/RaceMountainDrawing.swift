import Backprop
import Foundation

/// What the race mountain drew of one runner: the points of its path (plane coordinates and the
/// surface's height) and where each landed, and its ball.
struct RaceMountainPath: Sendable {
    /// The runner's name, as its path's.
    var name: String
    /// The path's points as drawn, in order (every point, or every few of a very long path).
    var points: [PathPoint]
    /// Where each of ``points`` is drawn, in pixels.
    var pixels: [PixelPoint]
    /// The ball: the runner's last recorded weights, and its centre in pixels.
    var ball: PathPoint
    var ballCentre: PixelPoint
}

/// What the race mountain drew: each runner's path and ball, the camera it chose and where the
/// start `W0` is.
struct RaceMountain: Sendable {
    /// Every runner with a path, in the runners' order.
    var paths: [RaceMountainPath]
    /// The camera: the usual one, or the first turn of it from which no ridge hides the start
    /// or a ball (``MountainOcclusion``), as the mountain panel chooses its own.
    var camera: MountainCamera.Angles
    /// Whether no ridge hides the start or any ball from ``camera``.
    var clear: Bool
    /// The start `W0` as drawn (pixels), and whether it is drawn over everything (in sight) or
    /// among the quads, where a ridge in front of it hides it as it hides the paths.
    var start: PixelPoint?
    var startOver: Bool
}

/// Draws a race's mountain: the surface in perspective, every runner's path and ball, and the
/// race surface's legend.
struct RaceMountainDrawing {
    /// The race, its title, style and palette, with the title, note and legend every race
    /// figure draws.
    let chrome: RaceChrome

    /// Draws the figure; returns what it drew.
    @discardableResult
    func draw(on canvas: Canvas) throws -> RaceMountain {
        let body = chrome.drawHeading(on: canvas)
        let (plot, legend) = chrome.slicingLegend(body)
        // The colour bar of E beside the mountain, as the mountain panel has it.
        let (rect, strip) = plot.slicingLeft(plot.width - ErrorScaleBar.width(style: chrome.style))
        let drawn = try drawMountain(in: rect.integral, on: canvas)
        if !chrome.style.textless, strip.width > 4, strip.height > 4 {
            _ = ErrorScaleBar.drawScale(
                in: strip.inset(
                    top: plot.height * 0.15, left: 0, bottom: plot.height * 0.15, right: 0),
                range: chrome.landscape.grid.range, linesBelow: 0, palette: chrome.palette,
                style: chrome.style,
                on: canvas)
        }
        chrome.drawLegend(in: legend, on: canvas)
        try canvas.context.check(during: "drawing the race mountain")
        return drawn
    }

    /// The camera that keeps the start and every ball in sight, and whether one does.
    static func camera(for landscape: RaceLandscape) -> (MountainCamera.Angles, clear: Bool) {
        let start = landscape.paths.first?.points.first.map { [$0] } ?? []
        let balls = landscape.paths.compactMap(\.points.last)
        let grid = landscape.grid
        return MountainOcclusion(grid: grid).camera(
            showing: MountainOcclusion.floating(start + balls, grid: grid))
    }

    /// The mesh, every path among its quads, then over everything each path's last stretch
    /// and the balls, so that no ridge hides where a runner is; the start `W0` over everything
    /// too when the camera shows it, else among the quads like the paths leaving it.
    func drawMountain(in rect: Rect, on canvas: Canvas) throws -> RaceMountain {
        let grid = chrome.landscape.grid
        let (angles, clear) = Self.camera(for: chrome.landscape)
        guard rect.isUsable else {
            return RaceMountain(
                paths: [], camera: angles, clear: clear, start: nil, startOver: false)
        }
        var mesh = MountainMesh(grid: grid, rect: rect, angles: angles, on: canvas)
        let width = max(1.4, 2.2 * chrome.style.scale)
        let radius = max(4, 7 * chrome.style.scale)
        let colours = RaceRunner.pathColours(chrome.runners)
        var drawn: [RaceMountainPath] = []
        var projected: [[MountainCamera.Projected]] = []
        for (path, colour) in zip(chrome.landscape.paths, colours) {
            let points = SurfacePanel.thinned(path.points)
            let pixels = points.map(mesh.project)
            guard let last = path.points.last else { continue }
            mesh.addPath(pixels, colour: colour, width: width, on: canvas)
            projected.append(pixels)
            drawn.append(
                RaceMountainPath(
                    name: path.name, points: points, pixels: pixels.map(\.pixel), ball: last,
                    ballCentre: MountainMesh.ballCentre(
                        on: mesh.project(last).pixel, radius: radius)))
        }
        let startPoint = chrome.landscape.paths.first?.points.first
        let start = startPoint.map(mesh.project)
        // W0 in sight of the camera is drawn over everything, as the legend draws it; one a
        // ridge stands in front of (no view clears it) among the quads, hidden as its paths are.
        let startOver =
            startPoint.map {
                !MountainOcclusion(grid: grid).hides(
                    MountainOcclusion.floating([$0], grid: grid)[0], from: angles)
            } ?? false
        let style = chrome.style
        if let start, !startOver {
            mesh.add(at: start) { RaceChrome.drawStart(at: start.pixel, style: style, on: canvas) }
        }
        canvas.saved {
            canvas.clip(to: rect)
            let names = chrome.landscape.axes == .weights ? ("w1", "w2") : ("PC1", "PC2")
            MountainMesh.floor(
                camera: mesh.camera, grid: grid, names: names, palette: chrome.palette,
                style: chrome.style,
                on: canvas)
            mesh.drawSorted()
            for (pixels, colour) in zip(projected, colours) {
                MountainMesh.strokeOver(
                    MountainMesh.lastStretch(pixels), colour: colour, width: width, on: canvas)
            }
            // W0, the shared start, as the legend draws it; then the balls, the farthest first.
            if let start, startOver {
                RaceChrome.drawStart(at: start.pixel, style: style, on: canvas)
            }
            let order = drawn.indices.sorted {
                mesh.project(drawn[$0].ball).depth > mesh.project(drawn[$1].ball).depth
            }
            for i in order {
                MountainMesh.drawBall(
                    at: drawn[i].ballCentre, radius: radius, colour: colours[i],
                    outline: Colour(hex: 0xFF_FF_FF), style: chrome.style, on: canvas)
            }
        }
        return RaceMountain(
            paths: drawn, camera: angles, clear: clear, start: start?.pixel,
            startOver: startOver)
    }
}
