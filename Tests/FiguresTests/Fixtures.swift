import Backprop
import Foundation
import Testing

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

    /// A race: SGD, momentum and Adam from one start on xor's 40 points (one hidden layer of 3,
    /// η = 1, Adam's 0.05), 60 epochs, snapshots every `every[i]` epochs, every epoch's weights
    /// kept when `trajectory`.
    static func race(every: [Int] = [10, 10, 10], trajectory: Bool = false) throws -> [TrainingRun]
    {
        let data = try Generator.xor.generate(count: 40, noise: 0.1, seed: 5)
        return try zip(OptimizerKind.allCases, every).map { optimizer, every in
            var trainer = Trainer(
                network: try Network(hidden: [3], seed: 3), data: data,
                options: TrainingOptions(
                    epochs: 60, learningRate: optimizer == .adam ? 0.05 : 1,
                    optimizer: optimizer),
                schedule: .every(every))
            trainer.recordsTrajectory = trajectory
            return try trainer.train(name: optimizer.rawValue)
        }
    }

    /// A fresh temporary folder for one test.
    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("errorest-figures-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A PDF or SVG figure as pixels at one pixel per point, through a Cairo-based reader of its
    /// format (`pdftocairo` from poppler-utils, `rsvg-convert` from librsvg2-bin).
    static func rasterise(_ figure: RenderedFigure, in folder: URL) throws -> PNGCodec.Image {
        let input = folder.appendingPathComponent("figure.\(figure.format.rawValue)")
        let output = folder.appendingPathComponent("figure.png")
        try figure.data.write(to: input)
        let (tool, arguments): (String, [String])
        switch figure.format {
        case .pdf:
            tool = "pdftocairo"
            arguments = [
                "-png", "-r", "72", "-singlefile", input.path, output.deletingPathExtension().path,
            ]
        case .svg:
            tool = "rsvg-convert"
            arguments = ["--dpi-x", "72", "--dpi-y", "72", "-o", output.path, input.path]
        case .png, .apng, .mp4, .gif, .html:
            return try PNGCodec.decode(figure.data)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let package = figure.format == .pdf ? "poppler-utils" : "librsvg2-bin"
        try #require(
            process.terminationStatus == 0,
            "\(tool) failed (status \(process.terminationStatus)); it comes with \(package).")
        return try PNGCodec.decode(try Data(contentsOf: output))
    }
}
