import Backprop
import Foundation
import Testing

@testable import Figures

/// Figures by composition: a figure is the frame or one panel kind; its layout places panels;
/// each panel kind declares the data it needs, and the renderer gathers exactly that.
@Suite struct CompositionTests {
    /// Every panel kind is a figure of its own, named by the panel's name; the frame is the
    /// only other figure.
    @Test func everyPanelKindIsAFigure() throws {
        #expect(FigureKind.allCases == [.frame] + PanelKind.allCases.map { .panel($0) })
        for kind in FigureKind.allCases {
            #expect(FigureKind(rawValue: kind.rawValue) == kind)
            #expect("\(kind)" == kind.rawValue)
            let json = try JSONEncoder().encode([kind])
            #expect(String(decoding: json, as: UTF8.self) == "[\"\(kind.rawValue)\"]")
            #expect(try JSONDecoder().decode([FigureKind].self, from: json) == [kind])
        }
        #expect(FigureKind(rawValue: "blob") == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([FigureKind].self, from: Data("[\"blob\"]".utf8))
        }
    }

    /// A panel on its own fills the page with panels of its kind, and nothing else.
    @Test(arguments: [[], [2], [3, 2]] as [[Int]])
    func aPanelAloneFillsThePageWithItsKind(hidden: [Int]) {
        for kind in PanelKind.allCases {
            for (w, h) in [(1280, 720), (320, 180)] {
                let page = Page(
                    .panel(kind), options: RenderOptions(width: w, height: h), hidden: hidden,
                    aspect: 1.2)
                #expect(!page.layout.panels.isEmpty, "\(kind) \(hidden)")
                #expect(page.layout.panels.allSatisfy { $0.kind == kind }, "\(kind) \(hidden)")
            }
        }
    }

    /// What a figure needs is what the panels its layout places declare: a frame needs the
    /// landscape (and so the trajectory) only with a landscape panel, the step figure the step.
    @Test func aFigureNeedsWhatItsPanelsDeclare() {
        func needs(_ kind: FigureKind, landscape: PanelKind? = nil, diagram: Bool = false)
            -> Set<PanelNeed>
        {
            var options = RenderOptions()
            options.frameLandscape = landscape
            options.frameDiagram = diagram
            let page = Page(kind, options: options, hidden: [2], aspect: 1)
            let placed = page.layout.panels.reduce(into: Set<PanelNeed>()) {
                $0.formUnion($1.kind.needs)
            }
            #expect(page.layout.needs(scene: 0) == placed)
            let domain = Domain(x1: -1...1, x2: -1...1)
            #expect(options.needs(of: [kind], hidden: [2], domain: domain) == placed)
            return placed
        }
        #expect(needs(.frame).isEmpty)
        #expect(needs(.frame, diagram: true).isEmpty)
        #expect(needs(.frame, landscape: .mountain) == [.trajectory, .landscape])
        #expect(needs(.frame, landscape: .surface, diagram: true) == [.trajectory, .landscape])
        #expect(needs(.panel(.surface)) == [.trajectory, .landscape])
        #expect(needs(.panel(.mountain)) == [.trajectory, .landscape])
        #expect(needs(.panel(.hiddenSpace)) == [.hiddenSpace])
        #expect(needs(.panel(.step)) == [.step])
        for kind in [PanelKind.hidden, .output, .error, .diagram] {
            #expect(needs(.panel(kind)).isEmpty)
        }
        // A landscape is only kept with the trajectory it is drawn from.
        for kind in PanelKind.allCases where kind.needs.contains(.landscape) {
            #expect(kind.needs.contains(.trajectory))
        }
    }

    /// The renderer computes a landscape only for figures whose panels need one.
    @Test func theRendererGathersOnlyWhatThePanelsNeed() throws {
        var trainer = Trainer(
            network: try Network(hidden: [2], seed: 1),
            data: try Generator.xor.generate(count: 40, noise: 0.05, seed: 7),
            options: TrainingOptions(epochs: 30, learningRate: 2), schedule: .list([0, 30]))
        trainer.recordsTrajectory = true
        let run = try trainer.train(name: "needs")
        var options = RenderOptions(width: 320, height: 180)
        options.surface.gridSize = 11
        let renderer = try FigureRenderer(run: run, options: options)
        for kind in FigureKind.allCases where !kind.composition(options).needsLandscape {
            _ = try renderer.render(kind, snapshot: 1, format: .png)
        }
        #expect(renderer.landscapes.count == 0)
        _ = try renderer.render(.panel(.mountain), snapshot: 1, format: .png)
        #expect(renderer.landscapes.count == 1)
    }

    /// Small multiples are a layout of placed panels on several snapshots: two output panels
    /// side by side draw the same pixels for the same snapshot and different ones for another.
    @Test func smallMultiplesShowEachPanelsOwnSnapshot() throws {
        let run = try Fixtures.run(.xor, hidden: [2], epochs: 300)
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 480, height: 240))
        func crops(_ snapshots: [Int]) throws -> [[UInt8]] {
            let figure = try renderer.render(
                SideBySide(kind: .output), kind: .frame, snapshots: snapshots, format: .png)
            #expect(figure.panels.map(\.kind) == [.output, .output])
            #expect(figure.epoch == run.snapshots[snapshots[0]].epoch)
            let image = try PNGCodec.decode(figure.data)
            return figure.panels.map { panel in
                let r = panel.rect.map { Int($0.rounded()) }
                var pixels: [UInt8] = []
                for y in r[1]..<(r[1] + r[3] - 2) {
                    let row = (y * image.width + r[0]) * 4
                    pixels += image.rgba[row..<(row + (r[2] - 2) * 4)]
                }
                return pixels
            }
        }
        let same = try crops([0, 0])
        #expect(same[0] == same[1])
        let different = try crops([0, 2])
        #expect(different[0] == same[0])
        #expect(different[0] != different[1])
    }
}

/// Two panels of one kind side by side, the first on the figure's snapshot, the second on the
/// next one it is drawn for.
struct SideBySide: Composition {
    let kind: PanelKind
    var name: String { "side by side" }
    var legend: Legend? { nil }

    func place(in body: Rect, hidden: [Int], aspect: Double, style: Style) -> [PlacedPanel] {
        let (left, right) = body.slicingLeft((body.width / 2).rounded())
        return [
            PlacedPanel(kind: kind, cell: left.inset(by: style.gap), scene: 0),
            PlacedPanel(kind: kind, cell: right.inset(by: style.gap), scene: 1),
        ]
    }
}

extension Composition {
    /// True when a panel it places for a two-unit network needs a landscape.
    var needsLandscape: Bool {
        place(
            in: Rect(x: 0, y: 0, width: 320, height: 180), hidden: [2], aspect: 1,
            style: Style(width: 320, height: 180)
        ).contains { $0.kind.needs.contains(.landscape) }
    }
}

extension CompositionTests {
    /// `dump`, which a sweep's content hash is made with, shows a figure as it did when each
    /// figure was a case of its own, so the hashes of finished sweep runs still match.
    @Test func aFigureIsDumpedAsOneCase() {
        for (kind, name) in [(FigureKind.frame, "frame"), (.panel(.output), "output")] {
            var text = ""
            dump([kind], to: &text)
            #expect(text == "▿ 1 element\n  - Figures.FigureKind.\(name)\n")
        }
    }
}
