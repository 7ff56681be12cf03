import Backprop
import Foundation
import Testing

@testable import Figures

/// Held-out points in the figures: hollow markers in the plane panels, a dashed test curve in
/// the error panel whose range holds it, and nothing else changed.
@Suite struct HeldOutFigureTests {
    /// An overfitting run with a third of its points held out.
    static func run() throws -> TrainingRun {
        let (train, test) = try Generator.xor.generate(count: 60, noise: 0.3, seed: 4)
            .split(testShare: 1.0 / 3, seed: 4)
        return try Trainer(
            network: try Network(hidden: [12], activation: .tanh, seed: 1), data: train,
            test: test, options: TrainingOptions(epochs: 600, learningRate: 0.5),
            schedule: .list([0, 600])
        ).train(name: "held")
    }

    /// The same run without its held-out points.
    static func withoutTest(_ run: TrainingRun) -> TrainingRun {
        var plain = run
        plain.test = nil
        plain.testErrors = nil
        plain.testAccuracies = nil
        return plain
    }

    @Test func testPointsAreDrawnHollowAndNothingElseInThePanelChanges() throws {
        let run = try Self.run()
        let test = try #require(run.test)
        let options = RenderOptions(width: 800, height: 450)
        let held = try FigureRenderer(run: run, options: options).render(
            .panel(.output), snapshot: 1, format: .png)
        let plain = try FigureRenderer(run: Self.withoutTest(run), options: options).render(
            .panel(.output), snapshot: 1, format: .png)
        let (a, b) = (try PNGCodec.decode(held.data), try PNGCodec.decode(plain.data))
        let panel = try #require(held.panels.first { $0.kind == .output })
        #expect(plain.panels.first { $0.kind == .output } == panel)
        let (x, y, w, h) = (panel.rect[0], panel.rect[1], panel.rect[2], panel.rect[3])
        let (d1, d2) = (panel.domain[0], panel.domain[1])
        func pixel(_ p: Point) -> (Double, Double) {
            (x + (p.x1 - d1[0]) / (d1[1] - d1[0]) * w, y + (d2[1] - p.x2) / (d2[1] - d2[0]) * h)
        }
        let centres = test.points.map(pixel)
        let reach = 12.0  // past any marker's halo at this size
        var changedNear = 0
        for py in Int(y)..<Int(y + h) {
            for px in Int(x)..<Int(x + w) {
                let (cx, cy) = (Double(px) + 0.5, Double(py) + 0.5)
                let near = centres.contains { abs($0.0 - cx) < reach && abs($0.1 - cy) < reach }
                let same = a.rgb(px, py) == b.rgb(px, py)
                if near { changedNear += same ? 0 : 1 } else { #expect(same, "(\(px), \(py))") }
            }
        }
        #expect(changedNear > 10 * test.count)
        // Hollow: the centre of a test point far from every other point shows the shade beneath.
        let all = run.data.points.map(pixel) + centres
        var hollow = 0
        for c in centres {
            let alone = all.filter { abs($0.0 - c.0) < reach && abs($0.1 - c.1) < reach }
            guard alone.count == 1, c.0 > x + 8, c.0 < x + w - 8, c.1 > y + 8, c.1 < y + h - 8
            else { continue }
            let (px, py) = (Int(c.0), Int(c.1))
            let (p, q) = (a.rgb(px, py), b.rgb(px, py))
            let apart = [
                abs(Int(p.red) - Int(q.red)), abs(Int(p.green) - Int(q.green)),
                abs(Int(p.blue) - Int(q.blue)),
            ]
            #expect(apart.max()! <= 8, "centre of the test point at \(c): \(p) vs \(q)")
            hollow += 1
        }
        #expect(hollow >= 2)
    }

    @Test func theErrorPanelHoldsTheTestCurve() throws {
        let run = try Self.run()
        let testErrors = try #require(run.testErrors)
        #expect(testErrors.max()! > run.errors.max()!)  // the curve that turns up is the higher
        let options = RenderOptions(width: 640, height: 360)
        for format in FileFormat.allCases where !format.isAnimation {
            let figure = try FigureRenderer(run: run, options: options).render(
                .frame, snapshot: 1, format: format)
            #expect(!figure.data.isEmpty)
            let panel = try #require(figure.panels.first { $0.kind == .error })
            #expect(panel.domain[1][1] >= testErrors.max()!, "\(format)")
        }
        let plainPanel = try #require(
            try FigureRenderer(run: Self.withoutTest(run), options: options)
                .render(.frame, snapshot: 1, format: .png).panels.first { $0.kind == .error })
        #expect(plainPanel.domain[1][1] < testErrors.max()!)
    }
}
