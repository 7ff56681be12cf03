import Backprop
import Foundation

/// A race's still figures: its error surface seen from above (`raceSurface`), or in
/// perspective (`raceMountain`).
package enum RaceView: String, Sendable, CaseIterable {
    /// The error surface of the race's plane with every runner's path in its colour (the
    /// errors figure's), each path's variance share and gap in the legend.
    case raceSurface
    /// The same surface in perspective (the mountain panel's camera, mesh and halos), every
    /// runner's path and ball in its colour, the legend by value.
    case raceMountain
}

extension SweepFigure {
    /// A race's figure in `view`.
    ///
    /// `runners` lists every runner in order; `landscape.paths` holds those with a path, in the
    /// same order.
    package static func race(
        _ view: RaceView, _ landscape: RaceLandscape, runners: [RaceRunner], title: String,
        width: Int, height: Int, palette: PaletteName = .lesson, format: FileFormat,
        pngCompression: Int = RenderOptions.defaultPNGCompression
    ) throws -> Data {
        try render(
            title: title, width: width, height: height, palette: palette, format: format,
            pngCompression: pngCompression
        ) { canvas, style, palette in
            let chrome = RaceChrome(
                landscape: landscape, runners: runners, title: title, style: style, palette: palette
            )
            switch view {
            case .raceSurface:
                try RaceSurfaceDrawing(chrome: chrome).draw(on: canvas)
            case .raceMountain:
                try RaceMountainDrawing(chrome: chrome).draw(on: canvas)
            }
        }
    }

    /// The size of the race surface: at least 640×400, so the legend stays legible.
    public static func raceSize(width: Int, height: Int) -> (Int, Int) {
        (max(width, 640), max(height, 400))
    }
}

/// Draws a race's surface, its paths and their legend.
struct RaceSurfaceDrawing {
    /// The race, its title, style and palette, with the title, note and legend every race
    /// figure draws.
    let chrome: RaceChrome

    func draw(on canvas: Canvas) throws {
        let body = chrome.drawHeading(on: canvas)
        let (plotArea, legend) = chrome.slicingLegend(body)
        try drawPlot(in: plotArea, paths: chrome.landscape.paths, on: canvas)
        chrome.drawLegend(in: legend, on: canvas)
        try canvas.context.check(during: "drawing the race surface")
    }

    /// The surface in `area` with its axes, and `paths` (the landscape's, or each walked so far
    /// in a race's frame) in the runners' colours, each with its start ring and its ball.
    func drawPlot(in area: Rect, paths: [RacePath], on canvas: Canvas) throws {
        let full = SurfacePanel.plotRect(cell: area, style: chrome.style)
        let (plot, strip) = full.slicingLeft(full.width - ErrorScaleBar.width(style: chrome.style))
        let rect = plot.integral
        let grid = chrome.landscape.grid
        let map = SurfaceMap(grid: grid, rect: rect)
        try canvas.draw(SurfaceShading(grid: grid, rect: rect))
        let pathColours = RaceRunner.pathColours(chrome.runners)
        canvas.saved {
            canvas.clip(to: rect)
            SurfacePanel.levelCurves(map: map, style: chrome.style, on: canvas)
            canvas.setRoundCaps()
            // Every line equally wide; where runners run together the earlier lines show as
            // bands around the later (``RaceLines``).
            let lines = zip(paths, pathColours).map { path, _ in
                SurfacePanel.thinned(path.points).map { map.pixel($0.u, $0.v) }
            }
            RaceLines(paths: lines, colours: pathColours, scale: chrome.style.scale).draw(
                on: canvas)
            // The start, then the balls, so where each runner is shows above every line.
            if let start = paths.first?.points.first {
                RaceChrome.drawStart(
                    at: map.pixel(start.u, start.v), style: chrome.style, on: canvas)
            }
            for (path, colour) in zip(paths, pathColours) {
                guard let end = path.points.last else { continue }
                RaceChrome.drawBall(
                    at: map.pixel(end.u, end.v), colour: colour, style: chrome.style, on: canvas)
            }
        }
        PanelChrome.frame(rect, palette: chrome.palette, on: canvas)
        let names = chrome.landscape.axes == .weights ? ("w1", "w2") : ("PC1", "PC2")
        SurfacePanel.axes(
            rect: rect, domain: grid.domain, names: names, palette: chrome.palette,
            style: chrome.style,
            on: canvas)
        if !chrome.style.textless, strip.width > 4, strip.height > 4 {
            _ = ErrorScaleBar.drawScale(
                in: strip, range: grid.range, linesBelow: 0, palette: chrome.palette,
                style: chrome.style,
                on: canvas)
        }
    }
}
