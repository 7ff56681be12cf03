/// A point in pixels, from the figure's top-left corner, y down.
struct PixelPoint: Equatable, Sendable {
    var x: Double
    var y: Double

    init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both coordinates are finite numbers: a place that can be drawn and written.
    var isFinite: Bool { x.isFinite && y.isFinite }
}

/// A rectangle in pixels, from the figure's top-left corner, y down.
struct Rect: Equatable, Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    var minX: Double { x }
    var minY: Double { y }
    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    /// False when either side is too small to draw in.
    var isUsable: Bool { width >= 1 && height >= 1 }

    /// The rectangle shrunk by `d` on every side (never below zero size).
    func inset(by d: Double) -> Rect {
        inset(top: d, left: d, bottom: d, right: d)
    }

    /// The rectangle shrunk by each margin (never below zero size).
    func inset(top: Double, left: Double, bottom: Double, right: Double) -> Rect {
        Rect(
            x: x + left, y: y + top, width: max(0, width - left - right),
            height: max(0, height - top - bottom))
    }

    /// The rectangle with its corners moved to whole pixels, so images map one to one.
    var integral: Rect {
        let x0 = x.rounded()
        let y0 = y.rounded()
        return Rect(
            x: x0, y: y0, width: max(0, (x + width).rounded() - x0),
            height: max(0, (y + height).rounded() - y0))
    }

    /// The largest rectangle of aspect `width / height = aspect` centred in this one.
    func fitting(aspect: Double) -> Rect {
        guard aspect > 0, aspect.isFinite, width > 0, height > 0 else { return self }
        if width / height > aspect {
            let w = height * aspect
            return Rect(x: x + (width - w) / 2, y: y, width: w, height: height)
        }
        let h = width / aspect
        return Rect(x: x, y: y + (height - h) / 2, width: width, height: h)
    }

    /// Splits off a strip of `amount` pixels from the top: (strip, rest).
    func slicingTop(_ amount: Double) -> (Rect, Rect) {
        let a = min(max(0, amount), height)
        return (
            Rect(x: x, y: y, width: width, height: a),
            Rect(x: x, y: y + a, width: width, height: height - a)
        )
    }

    /// Splits off a strip of `amount` pixels from the left: (strip, rest).
    func slicingLeft(_ amount: Double) -> (Rect, Rect) {
        let a = min(max(0, amount), width)
        return (
            Rect(x: x, y: y, width: a, height: height),
            Rect(x: x + a, y: y, width: width - a, height: height)
        )
    }

    /// True when `other` lies inside this rectangle (allowing `tolerance` pixels).
    func contains(_ other: Rect, tolerance: Double = 1e-9) -> Bool {
        other.minX >= minX - tolerance && other.minY >= minY - tolerance
            && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }

    /// True when the rectangles share some area.
    func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// `[x, y, w, h]`, as the manifest writes it.
    var array: [Double] { [x, y, width, height] }
}
