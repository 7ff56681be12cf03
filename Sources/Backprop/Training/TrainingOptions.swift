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

/// The training settings: epochs, learning rate, batches and shuffling, the update rule and
/// its parameters, and the penalties on the weights.
public struct TrainingOptions: Equatable, Sendable {
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
    /// The update rule; plain gradient descent by default.
    public var optimizer: OptimizerKind
    /// `β` of ``OptimizerKind/momentum``, in `[0, 1)`.
    public var momentum: Double
    /// `β₁`, `β₂` (in `[0, 1)`) and `ε` (above 0) of ``OptimizerKind/adam``.
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    /// The penalties `λ₁ Σ|w|` and `λ₂/2 Σw²` on the weights (not the biases); 0 is none.
    public var l1: Double
    public var l2: Double

    public init(
        epochs: Int = 2000, learningRate: Double = 1, batchSize: BatchSize = .full,
        shuffle: Bool = false, seed: UInt64 = 1, engine: Engine = .fast,
        optimizer: OptimizerKind = .sgd, momentum: Double = 0.9, beta1: Double = 0.9,
        beta2: Double = 0.999, epsilon: Double = 1e-8, l1: Double = 0, l2: Double = 0
    ) {
        self.epochs = epochs
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.engine = engine
        self.optimizer = optimizer
        self.momentum = momentum
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.l1 = l1
        self.l2 = l2
    }

    /// Checks every value against its range.
    public func validate() throws {
        try TrainingOptions.check(epochs: epochs)
        try TrainingOptions.check(learningRate: learningRate)
        try TrainingOptions.check(batchSize: batchSize)
        try TrainingOptions.check(.momentum, momentum)
        try TrainingOptions.check(.beta1, beta1)
        try TrainingOptions.check(.beta2, beta2)
        try TrainingOptions.check(epsilon: epsilon)
        try TrainingOptions.check(.l1, penalty: l1)
        try TrainingOptions.check(.l2, penalty: l2)
    }

    /// Checks a number of epochs: 0 to ``maximumEpochs``.
    public static func check(epochs: Int) throws {
        guard (0...maximumEpochs).contains(epochs) else {
            throw BackpropError.outOfRange(
                .epochs, value: "\(epochs)", rule: "it must be between 0 and \(maximumEpochs)")
        }
    }

    /// Checks a learning rate: a finite number above 0.
    public static func check(learningRate: Double) throws {
        guard learningRate.isFinite else {
            throw BackpropError.outOfRange(
                .learningRate, value: "\(learningRate)", rule: "it must be a finite number")
        }
        guard learningRate > 0 else {
            throw BackpropError.outOfRange(
                .learningRate, value: "\(learningRate)", rule: "it must be above 0")
        }
    }

    /// Checks a batch size: `full`, or at least one point.
    public static func check(batchSize: BatchSize) throws {
        if case .size(let n) = batchSize, n < 1 {
            throw BackpropError.outOfRange(
                .batchSize, value: "\(n)", rule: "it must be \"full\" or at least 1")
        }
    }

    /// Checks a decay rate of the optimizer (momentum's β, Adam's β₁ and β₂): 0 up to below 1.
    public static func check(_ setting: Setting, _ beta: Double) throws {
        guard beta >= 0 && beta < 1 else {
            throw BackpropError.outOfRange(
                setting, value: "\(beta)", rule: "it must be at least 0 and below 1")
        }
    }

    /// Checks Adam's ε: a finite number above 0.
    public static func check(epsilon: Double) throws {
        guard epsilon.isFinite, epsilon > 0 else {
            throw BackpropError.outOfRange(
                .epsilon, value: "\(epsilon)", rule: "it must be a finite number above 0")
        }
    }

    /// Checks a penalty's strength λ (L1 or L2): a finite number of at least 0.
    public static func check(_ setting: Setting, penalty: Double) throws {
        guard penalty.isFinite, penalty >= 0 else {
            throw BackpropError.outOfRange(
                setting, value: "\(penalty)", rule: "it must be a finite number of at least 0")
        }
    }
}

extension TrainingOptions: Codable {
    private enum CodingKeys: String, CodingKey {
        case epochs, learningRate, batchSize, shuffle, seed, engine
        case optimizer, momentum, beta1, beta2, epsilon, l1, l2
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            epochs: try c.decode(Int.self, forKey: .epochs),
            learningRate: try c.decode(Double.self, forKey: .learningRate),
            batchSize: try c.decode(BatchSize.self, forKey: .batchSize),
            shuffle: try c.decode(Bool.self, forKey: .shuffle),
            seed: try c.decode(UInt64.self, forKey: .seed))
        let defaults = TrainingOptions()
        engine = try c.decodeIfPresent(Engine.self, forKey: .engine) ?? defaults.engine
        optimizer = try c.decodeIfPresent(OptimizerKind.self, forKey: .optimizer) ?? .sgd
        momentum = try c.decodeIfPresent(Double.self, forKey: .momentum) ?? defaults.momentum
        beta1 = try c.decodeIfPresent(Double.self, forKey: .beta1) ?? defaults.beta1
        beta2 = try c.decodeIfPresent(Double.self, forKey: .beta2) ?? defaults.beta2
        epsilon = try c.decodeIfPresent(Double.self, forKey: .epsilon) ?? defaults.epsilon
        l1 = try c.decodeIfPresent(Double.self, forKey: .l1) ?? 0
        l2 = try c.decodeIfPresent(Double.self, forKey: .l2) ?? 0
    }

    /// Writes every setting that matters: the engine, the optimizer's parameters and the penalties
    /// only when they are not the defaults (and only the chosen optimizer's), so that records of
    /// default runs stay as they were before these could be chosen.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(epochs, forKey: .epochs)
        try c.encode(learningRate, forKey: .learningRate)
        try c.encode(batchSize, forKey: .batchSize)
        try c.encode(shuffle, forKey: .shuffle)
        try c.encode(seed, forKey: .seed)
        if engine != .fast { try c.encode(engine, forKey: .engine) }
        switch optimizer {
        case .sgd: break
        case .momentum:
            try c.encode(optimizer, forKey: .optimizer)
            try c.encode(momentum, forKey: .momentum)
        case .adam:
            try c.encode(optimizer, forKey: .optimizer)
            try c.encode(beta1, forKey: .beta1)
            try c.encode(beta2, forKey: .beta2)
            try c.encode(epsilon, forKey: .epsilon)
        }
        if l1 != 0 { try c.encode(l1, forKey: .l1) }
        if l2 != 0 { try c.encode(l2, forKey: .l2) }
    }
}
