import Foundation

/// A perceptron's error `E(w1, w2; b)` over a lattice of `(w1, w2)`, fast: the fast path behind
/// ``PlaneEvaluator/grid(u:v:)`` for the `w1,w2` axes, tested equal to the plain evaluation.
///
/// With `z = w1·x1 + (w2·x2 + b)`, the factor `e^(−|z|)` of the cross-entropy is the smaller of
/// `e^(−w1·x1) · e^(−(w2·x2 + b))` and its reciprocal: products of one exponential per column and
/// point and one per row and point, so the lattice needs no exponential per cell. As in the
/// trainer, `Σ ln(1 + e^(−|z|))` is the logarithm of a product, and `Σ −y·z` is
/// `−(w1·Σ y·x1 + w2·Σ y·x2 + b·Σ y)`. Used only where every exponent stays within ±300, so
/// nothing overflows; elsewhere the plain evaluation runs.
enum PerceptronGrid {
    /// Points per block: each lane's product of at most 128 factors of at most 2 stays below
    /// 2^128, and the four lanes' product below 2^512.
    static let blockVectors = 128
    /// Columns of the lattice swept together, so their tables stay in cache.
    static let columnBlock = 16

    /// The heights, row by row (`v` bottom to top, `u` left to right), or `nil` when an exponent
    /// would leave ±300.
    static func heights(
        data: TrainingData, u: [Double], v: [Double], bias: Double
    ) -> [Double]? {
        let m = data.labels.count
        let largest = { (values: [Double]) in values.map(abs).max() ?? 0 }
        guard m > 0, largest(u) * largest(data.x1) <= 300,
            largest(v) * largest(data.x2) + abs(bias) <= 300
        else { return nil }
        let columns = u.count
        let rows = v.count
        var linear = [Double](repeating: 0, count: rows * columns)
        var logarithms = [Double](repeating: 0, count: rows * columns)
        var start = 0
        while start < m {
            let count = min(4 * blockVectors, m - start)
            accumulate(
                data: data, points: start..<(start + count), u: u, v: v, bias: bias,
                linear: &linear, logarithms: &logarithms)
            start += count
        }
        var sumX1 = 0.0
        var sumX2 = 0.0
        var sumY = 0.0
        for p in 0..<m where data.labels[p] != 0 {
            sumX1 += data.labels[p] * data.x1[p]
            sumX2 += data.labels[p] * data.x2[p]
            sumY += data.labels[p]
        }
        var heights = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                let cell = i * columns + j
                let labelled = u[j] * sumX1 + v[i] * sumX2 + bias * sumY
                heights[cell] = (linear[cell] - labelled + logarithms[cell]) / Double(m)
            }
        }
        return heights
    }

    /// Adds one block of points' `Σ max(z, 0)` and `Σ ln(1 + e^(−|z|))` to every cell.
    private static func accumulate(
        data: TrainingData, points: Range<Int>, u: [Double], v: [Double], bias: Double,
        linear: inout [Double], logarithms: inout [Double]
    ) {
        let vectors = (points.count + 3) / 4
        // Per column j and vector k: w1·x1, e^(−w1·x1), e^(w1·x1); padding lanes give z ≈ −∞
        // and e^(−|z|) = 0, so they add nothing.
        let columnTable = table(
            lines: u, vectors: vectors, points: points, coordinate: data.x1, offset: 0,
            padding: -1e300)
        let rowTable = table(
            lines: v, vectors: vectors, points: points, coordinate: data.x2, offset: bias,
            padding: 0)
        let columns = u.count
        columnTable.withUnsafeBufferPointer { c in
            rowTable.withUnsafeBufferPointer { r in
                linear.withUnsafeMutableBufferPointer { linear in
                    logarithms.withUnsafeMutableBufferPointer { logarithms in
                        for first in stride(from: 0, to: columns, by: columnBlock) {
                            let last = min(first + columnBlock, columns)
                            for i in 0..<v.count {
                                for j in first..<last {
                                    let (sum, product) = cell(
                                        c, 3 * vectors * j, r, 3 * vectors * i, vectors: vectors)
                                    linear[i * columns + j] += sum
                                    logarithms[i * columns + j] += log(product)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One cell's block: `Σ max(z, 0)` and `Π (1 + e^(−|z|))`.
    @inline(__always)
    private static func cell(
        _ column: UnsafeBufferPointer<Lanes>, _ c: Int, _ row: UnsafeBufferPointer<Lanes>,
        _ r: Int, vectors: Int
    ) -> (Double, Double) {
        var sum = Lanes(repeating: 0)
        var product = Lanes(repeating: 1)
        let zero = Lanes(repeating: 0)
        for k in 0..<vectors {
            let z = column[c + k] + row[r + k]
            sum += z.replacing(with: zero, where: z .< zero)
            let down = column[c + vectors + k] * row[r + vectors + k]
            let up = column[c + 2 * vectors + k] * row[r + 2 * vectors + k]
            product *= 1 + down.replacing(with: up, where: up .< down)
        }
        return (
            (sum[0] + sum[1]) + (sum[2] + sum[3]),
            (product[0] * product[1]) * (product[2] * product[3])
        )
    }

    /// For each line value `w` and each vector of points: `w·x + offset`, its `e^(−·)` and `e^(+·)`,
    /// as three runs of `vectors` lanes per line; padding lanes hold `padding` and zeros.
    private static func table(
        lines: [Double], vectors: Int, points: Range<Int>, coordinate: [Double], offset: Double,
        padding: Double
    ) -> [Lanes] {
        var table = [Lanes](repeating: Lanes(repeating: 0), count: 3 * vectors * lines.count)
        for (line, w) in lines.enumerated() {
            let base = 3 * vectors * line
            for k in 0..<vectors {
                var z = Lanes(repeating: padding)
                var valid = Lanes(repeating: 0)
                for lane in 0..<4 {
                    let p = points.lowerBound + 4 * k + lane
                    if p < points.upperBound {
                        z[lane] = w * coordinate[p] + offset
                        valid[lane] = 1
                    }
                }
                table[base + k] = z
                table[base + vectors + k] = exponential(-z) * valid
                table[base + 2 * vectors + k] = exponential(z) * valid
            }
        }
        return table
    }
}
