/// The parameters the network passed through during training, so that paths over the error
/// surface are drawn through the weights the trainer really had, not interpolated between
/// snapshots.
///
/// A perceptron's parameters are kept at every epoch. A multi-layer network's are kept at every
/// epoch while parameters × (epochs + 1) stays within ``budget``; past it, at every `every`-th
/// epoch, at every snapshot epoch and at the last epoch, and ``epochs`` lists which. Memory is
/// 8 bytes × parameters × kept epochs.
public struct Trajectory: Equatable, Sendable {
    /// The most numbers a multi-layer network's trajectory keeps before it thins out (32 MB).
    public static let budget = 4_000_000

    /// Weights and biases per kept epoch, laid out as ``Network/parameters``.
    public let parameterCount: Int
    /// 1 when every epoch is kept; otherwise the stride of the thinned-out epochs.
    public let every: Int
    /// The kept epochs, rising from 0 to the last epoch.
    public private(set) var epochs: [Int]
    /// The kept parameters, one row of ``parameterCount`` numbers per kept epoch.
    public private(set) var values: [Double]

    /// An empty trajectory for a network of `parameterCount` parameters keeping every `every`-th
    /// epoch.
    public init(parameterCount: Int, every: Int) {
        self.parameterCount = parameterCount
        self.every = every
        epochs = []
        values = []
    }

    /// A trajectory with its rows given.
    public init(every: Int, epochs: [Int], parameters: [[Double]]) {
        parameterCount = parameters.first?.count ?? 0
        self.every = every
        self.epochs = epochs
        values = parameters.flatMap { $0 }
    }

    /// The stride for a network of `parameterCount` parameters trained for `epochs` epochs: 1
    /// for a perceptron (`isPerceptron`) or within the budget, otherwise the smallest stride that
    /// keeps the count within it.
    public static func stride(parameterCount: Int, epochs: Int, isPerceptron: Bool) -> Int {
        let numbers = parameterCount * (epochs + 1)
        guard !isPerceptron, numbers > budget else { return 1 }
        return (numbers + budget - 1) / budget
    }

    /// The number of kept epochs.
    public var count: Int { epochs.count }

    /// The parameters at the `index`-th kept epoch.
    public func parameters(at index: Int) -> ArraySlice<Double> {
        values[(index * parameterCount)..<((index + 1) * parameterCount)]
    }

    /// Appends the ``parameterCount`` parameters of `epoch`.
    mutating func append(epoch: Int, parameters: [Double]) {
        epochs.append(epoch)
        values.append(contentsOf: parameters)
    }

    /// Whether `epoch` is kept: a multiple of ``every``, a snapshot epoch or the last epoch.
    func keeps(epoch: Int, isSnapshot: Bool, lastEpoch: Int) -> Bool {
        epoch % every == 0 || isSnapshot || epoch == lastEpoch
    }

    /// Checks the trajectory against the run it belongs to.
    func validate(parameterCount expected: Int, epochs lastEpoch: Int) throws {
        func fail(_ message: String) -> BackpropError { .badRunRecord("The trajectory " + message) }
        guard every >= 1 else { throw fail("keeps every \(every) epochs; it must be at least 1.") }
        guard parameterCount == expected else {
            throw fail(
                "has \(parameterCount) parameters per epoch; the network has \(expected).")
        }
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

extension Trajectory: Codable {
    private enum CodingKeys: String, CodingKey {
        case every, epochs, parameters
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode([[Double]].self, forKey: .parameters)
        guard Set(rows.map(\.count)).count <= 1 else {
            throw BackpropError.badRunRecord("The trajectory has rows of different lengths.")
        }
        self.init(
            every: try container.decode(Int.self, forKey: .every),
            epochs: try container.decode([Int].self, forKey: .epochs), parameters: rows)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(every, forKey: .every)
        try container.encode(epochs, forKey: .epochs)
        try container.encode((0..<count).map { Array(parameters(at: $0)) }, forKey: .parameters)
    }
}
