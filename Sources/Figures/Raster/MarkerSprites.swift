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
