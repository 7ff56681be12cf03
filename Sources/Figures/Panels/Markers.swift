import Backprop

/// Draws data points: filled in their class colour, ringed so they read on any shade, with
/// misclassified points circled.
///
/// On PDF and SVG every marker is a vector shape. On pixels, each marker is drawn once per
/// quarter-pixel offset into a small sprite and the sprites are copied into place: the same
/// shapes, placed within an eighth of a pixel, at a fraction of the cost of filling every
/// antialiased circle.
enum Markers {
    static func draw(
        _ scene: Scene, in viewport: Viewport, radius r: Double, markMistakes: Bool,
        on canvas: Canvas
    ) throws {
        let palette = scene.palette
        let outline = max(0.7, r * 0.3)
        try canvas.saved {
            canvas.clip(to: viewport.rect)
            if markMistakes {
                canvas.setColour(palette.mistake)
                canvas.setLineWidth(max(1, r * 0.38))
                for (index, p) in scene.points.enumerated() where scene.mistakes[index] {
                    canvas.circle(
                        centre: viewport.pixel(p), radius: r + outline + max(1.2, r * 0.5))
                }
                canvas.stroke()
            }
            if canvas.isRaster {
                try sprites(scene, in: viewport, radius: r, outline: outline, on: canvas)
                return
            }
            // Outlines first, all at once, then the fills of each class on top.
            canvas.setColour(palette.markerOutline)
            for (index, p) in scene.points.enumerated() {
                shape(
                    scene.palette.shape(label: scene.labels[index]), at: viewport.pixel(p),
                    radius: r + outline, on: canvas)
            }
            canvas.fill()
            for label in [0, 1] {
                canvas.setColour(palette.fill(label: label))
                for (index, p) in scene.points.enumerated() where scene.labels[index] == label {
                    shape(palette.shape(label: label), at: viewport.pixel(p), radius: r, on: canvas)
                }
                canvas.fill()
            }
        }
    }

    /// Outlines of every point, then fills, as in the vector path, from quarter-pixel sprites.
    private static func sprites(
        _ scene: Scene, in viewport: Viewport, radius r: Double, outline: Double, on canvas: Canvas
    ) throws {
        let palette = scene.palette
        let half = Int((r + outline + 1).rounded(.up))
        let side = 2 * half + 1
        let phases = 4
        func sprite(layer: Int, label: Int, px: Int, py: Int) throws -> Surface {
            let key = SpriteKey(
                layer: layer, label: label, phaseX: px, phaseY: py, radius: r, palette: palette.name
            )
            if let s = canvas.sprites.surfaces[key] { return s }
            let s = try Surface.transparentImage(width: side, height: side)
            let c = Canvas(try Context(s))
            let centre = PixelPoint(
                Double(half) + 0.5 + Double(px) / Double(phases),
                Double(half) + 0.5 + Double(py) / Double(phases))
            c.setColour(layer == 0 ? palette.markerOutline : palette.fill(label: label))
            shape(
                palette.shape(label: label), at: centre, radius: layer == 0 ? r + outline : r, on: c
            )
            c.fill()
            try c.context.check(during: "drawing a point marker")
            s.flush()
            canvas.sprites.surfaces[key] = s
            return s
        }
        // Where each point's sprite goes: a whole-pixel corner and a quarter-pixel phase.
        let places = scene.points.map { p -> (Int, Int, Int, Int) in
            let q = viewport.pixel(p)
            let fx = (q.x - 0.5) * Double(phases)
            let fy = (q.y - 0.5) * Double(phases)
            let ix = Int(fx.rounded())
            let iy = Int(fy.rounded())
            let cx = ix >= 0 ? ix / phases : (ix - phases + 1) / phases
            let cy = iy >= 0 ? iy / phases : (iy - phases + 1) / phases
            return (cx - half, cy - half, ix - cx * phases, iy - cy * phases)
        }
        for layer in [0, 1] {
            for label in layer == 0 ? [0] : [0, 1] {
                for (index, place) in places.enumerated() {
                    let pointLabel = scene.labels[index]
                    guard layer == 0 || pointLabel == label else { continue }
                    let s = try sprite(layer: layer, label: pointLabel, px: place.2, py: place.3)
                    canvas.blend(sprite: s, x: place.0, y: place.1, side: side)
                }
            }
        }
    }

    /// Adds one marker's outline to the current path.
    static func shape(_ shape: MarkerShape, at c: PixelPoint, radius r: Double, on canvas: Canvas) {
        switch shape {
        case .circle:
            canvas.circle(centre: c, radius: r)
        case .square:
            let s = r * 0.9
            canvas.rectangle(Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
        }
    }
}

/// Identifies one marker sprite: outline (layer 0) or fill (layer 1), class, quarter-pixel phase,
/// radius and palette.
struct SpriteKey: Hashable {
    let layer: Int
    let label: Int
    let phaseX: Int
    let phaseY: Int
    let radius: Double
    let palette: PaletteName
}

/// The marker sprites made while drawing one figure, shared by its panels; never shared
/// between figures (or threads).
final class SpriteCache {
    var surfaces: [SpriteKey: Surface] = [:]
}
