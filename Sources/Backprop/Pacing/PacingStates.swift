/// The visible states of thousands of candidates, measured straight into one ``StateMatrix``.
///
/// What ``Pacing/states(of:network:epochs:errors:run:)`` computes as one ``VisibleState`` per
/// candidate (read that and ``VisibleState`` first), without the arrays of each: one kernel whose
/// parameters are replaced row by row, and each hidden line's distances four grid points at a
/// time, in the same operations in the same order, so the numbers are the same. The tests hold
/// the two equal.
extension Pacing {
    /// The states of `epochs.count` parameter rows, row `k` laid out as ``Network/parameters``
    /// from `rows[k × stride]`, for `network`'s shape, in the view of `run`.
    static func stateMatrix(
        of rows: UnsafeBufferPointer<Double>, stride: Int, network: Network, epochs: [Int],
        errors: [Double], run: TrainingRun
    ) -> StateMatrix {
        stateMatrix(
            of: rows, stride: stride, indices: Array(epochs.indices), network: network,
            epochs: epochs, errors: errors, run: run)
    }

    /// The states of the rows `indices` of those (state `k` is row `indices[k]`, of epoch
    /// `epochs[indices[k]]` and error `errors[indices[k]]`).
    static func stateMatrix(
        of rows: UnsafeBufferPointer<Double>, stride: Int, indices: [Int], network: Network,
        epochs: [Int], errors: [Double], run: TrainingRun
    ) -> StateMatrix {
        let grid = VisibleState.grid(run.domain)
        let lineGrid = VisibleState.grid(run.domain, side: VisibleState.lineGridSide)
        let units = network.layers.count > 1 ? network.layers[0].units : 0
        let layout = ParameterLayout(network.layers)
        var matrix = StateMatrix(
            count: indices.count, outputs: grid.count, lines: units * lineGrid.count)
        guard let base = rows.baseAddress else { return matrix }
        let low = run.errors.min() ?? 0
        let high = run.errors.max() ?? 1
        let lastEpoch = run.training.epochs
        let kernel = Kernel(network: network)
        let lines = LineDistances(grid: lineGrid, domain: run.domain)
        var outputs = [Double](repeating: 0, count: grid.count)
        var distances = [Double](repeating: 0, count: units * lineGrid.count)
        for (k, c) in indices.enumerated() {
            let row = base + c * stride
            kernel.parameters.update(from: row, count: kernel.parameterCount)
            outputs.withUnsafeMutableBufferPointer { kernel.outputs(at: grid, into: $0) }
            distances.withUnsafeMutableBufferPointer {
                lines.measure(row, layout: layout, units: units, into: $0)
            }
            let error = errors[c] - low
            let errorScale = high - low
            matrix.set(
                k, outputs: outputs, lines: distances,
                marker: (
                    lastEpoch > 0 ? Double(epochs[c]) / Double(lastEpoch) : 0,
                    errorScale > 0 ? error / errorScale : 0
                ))
        }
        return matrix
    }
}

/// Each first-layer line's clipped distances from the grid points, as ``VisibleState`` measures
/// them, four points at a time.
private struct LineDistances {
    /// The grid's coordinates, four points a vector (the last padded with zeros).
    let x1: [Lanes]
    let x2: [Lanes]
    let points: Int
    /// A quarter of the view's larger side: a distance of one.
    let quarter: Double

    init(grid: [Point], domain: Domain) {
        points = grid.count
        let vectors = (grid.count + 3) / 4
        func lanes(_ coordinate: (Point) -> Double) -> [Lanes] {
            (0..<vectors).map { v in
                var lanes = Lanes(repeating: 0)
                for l in 0..<4 where 4 * v + l < grid.count {
                    lanes[l] = coordinate(grid[4 * v + l])
                }
                return lanes
            }
        }
        x1 = lanes(\.x1)
        x2 = lanes(\.x2)
        let span = max(
            domain.x1.upperBound - domain.x1.lowerBound, domain.x2.upperBound - domain.x2.lowerBound
        )
        quarter = span / 4
    }

    /// The distances of the `units` lines of the first layer of the parameters `θ` at `row`
    /// (laid out by `layout`), line after line.
    func measure(
        _ row: UnsafePointer<Double>, layout: ParameterLayout, units: Int,
        into lines: UnsafeMutableBufferPointer<Double>
    ) {
        for unit in 0..<units {
            let w0 = row[layout.weight(layer: 0, unit: unit, input: 0)]
            let w1 = row[layout.weight(layer: 0, unit: unit, input: 1)]
            let b = row[layout.bias(layer: 0, unit: unit)]
            let norm = (w0 * w0 + w1 * w1).squareRoot()
            let start = unit * points
            guard norm > 0 else {
                for p in 0..<points { lines[start + p] = 0.5 }
                continue
            }
            for v in x1.indices {
                let distance = (w0 * x1[v] + w1 * x2[v] + b) / norm
                let scaled = distance / quarter
                let clipped = scaled.replacing(with: -1, where: scaled .< -1)
                    .replacing(with: 1, where: scaled .> 1)
                let value = (clipped + 1) / 2
                for l in 0..<4 where 4 * v + l < points { lines[start + 4 * v + l] = value[l] }
            }
        }
    }
}
