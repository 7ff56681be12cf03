import Foundation

/// `E` of a multi-layer network over a lattice of a parameter plane, fast: the fast path behind
/// ``PlaneEvaluator/grid(u:v:)`` for networks with hidden layers, tested equal to one forward
/// pass per node.
///
/// On the plane `θ = origin + u·first + v·second` every parameter is linear in `(u, v)`, and so is
/// the first hidden layer's pre-activation of each point: `z = z₀ + u·z_u + v·z_v`. With sigmoid
/// units, `e^(−z) = e^(−(z₀ + u·z_u)) · e^(−v·z_v)`: one exponential per column, unit and point and
/// one per row, unit and point, so the first layer needs none per node. The layers above are
/// computed per node as in the trainer; the output's `Σ ln(1 + e^(−|z|))` is the logarithm of a
/// product, as there.
///
/// The points are taken a tile at a time: a tile's first-layer terms and factors take at most
/// ``tileBytes`` (however many points there are), and each node keeps its running sums from tile
/// to tile, so the heights are the same bits whatever the tile.
final class NetworkGrid {
    let widths: [Int]
    let activation: Activation
    let plane: ParameterPlane
    /// Point vectors (four points each) and their count.
    let vectors: Int
    let count: Int
    let x1: [Lanes]
    let x2: [Lanes]
    let labels: [Lanes]
    let valid: [Lanes]
    /// The most bytes one tile's first-layer terms and factors take.
    let tileBytes: Int

    /// The bytes a tile may take unless told otherwise: 256 MiB, or `ERROREST_SURFACE_TILE_BYTES`
    /// where that is set to a positive number (so that a test can cut a small surface into many
    /// tiles).
    static let defaultTileBytes: Int = {
        let text = ProcessInfo.processInfo.environment["ERROREST_SURFACE_TILE_BYTES"] ?? ""
        guard let bytes = Int(text), bytes > 0 else { return 256 << 20 }
        return bytes
    }()

    init(
        network: Network, data: TrainingData, plane: ParameterPlane,
        tileBytes: Int = NetworkGrid.defaultTileBytes
    ) {
        widths = [Network.inputs] + network.layers.map(\.units)
        activation = network.activation
        self.plane = plane
        self.tileBytes = tileBytes
        let count = data.labels.count
        let vectors = (count + 3) / 4
        self.count = count
        self.vectors = vectors
        func lanes(_ values: [Double], padding: Double) -> [Lanes] {
            (0..<vectors).map { k in
                Lanes(
                    (0..<4).map { lane in
                        let p = 4 * k + lane
                        return p < values.count ? values[p] : padding
                    })
            }
        }
        x1 = lanes(data.x1, padding: 0)
        x2 = lanes(data.x2, padding: 0)
        labels = lanes(data.labels, padding: 0)
        valid = lanes([Double](repeating: 1, count: count), padding: 0)
    }

    /// The first hidden layer's `z₀`, `z_u`, `z_v` for the point vectors `tile`, per vector and
    /// unit (`(k − tile.lowerBound) * units + j`).
    private func firstLayerTerms(_ tile: Range<Int>) -> (z0: [Lanes], zu: [Lanes], zv: [Lanes]) {
        let units = widths[1]
        func terms(_ theta: [Double]) -> [Lanes] {
            // Layer 1: weights [j][i] at 2j + i, biases after them.
            var result: [Lanes] = []
            result.reserveCapacity(units * tile.count)
            for k in tile {
                for j in 0..<units {
                    let (w1, w2, b) = (theta[2 * j], theta[2 * j + 1], theta[2 * units + j])
                    result.append(w1 * x1[k] + w2 * x2[k] + b)
                }
            }
            return result
        }
        return (terms(plane.origin), terms(plane.first), terms(plane.second))
    }

    /// The point vectors in one tile for a lattice of `columns` columns: its column factors
    /// (`columns` per unit and vector), row factors and three first-layer terms (one each) within
    /// `tileBytes`, and at least one vector.
    static func tileVectors(columns: Int, units: Int, vectors: Int, tileBytes: Int) -> Int {
        let (perVector, overflow) = (columns + 4).multipliedReportingOverflow(
            by: units * MemoryLayout<Lanes>.stride)
        guard !overflow, perVector > 0 else { return 1 }
        return max(1, min(vectors, tileBytes / perVector))
    }

