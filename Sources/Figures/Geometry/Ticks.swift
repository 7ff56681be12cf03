import Foundation

/// "Nice" axis tick values: steps of 1, 2 or 5 times a power of ten.
package enum Ticks {
    /// About `target` evenly spaced round values covering `low...high`, all inside the range.
    ///
    /// Of the round steps near `(high − low) / target`, the one whose tick count is closest to
    /// `target` wins (the larger step on a tie).
    static func linear(_ low: Double, _ high: Double, target: Int = 5) -> [Double] {
        guard low.isFinite, high.isFinite, high > low, target >= 1 else {
            return low.isFinite ? [low] : []
        }
        let base = niceStep((high - low) / Double(target))
        var best: [Double] = []
        for step in [base * 2.5, base * 2, base, base / 2, base / 2.5].map(niceStep) {
            let ticks = values(low, high, step: step)
            if best.isEmpty || abs(ticks.count - target) < abs(best.count - target) {
                best = ticks
            }
        }
        return best
    }

    /// The multiples of `step` inside `low...high`, with zero exactly zero.
    private static func values(_ low: Double, _ high: Double, step: Double) -> [Double] {
        let first = (low / step - 1e-9).rounded(.up)
        let last = (high / step + 1e-9).rounded(.down)
        guard last >= first, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let v = k * step
            return abs(v) < step * 1e-9 ? 0 : v
        }
    }

    /// The round step (1, 2 or 5 times a power of ten) nearest above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double
        if fraction <= 1 {
            nice = 1
        } else if fraction <= 2 {
            nice = 2
        } else if fraction <= 5 {
            nice = 5
        } else {
            nice = 10
        }
        return nice * magnitude
    }

    /// Powers of ten inside `low...high` (both positive); with too few, adds 2× and 5× values.
    static func logarithmic(_ low: Double, _ high: Double) -> [Double] {
        guard low > 0, high > low, low.isFinite, high.isFinite else { return [] }
        let first = Int(log10(low).rounded(.up))
        let last = Int(log10(high).rounded(.down))
        var values: [Double] = []
        if last >= first {
            let every = max(1, (last - first + 1) / 6)
            values = stride(from: first, through: last, by: every).map { pow(10, Double($0)) }
        }
        if values.count < 3 {
            var more: [Double] = []
            for e in (first - 1)...(last + 1) {
                for m in [1.0, 2, 5] {
                    let v = m * pow(10, Double(e))
                    if v.isFinite, v >= low * (1 - 1e-12), v <= high * (1 + 1e-12) {
                        more.append(v)
                    }
                }
            }
            values = more
        }
        return values
    }

    /// `value` in one significant digit and its power of ten, as `6e299` or `3e-7`: a number
    /// too large or small for a fixed point (a weight or an error that blew up).
    package static func exponent(_ value: Double) -> String {
        String(format: "%.0e", value).replacingOccurrences(of: "e+0", with: "e")
            .replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+", with: "e")
    }

    /// A short label for `value` that tells neighbouring ticks `step` apart.
    static func label(_ value: Double, step: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1e-4 { return exponent(value) }
        let decimals = max(0, -Int((log10(step)).rounded(.down)))
        if decimals == 0 && magnitude >= 10_000 {
            return grouped(Int(value.rounded()))
        }
        return fixed(value, decimals: decimals)
    }

    /// `value` with `decimals` digits after the point: the text of `String(format: "%.Nf")`,
    /// without going through Foundation's formatter on every label of every frame.
    ///
    /// Rounding `value·10^N` to the nearest whole number agrees with printf's correctly rounded
    /// result except within a hair of a tie, which is left to printf.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = [1.0, 10, 100, 1000, 10_000, 100_000, 1_000_000]
        guard decimals >= 0, decimals < scale.count, value.isFinite else {
            return String(format: "%.\(max(0, decimals))f", value)
        }
        let scaled = abs(value) * scale[decimals]
        let fraction = scaled - scaled.rounded(.down)
        guard scaled < 1e9, abs(fraction - 0.5) > 1e-6 else {
            return String(format: "%.\(decimals)f", value)
        }
        let digits = String(Int64(scaled.rounded()))
        let sign = value.sign == .minus ? "-" : ""
        guard decimals > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
    }

    /// A whole number with thin spaces between groups of three digits.
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (index, c) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "\u{2009}" }
            out.append(c)
        }
        return (n < 0 ? "−" : "") + out
    }
}
