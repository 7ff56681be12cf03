/// The reference engine: the lesson's functions, one point at a time.
struct LessonEngine: TrainingEngine {
    private var layers: [Layer]
    private var gradient: [Layer]
    private let template: Network

    init(network: Network) {
        template = network
        layers = network.layers
        gradient = network.layers.map { Layer(zerosWithUnits: $0.units, inputs: $0.inputs) }
    }

    mutating func pass<Indices: Sequence<Int>>(
        _ data: TrainingData, indices: Indices, accumulate: Bool
    ) -> Tally {
        let sums = Lesson.sum(layers, template.activation, on: data.dataset, indices: indices)
        if accumulate { gradient = sums.gradient }
        return Tally(error: sums.error, correct: sums.correct)
    }

    mutating func scaleGradient(by count: Int) {
        let n = Double(count)
        var g = ParameterVector(gradient)
        for k in g.indices { g[k] /= n }
        gradient = g.layers
    }

    mutating func step(_ optimizer: inout Optimizer) {
        Lesson.update(&layers, gradient: gradient, optimizer: &optimizer)
    }

    func penalty(_ optimizer: Optimizer) -> Double {
        optimizer.penalty(ParameterVector(layers))
    }

    var network: Network {
        var copy = template
        copy.setParameters(ParameterVector(layers))
        return copy
    }

    var gradientLayers: [Layer] { gradient }

    var parametersAreFinite: Bool { layers.allSatisfy(\.isFinite) }

    mutating func setParameters(_ parameters: [Double]) {
        layers = ParameterVector(parameters, layout: ParameterLayout(layers)).layers
    }

    func appendParameters(to buffer: inout [Double], gradient: Bool) {
        buffer += ParameterVector(layers).values
        if gradient { buffer += ParameterVector(self.gradient).values }
    }
}
