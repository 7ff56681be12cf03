import Foundation

/// The shape of a run's network, as the run record states it.
public struct Architecture: Equatable, Sendable, Codable {
    public var inputs: Int
    public var hidden: [Int]
    public var activation: Activation

    public init(inputs: Int = Network.inputs, hidden: [Int], activation: Activation) {
        self.inputs = inputs
        self.hidden = hidden
        self.activation = activation
    }
}

/// The network at one epoch, with its error, accuracy and full-set gradient.
///
/// A paced run may also keep weights part-way through an epoch (see ``Pacing``): `epoch` is the
/// epoch's start and ``stepFraction`` how far through it the weights are.
public struct Snapshot: Equatable, Sendable, Codable {
    public var epoch: Int
    /// How far through the epoch after `epoch` the weights are, for a snapshot part-way
    /// through it (see ``Pacing``).
    ///
    /// Between 0 and 1. With full batches the weights are `W + t (W′ − W)`, part-way along the
    /// epoch's one step; with mini-batches, the trainer's own after that share of the epoch's
    /// batches. Either way a point on the path the trainer took. Absent for an epoch's own
    /// weights.
    public var stepFraction: Double?
    /// The held-out points' error at weights part-way along a step (an epoch's own is in the
    /// run's `testErrors`).
    public var testError: Double?
    public var error: Double
    public var accuracy: Double
    /// Hidden layers, then the output layer.
    public var layers: [Layer]
    /// `∇E` over the whole training set at these weights, in the shapes of `layers`.
    public var gradient: [Layer]
    /// What the optimizer remembered at these weights (momentum's velocity, Adam's moments and
    /// step count), so the step from here is the trainer's own; absent for plain descent, which
    /// remembers nothing, and for weights part-way along a step.
    public var optimizerState: OptimizerState?
    /// The order in which the next epoch visits the points (indices into the run's data, batch
    /// after batch), when a mini-batch run shuffles them; absent otherwise.
    public var batchOrder: [Int]?

    public init(epoch: Int, error: Double, accuracy: Double, layers: [Layer], gradient: [Layer]) {
        self.epoch = epoch
        self.error = error
        self.accuracy = accuracy
        self.layers = layers
        self.gradient = gradient
    }

    /// The snapshot's place on the epoch axis: `epoch`, plus ``stepFraction`` part-way along a
    /// step.
    public var time: Double { Double(epoch) + (stepFraction ?? 0) }

    /// `289`, or `4.35` for weights 0.35 of the way from epoch 4 to 5.
    public var epochLabel: String { Snapshot.label(epoch: epoch, fraction: stepFraction) }

    /// `289`, or `4.35` for `fraction` 0.35 of the way from `epoch` 4 to 5.
    public static func label(epoch: Int, fraction: Double?) -> String {
        String(epoch) + fractionDigits(fraction)
    }

    /// `.35` for a step fraction of 0.35 (two decimals, trailing zeros dropped); empty for none.
    public static func fractionDigits(_ fraction: Double?) -> String {
        guard let t = fraction else { return "" }
        var digits = String(format: "%.2f", t).drop { $0 != "." }
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits == "." ? "" : String(digits)
    }
}

/// The run record (`run.json`): everything the figures need, and nothing they must
/// recompute by training.
public struct TrainingRun: Equatable, Sendable, Codable {
    public static let format = "errorest-run"
    public static let version = 1

    public var format: String = TrainingRun.format
    public var version: Int = TrainingRun.version
    public var name: String
    public var network: Architecture
    public var training: TrainingOptions
    public var data: Dataset
    public var domain: Domain
    /// `errors[e]` is `E` over the whole training set with epoch-`e` weights.
    public var errors: [Double]
    public var accuracies: [Double]
    public var snapshots: [Snapshot]
    /// The parameters at (nearly) every epoch, when the trainer was asked to keep them; absent
    /// from the JSON otherwise, so records without one read and write as before.
    public var trajectory: Trajectory?
    /// Held-out points, never trained on (absent when every point was trained on).
    public var test: Dataset?
    /// `testErrors[e]` and `testAccuracies[e]`: the held-out points' error and accuracy with
    /// epoch-`e` weights (present exactly when ``test`` is).
    public var testErrors: [Double]?
    public var testAccuracies: [Double]?
    /// `penalties[e]`: the regularisation penalty of the epoch-`e` weights, beside the data term in
    /// ``errors`` (absent without regularisation).
    public var penalties: [Double]?
    /// The run file's `render` block the run was drawn with, every key written (absent when the
    /// run was trained without figures, or written by another tool); `errorest render` starts
    /// from it.
    public var render: RecordValue?

