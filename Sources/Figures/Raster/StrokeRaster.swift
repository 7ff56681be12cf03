/// Antialiased straight strokes written into an image's pixels, for raster figures.
///
/// A pixel's coverage across a stroke is the exact area of the pixel square between the
/// stroke's two sides; along it, between its ends (or a dash's), likewise; the two are
/// multiplied, which is exact except where an end cuts a side within the pixel. So a stroke
/// looks as Cairo draws it (to a level or two of 8-bit colour), at a fraction of the cost of
/// Cairo's general polygon rasteriser on long diagonal lines.
enum StrokeRaster {
    /// The area of the unit pixel square centred on the origin on one side of a line, by the
    /// line's signed distance from the centre: for a unit normal with components' magnitudes
    /// `a ≥ b`, the area where `n·p ≤ s`.
    struct Area {
        let inner: Double
        let outer: Double
        let overA: Double
        let overTwoAB: Double

        init(_ n: PixelPoint) {
            let a = max(abs(n.x), abs(n.y))
            let b = min(abs(n.x), abs(n.y))
            inner = (a - b) / 2
            outer = (a + b) / 2
            overA = 1 / a
            overTwoAB = b > 0 ? 1 / (2 * a * b) : 0
        }

        /// The farthest a corner of the pixel lies from its centre along `n`.
        var reach: Double { outer }

        @inline(__always)
        func callAsFunction(_ s: Double) -> Double {
            let t = abs(s)
            // The area beyond |s|, on the side of the nearer edge.
            let beyond: Double
            if t >= outer {
                beyond = 0
            } else if t > inner {
                let u = outer - t
                beyond = u * u * overTwoAB
            } else {
                beyond = 0.5 - t * overA
            }
            return s >= 0 ? 1 - beyond : beyond
        }
    }

    /// Strokes the segment from `p` to `q`, `width` pixels wide with butt ends, in `colour`
    /// (over the pixels, with its opacity), dashed by `dash` (lengths on, off, … from `p`; an odd
    /// count repeats twice; empty is solid), inside `clip` (whole pixels).
    static func stroke(
        from p: PixelPoint, to q: PixelPoint, width: Double, colour: Colour, dash: [Double] = [],
        clip: Rect, onto image: PixelImage
    ) {
        let dx = q.x - p.x
        let dy = q.y - p.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 1e-9, length.isFinite, width > 0 else { return }
        let u = PixelPoint(dx / length, dy / length)  // along
        let n = PixelPoint(-u.y, u.x)  // across
        let area = Area(n)  // the same for u: its components are n's, swapped
        let reach = area.reach
        let half = width / 2
        let dashes = Dashes(dash, length: length)
        let x0 = max(0, Int(clip.minX))
        let x1 = min(image.width, Int(clip.maxX))
        let y0 = max(0, Int(clip.minY), Int((min(p.y, q.y) - half - 1).rounded(.down)))
        let y1 = min(image.height, Int(clip.maxY), Int((max(p.y, q.y) + half + 1).rounded(.up)))
        guard x0 < x1, y0 < y1 else { return }
        let colourRGB = (colour.red * 255, colour.green * 255, colour.blue * 255)
        let opacity = min(1, max(0, colour.alpha))
        for y in y0..<y1 {
            let cy = Double(y) + 0.5 - p.y
            var lo = Double(x0)
            var hi = Double(x1)
            narrow(&lo, &hi, n, from: p, cy, -half - reach, half + reach)
            narrow(&lo, &hi, u, from: p, cy, -reach, length + reach)
            guard lo < hi else { continue }
            let row = image.row(y)
            for x in Int(lo)..<Int(hi) {
                let cx = Double(x) + 0.5 - p.x
                let along = dashes.coverage(at: u.x * cx + u.y * cy, reach: reach, area: area)
                guard along > 0 else { continue }
                let s = n.x * cx + n.y * cy
                let across = area(half - s) - area(-half - s)
                guard across > 0 else { continue }
                row[x] = blend(row[x], colourRGB, opacity * min(1, across * along))
            }
        }
    }

