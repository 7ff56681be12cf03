/// Where the diagram's words go: its key, wrapped under the network instead of cut, and each
/// change's number beside its mark where it crosses the fewest edges and meets no other word,
/// node or mark.
enum DiagramLabels {
    /// The key's items, in full (as on the diagram figure) or in short (as in a frame's cell).
    static func keyItems(scene: Scene, short: Bool) -> [String] {
        let vote = !scene.hidden.isEmpty && scene.shading(layer: scene.hidden.count - 1) == .vote
        let asked = scene.derived.focus == nil || scene.options.wish == .batch ? "E" : "e"
        let changes = scene.options.wish != WishSource.none
        let zero = scene.layers.contains {
            $0.biases.contains(0) || $0.weights.contains { $0.contains(0) }
        }
        if short {
            return ["blue w > 0", "red w < 0"] + (zero ? ["grey w = 0"] : [])
                + (changes ? ["▲ Δw > 0", "▼ Δw < 0"] : [])
        }
        return ["blue edge: w > 0", "red edge: w < 0"] + (zero ? ["grey edge: w = 0"] : [])
            + (changes
                ? [
                    "▲ Δw > 0, ▼ Δw < 0: the change asked, Δw = −η ∂\(asked)/∂w (larger for larger |Δw|)"
                ]
                : []) + ["1: bias node"] + (vote ? ["last hidden layer: its vote"] : [])
    }

    /// The key as lines no wider than `width` in the current font: items joined with " · ",
    /// an item too long for a line broken at its spaces.
    static func wrap(_ items: [String], width: Double, on canvas: Canvas) -> [String] {
        var lines: [String] = []
        var line = ""
        for item in items {
            let candidate = line.isEmpty ? item : line + " · " + item
            if canvas.width(of: candidate) <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            let parts = SlideDeck.wrap(item, width: width) { canvas.width(of: $0) }
            lines += parts.dropLast()
            line = parts.last ?? ""
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The key's lines for a diagram in `rect`: in full where they take at most two lines and a
    /// fifth of its height, else in short (never cut).
    static func key(in rect: Rect, scene: Scene, style: Style, on canvas: Canvas) -> [String] {
        guard !style.textless else { return [] }
        canvas.setFont(size: style.tickFont)
        let full = wrap(keyItems(scene: scene, short: false), width: rect.width, on: canvas)
        if full.count <= 2 && Double(full.count) * lineHeight(style) <= rect.height / 5 {
            return full
        }
        return wrap(keyItems(scene: scene, short: true), width: rect.width, on: canvas)
    }

    static func lineHeight(_ style: Style) -> Double { (style.tickFont * 1.35).rounded(.up) }

    /// Where a change's number goes: beside its mark (right, left, above, below, then the
    /// corners), the place that meets no box of `taken` and crosses the fewest `edges`; nil
    /// when every place meets one or leaves `bounds`.
    static func place(
        size: (width: Double, height: Double), mark c: PixelPoint, markSize s: Double,
        edges: [(PixelPoint, PixelPoint, Double)], taken: [Rect], bounds: Rect
    ) -> Rect? {
        let (w, h) = size
        let d = s * 0.9 + 2
        let candidates = [
            Rect(x: c.x + d, y: c.y - h / 2, width: w, height: h),
            Rect(x: c.x - d - w, y: c.y - h / 2, width: w, height: h),
            Rect(x: c.x - w / 2, y: c.y - s - 2 - h, width: w, height: h),
            Rect(x: c.x - w / 2, y: c.y + s + 2, width: w, height: h),
            Rect(x: c.x + d, y: c.y - s - h, width: w, height: h),
            Rect(x: c.x + d, y: c.y + s, width: w, height: h),
            Rect(x: c.x - d - w, y: c.y - s - h, width: w, height: h),
            Rect(x: c.x - d - w, y: c.y + s, width: w, height: h),
        ]
        var best: (rect: Rect, crossings: Int)?
        for box in candidates where bounds.contains(box, tolerance: 0) {
            guard !taken.contains(where: { $0.intersects(box) }) else { continue }
            let crossings = edges.filter { crosses($0.0, $0.1, box.inset(by: -$0.2 / 2)) }.count
            if crossings < (best?.crossings ?? .max) { best = (box, crossings) }
            if crossings == 0 { break }
        }
        return best?.rect
    }

    /// True when the segment from `a` to `b` passes through `r` (Liang–Barsky clipping).
    static func crosses(_ a: PixelPoint, _ b: PixelPoint, _ r: Rect) -> Bool {
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        var (t0, t1) = (0.0, 1.0)
        for (p, q) in [
            (-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y),
        ] {
            if p == 0 {
                if q < 0 { return false }
                continue
            }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return false }
        }
        return true
    }
}
