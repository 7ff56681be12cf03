import Backprop

/// A panel's data points: filled in their class colour, ringed so they read on any shade, with
/// misclassified points circled when `markMistakes`.
///
/// On PDF and SVG every marker is a vector shape. On pixels, each marker is drawn once per
/// quarter-pixel offset into a small sprite and the sprites are copied into place: the same
/// shapes, placed within an eighth of a pixel, at a fraction of the cost of filling every
/// antialiased circle.
struct MarkerLayer: RasterDrawable {
    let scene: Scene
    let viewport: Viewport
    let radius: Double
    let markMistakes: Bool

    func drawVector(on canvas: Canvas) throws {
        let (scene, viewport, r) = (self.scene, self.viewport, radius)
        let palette = scene.palette
        let outline = Markers.outline(r)
        canvas.saved {
            canvas.clip(to: viewport.rect)
            if markMistakes {
                canvas.setColour(palette.mistake)
                let ring = Markers.mistakeRing(r)
                canvas.setLineWidth(ring.width)
                for (index, p) in scene.points.enumerated() where scene.mistakes[index] {
                    canvas.circle(centre: viewport.pixel(p), radius: ring.radius)
                }
                canvas.stroke()
            }
            // Outlines first, all at once, then the fills of each class on top.
            canvas.setColour(palette.markerOutline)
            for (index, p) in scene.points.enumerated() {
                Markers.shape(
                    scene.palette.shape(label: scene.labels[index]), at: viewport.pixel(p),
                    radius: r + outline, on: canvas)
            }
            canvas.fill()
            for label in [0, 1] {
                canvas.setColour(palette.fill(label: label))
                for (index, p) in scene.points.enumerated() where scene.labels[index] == label {
                    Markers.shape(
                        palette.shape(label: label), at: viewport.pixel(p), radius: r, on: canvas)
                }
                canvas.fill()
            }
        }
    }

    /// Rings around misclassified points, outlines of every point, then fills, as in the vector
    /// path, from quarter-pixel sprites.
    func drawPixels(into target: Surface, on canvas: Canvas) throws {
        let (scene, viewport, r) = (self.scene, self.viewport, radius)
        target.flush()
        guard let image = PixelImage(target) else { return }
        let clip = viewport.rect.integral
        let places = scene.points.map(viewport.pixel)
        func atlas(_ layer: Int, _ label: Int) throws -> SpriteAtlas {
            let key = SpriteKey(layer: layer, label: label, radius: r)
            return try scene.sprites.atlases[key] ?? canvas.sprites.atlas(key, scene.palette)
        }
        let outlines = [try atlas(0, 0), try atlas(0, 1)]
        let fills = [try atlas(1, 0), try atlas(1, 1)]
        let labels = scene.labels
        if markMistakes {
            let ring = try atlas(2, 0)
            for (index, place) in places.enumerated() where scene.mistakes[index] {
                ring.composite(centre: place, onto: image, clip: clip)
            }
        }
        for (index, place) in places.enumerated() {
            outlines[labels[index] == 1 ? 1 : 0].composite(centre: place, onto: image, clip: clip)
        }
        for label in [0, 1] {
            for (index, place) in places.enumerated() where labels[index] == label {
                fills[label].composite(centre: place, onto: image, clip: clip)
            }
        }
        target.markDirty()
    }
}