    /// Narrows the columns `lo..<hi` of a row to those whose pixel centres can have
    /// `k·(centre − p)` in `low...high`, where `cy` is the row's centre less `p.y`.
    @inline(__always)
    static func narrow(
        _ lo: inout Double, _ hi: inout Double, _ k: PixelPoint, from p: PixelPoint,
        _ cy: Double, _ low: Double, _ high: Double
    ) {
        let c = k.y * cy - k.x * (p.x - 0.5)  // k·(centre − p) = c + k.x·x
        if abs(k.x) < 1e-12 {
            if c < low || c > high { hi = lo }
            return
        }
        let e0 = (low - c) / k.x
        let e1 = (high - c) / k.x
        lo = max(lo, min(e0, e1).rounded(.down))
        hi = min(hi, max(e0, e1).rounded(.up) + 1)
    }

    /// Where a stroke of `length` pixels is on: the whole of it, or its dashes.
    struct Dashes {
        let length: Double
        /// One period's "on" intervals, from the start of the period.
        let on: [(start: Double, end: Double)]
        let period: Double

        init(_ pattern: [Double], length: Double) {
            self.length = length
            let pattern = pattern.count % 2 == 1 ? pattern + pattern : pattern
            var on: [(start: Double, end: Double)] = []
            var period = 0.0
            for (k, d) in pattern.enumerated() {
                if k % 2 == 0 { on.append((period, period + max(0, d))) }
                period += max(0, d)
            }
            if period > 0 && !on.isEmpty {
                self.on = on
                self.period = period
            } else {
                self.on = [(0, 1)]
                self.period = 0
            }
        }

        /// The coverage along the stroke of a pixel whose centre lies at `t` along it.
        @inline(__always)
        func coverage(at t: Double, reach: Double, area: Area) -> Double {
            if t < reach || t > length - reach {
                // Near an end of the stroke; ends of dashes are handled below.
                if t <= -reach || t >= length + reach { return 0 }
                if period == 0 { return area(length - t) - area(-t) }
            } else if period == 0 {
                return 1
            }
            // Within a period: wholly inside a dash, wholly in a gap, or the general sum.
            let m = t - (t / period).rounded(.down) * period
            var gap = true
            for interval in on {
                if m >= interval.start + reach && m <= interval.end - reach
                    && t >= reach && t <= length - reach
                {
                    return 1
                }
                // Within reach of this dash, here or in the next period or the last one.
                if m > interval.start - reach && m < interval.end + reach
                    || m - period > interval.start - reach || m + period < interval.end + reach
                {
                    gap = false
                }
            }
            return gap ? 0 : partial(at: t, reach: reach, area: area)
        }

        /// The general case: the sum over the dashes within reach of `t`.
        private func partial(at t: Double, reach: Double, area: Area) -> Double {
            var sum = 0.0
            let first = Int(((t - reach) / period).rounded(.down))
            let last = Int(((t + reach) / period).rounded(.down))
            for k in first...last {
                let base = Double(k) * period
                for interval in on {
                    let s0 = max(0, base + interval.start)
                    let s1 = min(length, base + interval.end)
                    guard s1 > s0, s1 > t - reach, s0 < t + reach else { continue }
                    sum += area(s1 - t) - area(s0 - t)
                }
            }
            return sum
        }
    }

    /// `colour` over the opaque pixel `pixel` with opacity `m`, rounded to 8 bits.
    @inline(__always)
    static func blend(_ pixel: UInt32, _ colour: (Double, Double, Double), _ m: Double) -> UInt32 {
        @inline(__always) func channel(_ shift: UInt32, _ c: Double) -> UInt32 {
            let d = Double((pixel >> shift) & 0xFF)
            return UInt32(min(255, max(0, d + (c - d) * m + 0.5))) << shift
        }
        return channel(16, colour.0) | channel(8, colour.1) | channel(0, colour.2)
    }
}