    /// The point vectors in one tile of this grid for `columns` columns.
    func tileVectors(columns: Int) -> Int {
        NetworkGrid.tileVectors(
            columns: columns, units: widths[1], vectors: vectors, tileBytes: tileBytes)
    }

    /// One node's running sums, carried from tile to tile.
    struct Sums {
        var linear = Lanes(repeating: 0)
        // Π (1 + e^(−|z|)) as upper / lower, folded into the logarithm every 128 vectors.
        var upper = Lanes(repeating: 1)
        var lower = Lanes(repeating: 1)
        var logarithm = 0.0
    }

    /// Heights row by row (`v` bottom to top, `u` left to right).
    func heights(u: [Double], v: [Double]) -> [Double] {
        let units = widths[1]
        let tile = tileVectors(columns: u.count)
        let tiles = stride(from: 0, to: vectors, by: tile).map { $0..<min(vectors, $0 + tile) }
        // The split exponentials stay within e^±350, so their products neither overflow nor
        // vanish: the largest terms over all points, found a tile at a time.
        var (large0, largeU, largeV) = (0.0, 0.0, 0.0)
        let largest = { (values: [Lanes]) in values.map { magnitude($0).max() }.max() ?? 0 }
        for points in tiles {
            let (z0, zu, zv) = firstLayerTerms(points)
            (large0, largeU, largeV) = (
                max(large0, largest(z0)), max(largeU, largest(zu)), max(largeV, largest(zv))
            )
        }
        let maxU = u.map(abs).max() ?? 0
        let maxV = v.map(abs).max() ?? 0
        let split = activation == .sigmoid && large0 + maxU * largeU <= 350 && maxV * largeV <= 350
        let parameterCount = plane.origin.count
        let theta = UnsafeMutablePointer<Lanes>.allocate(capacity: parameterCount)
        let rowFactors = UnsafeMutablePointer<Lanes>.allocate(capacity: units * tile)
        let scratch = UnsafeMutablePointer<Lanes>.allocate(capacity: 3 * (widths.max() ?? 1))
        defer {
            theta.deallocate()
            rowFactors.deallocate()
            scratch.deallocate()
        }
        var sums = [Sums](repeating: Sums(), count: u.count * v.count)
        for points in tiles {
            let (z0, zu, zv) = firstLayerTerms(points)
            let lanes = units * points.count
            // e^(−(z₀ + u·z_u)) for every column.
            var columns: [Lanes] = []
            if split {
                columns.reserveCapacity(u.count * lanes)
                for a in u {
                    for k in 0..<lanes { columns.append(exponential(-(z0[k] + a * zu[k]))) }
                }
            }
            z0.withUnsafeBufferPointer { z0 in
                zu.withUnsafeBufferPointer { zu in
                    zv.withUnsafeBufferPointer { zv in
                        columns.withUnsafeBufferPointer { columns in
                            for (row, b) in v.enumerated() {
                                if split {
                                    for k in 0..<lanes { rowFactors[k] = exponential(-b * zv[k]) }
                                }
                                for (column, a) in u.enumerated() {
                                    for k in 0..<parameterCount {
                                        theta[k] = Lanes(
                                            repeating: plane.origin[k] + a * plane.first[k] + b
                                                * plane.second[k])
                                    }
                                    node(
                                        theta: theta, a: a, b: b, points: points, z0: z0, zu: zu,
                                        zv: zv,
                                        columnFactors: split
                                            ? UnsafeBufferPointer(
                                                rebasing: columns[(column * lanes)...]) : nil,
                                        rowFactors: rowFactors, scratch: scratch,
                                        sums: &sums[row * u.count + column])
                                }
                            }
                        }
                    }
                }
            }
        }
        return sums.map { sums in
            let logarithm = sums.logarithm + log(ratio(sums.upper, sums.lower))
            let linear = sums.linear
            return ((linear[0] + linear[1]) + (linear[2] + linear[3]) + logarithm) / Double(count)
        }
    }
}
