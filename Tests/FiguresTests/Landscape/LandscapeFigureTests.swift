import Backprop
import Foundation
import Testing

@testable import Figures

@Suite struct LandscapeFigureTests {
    /// The lesson's lab perceptron on Udacity's points, keeping its trajectory.
    static func perceptronRun() throws -> TrainingRun {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(
                "Samples/udacity-gradient-descent.csv")
        var trainer = Trainer(
            network: try Network(
                layers: [Layer(weights: [[-0.5307647566300506, 0.9308051907683095]], biases: [0])]),
            data: try Dataset(contentsOf: url),
            options: TrainingOptions(epochs: 100, learningRate: 0.01, batchSize: .size(1)),
            schedule: .list([0, 10, 100]))
        trainer.recordsTrajectory = true
        return try trainer.train(name: "lab")
    }

    static func mlpRun() throws -> TrainingRun {
        var trainer = Trainer(
            network: try Network(hidden: [4], seed: 1),
            data: try Generator.xor.generate(count: 60, noise: 0.05, seed: 7),
            options: TrainingOptions(epochs: 300, learningRate: 2), schedule: .list([0, 60, 300]))
        trainer.recordsTrajectory = true
        return try trainer.train(name: "xor")
    }

    static func options(_ width: Int = 320, _ height: Int = 240, grid: Int = 31) -> RenderOptions {
        var options = RenderOptions(width: width, height: height)
        options.surface.gridSize = grid
        return options
    }

    @Test func everyLandscapeFigureDrawsInEveryFormatWithItsPanelInTheManifest() throws {
        let folder = ProcessInfo.processInfo.environment["ERROREST_KEEP"].map {
            URL(fileURLWithPath: $0)
        }
        for (run, kinds) in [
            (try Self.perceptronRun(), [FigureKind.surface, .mountain]),
            (try Self.mlpRun(), [.surface, .mountain, .hiddenSpace]),
        ] {
            let renderer = try FigureRenderer(run: run, options: Self.options())
            for kind in kinds {
                for format in FileFormat.allCases {
                    let figure = try renderer.render(kind, snapshot: 1, format: format)
                    #expect(figure.data.count > 1000)
                    let panel = try #require(figure.panels.first)
                    #expect(panel.kind.rawValue == kind.rawValue)
                    if let folder {
                        try figure.data.write(
                            to: folder.appendingPathComponent("\(run.name)-\(kind).\(format)"))
                    }
                }
            }
        }
    }
}
