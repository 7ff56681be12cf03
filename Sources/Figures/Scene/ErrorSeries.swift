/// The error of every epoch, reduced for drawing: long series keep, per bin of epochs, the
/// first, lowest, highest and last values in epoch order, so the curve's envelope is exact.
struct ErrorSeries: Sendable {
    /// `errors[e]` for every epoch.
    let errors: [Double]
    /// Epochs per bin (1 when the series is short enough to draw whole).
    let binSize: Int
    /// Per bin: (epoch, error) pairs in epoch order.
    private let bins: [[(Int, Double)]]

    /// The top of an error axis that a few spikes do not set: the largest of the first error,
    /// the last one and the 99th percentile of all of them (so a curve that ends high, as a
    /// test error turning up, is never clipped).
    let robustMaximum: Double

    /// Series longer than `2 × maximumBins` values are reduced to `maximumBins` bins.
    init(errors: [Double], maximumBins: Int = 4096) {
        self.errors = errors
        let sorted = errors.sorted()
        robustMaximum =
            sorted.isEmpty
            ? 1
            : max(
                errors[0], errors[errors.count - 1],
                sorted[min(sorted.count - 1, Int(0.99 * Double(sorted.count)))])
        guard errors.count > 2 * maximumBins else {
            binSize = 1
            bins = []
            return
        }
        let size = (errors.count + maximumBins - 1) / maximumBins
        binSize = size
        var bins: [[(Int, Double)]] = []
        var start = 0
        while start < errors.count {
            let end = min(start + size, errors.count)
            var low = start
            var high = start
            for e in start..<end {
                if errors[e] < errors[low] { low = e }
                if errors[e] > errors[high] { high = e }
            }
            let keep = Set([start, low, high, end - 1]).sorted()
            bins.append(keep.map { ($0, errors[$0]) })
            start = end
        }
        self.bins = bins
    }

    /// The largest error; for the axis.
    var maximum: Double { errors.max() ?? 1 }

    /// The smallest positive error; for a logarithmic axis.
    var minimumPositive: Double { errors.filter { $0 > 0 }.min() ?? 1e-3 }

    /// The vertices from epoch `first` through `last` placed by `place`, leaving out those closer
    /// than half a pixel to the last one kept (the last vertex is always kept): a 2,000-epoch
    /// curve needs no more points than pixels.
    func pixels(
        from first: Int, through last: Int, place: (Int, Double) -> PixelPoint
    ) -> [PixelPoint] {
        let vertices = vertices(from: first, through: last)
        var out: [PixelPoint] = []
        out.reserveCapacity(min(vertices.count, 4096))
        for (index, (epoch, error)) in vertices.enumerated() {
            let p = place(epoch, error)
            if let kept = out.last, index < vertices.count - 1,
                abs(p.x - kept.x) < 0.5 && abs(p.y - kept.y) < 0.5
            {
                continue
            }
            out.append(p)
        }
        return out
    }

    /// The (epoch, error) vertices to draw from epoch `first` to epoch `last`, inclusive.
    func vertices(from first: Int, through last: Int) -> [(Int, Double)] {
        guard !errors.isEmpty, first <= last else { return [] }
        let lo = max(0, first)
        let hi = min(errors.count - 1, last)
        guard lo <= hi else { return [] }
        if binSize == 1 { return (lo...hi).map { ($0, errors[$0]) } }
        var out: [(Int, Double)] = [(lo, errors[lo])]
        let firstBin = lo / binSize
        let lastBin = hi / binSize
        for b in firstBin...lastBin {
            if b == firstBin || b == lastBin {
                // Partial bins are reduced over the part inside the range.
                let start = max(lo, b * binSize)
                let end = min(hi, (b + 1) * binSize - 1)
                guard start <= end else { continue }
                var low = start
                var high = start
                for e in start...end {
                    if errors[e] < errors[low] { low = e }
                    if errors[e] > errors[high] { high = e }
                }
                for e in Set([start, low, high, end]).sorted() { out.append((e, errors[e])) }
            } else {
                out.append(contentsOf: bins[b])
            }
        }
        return out
    }
}
