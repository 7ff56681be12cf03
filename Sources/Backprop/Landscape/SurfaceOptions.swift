/// The two directions an error surface is drawn over.
public enum SurfaceAxes: String, CaseIterable, Codable, Sendable {
    /// A perceptron's `w1` and `w2`, with its bias held at the snapshot's value.
    case weights = "w1,w2"
    /// The top two principal directions of the training path, through the final weights
    /// (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets").
    case pca

    /// `w1,w2` for a perceptron, `pca` for a network with hidden layers.
    public static func natural(for hidden: [Int]) -> SurfaceAxes {
        hidden.isEmpty ? .weights : .pca
    }
}

/// How much of the plane a surface covers.
public enum SurfaceSpan: Equatable, Hashable, Sendable {
    /// The path's extent on both axes, grown on every side by ``SurfaceOptions/margin`` of its
    /// larger side.
    case pathExtent
    /// A fixed rectangle of plane coordinates: `x1` is the horizontal axis, `x2` the vertical.
    case fixed(Domain)
}

/// The options of an error surface: grid size, span and axes.
public struct SurfaceOptions: Equatable, Hashable, Sendable {
    /// The fraction of the path's larger side added around it by ``SurfaceSpan/pathExtent``.
    public static let margin = 0.25
    /// The grid sizes a surface may have.
    public static let gridSizes = 2...1001

    /// Nodes per side of the square grid of heights.
    public var gridSize: Int
    public var span: SurfaceSpan
    /// `nil` picks ``SurfaceAxes/natural(for:)``.
    public var axes: SurfaceAxes?

    public init(gridSize: Int = 101, span: SurfaceSpan = .pathExtent, axes: SurfaceAxes? = nil) {
        self.gridSize = gridSize
        self.span = span
        self.axes = axes
    }

    /// Checks the options against the network they are for: the grid size's range, and `w1,w2`
    /// axes only for a perceptron.
    public func validate(hidden: [Int]) throws {
        try SurfaceOptions.check(gridSize: gridSize)
        if axes == .weights, !hidden.isEmpty {
            throw BackpropError.outOfRange(
                .surfaceAxes, value: SurfaceAxes.weights.rawValue,
                rule: "this network has hidden layers \(hidden), so it must be pca (w1,w2 are a "
                    + "perceptron's weights, hidden: [])")
        }
    }

    /// Checks a grid size: within ``gridSizes``.
    public static func check(gridSize: Int) throws {
        guard gridSizes.contains(gridSize) else {
            throw BackpropError.outOfRange(
                .surfaceGrid, value: "\(gridSize)",
                rule: "it must be between \(gridSizes.lowerBound) and \(gridSizes.upperBound)")
        }
    }

    /// The fixed span `[[u low, u high], [v low, v high]]`, checked as a drawable ``Domain``.
    public static func span(_ pairs: [[Double]]) throws -> SurfaceSpan {
        let refused = BackpropError.outOfRange(
            .surfaceSpan,
            value: "["
                + pairs.map { "[" + $0.map(\.plainText).joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "]",
            rule: "it must be [[u low, u high], [v low, v high]], finite, each low below its high, "
                + "within ±1e102")
        guard pairs.count == 2, let domain = try? Domain(x1: pairs[0], x2: pairs[1]) else {
            throw refused
        }
        return .fixed(domain)
    }
}
