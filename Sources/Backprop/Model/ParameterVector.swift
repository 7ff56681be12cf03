/// Where every weight and bias of a network of one shape sits in a flat vector `θ`: for each
/// layer `l` in turn, its weights row by row (`Wˡ[j][i]` at ``weight(layer:unit:input:)``), then
/// its biases (`bˡ[j]` at ``bias(layer:unit:)``).
///
/// The one statement of the layout: the network, the lesson's engine, the kernel, the optimizers,
/// pacing and the error surfaces all read `θ` through it.
public struct ParameterLayout: Equatable, Sendable {
    /// Widths from the input to the output: `[2, h₁, …, 1]`.
    public let sizes: [Int]
    /// Where layer `l`'s weights start.
    public let weightOffsets: [Int]
    /// Where layer `l`'s biases start.
    public let biasOffsets: [Int]
    /// The number of weights and biases.
    public let count: Int

    /// The layout of a network whose layers have these widths, input first.
    public init(sizes: [Int]) {
        self.sizes = sizes
        var weights: [Int] = []
        var biases: [Int] = []
        var p = 0
        for l in 0..<(sizes.count - 1) {
            weights.append(p)
            p += sizes[l + 1] * sizes[l]
            biases.append(p)
            p += sizes[l + 1]
        }
        weightOffsets = weights
        biasOffsets = biases
        count = p
    }

    /// The layout of `layers`' shapes.
    public init(_ layers: [Layer]) {
        self.init(sizes: [layers.first?.inputs ?? Network.inputs] + layers.map(\.units))
    }

    /// The number of layers (the output layer included).
    public var layerCount: Int { sizes.count - 1 }

    /// The index of `Wˡ[j][i]`, the weight from input `i` to unit `j` of layer `l`.
    @inline(__always)
    public func weight(layer l: Int, unit j: Int, input i: Int) -> Int {
        weightOffsets[l] + j * sizes[l] + i
    }

    /// The index of `bˡ[j]`, the bias of unit `j` of layer `l`.
    @inline(__always)
    public func bias(layer l: Int, unit j: Int) -> Int { biasOffsets[l] + j }

    /// Whether each parameter is a weight (true) or a bias (false).
    public var isWeight: [Bool] {
        var mask = [Bool](repeating: false, count: count)
        for l in 0..<layerCount {
            for k in weightOffsets[l]..<biasOffsets[l] { mask[k] = true }
        }
        return mask
    }
}

/// Every weight and bias of a network as one vector `θ`, laid out by ``ParameterLayout``: what
/// the optimizers step, pacing keeps and the error surfaces cut planes through.
public struct ParameterVector: Equatable, Sendable, MutableCollection, RandomAccessCollection {
    /// Where each weight and bias is.
    public let layout: ParameterLayout
    /// The numbers, ``ParameterLayout/count`` of them.
    public var values: [Double]

    /// The parameters of `layers`.
    public init(_ layers: [Layer]) {
        layout = ParameterLayout(layers)
        var values: [Double] = []
        values.reserveCapacity(layout.count)
        for layer in layers {
            for row in layer.weights { values += row }
            values += layer.biases
        }
        self.values = values
    }

    /// Parameters `values` laid out by `layout`.
    public init(_ values: some Sequence<Double>, layout: ParameterLayout) {
        self.layout = layout
        self.values = Array(values)
        precondition(self.values.count == layout.count)
    }

    /// The layers: `Wˡ` and `bˡ` read back from the vector.
    public var layers: [Layer] {
        (0..<layout.layerCount).map { l in
            Layer(
                weights: (0..<layout.sizes[l + 1]).map { Array(weights(layer: l, unit: $0)) },
                biases: (0..<layout.sizes[l + 1]).map { bias(layer: l, unit: $0) })
        }
    }

    /// `Wˡ[j][i]`, the weight from input `i` to unit `j` of layer `l`.
    @inline(__always)
    public func weight(layer l: Int, unit j: Int, input i: Int) -> Double {
        values[layout.weight(layer: l, unit: j, input: i)]
    }

    /// The weights into unit `j` of layer `l`: row `j` of `Wˡ`.
    public func weights(layer l: Int, unit j: Int) -> ArraySlice<Double> {
        let start = layout.weight(layer: l, unit: j, input: 0)
        return values[start..<(start + layout.sizes[l])]
    }

    /// `bˡ[j]`, the bias of unit `j` of layer `l`.
    @inline(__always)
    public func bias(layer l: Int, unit j: Int) -> Double { values[layout.bias(layer: l, unit: j)] }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }

    public subscript(k: Int) -> Double {
        get { values[k] }
        set { values[k] = newValue }
    }
}
