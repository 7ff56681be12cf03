import CCairo

/// One marker drawn by Cairo at each quarter-pixel offset, in a 4×4 grid of cells, and copied
/// onto a figure's pixels by Porter–Duff "over" (the operator Cairo would use).
struct SpriteAtlas: Sendable {
    static let phases = 4
    /// Pixels from a cell's centre to its edge.
    let half: Int
    /// A cell's side in pixels.
    let side: Int
    /// Premultiplied ARGB32 pixels, native endian: the image is `4·side` square.
    private let pixels: [UInt32]
    /// Four columns per cell of each row of the image, so empty corners are skipped and opaque
    /// runs copied.
    ///
    /// They are the first non-transparent pixel, the first and past-the-last pixel of the
    /// longest opaque run, and past the last non-transparent pixel.
    private let spans: [Int32]

    /// Draws the path `draw(canvas, centre, radius)` adds in every cell, filled with `colour`,
    /// or stroked `stroke` pixels wide; `radius` bounds what is drawn.
    init(
        radius: Double, colour: Colour, stroke: Double? = nil,
        draw: (Canvas, PixelPoint, Double) -> Void
    ) throws {
        half = Int((radius + 1).rounded(.up))
        side = 2 * half + 1
        let n = SpriteAtlas.phases * side
        let surface = try Surface.transparentImage(width: n, height: n)
        let canvas = Canvas(try Context(surface))
        canvas.setColour(colour)
        for py in 0..<SpriteAtlas.phases {
            for px in 0..<SpriteAtlas.phases {
                let centre = PixelPoint(
                    Double(px * side + half) + 0.5 + Double(px) / Double(SpriteAtlas.phases),
                    Double(py * side + half) + 0.5 + Double(py) / Double(SpriteAtlas.phases))
                draw(canvas, centre, radius)
            }
        }
        if let stroke {
            canvas.setLineWidth(stroke)
            canvas.stroke()
        } else {
            canvas.fill()
        }
        try canvas.context.check(during: "drawing point markers")
        surface.flush()
        var copy = [UInt32](repeating: 0, count: n * n)
        if let base = surface.pixels {
            let stride = surface.stride
            for y in 0..<n {
                let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<n { copy[y * n + x] = row[x] }
            }
        }
        pixels = copy
        var spans = [Int32](repeating: 0, count: n * SpriteAtlas.phases * 4)
        for y in 0..<n {
            for cell in 0..<SpriteAtlas.phases {
                let left = cell * side
                let row = Array(copy[(y * n + left)..<(y * n + left + side)])
                let used = row.indices.filter { row[$0] >> 24 != 0 }
                let first = used.first ?? side
                let end = used.last.map { $0 + 1 } ?? side
                var solid = (first, first)
                var x = first
                while x < end {
                    var stop = x
                    while stop < end && row[stop] >> 24 == 255 { stop += 1 }
                    if stop - x > solid.1 - solid.0 { solid = (x, stop) }
                    x = stop + 1
                }
                let k = (y * SpriteAtlas.phases + cell) * 4
                (spans[k], spans[k + 1]) = (Int32(first), Int32(solid.0))
                (spans[k + 2], spans[k + 3]) = (Int32(solid.1), Int32(end))
            }
        }
        self.spans = spans
    }

    /// Composites the sprite centred on `centre` onto an opaque RGB24 image, inside `clip`.
    func composite(centre: PixelPoint, onto image: PixelImage, clip: Rect) {
        let phases = Double(SpriteAtlas.phases)
        // The cell whose drawn centre is nearest: whole pixel plus a quarter-pixel phase.
        let fx = ((centre.x - 0.5) * phases).rounded()
        let fy = ((centre.y - 0.5) * phases).rounded()
        let cx = Int((fx / phases).rounded(.down))
        let cy = Int((fy / phases).rounded(.down))
        let phaseX = Int(fx) - cx * SpriteAtlas.phases
        let phaseY = Int(fy) - cy * SpriteAtlas.phases
        let x0 = cx - half
        let y0 = cy - half
        let xs = max(x0, Int(clip.minX), 0)..<min(x0 + side, Int(clip.maxX), image.width)
        let ys = max(y0, Int(clip.minY), 0)..<min(y0 + side, Int(clip.maxY), image.height)
        guard !xs.isEmpty, !ys.isEmpty else { return }
        let width = SpriteAtlas.phases * side
        pixels.withUnsafeBufferPointer { sprite in
            spans.withUnsafeBufferPointer { spans in
                for y in ys {
                    let row = image.row(y)
                    let atlasRow = phaseY * side + y - y0
                    // sprite[source + x] lies under pixel x of the row.
                    let source = atlasRow * width + phaseX * side - x0
                    let k = (atlasRow * SpriteAtlas.phases + phaseX) * 4
                    let first = max(xs.lowerBound, x0 + Int(spans[k]))
                    let last = min(xs.upperBound, x0 + Int(spans[k + 3]))
                    guard first < last else { continue }
                    let solidStart = min(max(first, x0 + Int(spans[k + 1])), last)
                    let solidEnd = max(min(last, x0 + Int(spans[k + 2])), solidStart)
                    for x in first..<solidStart {
                        row[x] = SpriteAtlas.over(sprite[source + x], row[x])
                    }
                    for x in solidStart..<solidEnd { row[x] = sprite[source + x] & 0x00FF_FFFF }
                    for x in solidEnd..<last {
                        row[x] = SpriteAtlas.over(sprite[source + x], row[x])
                    }
                }
            }
        }
    }

    /// Premultiplied `source` over opaque `destination`, per channel
    /// `s + d·(255 − a)/255` rounded as Cairo's pixman does (exact for `a` = 0 and 255 too).
    ///
    /// Red and blue are scaled together in one 32-bit multiply (their 16-bit fields never
    /// carry into each other), and the sum never exceeds 255 because `s ≤ a` when premultiplied.
    @inline(__always)
    static func over(_ source: UInt32, _ destination: UInt32) -> UInt32 {
        let keep = 255 - (source >> 24)
        var rb = (destination & 0x00FF_00FF) &* keep &+ 0x0080_0080
        rb = ((rb &+ ((rb >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
        var g = ((destination >> 8) & 0xFF) &* keep &+ 0x80
        g = ((g &+ (g >> 8)) >> 8) << 8
        return (source & 0x00FF_FFFF) &+ rb &+ g
    }
}
