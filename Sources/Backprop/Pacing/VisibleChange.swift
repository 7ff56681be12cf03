/// What a frame shows of a network, reduced to a few numbers, so that the change between two
/// frames can be measured the way the eye sees it.
///
/// Three parts, each scaled to about 0…1 of the view:
/// - the output `ŷ` on a coarse 8×8 grid over the view (the shading and its 0.5 boundary);
/// - each first-layer hidden line `w·x + b = 0` as its signed distance from the points of a
///   4×4 grid over the view, in units of a quarter of the view and clipped to ±1 (a line that
///   moves outside the view, or only sharpens, barely counts; one that sweeps across it counts
///   fully). A line's clipped distance changes linearly between grid points, so sixteen see
///   where it is as well as sixty-four would, at a quarter of the cost for every hidden unit;
/// - the error panel's marker: the epoch across the panel and `E` up its height.
package struct VisibleState: Sendable, Equatable {
    /// `ŷ` at the grid points.
    package var outputs: [Double]
    /// Each hidden line's clipped distances at the grid points, in 0…1, line after line.
    package var lines: [Double]
    /// The error marker's place: `(epoch / last epoch, E / E range)`.
    package var marker: (x: Double, y: Double)

    /// The output grid's points per side.
    package static let gridSide = 8
    /// The hidden lines' grid's points per side.
    package static let lineGridSide = 4

    /// The output grid's points in a view of `domain`: `side × side` (by default
    /// ``gridSide``), each at the centre of its cell.
    package static func grid(_ domain: Domain, side: Int = gridSide) -> [Point] {
        let n = side
        let x1 = domain.x1
        let x2 = domain.x2
        let width = x1.upperBound - x1.lowerBound
        let height = x2.upperBound - x2.lowerBound
        var grid: [Point] = []
        grid.reserveCapacity(n * n)
        for i in 0..<n {
            let u: Double = (Double(i) + 0.5) / Double(n)
            for j in 0..<n {
                let v: Double = (Double(j) + 0.5) / Double(n)
                grid.append(Point(x1.lowerBound + u * width, x2.lowerBound + v * height))
            }
        }
        return grid
    }

    /// The state of `network` at `epoch` in a view of `domain` (whose ``grid(_:side:)`` is
    /// `grid`);
    /// `errorScale` is the error panel's height in units of `E`.
    package init(
        network: Network, domain: Domain, grid: [Point]? = nil, epoch: Int, lastEpoch: Int,
        error: Double, errorScale: Double
    ) {
        let grid = grid ?? VisibleState.grid(domain)
        let first = network.layers[0]
        self.init(
            outputs: network.outputs(at: grid),
            firstLayer: (Array(first.weights.joined()), first.biases),
            hasHidden: network.layers.count > 1, domain: domain, grid: grid, epoch: epoch,
            lastEpoch: lastEpoch, error: error, errorScale: errorScale)
    }

    /// The state from `ŷ` already evaluated at the grid points and the first layer's weights
    /// (row by row, two per unit) and biases.
    init(
        outputs: [Double], firstLayer first: (weights: [Double], biases: [Double]),
        hasHidden: Bool, domain: Domain, grid: [Point], epoch: Int, lastEpoch: Int,
        error: Double, errorScale: Double
    ) {
        self.outputs = outputs
        let span = max(
            domain.x1.upperBound - domain.x1.lowerBound, domain.x2.upperBound - domain.x2.lowerBound
        )
        let units = hasHidden ? first.biases.count : 0
        let lineGrid = VisibleState.grid(domain, side: VisibleState.lineGridSide)
        var lines: [Double] = []
        lines.reserveCapacity(units * lineGrid.count)
        for unit in 0..<units {
            let w0 = first.weights[2 * unit]
            let w1 = first.weights[2 * unit + 1]
            let b = first.biases[unit]
            let norm = (w0 * w0 + w1 * w1).squareRoot()
            for p in lineGrid {
                guard norm > 0 else {
                    lines.append(0.5)
                    continue
                }
                let distance = (w0 * p.x1 + w1 * p.x2 + b) / norm
                lines.append((min(1, max(-1, distance / (span / 4))) + 1) / 2)
            }
        }
        self.lines = lines
        marker = (
            lastEpoch > 0 ? Double(epoch) / Double(lastEpoch) : 0,
            errorScale > 0 ? error / errorScale : 0
        )
    }

    /// How much the picture changes from `self` to `other`: the root-mean-square change of the
    /// output shading, plus that of the hidden lines, plus the error marker's move (a tenth as
    /// much, so a long plateau still gets a frame now and then), by ``change(outputs:lines:_:)``.
    package func change(to other: VisibleState) -> Double {
        precondition(outputs.count == other.outputs.count && lines.count == other.lines.count)
        return VisibleState.change(outputs: outputs.count, lines: lines.count) { f in
            if f < outputs.count { return outputs[f] - other.outputs[f] }
            let l = f - outputs.count
            if l < lines.count { return lines[l] - other.lines[l] }
            return l == lines.count ? marker.x - other.marker.x : marker.y - other.marker.y
        }
    }

    /// The visible change between two states whose features differ by `difference(f)`: the
    /// outputs `f < outputs`, then the lines, then the marker's `x` and `y`. The one place the
    /// metric is written,
    ///
    ///     √(Σ Δŷ² / outputs) + √(Σ Δline² / lines) + 0.1 · √(Δx² + Δy²),
    ///
    /// for one pair of states (`Double`) or for one state against eight (``StateMatrix/Block``),
    /// each sum added in feature order, so every caller gets the same number, bit for bit.
    @inline(__always)
    static func change<N: ChangeNumbers>(
        outputs: Int, lines: Int, _ difference: (Int) -> N
    ) -> N {
        var output = N.zero
        for f in 0..<outputs {
            let d = difference(f)
            output += d * d
        }
        var line = N.zero
        for f in outputs..<(outputs + lines) {
            let d = difference(f)
            line += d * d
        }
        let dx = difference(outputs + lines)
        let dy = difference(outputs + lines + 1)
        return (output / Double(max(1, outputs))).squareRoot()
            + (line / Double(max(1, lines))).squareRoot()
            + 0.1 * (dx * dx + dy * dy).squareRoot()
    }

    package static func == (a: VisibleState, b: VisibleState) -> Bool {
        a.outputs == b.outputs && a.lines == b.lines && a.marker == b.marker
    }
}

/// The numbers a visible change is measured in: one (`Double`) or eight side by side.
protocol ChangeNumbers {
    static var zero: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func += (a: inout Self, b: Self)
    static func * (a: Self, b: Self) -> Self
    static func * (a: Double, b: Self) -> Self
    static func / (a: Self, b: Double) -> Self
    func squareRoot() -> Self
}

extension Double: ChangeNumbers {}
extension SIMD8: ChangeNumbers where Scalar == Double {}
