import Backprop
import Foundation
import Testing

@testable import Figures

/// The error axis: spikes do not set it, and a given range does.
@Suite struct ErrorAxisTests {
    static func errorDomain(_ run: TrainingRun, _ options: RenderOptions) throws -> [Double] {
        let renderer = try FigureRenderer(run: run, options: options)
        let figure = try renderer.render(.panel(.error), snapshot: 1, format: .png)
        let panel = try #require(figure.panels.first { $0.kind == .error })
        return panel.domain[1]
    }

    @Test func oneSpikeIsClippedInsteadOfFlatteningTheDescent() throws {
        var run = try Fixtures.run(hidden: [2])
        let options = RenderOptions(width: 240, height: 135)
        let smooth = try Self.errorDomain(run, options)
        #expect(abs(smooth[1] - 1.08 * run.errors[0]) < 1e-9)
        run.errors[150] = 2.4  // one epoch
        let spiked = try Self.errorDomain(run, options)
        #expect(spiked == smooth)
        let series = ErrorSeries(errors: run.errors)
        #expect(series.maximum == 2.4 && series.robustMaximum == run.errors[0])
    }

    @Test func aGivenRangeIsTheAxis() throws {
        let run = try Fixtures.run(hidden: [2])
        var options = RenderOptions(width: 240, height: 135)
        options.errorRange = 0...2
        #expect(try Self.errorDomain(run, options) == [0, 2])
        options.errorRange = 0.5...0.5000001
        let clipped = try FigureRenderer(run: run, options: options)
        _ = try clipped.render(.panel(.error), snapshot: 1, format: .png)  // draws, clipped
        options.errorRange = -1...1
        #expect(throws: FiguresError.self) { try options.validate() }
        options.errorRange = 0...Double.infinity
        #expect(throws: FiguresError.self) { try options.validate() }
    }
}

/// `header: false`: panels for print, without the figure's header strip.
@Suite struct HeaderOptionTests {
    @Test(arguments: [FigureKind.frame, .panel(.output)])
    func withoutTheHeaderThePanelsMoveUp(kind: FigureKind) throws {
        let run = try Fixtures.run(hidden: [2])
        var options = RenderOptions(width: 320, height: 180)
        let with = try FigureRenderer(run: run, options: options).render(
            kind, snapshot: 1, format: .png)
        options.header = false
        let without = try FigureRenderer(run: run, options: options)
            .render(kind, snapshot: 1, format: .png)
        let top = { (figure: RenderedFigure) in figure.panels.map { $0.rect[1] }.min() ?? 0 }
        #expect(top(without) < top(with) - 10)
        #expect(with.data != without.data)
    }
}
