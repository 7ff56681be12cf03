/// The parameters the network passed through during training, so that paths over the error
/// surface are drawn through the weights the trainer really had, not interpolated between
/// snapshots.
///
/// A perceptron's parameters are kept at every epoch. A multi-layer network's are kept at every
/// epoch while parameters × (epochs + 1) stays within ``budget``; past it, at every `every`-th
/// epoch, at every snapshot epoch and at the last epoch, and ``epochs`` lists which. Memory is
/// 8 bytes × parameters × kept epochs: the kept ``ParameterVector``s' numbers stand one after
/// the other in ``values``, laid out by the one ``layout``.
public struct Trajectory: Equatable, Sendable {
    /// The most numbers a multi-layer network's trajectory keeps before it thins out (32 MB).
    public static let budget = 4_000_000

    /// The network's layout of every kept ``ParameterVector``.
    public let layout: ParameterLayout
    /// 1 when every epoch is kept; otherwise the stride of the thinned-out epochs.
    public let every: Int
    /// The kept epochs, rising from 0 to the last epoch.
    public private(set) var epochs: [Int]
    /// The kept parameters, one ``ParameterVector``'s numbers per kept epoch, one after the other.
    public private(set) var values: [Double]

    /// An empty trajectory for a network of `layout` keeping every `every`-th epoch.
    public init(layout: ParameterLayout, every: Int) {
        self.layout = layout
        self.every = every
        epochs = []
        values = []
    }

    /// A trajectory with its parameters given, one vector per epoch in `epochs`.
    public init(every: Int, epochs: [Int], parameters: [ParameterVector], layout: ParameterLayout) {
        precondition(parameters.allSatisfy { $0.layout == layout })
        self.layout = layout
        self.every = every
        self.epochs = epochs
        values = parameters.flatMap(\.values)
    }

    /// The stride for a network of `parameterCount` parameters trained for `epochs` epochs: 1
    /// for a perceptron (`isPerceptron`) or within the budget, otherwise the smallest stride that
    /// keeps the count within it.
    public static func stride(parameterCount: Int, epochs: Int, isPerceptron: Bool) -> Int {
        let numbers = parameterCount * (epochs + 1)
        guard !isPerceptron, numbers > budget else { return 1 }
        return (numbers + budget - 1) / budget
    }

    /// Weights and biases per kept epoch.
    public var parameterCount: Int { layout.count }

    /// The number of kept epochs.
    public var count: Int { epochs.count }

    /// The parameters at the `index`-th kept epoch.
    public func parameters(at index: Int) -> ParameterVector {
        ParameterVector(
            values[(index * parameterCount)..<((index + 1) * parameterCount)], layout: layout)
    }

    /// Appends the parameters of `epoch`.
    mutating func append(epoch: Int, parameters: ParameterVector) {
        precondition(parameters.layout == layout)
        epochs.append(epoch)
        values.append(contentsOf: parameters.values)
    }

    /// Whether `epoch` is kept: a multiple of ``every``, a snapshot epoch or the last epoch.
    func keeps(epoch: Int, isSnapshot: Bool, lastEpoch: Int) -> Bool {
        epoch % every == 0 || isSnapshot || epoch == lastEpoch
    }

    /// Checks the trajectory against the run it belongs to.
    func validate(epochs lastEpoch: Int) throws {
        func fail(_ message: String) -> BackpropError { .badRunRecord("The trajectory " + message) }
        guard every >= 1 else { throw fail("keeps every \(every) epochs; it must be at least 1.") }
        guard values.count == epochs.count * parameterCount else {
            throw fail("has rows of different lengths.")
        }
        guard epochs.first == 0, epochs.last == lastEpoch,
            zip(epochs, epochs.dropFirst()).allSatisfy({ $0 < $1 })
        else {
            throw fail("must keep rising epochs from 0 to \(lastEpoch).")
        }
        guard values.allSatisfy(\.isFinite) else {
            throw fail("has a parameter that is not a finite number.")
        }
    }
}

extension Trajectory {
    /// The path a run's surfaces draw: its trajectory, or its snapshots' parameters (every
    /// snapshot's epoch kept) when the record has none.
    init(path run: TrainingRun) {
        if let trajectory = run.trajectory {
            self = trajectory
        } else {
            let layout = ParameterLayout(run.snapshots[0].layers)
            self.init(
                every: 1, epochs: run.snapshots.map(\.epoch),
                parameters: run.snapshots.map { ParameterVector($0.layers) }, layout: layout)
        }
    }
}

extension Trajectory: Encodable {
    /// The run record's keys: `every`, `epochs` and `parameters`, a list of numbers per kept
    /// epoch.
    enum CodingKeys: String, CodingKey {
        case every, epochs, parameters
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(every, forKey: .every)
        try container.encode(epochs, forKey: .epochs)
        try container.encode((0..<count).map { parameters(at: $0).values }, forKey: .parameters)
    }

    /// A trajectory as the run record has it, not yet laid out: its rows of numbers.
    struct Rows: Decodable {
        let every: Int
        let epochs: [Int]
        let parameters: [[Double]]

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            every = try container.decode(Int.self, forKey: .every)
            epochs = try container.decode([Int].self, forKey: .epochs)
            parameters = try container.decode([[Double]].self, forKey: .parameters)
            guard Set(parameters.map(\.count)).count <= 1 else {
                throw BackpropError.badRunRecord("The trajectory has rows of different lengths.")
            }
        }

        /// The trajectory of a network laid out as `layout`.
        ///
        /// - Throws: ``BackpropError/badRunRecord(_:)`` when the rows are not as long as
        ///   `layout` has parameters.
        func laidOut(_ layout: ParameterLayout) throws -> Trajectory {
            let width = parameters.first?.count ?? 0
            guard width == layout.count else {
                throw BackpropError.badRunRecord(
                    "The trajectory has \(width) parameters per epoch; the network has "
                        + "\(layout.count).")
            }
            return Trajectory(
                every: every, epochs: epochs,
                parameters: parameters.map { ParameterVector($0, layout: layout) }, layout: layout)
        }
    }
}
