import Foundation
import Testing

@testable import Backprop

/// The lesson's gradient-descent lab, reproduced to the digits it printed.
@Suite struct LessonLabTests {
    /// The lab's printed "Epoch 0, 10, …, 90" losses and accuracies: our epochs 1, 11, …, 91.
    static let printed: [(loss: Double, accuracy: Double)] = [
        (0.7135845195381634, 0.4), (0.6225835210454962, 0.59), (0.5548744083669508, 0.74),
        (0.501606141872473, 0.84), (0.4593334641861401, 0.86), (0.42525543433469976, 0.93),
        (0.3973461571671399, 0.93), (0.3741469765239074, 0.93), (0.35459973368161973, 0.94),
        (0.3379273658879921, 0.94),
    ]

    static func labData() throws -> Dataset {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples/udacity-gradient-descent.csv")
        return try Dataset(contentsOf: url)
    }

    @Test func labIsReproducedToTheLastPrintedDigit() throws {
        let data = try Self.labData()
        #expect(data.count == 100)
        let network = try Network(
            layers: [Layer(weights: [[-0.5307647566300506, 0.9308051907683095]], biases: [0])])
        let trainer = Trainer(
            network: network, data: data,
            options: TrainingOptions(epochs: 100, learningRate: 0.01, batchSize: .size(1)),
            schedule: .list([0, 100]))
        let run = try trainer.train(name: "lab")
        #expect(run.errors.count == 101)
        for (k, expected) in Self.printed.enumerated() {
            let epoch = 1 + 10 * k
            #expect(abs(run.errors[epoch] - expected.loss) <= 1e-12, "epoch \(epoch)")
            #expect(run.accuracies[epoch] == expected.accuracy, "epoch \(epoch)")
        }
    }
}
