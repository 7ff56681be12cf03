/// What a frame shows of a network, reduced to a few numbers, so that the change between two
/// frames can be measured the way the eye sees it.
///
/// Three parts, each scaled to about 0…1 of the view:
/// - the output `ŷ` on a coarse 8×8 grid over the view (the shading and its 0.5 boundary);
/// - each first-layer hidden line `w·x + b = 0` as its signed distance from the same grid points,
///   in units of a quarter of the view and clipped to ±1 (a line that moves outside the view,
///   or only sharpens, barely counts; one that sweeps across it counts fully);
/// - the error panel's marker: the epoch across the panel and `E` up its height.
public struct VisibleState: Sendable, Equatable {
    /// `ŷ` at the grid points.
    public var outputs: [Double]
    /// Per hidden line, its clipped distances at the grid points, in 0…1.
    public var lines: [[Double]]
    /// The error marker's place: `(epoch / last epoch, E / E range)`.
    public var marker: (x: Double, y: Double)

    /// The grid's points per side.
    public static let gridSide = 8

    /// The grid points of a view of `domain`.
    public static func grid(_ domain: Domain) -> [Point] {
        let n = gridSide
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

    /// The state of `network` at `epoch` in a view of `domain` (whose ``grid(_:)`` is `grid`);
    /// `errorScale` is the error panel's height in units of `E`.
    public init(
        network: Network, domain: Domain, grid: [Point]? = nil, epoch: Int, lastEpoch: Int,
        error: Double, errorScale: Double
    ) {
        let grid = grid ?? VisibleState.grid(domain)
        self.init(
            outputs: network.outputs(at: grid), firstLayer: network.layers[0],
            hasHidden: network.layers.count > 1, domain: domain, grid: grid, epoch: epoch,
            lastEpoch: lastEpoch, error: error, errorScale: errorScale)
    }

    /// The state from `ŷ` already evaluated at the grid points and the first layer's weights.
    init(
        outputs: [Double], firstLayer first: Layer, hasHidden: Bool, domain: Domain, grid: [Point],
        epoch: Int, lastEpoch: Int, error: Double, errorScale: Double
    ) {
        self.outputs = outputs
        let span = max(
            domain.x1.upperBound - domain.x1.lowerBound, domain.x2.upperBound - domain.x2.lowerBound
        )
        lines = (0..<(hasHidden ? first.units : 0)).map { unit in
            let w = first.weights[unit]
            let b = first.biases[unit]
            let norm = (w[0] * w[0] + w[1] * w[1]).squareRoot()
            return grid.map { p in
                guard norm > 0 else { return 0.5 }
                let distance = (w[0] * p.x1 + w[1] * p.x2 + b) / norm
                return (min(1, max(-1, distance / (span / 4))) + 1) / 2
            }
        }
        marker = (
            lastEpoch > 0 ? Double(epoch) / Double(lastEpoch) : 0,
            errorScale > 0 ? error / errorScale : 0
        )
    }

    /// How much the picture changes from `self` to `other`: the root-mean-square change of the
    /// output shading, plus that of the hidden lines, plus the error marker's move (a tenth as
    /// much, so a long plateau still gets a frame now and then).
    public func change(to other: VisibleState) -> Double {
        var output = 0.0
        for k in outputs.indices {
            let d = outputs[k] - other.outputs[k]
            output += d * d
        }
        var line = 0.0
        var count = 0
        for (mine, theirs) in zip(lines, other.lines) {
            for k in mine.indices {
                let d = mine[k] - theirs[k]
                line += d * d
            }
            count += mine.count
        }
        let dx = other.marker.x - marker.x
        let dy = other.marker.y - marker.y
        return (output / Double(max(1, outputs.count))).squareRoot()
            + (line / Double(max(1, count))).squareRoot() + 0.1 * (dx * dx + dy * dy).squareRoot()
    }

    public static func == (a: VisibleState, b: VisibleState) -> Bool {
        a.outputs == b.outputs && a.lines == b.lines && a.marker == b.marker
    }
}
