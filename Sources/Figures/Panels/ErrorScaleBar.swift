import Backprop
import Foundation

/// The landscapes' scale of `E`: a colour bar of the heights' colours under an "E", with `E`'s
/// numbers beside it, `W` (a filled dot) and `W′` (a ring) marked on it at `E(W)` and `E(W′)`,
/// and the two values written under it ("W 0.512", "W′ 0.509").
enum ErrorScaleBar {
    /// The room the bar and its numbers take beside a plot.
    static func width(style: Style) -> Double {
        style.textless ? 0 : (style.tickFont * 6).rounded(.up)
    }

    /// Draws the scale of heights `range` in `area` (the strip right of the plot), with `W` at
    /// `current` and `W′` at `next`; returns what the manifest states of it.
    ///
    /// A step that blew up leaves `W′` (or even `W`) at a place or an error that is no finite
    /// number: such a mark is drawn nowhere, and the info states no place or error for it.
    static func draw(
        in area: Rect, range: ClosedRange<Double>, current: PathPoint, next: PathPoint,
        pixels: (PixelPoint, PixelPoint), scene: Scene, style: Style, on canvas: Canvas
    ) -> LandscapeScaleInfo {
        let (lo, hi) = (range.lowerBound, range.upperBound)
        var info = LandscapeScaleInfo(
            range: [lo, hi], ticks: [], bar: [],
            errors: [current.error, next.error].map { $0.isFinite ? $0 : nil },
            pixels: [pixels.0, pixels.1].map { $0.isFinite ? [$0.x, $0.y] : nil })
        guard !style.textless, area.width > 4, area.height > 4 else { return info }
        let scale = drawScale(
            in: area, range: range, linesBelow: 2, palette: scene.palette, style: style,
            on: canvas)
        let (bar, r, m) = (scale.bar, scale.markRadius, canvas.fontMetrics)
        info.bar = bar.array
        info.ticks = scale.ticks
        let span = max(hi - lo, 1e-12)
        func y(_ e: Double) -> Double { bar.maxY - min(1, max(0, (e - lo) / span)) * bar.height }
        // W and W′ on the bar, left of it, each where its error is a finite number.
        let x = bar.minX - r - 2
        for (e, filled) in [(current.error, true), (next.error, false)] where e.isFinite {
            mark(at: PixelPoint(x, y(e)), radius: r, filled: filled, scene: scene, canvas)
        }
        // The two values, under the bar.
        canvas.setColour(scene.palette.text)
        var baseline = bar.maxY + m.ascent + m.descent + 2
        for (name, e, filled) in [("W", current.error, true), ("W′", next.error, false)] {
            mark(
                at: PixelPoint(area.x + r + 1, baseline - m.ascent * 0.35), radius: r * 0.9,
                filled: filled, scene: scene, canvas)
            canvas.setColour(scene.palette.text)
            canvas.text(name + " " + words(e), x: area.x + 2 * r + 4, baseline: baseline)
            baseline += m.ascent + m.descent + 2
        }
        return info
    }

    /// An error as written under the bar: three decimals ("0.512"); from a million on, its
    /// order of magnitude in as few characters ("3e298", as a step that blew up leaves it); or
    /// what it is when it is no number ("∞", "NaN").
    static func words(_ e: Double) -> String {
        if e.isNaN { return "NaN" }
        if e.isInfinite { return e > 0 ? "∞" : "−∞" }
        return abs(e) >= 1e6 ? Ticks.exponent(e) : Ticks.fixed(e, decimals: 3)
    }

