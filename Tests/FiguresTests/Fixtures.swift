import Backprop
import Foundation

@testable import Figures

/// Small trained runs for the tests, built the same way every time.
enum Fixtures {
    /// A run of `hidden` on `generator` data, with snapshots at epochs 0, 20 and `epochs`.
    static func run(
        _ generator: Generator = .xor, hidden: [Int], activation: Activation = .sigmoid,
        epochs: Int = 300, learningRate: Double = 2, count: Int = 60, name: String = "test"
    ) throws -> TrainingRun {
        let data = try generator.generate(count: count, noise: 0.05, seed: 7)
        let network = try Network(hidden: hidden, activation: activation, seed: 1)
        return try Trainer(
            network: network, data: data,
            options: TrainingOptions(epochs: epochs, learningRate: learningRate),
            schedule: .list([0, 20, epochs])
        ).train(name: name)
    }

    /// A fresh temporary folder for one test.
    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("errorest-figures-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
