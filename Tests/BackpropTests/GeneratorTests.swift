import Foundation
import Testing

@testable import Backprop

@Suite struct GeneratorTests {
    @Test(arguments: Generator.allCases)
    func countBalanceBoundsAndDeterminism(generator: Generator) throws {
        let data = try generator.generate(count: 400, noise: 0, seed: 7)
        #expect(data.count == 400)
        let blue = Double(data.blueCount) / 400
        #expect((0.4...0.6).contains(blue), "blue share \(blue)")
        for p in data.points {
            #expect((-1...1).contains(p.x1) && (-1...1).contains(p.x2), "\(p) outside [-1, 1]²")
        }
        #expect(try generator.generate(count: 400, noise: 0, seed: 7) == data)
        #expect(try generator.generate(count: 400, noise: 0, seed: 8) != data)
        let noisy = try generator.generate(count: 400, noise: 0.2, seed: 7)
        #expect(noisy != data)
        #expect(noisy.labels == data.labels, "noise moves points, never relabels them")
        #expect(try generator.generate(count: 400, noise: 0.2, seed: 7) == noisy)
    }

    @Test(arguments: Generator.allCases)
    func tinySetsStillHaveBothClasses(generator: Generator) throws {
        for seed in UInt64(0)..<20 {
            let data = try generator.generate(count: 4, noise: 0, seed: seed)
            #expect(data.blueCount > 0 && data.blueCount < 4)
        }
    }

    @Test func parametersOutOfRangeAreRefused() {
        #expect(throws: BackpropError.self) { try Generator.xor.generate(count: 3) }
        #expect(throws: BackpropError.self) { try Generator.xor.generate(count: 2_000_000) }
        #expect(throws: BackpropError.self) { try Generator.xor.generate(count: 10, noise: -1) }
        #expect(throws: BackpropError.self) { try Generator.xor.generate(count: 10, noise: .nan) }
        do {
            _ = try Generator.circle.generate(count: 0)
            Issue.record("count 0 was accepted")
        } catch {
            #expect(
                "\(error)"
                    == "The number of generated points is 0; it must be between 4 and 1000000.")
        }
    }

    @Test func labelsFollowTheirRegions() throws {
        let xor = try Generator.xor.generate(count: 200, seed: 2)
        for (p, label) in zip(xor.points, xor.labels) { #expect((p.x1 * p.x2 > 0) == (label == 1)) }
        let circle = try Generator.circle.generate(count: 200, seed: 2)
        for (p, label) in zip(circle.points, circle.labels) {
            let r = (p.x1 * p.x1 + p.x2 * p.x2).squareRoot()
            #expect(label == 1 ? r <= 0.5 : r >= 0.75)
        }
        let wedge = try Generator.wedge.generate(count: 200, seed: 2)
        for (p, label) in zip(wedge.points, wedge.labels) {
            #expect(Generator.isInsideWedge(p) == (label == 1))
        }
    }

    /// Two blue points and two red points whose segments cross: no line can have both blue points
    /// on one side and both red points on the other, since each side of a line is convex.
    @Test func wedgeIsNotLinearlySeparable() throws {
        let data = try Generator.wedge.generate(count: 200, noise: 0, seed: 7)
        func nearest(_ target: Point, label: Int) -> Point {
            zip(data.points, data.labels).filter { $0.1 == label }.map(\.0).min {
                hypot($0.x1 - target.x1, $0.x2 - target.x2)
                    < hypot($1.x1 - target.x1, $1.x2 - target.x2)
            }!
        }
        let blueLow = nearest(Point(0, -0.3), label: 1)
        let blueHigh = nearest(Point(0, 0.8), label: 1)
        let redLeft = nearest(Point(-0.85, 0.1), label: 0)
        let redRight = nearest(Point(0.85, 0.1), label: 0)
        func side(_ a: Point, _ b: Point, _ c: Point) -> Double {
            (b.x1 - a.x1) * (c.x2 - a.x2) - (b.x2 - a.x2) * (c.x1 - a.x1)
        }
        // Segments cross: each segment's ends lie strictly on opposite sides of the other's line.
        #expect(side(blueLow, blueHigh, redLeft) * side(blueLow, blueHigh, redRight) < 0)
        #expect(side(redLeft, redRight, blueLow) * side(redLeft, redRight, blueHigh) < 0)
    }

    @Test func wedgeIsLearnedByTwoHiddenUnits() throws {
        let data = try Generator.wedge.generate(count: 200, noise: 0, seed: 7)
        let trainer = Trainer(
            network: try Network(hidden: [2], seed: 1), data: data,
            options: TrainingOptions(epochs: 3000, learningRate: 5), schedule: .linear(2))
        let run = try trainer.train(name: "wedge")
        #expect(run.accuracies.last! >= 0.95, "accuracy \(run.accuracies.last!)")
        #expect(run.errors.last! < run.errors.first! / 3)
    }

    @Test func aSingleLineCannotLearnTheWedge() throws {
        let data = try Generator.wedge.generate(count: 200, noise: 0, seed: 7)
        let trainer = Trainer(
            network: try Network(hidden: [], seed: 1), data: data,
            options: TrainingOptions(epochs: 3000, learningRate: 5), schedule: .linear(2))
        #expect(try trainer.train(name: "wedge").accuracies.last! < 0.95)
    }
}
