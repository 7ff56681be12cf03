import Foundation
import Testing

@testable import Backprop

/// The update rules against hand computations, the penalties against finite differences, and the
/// two engines against each other for every rule and penalty.
@Suite struct OptimizerTests {
    /// Three points and a single perceptron: small enough to compute by hand.
    static let points = [Point(0.5, -1), Point(-0.25, 0.75), Point(1.5, 0.5)]
    static let labels = [1, 0, 0]
    static let start = Layer(weights: [[0.3, -0.2]], biases: [0.1])

    /// `∇E` of the perceptron by its formula: `mean((σ(z) − y) x)`, with Foundation's `exp`.
    static func handGradient(_ p: [Double]) -> [Double] {
        var g = [0.0, 0.0, 0.0]
        for (x, y) in zip(points, labels) {
            let z = p[0] * x.x1 + p[1] * x.x2 + p[2]
            let d = 1 / (1 + exp(-z)) - Double(y)
            g[0] += d * x.x1 / 3
            g[1] += d * x.x2 / 3
            g[2] += d / 3
        }
        return g
    }

    /// Three steps of `rule` by hand, from `start`: the parameters after each step.
    static func handSteps(_ options: TrainingOptions) -> [[Double]] {
        let rate = options.learningRate
        var p = [0.3, -0.2, 0.1]
        var (m, v) = ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0])
        var after: [[Double]] = []
        for t in 1...3 {
            var g = handGradient(p)
            for k in 0..<2 {  // the weights, not the bias
                g[k] += options.l2 * p[k] + options.l1 * (p[k] > 0 ? 1 : p[k] < 0 ? -1 : 0)
            }
            for k in 0..<3 {
                switch options.optimizer {
                case .sgd:
                    p[k] -= rate * g[k]
                case .momentum:
                    m[k] = options.momentum * m[k] + g[k]
                    p[k] -= rate * m[k]
                case .adam:
                    let (b1, b2) = (options.beta1, options.beta2)
                    m[k] = b1 * m[k] + (1 - b1) * g[k]
                    v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k]
                    let mHat = m[k] / (1 - pow(b1, Double(t)))
                    let vHat = v[k] / (1 - pow(b2, Double(t)))
                    p[k] -= rate * mHat / (vHat.squareRoot() + options.epsilon)
                }
            }
            after.append(p)
        }
        return after
    }

    static let rules: [TrainingOptions] = [
        TrainingOptions(learningRate: 0.7),
        TrainingOptions(learningRate: 0.3, optimizer: .momentum, momentum: 0.8),
        TrainingOptions(
            learningRate: 0.05, optimizer: .adam, beta1: 0.85, beta2: 0.99, epsilon: 1e-3),
        TrainingOptions(learningRate: 0.05, optimizer: .adam),
        TrainingOptions(learningRate: 0.7, l1: 0.01, l2: 0.1),
        TrainingOptions(learningRate: 0.3, optimizer: .momentum, l2: 0.2),
        TrainingOptions(learningRate: 0.05, optimizer: .adam, l1: 0.05),
    ]

    @Test(arguments: rules, Engine.allCases)
    func firstThreeStepsEqualAHandComputation(rule: TrainingOptions, engine: Engine) throws {
        var options = rule
        options.epochs = 3
        options.engine = engine
        let run = try Trainer(
            network: try Network(layers: [Self.start]),
            data: try Dataset(points: Self.points, labels: Self.labels), options: options,
            schedule: .all
        ).train(name: "hand")
        let expected = Self.handSteps(options)
        for t in 1...3 {
            let got = ParameterVector(run.snapshots[t].layers).values
            for (a, b) in zip(got, expected[t - 1]) {
                #expect(abs(a - b) <= 1e-12, "\(options.optimizer) step \(t): \(a) vs \(b)")
            }
        }
    }

    @Test(
        arguments: GradientTests.shapes,
        [
            Regularisation(l2: 0.3), Regularisation(l1: 0.2), Regularisation(l1: 0.05, l2: 0.1),
        ])
    func penaltyGradientsMatchFiniteDifferences(hidden: [Int], penalty: Regularisation) throws {
        let data = try GradientTests.data()
        let network = try GradientTests.network(hidden, .tanh)
        func objective(_ p: [Double]) -> Double {
            var copy = network
            copy.setParameters(p)
            return copy.evaluate(on: data).error + penalty.penalty(copy.layers)
        }
        var analytic = network.evaluate(on: data).gradient
        Lesson.add(penalty.gradient(network.layers), to: &analytic)
        let parameters = network.parameters.values
        let h = 1e-6
        let numeric = parameters.indices.map { k in
            var p = parameters
            p[k] += h
            let plus = objective(p)
            p[k] -= 2 * h
            return (plus - objective(p)) / (2 * h)
        }
        let relative = GradientTests.relativeError(GradientTests.flat(analytic), numeric)
        #expect(relative <= 1e-6, "relative error \(relative)")
        // Biases are never penalised.
        #expect(penalty.gradient(network.layers).allSatisfy { $0.biases.allSatisfy { $0 == 0 } })
    }

    @Test(arguments: rules)
    func fastAndReferenceEnginesAgree(rule: TrainingOptions) throws {
        let (train, test) = try Generator.moons.generate(count: 60, noise: 0.2, seed: 3)
            .split(testShare: 0.25, seed: 3)
        func run(_ engine: Engine, _ batch: BatchSize) throws -> TrainingRun {
            var options = rule
            options.epochs = 20
            options.engine = engine
            options.batchSize = batch
            options.shuffle = true
            return try Trainer(
                network: try Network(hidden: [4, 3], activation: .tanh, seed: 2), data: train,
                test: test, options: options, schedule: .list([0, 5, 20])
            ).train(name: "engines")
        }
        for batch in [BatchSize.full, .size(8)] {
            let fast = try run(.fast, batch)
            let reference = try run(.reference, batch)
            let series: [(String, [Double]?, [Double]?)] = [
                ("errors", fast.errors, reference.errors),
                ("test errors", fast.testErrors, reference.testErrors),
                ("penalties", fast.penalties, reference.penalties),
            ]
            for (name, a, b) in series {
                #expect(a?.count == b?.count, "\(name)")
                for (x, y) in zip(a ?? [], b ?? []) {
                    #expect(EngineTests.close(x, y), "\(rule.optimizer) \(batch) \(name)")
                }
            }
            #expect((fast.penalties == nil) == (rule.l1 == 0 && rule.l2 == 0))
            #expect(fast.testAccuracies == reference.testAccuracies)
            for (f, r) in zip(fast.snapshots, reference.snapshots) {
                for (x, y) in zip(EngineTests.flat(f.layers), EngineTests.flat(r.layers)) {
                    #expect(EngineTests.close(x, y), "\(rule.optimizer) \(batch) weights")
                }
                for (x, y) in zip(EngineTests.flat(f.gradient), EngineTests.flat(r.gradient)) {
                    #expect(EngineTests.close(x, y), "\(rule.optimizer) \(batch) gradient")
                }
            }
        }
    }

    @Test func penaltiesAreRecordedBesideTheDataTerm() throws {
        let data = try GradientTests.data()
        let options = TrainingOptions(epochs: 5, learningRate: 0.5, l1: 0.01, l2: 0.1)
        let run = try Trainer(
            network: try Network(hidden: [3], seed: 1), data: data, options: options,
            schedule: .all
        ).train(name: "p")
        let penalties = try #require(run.penalties)
        #expect(penalties.count == 6)
        let penalty = Regularisation(l1: 0.01, l2: 0.1)
        for snapshot in run.snapshots {
            let network = try run.network(at: snapshot)
            #expect(EngineTests.close(penalties[snapshot.epoch], penalty.penalty(snapshot.layers)))
            // The recorded error stays the data term.
            #expect(EngineTests.close(run.errors[snapshot.epoch], network.evaluate(on: data).error))
        }
        try run.validate()
    }

    @Test func defaultsAreNotWrittenSoOldRecordsStayTheSame() throws {
        let text = { (o: TrainingOptions) in
            String(decoding: try JSONEncoder().encode(o), as: UTF8.self)
        }
        let plain = try text(TrainingOptions())
        for key in ["engine", "optimizer", "momentum", "beta1", "beta2", "epsilon", "l1", "l2"] {
            #expect(!plain.contains("\"\(key)\""), "\(key)")
        }
        let momentum = try text(TrainingOptions(optimizer: .momentum, momentum: 0.5))
        #expect(momentum.contains("\"momentum\":0.5") && !momentum.contains("beta1"))
        let adam = TrainingOptions(optimizer: .adam, beta1: 0.8, l2: 0.1)
        let back = try JSONDecoder().decode(
            TrainingOptions.self, from: try JSONEncoder().encode(adam))
        #expect(back == adam)
    }

    @Test func badOptimizerSettingsAreRefused() {
        let cases: [(TrainingOptions, String)] = [
            (
                TrainingOptions(optimizer: .momentum, momentum: 1),
                "The optimizer's momentum is 1.0; it must be at least 0 and below 1."
            ),
            (
                TrainingOptions(beta2: -0.1),
                "The optimizer's beta2 is -0.1; it must be at least 0 and below 1."
            ),
            (
                TrainingOptions(epsilon: 0),
                "The optimizer's epsilon is 0.0; it must be a finite number above 0."
            ),
            (
                TrainingOptions(l2: .nan),
                "The L2 penalty is nan; it must be a finite number of at least 0."
            ),
        ]
        for (options, message) in cases {
            let error = #expect(throws: BackpropError.self) { try options.validate() }
            #expect(error?.description == message)
        }
    }
}