    /// Draws the bar of heights `range` in `area`, and returns it with its numbers and the
    /// marks' radius.
    ///
    /// An "E" over the ramp of the heights' colours, framed, with `E`'s numbers right of it,
    /// room left of it for marks and room for `linesBelow` lines of text under it.
    static func drawScale(
        in area: Rect, range: ClosedRange<Double>, linesBelow: Int, palette: Palette,
        style: Style, on canvas: Canvas
    ) -> (bar: Rect, ticks: [Double], markRadius: Double) {
        let (lo, hi) = (range.lowerBound, range.upperBound)
        canvas.setFont(size: style.tickFont)
        let m = canvas.fontMetrics
        // "E" over the bar, and room under it for "W 0.512" and "W′ 0.509".
        let line = m.ascent + m.descent + 2
        let barWidth = max(6, style.tickFont * 0.8)
        let r = max(2.5, barWidth * 0.45)
        let top = area.y + line + m.ascent / 2
        let bar = Rect(
            x: area.x + 2 * r + 5, y: top, width: barWidth,
            height: max(4, area.maxY - top - Double(linesBelow) * line - m.ascent / 2))
        canvas.setColour(palette.text)
        canvas.text("E", x: bar.midX, baseline: area.y + m.ascent, align: .centre)
        let span = max(hi - lo, 1e-12)
        func y(_ e: Double) -> Double { bar.maxY - min(1, max(0, (e - lo) / span)) * bar.height }
        // The ramp, one strip a pixel high.
        let strips = max(1, Int(bar.height.rounded(.up)))
        for k in 0..<strips {
            let top = bar.y + Double(k) * bar.height / Double(strips)
            let t = 1 - (Double(k) + 0.5) / Double(strips)
            canvas.fill(
                Rect(x: bar.x, y: top, width: bar.width, height: bar.height / Double(strips) + 0.5),
                HeightRamp.colour(t))
        }
        canvas.setColour(palette.frame)
        canvas.setLineWidth(1)
        canvas.setDash([])
        canvas.rectangle(bar)
        canvas.stroke()
        // E's numbers.
        let ticks = Ticks.linear(lo, hi, target: max(3, min(6, Int(bar.height / (3 * m.ascent)))))
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : max(hi - lo, 1e-12)
        canvas.setColour(palette.mutedText)
        for t in ticks {
            canvas.move(to: PixelPoint(bar.maxX, y(t)))
            canvas.line(to: PixelPoint(bar.maxX + 3, y(t)))
            canvas.stroke()
            canvas.text(
                Ticks.label(t, step: step), x: bar.maxX + 5, middle: y(t), align: .left)
        }
        return (bar, ticks, r)
    }

    /// `W` as a filled dot or `W′` as a ring, in the marker's colour with a white halo.
    static func mark(
        at p: PixelPoint, radius r: Double, filled: Bool, scene: Scene, _ canvas: Canvas
    ) {
        let palette = scene.palette
        canvas.setDash([])
        if filled {
            canvas.setColour(palette.markerOutline)
            canvas.circle(centre: p, radius: r + 1.2)
            canvas.fill()
            canvas.setColour(palette.marker)
            canvas.circle(centre: p, radius: r)
            canvas.fill()
        } else {
            canvas.setColour(palette.markerOutline)
            canvas.setLineWidth(max(1.2, r * 0.45) + 2)
            canvas.circle(centre: p, radius: r)
            canvas.stroke()
            canvas.setColour(palette.marker)
            canvas.setLineWidth(max(1.2, r * 0.45))
            canvas.circle(centre: p, radius: r)
            canvas.stroke()
        }
    }
}

/// A landscape's scale of `E` and its two marks, for the manifest.
public struct LandscapeScaleInfo: Sendable, Equatable, Codable {
    /// `E` at the colour bar's bottom and top: the lowest and highest heights drawn; `nil`
    /// (written `null`) when no height of the surface is a finite number and no bar is drawn.
    public var range: [Double]?
    /// The numbers written beside the bar.
    public var ticks: [Double]
    /// The bar, `[x, y, w, h]` in pixels (empty where the figure has no text).
    public var bar: [Double]
    /// `E(W)` (recorded) and `E(W′)`, as written under the bar; `nil` for one that is no
    /// finite number (a step that blew up), marked nowhere on the bar.
    public var errors: [Double?]
    /// Where `W` and `W′` are drawn on the plot, pixels; `nil` for one whose place is no finite
    /// number (a step that blew up), drawn nowhere.
    public var pixels: [[Double]?]
    /// The message drawn in place of the surface when no height of it is a finite number
    /// (``NoSurface``); absent otherwise.
    public var message: String?

    private enum CodingKeys: String, CodingKey {
        case range, ticks, bar, errors, pixels, message
    }

    /// Encodes every key, writing `null` for a range the surface does not have.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range, forKey: .range)
        try container.encode(ticks, forKey: .ticks)
        try container.encode(bar, forKey: .bar)
        try container.encode(errors, forKey: .errors)
        try container.encode(pixels, forKey: .pixels)
        try container.encodeIfPresent(message, forKey: .message)
    }
}
