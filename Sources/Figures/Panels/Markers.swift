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
        let outline = outline(r)
        if canvas.isRaster {
            try sprites(scene, in: viewport, radius: r, markMistakes: markMistakes, on: canvas)
            return
        }
        canvas.saved {
            canvas.clip(to: viewport.rect)
            if markMistakes {
                canvas.setColour(palette.mistake)
                let ring = mistakeRing(r)
                canvas.setLineWidth(ring.width)
                for (index, p) in scene.points.enumerated() where scene.mistakes[index] {
                    let c = viewport.pixel(p)
                    if isDrawable(c) { canvas.circle(centre: c, radius: ring.radius) }
                }
                canvas.stroke()
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

    /// Rings around misclassified points, outlines of every point, then fills, as in the vector
    /// path, from quarter-pixel sprites.
    private static func sprites(
        _ scene: Scene, in viewport: Viewport, radius r: Double, markMistakes: Bool,
        on canvas: Canvas
    ) throws {
        let target = canvas.context.surface
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

    /// The ring around a marker of radius `r`, so it reads on any shade.
    static func outline(_ r: Double) -> Double {
        max(0.7, r * 0.3)
    }

    /// The circle stroked around a misclassified point with a marker of radius `r`.
    static func mistakeRing(_ r: Double) -> (radius: Double, width: Double) {
        (r + outline(r) + max(1.2, r * 0.5), max(1, r * 0.38))
    }

    /// False for a point so far outside the view (or not a number) that it is clipped away
    /// whole; Cairo's fixed-point coordinates end near ±8 million pixels.
    static func isDrawable(_ c: PixelPoint) -> Bool {
        c.x.magnitude < 1e6 && c.y.magnitude < 1e6
    }

    /// Adds one marker's outline to the current path.
    static func shape(_ shape: MarkerShape, at c: PixelPoint, radius r: Double, on canvas: Canvas) {
        guard isDrawable(c) else { return }
        switch shape {
        case .circle:
            canvas.circle(centre: c, radius: r)
        case .square:
            let s = r * 0.9
            canvas.rectangle(Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
        }
    }
}

/// Identifies one marker's sprites: outline (layer 0), fill (layer 1) or the ring around a
/// misclassified point (layer 2, any class); class; radius.
struct SpriteKey: Hashable, Sendable {
    let layer: Int
    let label: Int
    let radius: Double
}

/// Marker sprites for every marker size a renderer's figures use, made once when the renderer
/// is created and only read afterwards, from any thread.
struct MarkerSprites: Sendable {
    var atlases: [SpriteKey: SpriteAtlas] = [:]

    /// Sprites of both classes, outline and fill, and the mistake ring, for each radius.
    init(radii: Set<Double>, palette: Palette) throws {
        for r in radii {
            for layer in [0, 1] {
                for label in [0, 1] {
                    let key = SpriteKey(layer: layer, label: label, radius: r)
                    atlases[key] = try SpriteAtlas(key, palette)
                }
            }
            let ring = SpriteKey(layer: 2, label: 0, radius: r)
            atlases[ring] = try SpriteAtlas(ring, palette)
        }
    }

    init() {}
}

/// Sprites made while drawing one figure when a size was not made in advance; never shared
/// between figures (or threads).
final class SpriteCache {
    private var atlases: [SpriteKey: SpriteAtlas] = [:]

    func atlas(_ key: SpriteKey, _ palette: Palette) throws -> SpriteAtlas {
        if let atlas = atlases[key] { return atlas }
        let atlas = try SpriteAtlas(key, palette)
        atlases[key] = atlas
        return atlas
    }
}

extension SpriteAtlas {
    /// The outline disc (layer 0) or the class-coloured fill (layer 1) of a marker, or the ring
    /// around a misclassified point (layer 2).
    init(_ key: SpriteKey, _ palette: Palette) throws {
        let r = key.radius
        if key.layer == 2 {
            let ring = Markers.mistakeRing(r)
            try self.init(
                radius: ring.radius + ring.width / 2, colour: palette.mistake, stroke: ring.width
            ) { canvas, centre, _ in
                canvas.circle(centre: centre, radius: ring.radius)
            }
            return
        }
        let shape = palette.shape(label: key.label)
        let full = r + Markers.outline(r)
        try self.init(
            radius: full,
            colour: key.layer == 0 ? palette.markerOutline : palette.fill(label: key.label)
        ) { canvas, centre, _ in
            Markers.shape(shape, at: centre, radius: key.layer == 0 ? full : r, on: canvas)
        }
    }
}
