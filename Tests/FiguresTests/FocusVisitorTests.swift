import Backprop
import Foundation
import Testing

@testable import Figures

/// A visitor (a point that is not in the data) asks for its wish like any point; `wish: none`
/// draws the focus point with no wish at all.
@Suite struct FocusVisitorTests {
    @Test func aVisitorsWishIsItsOwnGradientTimesMinusEta() throws {
        let run = try Fixtures.run(.wedge, hidden: [2], activation: .tanh)
        var options = RenderOptions(width: 320, height: 180)
        options.focus = .visitor(x1: -0.3, x2: 0.4, label: 1)
        let renderer = try FigureRenderer(run: run, options: options)
        let snapshot = run.snapshots[1]
        let figure = try renderer.render(.frame, snapshot: 1, format: .png)
        let expected = Story.wish(
            snapshot.layers, .tanh, at: Point(-0.3, 0.4), label: 1,
            learningRate: run.training.learningRate)
        let focused = figure.panels.compactMap(\.focus)
        #expect(focused.count == 3)  // both hidden units and the output
        for focus in focused {
            #expect(focus.index == nil && focus.point == [-0.3, 0.4] && focus.label == 1)
            let yhat = Story.output(snapshot.layers, .tanh, at: Point(-0.3, 0.4))
            #expect(abs(focus.output - yhat) < 1e-12)
        }
        for panel in figure.panels where panel.kind == .hidden {
            let j = (panel.unit ?? 1) - 1
            let wish = try #require(panel.wish)
            #expect(abs(wish[0] - expected[0].weights[j][0]) < 1e-12)
            #expect(abs(wish[2] - expected[0].biases[j]) < 1e-12)
            let weight = try #require(panel.outputWeight)
            #expect(abs(weight.change - expected[1].weights[0][j]) < 1e-12)
        }
        // The visitor is drawn: the picture differs from the same figure without it.
        var plain = options
        plain.focus = nil
        let without = try FigureRenderer(run: run, options: plain).render(
            .frame, snapshot: 1, format: .png)
        #expect(figure.data != without.data)
    }

    @Test func aVisitorWithABadLabelIsRefused() throws {
        let run = try Fixtures.run(.wedge, hidden: [2])
        var options = RenderOptions(width: 320, height: 180)
        options.focus = .visitor(x1: 0, x2: 0, label: 2)
        #expect(throws: FiguresError.self) { try FigureRenderer(run: run, options: options) }
    }

    @Test func wishNoneDrawsTheFocusPointAndNoWish() throws {
        let run = try Fixtures.run(.wedge, hidden: [2])
        var options = RenderOptions(width: 960, height: 540)
        options.focus = .worst
        options.wish = WishSource.none
        options.frameDiagram = true
        let renderer = try FigureRenderer(run: run, options: options)
        for kind in [FigureKind.frame, .panel(.diagram)] {
            let figure = try renderer.render(kind, snapshot: 2, format: .png)
            #expect(figure.panels.allSatisfy { $0.wish == nil && $0.ghost == nil })
            #expect(figure.panels.allSatisfy { $0.outputWeight == nil })
            let edges = figure.panels.compactMap(\.edges).flatMap { $0 }
            #expect(!edges.isEmpty && edges.allSatisfy { $0.change == 0 && $0.marker == nil })
            if kind == .frame {
                let planes = figure.panels.filter { $0.kind == .hidden || $0.kind == .output }
                #expect(planes.count == 3 && planes.allSatisfy { $0.focus != nil })
            }
        }
    }
}
