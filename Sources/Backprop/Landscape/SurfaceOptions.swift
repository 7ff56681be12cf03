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

    /// Checks the options against the network they are for.
    public func validate(hidden: [Int]) throws {
        guard SurfaceOptions.gridSizes.contains(gridSize) else {
            throw BackpropError.badSurface(
                "A surface's grid has \(SurfaceOptions.gridSizes.lowerBound) to "
                    + "\(SurfaceOptions.gridSizes.upperBound) nodes a side; got \(gridSize).")
        }
        if axes == .weights, !hidden.isEmpty {
            throw BackpropError.badSurface(
                "The axes w1,w2 are a perceptron's (hidden: []); this network has hidden layers "
                    + "\(hidden), so its surface is drawn over pca axes.")
        }
    }
}
