/// `E` over a plane of parameter space: the mean cross-entropy of the network whose parameters
/// are `θ(u, v)`, by the trainer's own forward pass (``Network/evaluate(on:)`` measures the same).
struct PlaneEvaluator {
    private let kernel: Kernel
    private let set: TrainingData
    private let plane: ParameterPlane
    private let isPerceptronWeights: Bool
    private let template: Network

    /// An evaluator for networks shaped like `network` on `data`.
    init(network: Network, data: Dataset, plane: ParameterPlane) {
        kernel = Kernel(network: network)
        template = network
        set = TrainingData(data)
        self.plane = plane
        isPerceptronWeights =
            network.hidden.isEmpty
            && plane == .perceptronWeights(bias: plane.origin.last ?? 0)
    }

    /// `E(θ(u, v))`.
    func height(u: Double, v: Double) -> Double {
        let parameters = kernel.parameters
        for k in 0..<kernel.parameterCount {
            parameters[k] = plane.origin[k] + u * plane.first[k] + v * plane.second[k]
        }
        return error()
    }

    /// `E(θ)` for parameters laid out as ``Network/parameters``.
    func height<C: Collection<Double>>(at theta: C) -> Double {
        let parameters = kernel.parameters
        for (k, value) in theta.enumerated() { parameters[k] = value }
        return error()
    }

    private func error() -> Double {
        let m = set.labels.count
        return kernel.pass(set, indices: 0..<m, accumulate: false).error / Double(m)
    }

    /// Heights over the lattice `u × v`, row by row from the bottom.
    ///
    /// A perceptron's `w1,w2` plane takes the fast path of ``PerceptronGrid`` where it applies, a
    /// network with hidden layers that of ``NetworkGrid``.
    func grid(u: [Double], v: [Double]) -> SurfaceGrid {
        if isPerceptronWeights,
            let heights = PerceptronGrid.heights(
                data: set, u: u, v: v, bias: plane.origin[2])
        {
            return SurfaceGrid(u: u, v: v, heights: heights)
        }
        if !template.hidden.isEmpty {
            let grid = NetworkGrid(network: template, data: set, plane: plane)
            return SurfaceGrid(u: u, v: v, heights: grid.heights(u: u, v: v))
        }
        return plainGrid(u: u, v: v)
    }

    /// Heights over the lattice, one forward pass per node.
    func plainGrid(u: [Double], v: [Double]) -> SurfaceGrid {
        var heights: [Double] = []
        heights.reserveCapacity(u.count * v.count)
        for b in v {
            for a in u { heights.append(height(u: a, v: b)) }
        }
        return SurfaceGrid(u: u, v: v, heights: heights)
    }
}

extension SurfaceGrid {
    /// `E` over the lattice `u × v` of `plane` for networks shaped like `network`, on `data`:
    /// the grid an ``ErrorSurface`` holds, computed alone; with `plain`, one pass of the fast
    /// engine per node (``PlaneEvaluator/plainGrid(u:v:)``), the path the bench times the fast
    /// grids against.
    package init(
        network: Network, data: Dataset, plane: ParameterPlane, u: [Double], v: [Double],
        plain: Bool = false
    ) {
        let evaluator = PlaneEvaluator(network: network, data: data, plane: plane)
        self = plain ? evaluator.plainGrid(u: u, v: v) : evaluator.grid(u: u, v: v)
    }
}
