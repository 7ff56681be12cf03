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
            (try Self.perceptronRun(), [FigureKind.panel(.surface), .panel(.mountain)]),
            (try Self.mlpRun(), [.panel(.surface), .panel(.mountain), .panel(.hiddenSpace)]),
        ] {
            let renderer = try FigureRenderer(run: run, options: Self.options())
            for kind in kinds {
                for format in FileFormat.allCases where !format.isAnimation {
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

    /// Golden images, compared as decoded pixels as in ``GoldenImageTests`` (recorded with
    /// `ERROREST_RECORD_GOLDEN=1`).
    @Test(arguments: [
        ("surface-perceptron", false, FigureKind.panel(.surface)),
        ("mountain-perceptron", false, .panel(.mountain)),
        ("surface-pca", true, .panel(.surface)), ("mountain-pca", true, .panel(.mountain)),
        ("hiddenSpace-4", true, .panel(.hiddenSpace)),
    ])
    func matchesItsGoldenImage(name: String, mlp: Bool, kind: FigureKind) throws {
        let run = mlp ? try Self.mlpRun() : try Self.perceptronRun()
        let figure = try FigureRenderer(run: run, options: Self.options(320, 180)).render(
            kind, snapshot: 1, format: .png)
        let reference = GoldenImageTests.folder.appendingPathComponent("\(name).png")
        if ProcessInfo.processInfo.environment["ERROREST_RECORD_GOLDEN"] == "1" {
            try figure.data.write(to: reference)
            return
        }
        let expectedData = try #require(
            FileManager.default.contents(atPath: reference.path),
            "No reference at \(reference.path); record with ERROREST_RECORD_GOLDEN=1.")
        let comparison = GoldenComparison(
            expected: try PNGCodec.decode(expectedData), actual: try PNGCodec.decode(figure.data))
        #expect(comparison.matches, "\(name): \(comparison.summary)")
    }

    /// PDF and SVG of the landscape figures, drawn by the same code as the PNG: each read back by
    /// a Cairo-based reader (`pdftocairo`, `rsvg-convert`) and compared as pixels with its own
    /// reference, `Golden/<name>.<format>.png`, and more loosely with the PNG of the same figure,
    /// so a panel missing from one format cannot pass.
    @Test(
        arguments: [
            ("surface-perceptron", false, FigureKind.panel(.surface)),
            ("mountain-pca", true, .panel(.mountain)), ("surface-pca", true, .panel(.surface)),
            ("hiddenSpace-4", true, .panel(.hiddenSpace)),
        ], [FileFormat.pdf, .svg])
    func vectorFilesMatchTheirGoldenImagesAndThePNG(
        golden: (name: String, mlp: Bool, kind: FigureKind), format: FileFormat
    ) throws {
        let run = golden.mlp ? try Self.mlpRun() : try Self.perceptronRun()
        let renderer = try FigureRenderer(run: run, options: Self.options(320, 180))
        try Fixtures.expectVectorGolden(
            renderer, golden.kind, snapshot: 1, format: format, name: golden.name)
    }

    @Test func theCaptionSaysWhenTheStepStartsFromRest() throws {
        var trainer = Trainer(
            network: try Network(hidden: [2], seed: 1),
            data: try Generator.xor.generate(count: 30, noise: 0.05, seed: 7),
            options: TrainingOptions(epochs: 40, learningRate: 0.05, optimizer: .adam),
            schedule: .list([0, 20]))
        trainer.recordsTrajectory = true
        var adam = try trainer.train(name: "adam")
        let options = SurfaceOptions(gridSize: 5)
        // The snapshot keeps Adam's state: the arrow is the trainer's step, and says nothing.
        let kept = try Landscapes().view(run: adam, snapshot: 1, options: options)
        #expect(!kept.note.contains("rest") && kept.restingOptimizer == nil)
        let following = Array(try #require(adam.trajectory).parameters(at: 21))
        let (u, v) = kept.surface.plane.coordinates(of: following)
        #expect(abs(kept.next.u - u) <= 1e-12 && abs(kept.next.v - v) <= 1e-12)
        // A record without the state (older) steps from rest, and says so.
        adam.snapshots[1].optimizerState = nil
        let landscapes = Landscapes()
        let first = try landscapes.view(run: adam, snapshot: 0, options: options)
        let later = try landscapes.view(run: adam, snapshot: 1, options: options)
        #expect(!first.note.contains("rest") && first.restingOptimizer == nil)
        #expect(later.note.hasSuffix("; W′ adam from rest") && later.restingOptimizer == .adam)
        // The arrow's end is the run's step, one computation with the step figure's.
        let step = try #require(TrainingStep(run: adam, snapshot: adam.snapshots[1]))
        #expect(abs(later.next.error - step.error) <= 1e-12)
        #expect(step.caption == "adam from rest")
        let sgd = try Landscapes().view(run: try Self.mlpRun(), snapshot: 1, options: options)
        #expect(!sgd.note.contains("rest"))
    }

    @Test func eachLandscapePanelIsNamedWithItsRectInsideTheFigureAndItsDomain() throws {
        let run = try Self.mlpRun()
        let options = Self.options(320, 240)
        let renderer = try FigureRenderer(run: run, options: options)
        let network = try run.network(at: run.snapshots[1])
        let space = try HiddenSpace(network: network, data: run.data)
        let surface = try ErrorSurface(run: run, snapshot: 1, options: options.surface)
        let d = surface.grid.domain
        let spaceDomain = HiddenSpacePanel.domain(of: space)
        let expected: [(FigureKind, PanelKind, [[Double]])] = [
            (
                .panel(.surface), .surface,
                [[d.x1.lowerBound, d.x1.upperBound], [d.x2.lowerBound, d.x2.upperBound]]
            ),
            (
                .panel(.hiddenSpace), .hiddenSpace,
                [
                    [spaceDomain.x1.lowerBound, spaceDomain.x1.upperBound],
                    [spaceDomain.x2.lowerBound, spaceDomain.x2.upperBound],
                ]
            ),
        ]
        for (figure, kind, domain) in expected {
            for format in FileFormat.allCases where !format.isAnimation {
                let panels = try renderer.render(figure, snapshot: 1, format: format).panels
                #expect(panels.count == 1 && panels[0].kind == kind)
                #expect(panels[0].domain == domain)
                let r = panels[0].rect
                #expect(r.count == 4 && r[0] >= 0 && r[1] >= 0 && r[2] > 50 && r[3] > 50)
                #expect(r[0] + r[2] <= 320 && r[1] + r[3] <= 240, "\(kind) \(r)")
            }
        }
        // A frame names its landscape panel too, beside the others.
        var framed = options
        framed.frameLandscape = .mountain
        let frame = try FigureRenderer(run: run, options: framed).render(
            .frame, snapshot: 1, format: .png)
        let mountain = try #require(frame.panels.first { $0.kind == .mountain })
        #expect(mountain.domain.count == 3 && mountain.rect.count == 4)
    }

    @Test func theDrawnPanelsDomainIsTheSurfacesGridAndTheMountainAddsItsHeights() throws {
        let run = try Self.mlpRun()
        let options = Self.options()
        let renderer = try FigureRenderer(run: run, options: options)
        let surface = try ErrorSurface(run: run, snapshot: 1, options: options.surface)
        let d = surface.grid.domain
        let flat = try renderer.render(.panel(.surface), snapshot: 1, format: .svg).panels[0]
        #expect(
            flat.domain == [
                [d.x1.lowerBound, d.x1.upperBound], [d.x2.lowerBound, d.x2.upperBound],
            ])
        let mountain = try renderer.render(.panel(.mountain), snapshot: 1, format: .pdf).panels[0]
        let range = surface.grid.range
        #expect(mountain.domain.last == [range.lowerBound, range.upperBound])
        // The CSV holds every grid node's height, and W's recorded error.
        let table = try #require(try renderer.table(.panel(.surface), snapshot: 1))
        #expect(table.name == "surface")
        let text = String(decoding: table.data, as: UTF8.self)
        let rows = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let heights = rows.filter { $0.first == "grid" }.compactMap { Double($0[4]) }
        #expect(heights == surface.grid.heights)
        let current = try #require(rows.first { $0.first == "current" })
        #expect(Double(current[5]) == run.snapshots[1].error)
    }
}
