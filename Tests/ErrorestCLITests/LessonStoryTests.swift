import Backprop
import Foundation
import Testing

@testable import ErrorestCLI

/// The built-in lesson must tell its story: the two hidden lines end on the two edges of the
/// wedge, and the network classifies the points.
@Suite struct LessonStoryTests {
    /// A hidden unit's line `w1·x1 + w2·x2 + b = 0` as `x2 = slope·x1 + intercept`.
    static func line(_ weights: [Double], _ bias: Double) -> (slope: Double, intercept: Double) {
        (-weights[0] / weights[1], -bias / weights[1])
    }

    @Test func theHiddenLinesSettleOnTheEdgesOfTheWedge() throws {
        let lesson = try RunFile(
            data: Data(BuiltInLesson.yaml.utf8), isJSON: false, file: "lesson",
            folder: URL(
                fileURLWithPath: "/"), defaultName: "lesson")
        let run = try lesson.trainer().train(name: "lesson")
        #expect(run.accuracies[run.training.epochs] >= 0.95)
        #expect(run.errors[run.training.epochs] < run.errors[0] / 10)

        let last = try #require(run.snapshots.last)
        let hidden = last.layers[0]
        let lines = (0..<2).map { Self.line(hidden.weights[$0], hidden.biases[$0]) }
            .sorted { $0.slope > $1.slope }
        // The wedge's edges: x2 = 1.2·x1 − 0.6 (right) and x2 = −1.2·x1 − 0.6 (left).
        #expect(abs(lines[0].slope - 1.2) < 0.15, "right edge: \(lines[0])")
        #expect(abs(lines[1].slope + 1.2) < 0.15, "left edge: \(lines[1])")
        for line in lines { #expect(abs(line.intercept + 0.6) < 0.1, "\(line)") }

        // The story starts elsewhere: at epoch 0 neither line is on an edge.
        let first = run.snapshots[0].layers[0]
        let start = (0..<2).map { Self.line(first.weights[$0], first.biases[$0]) }
        #expect(start.allSatisfy { abs($0.intercept + 0.6) > 0.3 })
        // And it is told frame by frame: 60 paced snapshots, from the first epoch to the last.
        #expect(run.snapshots.count == 60)
        #expect(run.snapshots.first?.epoch == 0 && run.snapshots.last?.epoch == 2000)
    }

    @Test func bothHiddenLinesStayInTheViewInEveryFrame() throws {
        // A student's first sight: no line that starts off the panel or jumps across it.
        let lesson = try RunFile(
            data: Data(BuiltInLesson.yaml.utf8), isJSON: false, file: "lesson",
            folder: URL(fileURLWithPath: "/"), defaultName: "lesson")
        let run = try lesson.trainer().train(name: "lesson")
        let d = run.domain
        let corners = [
            (d.x1.lowerBound, d.x2.lowerBound), (d.x1.lowerBound, d.x2.upperBound),
            (d.x1.upperBound, d.x2.lowerBound), (d.x1.upperBound, d.x2.upperBound),
        ]
        for snapshot in run.snapshots {
            let hidden = snapshot.layers[0]
            for unit in 0..<2 {
                let w = hidden.weights[unit]
                let sides = Set(corners.map { w[0] * $0.0 + w[1] * $0.1 + hidden.biases[unit] > 0 })
                #expect(
                    sides.count == 2, "unit \(unit + 1) is off the view at epoch \(snapshot.epoch)")
            }
        }
    }
}