    public init(
        name: String, network: Architecture, training: TrainingOptions, data: Dataset,
        domain: Domain, errors: [Double], accuracies: [Double], snapshots: [Snapshot],
        test: Dataset? = nil, testErrors: [Double]? = nil, testAccuracies: [Double]? = nil,
        penalties: [Double]? = nil
    ) {
        self.name = name
        self.network = network
        self.training = training
        self.data = data
        self.domain = domain
        self.errors = errors
        self.accuracies = accuracies
        self.snapshots = snapshots
        self.test = test
        self.testErrors = testErrors
        self.testAccuracies = testAccuracies
        self.penalties = penalties
    }

    /// The network of a snapshot, ready to evaluate.
    public func network(at snapshot: Snapshot) throws -> Network {
        try Network(layers: snapshot.layers, activation: network.activation)
    }

    /// The record as JSON: keys sorted, so the same run always gives the same bytes, and numbers
    /// written so that they read back bit-identically.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a run record, checking it as ``validate()`` does; `source` names it in messages.
    public init(jsonData: Data, source: String) throws {
        do {
            self = try JSONDecoder().decode(TrainingRun.self, from: jsonData)
        } catch let error as BackpropError {
            throw BackpropError.badRunRecord("\(source): \(error.description)")
        } catch let error as DecodingError {
            let misfit = RecordNumbers.problem(in: jsonData)
            throw BackpropError.badRunRecord("\(source): \(misfit ?? error.sentence)")
        } catch {
            throw BackpropError.badRunRecord("\(source) is not valid JSON.")
        }
        do {
            try validate()
        } catch let error as BackpropError {
            throw BackpropError.badRunRecord("\(source): \(error.description)")
        }
    }

