import Backprop
import Foundation
import Testing

@testable import Figures

/// Issue 21, item 1: on a slide (1280×720), a small frame (640×360), a phone held upright
/// (720×1280) and a printed page, no two words of a figure overlap, none leaves the page or is
/// cut by a clip, and every text and glyph is at least the figure's floor, measured with
/// Cairo's text extents as the figure places them (``LabelRecorder``).
@Suite(.serialized) struct LabelOverlapTests {
    /// A network of `hidden` on XOR points, keeping its trajectory for the landscapes.
    static func run(_ hidden: [Int]) throws -> TrainingRun {
        var trainer = Trainer(
            network: try Network(hidden: hidden, seed: 1),
            data: try Generator.xor.generate(count: 40, noise: 0.05, seed: 7),
            options: TrainingOptions(epochs: 200, learningRate: 2), schedule: .list([0, 200]))
        trainer.recordsTrajectory = true
        return try trainer.train(name: "xor")
    }

    static let networks: [[Int]] = [[2], [3, 2]]

    /// A frame with focus, votes and the diagram; the landscapes on a coarse grid.
    static func options(_ width: Int, _ height: Int) -> RenderOptions {
        var options = RenderOptions(width: width, height: height)
        options.focus = .worst
        options.hiddenShading = .vote
        options.frameDiagram = true
        options.surface.gridSize = 21
        return options
    }

    static let screens = [(640, 360), (1280, 720), (720, 1280)]

    @Test(arguments: FigureKind.allCases)
    func labelsNeitherOverlapNorLeaveTheirPageOnScreens(kind: FigureKind) throws {
        for hidden in Self.networks {
            try labelsNeitherOverlapNorLeaveTheirPage(kind: kind, run: try Self.run(hidden))
        }
    }

    func labelsNeitherOverlapNorLeaveTheirPage(kind: FigureKind, run: TrainingRun) throws {
        for (w, h) in Self.screens {
            let options = Self.options(w, h)
            let (figure, labels) = try LabelLayout.render(kind, run: run, options: options)
            let page = Page(
                kind, options: options, hidden: run.network.hidden, aspect: run.aspectForTests)
            #expect(!labels.isEmpty, "\(kind) at \(w)×\(h) writes something")
            if let keep = ProcessInfo.processInfo.environment["ERROREST_KEEP"] {
                let png = try LabelLayout.render(kind, run: run, options: options, format: .png)
                let name = "\(kind)-\(run.network.hidden.map(String.init).joined(separator: "-"))"
                try png.figure.data.write(
                    to: URL(fileURLWithPath: keep).appendingPathComponent("\(name)-\(w)x\(h).png"))
            }
            let faults = LabelLayout.faults(
                labels, width: figure.width, height: figure.height, text: page.style.textFloor,
                glyph: page.style.glyphFloor)
            #expect(
                faults.isEmpty,
                "\(kind) of \(run.network.hidden) at \(w)×\(h):\n\(faults.joined(separator: "\n"))")
            if w == 640 {
                #expect(page.style.glyphFloor >= 8)
            }
        }
    }

    /// A panel on its own, printed 8 cm wide: no text under 7 pt (1/32 of the page's width)
    /// and no glyph under 1 mm, the diagram's included; and nothing overlaps.
    @Test(arguments: [FigureKind.panel(.hidden), .panel(.output), .panel(.error), .panel(.diagram)])
    func aPrintPanelPlacedEightCentimetresWideHasSevenPointText(kind: FigureKind) throws {
        #expect(kind.isPrintPanel, "\(kind) on its own is laid out for print")
        for hidden in Self.networks {
            try printed(kind, run: try Self.run(hidden))
        }
    }

    func printed(_ kind: FigureKind, run: TrainingRun) throws {
        let options = Self.options(1280, 720)
        let (figure, labels) = try LabelLayout.render(kind, run: run, options: options)
        let keep = ProcessInfo.processInfo.environment["ERROREST_KEEP"]
        if let keep {
            try figure.data.write(
                to: URL(fileURLWithPath: keep).appendingPathComponent(
                    "print-\(kind)-\(run.network.hidden.map(String.init).joined(separator: "-")).pdf"
                ))
        }
        let points = PrintPageTests.eightCentimetres / Double(figure.width)
        let millimetres = 80 / Double(figure.width)
        let faults = LabelLayout.faults(
            labels, width: figure.width, height: figure.height, text: 7 / points,
            glyph: 1 / millimetres)
        #expect(
            faults.isEmpty,
            "\(kind) of \(run.network.hidden) printed:\n\(faults.joined(separator: "\n"))")
        let smallest = labels.filter { $0.kind == .text }.map(\.size).min() ?? 0
        #expect(smallest * points >= 7, "\(kind): \(smallest * points) pt at 8 cm")
    }
}
