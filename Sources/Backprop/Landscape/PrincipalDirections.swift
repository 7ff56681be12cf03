/// The top two principal directions of a set of points in parameter space (the epochs of a
/// training path), and the share of the path's variance the plane they span explains.
///
/// The covariance `C = Xᵀ X / n` of the centred points `X` is never formed: block power iteration
/// with four vectors multiplies by `Xᵀ (X Q)`, with a Rayleigh–Ritz step after each, until both
/// top directions are eigenvectors to 1e-10 of the largest eigenvalue.
package struct PrincipalDirections: Equatable, Sendable {
    package let first: [Double]
    package let second: [Double]
    /// The variances along ``first`` and ``second``: the two largest eigenvalues of `C`.
    package let variances: [Double]
    /// The total variance, the trace of `C`.
    package let totalVariance: Double

    /// The share of the total variance that the plane explains (1 when the points coincide).
    package var varianceShare: Double {
        totalVariance > 0 ? (variances[0] + variances[1]) / totalVariance : 1
    }

    /// The directions of the `count` points of `dimension` numbers each, laid out row by row.
    package init(points: [Double], count n: Int, dimension: Int) {
        var mean = [Double](repeating: 0, count: dimension)
        for e in 0..<n {
            for k in 0..<dimension { mean[k] += points[e * dimension + k] }
        }
        for k in 0..<dimension { mean[k] /= Double(max(n, 1)) }
        var x = points
        for e in 0..<n {
            for k in 0..<dimension { x[e * dimension + k] -= mean[k] }
        }
        var total = 0.0
        for value in x { total += value * value }
        total /= Double(max(n, 1))
        totalVariance = total
        let block = min(4, dimension)
        // A fixed start, so the same path gives the same directions.
        var random = SeededRandom(seed: 2018)
        var q = (0..<block).map { _ in (0..<dimension).map { _ in random.gaussian() } }
        var values = [Double](repeating: 0, count: block)
        orthonormalise(&q)
        for _ in 0..<1000 where total > 0 {
            q = q.map { covariance(times: $0, x: x, count: n, dimension: dimension) }
            orthonormalise(&q)
            let cq = q.map { covariance(times: $0, x: x, count: n, dimension: dimension) }
            let h = q.map { qi in cq.map { dot(qi, $0) } }
            let eigen = SymmetricEigen(h)
            q = eigen.vectors.map { c in combine(q, c) }
            let rotated = eigen.vectors.map { c in combine(cq, c) }
            values = eigen.values
            let tolerance = 1e-10 * max(values[0], 0)
            let converged = (0..<min(2, block)).allSatisfy { k in
                var residual = 0.0
                for i in 0..<dimension {
                    let r = rotated[k][i] - values[k] * q[k][i]
                    residual += r * r
                }
                return residual.squareRoot() <= tolerance
            }
            if converged { break }
        }
        var directions = q
        if total == 0 || dimension < 2 {
            directions = (0..<2).map { k in (0..<dimension).map { $0 == k ? 1.0 : 0.0 } }
            values = [0, 0]
        }
        // Each direction's sign makes its largest component positive.
        for k in 0..<2 {
            let largest = directions[k].indices.max {
                abs(directions[k][$0]) < abs(directions[k][$1])
            }
            if let largest, directions[k][largest] < 0 {
                directions[k] = directions[k].map { -$0 }
            }
        }
        first = directions[0]
        second = directions[1]
        variances = [max(values[0], 0), max(values[1], 0)]
    }
}

/// `a · b`.
func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for k in a.indices { sum += a[k] * b[k] }
    return sum
}

/// `Σ c[k] · vectors[k]`.
private func combine(_ vectors: [[Double]], _ c: [Double]) -> [Double] {
    var result = [Double](repeating: 0, count: vectors[0].count)
    for (k, vector) in vectors.enumerated() {
        for i in result.indices { result[i] += c[k] * vector[i] }
    }
    return result
}

/// `C q = Xᵀ (X q) / n` for the centred points `x`.
private func covariance(times q: [Double], x: [Double], count n: Int, dimension: Int) -> [Double] {
    var result = [Double](repeating: 0, count: dimension)
    for e in 0..<n {
        var projection = 0.0
        for k in 0..<dimension { projection += x[e * dimension + k] * q[k] }
        for k in 0..<dimension { result[k] += projection * x[e * dimension + k] }
    }
    return result.map { $0 / Double(n) }
}

/// Modified Gram–Schmidt, twice for accuracy; a vector that vanishes is replaced by the first
/// coordinate axis not yet spanned.
private func orthonormalise(_ q: inout [[Double]]) {
    for _ in 0..<2 {
        for k in q.indices {
            for j in 0..<k {
                let d = dot(q[k], q[j])
                for i in q[k].indices { q[k][i] -= d * q[j][i] }
            }
            var norm = dot(q[k], q[k]).squareRoot()
            if norm < 1e-300 {
                q[k] = q[k].indices.map { $0 == k ? 1.0 : 0.0 }
                for j in 0..<k {
                    let d = dot(q[k], q[j])
                    for i in q[k].indices { q[k][i] -= d * q[j][i] }
                }
                norm = dot(q[k], q[k]).squareRoot()
            }
            for i in q[k].indices { q[k][i] /= norm }
        }
    }
}