    /// Checks that the record is consistent: format, shapes, series lengths, epochs, numbers.
    public func validate() throws {
        func fail(_ message: String) -> BackpropError { .badRunRecord(message) }
        guard format == TrainingRun.format else {
            throw fail("The format is \"\(format)\"; a run record's is \"\(TrainingRun.format)\".")
        }
        guard version == TrainingRun.version else {
            throw fail("Version \(version) is not known; this Errorest reads version 1.")
        }
        guard network.inputs == Network.inputs else {
            throw fail("The network has \(network.inputs) inputs; Errorest networks have 2.")
        }
        try Network.check(hidden: network.hidden)
        try training.validate()
        let epochs = training.epochs
        guard errors.count == epochs + 1, accuracies.count == epochs + 1 else {
            throw fail(
                "A run of \(epochs) epochs has \(epochs + 1) errors and accuracies; this one has "
                    + "\(errors.count) and \(accuracies.count).")
        }
        guard errors.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw fail("Every error must be a finite number of at least 0.")
        }
        guard accuracies.allSatisfy({ (0...1).contains($0) }) else {
            throw fail("Every accuracy must be between 0 and 1.")
        }
        guard (test == nil) == (testErrors == nil), (test == nil) == (testAccuracies == nil) else {
            throw fail("Test points, test errors and test accuracies come together, or not at all.")
        }
        if let testErrors, let testAccuracies {
            guard testErrors.count == epochs + 1, testAccuracies.count == epochs + 1 else {
                throw fail(
                    "A run of \(epochs) epochs has \(epochs + 1) test errors and accuracies; this "
                        + "one has \(testErrors.count) and \(testAccuracies.count).")
            }
            guard testErrors.allSatisfy({ $0.isFinite && $0 >= 0 }),
                testAccuracies.allSatisfy({ (0...1).contains($0) })
            else {
                throw fail("Every test error must be finite and at least 0, every accuracy 0 to 1.")
            }
        }
        if let penalties {
            guard penalties.count == epochs + 1, penalties.allSatisfy({ $0.isFinite && $0 >= 0 })
            else {
                throw fail(
                    "A run of \(epochs) epochs has \(epochs + 1) penalties, each finite and at "
                        + "least 0.")
            }
        }
        guard !snapshots.isEmpty else { throw fail("The record has no snapshots.") }
        var previous: Snapshot?
        for snapshot in snapshots {
            if let t = snapshot.stepFraction {
                guard t > 0, t < 1, snapshot.epoch < epochs else {
                    throw fail(
                        "The snapshot of epoch \(snapshot.epoch) has a step fraction of \(t); it "
                            + "must be between 0 and 1, and the step must end by epoch \(epochs).")
                }
            }
            guard snapshot.epoch >= 0 else {
                throw fail(
                    "A snapshot is at epoch \(snapshot.epoch); snapshot epochs count from 0 to "
                        + "\(epochs).")
            }
            guard (previous?.time ?? -1) < snapshot.time, snapshot.epoch <= epochs else {
                throw fail(
                    "Snapshot epochs must rise from 0 to \(epochs); \(snapshot.epochLabel) "
                        + "comes after \(previous?.epochLabel ?? "-1").")
            }
            guard snapshot.testError == nil || (snapshot.stepFraction != nil && test != nil),
                snapshot.testError?.isFinite ?? true
            else {
                throw fail(
                    "The snapshot of epoch \(snapshot.epochLabel) has a test error, which only a "
                        + "snapshot part-way along a step of a run with test points has.")
            }
            previous = snapshot
            let label = "The snapshot of epoch \(snapshot.epochLabel)"
            let net: Network
            do {
                net = try network(at: snapshot)
            } catch let error as BackpropError {
                throw fail("\(label): \(error.description)")
            }
            guard net.hidden == network.hidden else {
                throw fail("\(label) has hidden layers \(net.hidden), not \(network.hidden).")
            }
            guard
                snapshot.gradient.map(\.weights).map({ $0.map(\.count) })
                    == snapshot.layers.map(\.weights).map({ $0.map(\.count) }),
                snapshot.gradient.map(\.units) == snapshot.layers.map(\.units),
                snapshot.gradient.allSatisfy(\.isFinite)
            else {
                throw fail(
                    "\(label) has a gradient whose shape or numbers do not match its layers.")
            }
            guard snapshot.error.isFinite, (0...1).contains(snapshot.accuracy) else {
                throw fail("\(label) has an error or accuracy out of range.")
            }
            try checkStepState(of: snapshot, label: label)
        }
        try trajectory?.validate(epochs: epochs)
    }
}

extension TrainingRun {
    /// Reads the record's keys; the trajectory's rows are laid out as the record's network
    /// (when that network is one Errorest can have: ``validate()`` rejects the record otherwise).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        name = try c.decode(String.self, forKey: .name)
        network = try c.decode(Architecture.self, forKey: .network)
        training = try c.decode(TrainingOptions.self, forKey: .training)
        data = try c.decode(Dataset.self, forKey: .data)
        domain = try c.decode(Domain.self, forKey: .domain)
        errors = try c.decode([Double].self, forKey: .errors)
        accuracies = try c.decode([Double].self, forKey: .accuracies)
        snapshots = try c.decode([Snapshot].self, forKey: .snapshots)
        let rows = try c.decodeIfPresent(Trajectory.Rows.self, forKey: .trajectory)
        test = try c.decodeIfPresent(Dataset.self, forKey: .test)
        testErrors = try c.decodeIfPresent([Double].self, forKey: .testErrors)
        testAccuracies = try c.decodeIfPresent([Double].self, forKey: .testAccuracies)
        penalties = try c.decodeIfPresent([Double].self, forKey: .penalties)
        render = try c.decodeIfPresent(RecordValue.self, forKey: .render)
        if let rows, network.inputs == Network.inputs,
            (try? Network.check(hidden: network.hidden)) != nil
        {
            trajectory = try rows.laidOut(
                ParameterLayout(sizes: [network.inputs] + network.hidden + [1]))
        }
    }
}
