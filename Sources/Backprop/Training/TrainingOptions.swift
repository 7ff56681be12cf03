/// How many points each gradient step averages over.
public enum BatchSize: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The whole training set: one update per epoch.
    case full
    /// Batches of `B` points in order (the last may be short): ⌈m/B⌉ updates per epoch.
    case size(Int)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) {
            self = .size(n)
        } else if try container.decode(String.self) == "full" {
            self = .full
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "The batch size is \"full\" or a whole number.")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .full: try container.encode("full")
        case .size(let n): try container.encode(n)
        }
    }

    public var description: String {
        switch self {
        case .full: return "full"
        case .size(let n): return String(n)
        }
    }
}

/// The training settings of SPEC §3: epochs, learning rate, batches, shuffling and its seed.
public struct TrainingOptions: Equatable, Sendable, Codable {
    /// The most epochs a run may have (each keeps an error and an accuracy).
    public static let maximumEpochs = 10_000_000

    public var epochs: Int
    public var learningRate: Double
    public var batchSize: BatchSize
    public var shuffle: Bool
    /// Seeds the reshuffle of every epoch when ``shuffle`` is set.
    public var seed: UInt64
    /// The code that trains: the same numbers to 1e-12 either way.
    public var engine: Engine

    public init(
        epochs: Int = 2000, learningRate: Double = 1, batchSize: BatchSize = .full,
        shuffle: Bool = false, seed: UInt64 = 1, engine: Engine = .fast
    ) {
        self.epochs = epochs
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.engine = engine
    }

    private enum CodingKeys: String, CodingKey {
        case epochs, learningRate, batchSize, shuffle, seed, engine
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        epochs = try c.decode(Int.self, forKey: .epochs)
        learningRate = try c.decode(Double.self, forKey: .learningRate)
        batchSize = try c.decode(BatchSize.self, forKey: .batchSize)
        shuffle = try c.decode(Bool.self, forKey: .shuffle)
        seed = try c.decode(UInt64.self, forKey: .seed)
        engine = try c.decodeIfPresent(Engine.self, forKey: .engine) ?? .fast
    }

    /// Writes every setting; the engine only when it is not the default, so that records of the
    /// default engine stay as they were before engines could be chosen.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(epochs, forKey: .epochs)
        try c.encode(learningRate, forKey: .learningRate)
        try c.encode(batchSize, forKey: .batchSize)
        try c.encode(shuffle, forKey: .shuffle)
        try c.encode(seed, forKey: .seed)
        if engine != .fast { try c.encode(engine, forKey: .engine) }
    }

    /// Checks every value against its range.
    public func validate() throws {
        guard (0...TrainingOptions.maximumEpochs).contains(epochs) else {
            throw BackpropError.badTraining(
                "The number of epochs must be between 0 and \(TrainingOptions.maximumEpochs); "
                    + "got \(epochs).")
        }
        guard learningRate.isFinite, learningRate > 0 else {
            throw BackpropError.badTraining(
                "The learning rate must be a positive finite number; got \(learningRate).")
        }
        if case .size(let n) = batchSize, n < 1 {
            throw BackpropError.badTraining(
                "The batch size must be \"full\" or a whole number of at least 1; got \(n).")
        }
    }
}
