import Foundation
import Testing

@testable import Backprop

/// The lesson's numbers: each one against a computation written out here.
@Suite struct StoryTests {
    /// A 2-2-1 network with round numbers, so every value can be worked by hand.
    static let layers = [
        Layer(weights: [[1, -2], [0.5, 0.5]], biases: [0.25, -1]),
        Layer(weights: [[2, -3]], biases: [0.5]),
    ]
    static let x = Point(0.5, 1)

    @Test(arguments: [Activation.sigmoid, .tanh])
    func theWishIsMinusEtaTimesThePointsGradientWrittenOut(g: Activation) throws {
        let eta = 0.5
        let wish = Story.wish(Self.layers, g, at: Self.x, label: 1, learningRate: eta)
        // z₁ = 0.5 − 2 + 0.25 = −1.25, z₂ = 0.25 + 0.5 − 1 = −0.25.
        let z = [-1.25, -0.25]
        let h = z.map { g($0) }
        let slope = h.map { g == .tanh ? 1 - $0 * $0 : $0 * (1 - $0) }
        let zOut = 2 * h[0] - 3 * h[1] + 0.5
        let delta = 1 / (1 + exp(-zOut)) - 1
        #expect(abs(wish[1].biases[0] - -eta * delta) < 1e-15)
        for j in 0..<2 {
            #expect(abs(wish[1].weights[0][j] - -eta * delta * h[j]) < 1e-15)
            let v = [2.0, -3][j]
            let dz = delta * v * slope[j]
            #expect(abs(wish[0].biases[j] - -eta * dz) < 1e-15)
            #expect(abs(wish[0].weights[j][0] - -eta * dz * 0.5) < 1e-15)
            #expect(abs(wish[0].weights[j][1] - -eta * dz * 1) < 1e-15)
        }
        #expect(Story.hidden(Self.layers, g, at: Self.x) == h)
        #expect(abs(Story.output(Self.layers, g, at: Self.x) - 1 / (1 + exp(-zOut))) < 1e-15)
        // Each unit's vote: v_j (h_j − g(0)).
        for j in 0..<2 {
            let expected = [2.0, -3][j] * (h[j] - g(0))
            #expect(abs(Story.vote(Self.layers, g, at: Self.x, unit: j) - expected) < 1e-15)
        }
    }

    @Test func distancesAndShiftsOfALine() {
        // Unit 1's line x₁ − 2x₂ + 0.25 = 0: at (0.5, 1), z = −1.25 and |w| = √5.
        let d = Story.distance(from: Self.x, toLineOf: 0, in: Self.layers)
        #expect(abs(d - 1.25 / 5.0.squareRoot()) < 1e-15)
        // Moving the bias by +1.25 puts the line through the point: it moved 1.25/√5 toward it.
        var after = Self.layers
        after[0].biases[0] += 1.25
        #expect(Story.distance(from: Self.x, toLineOf: 0, in: after) == 0)
        let shift = Story.shift(at: Self.x, ofLine: 0, from: Self.layers, to: after)
        #expect(abs(shift - 1.25 / 5.0.squareRoot()) < 1e-15)
    }

    @Test func aStepIsTheWishTimesItsFactor() {
        let step = [
            Layer(weights: [[1, 1], [0, 2]], biases: [1, 0]),
            Layer(weights: [[4, 0]], biases: [-1]),
        ]
        let moved = Story.moved(Self.layers, by: step, times: 0.5)
        #expect(moved[0].weights == [[1.5, -1.5], [0.5, 1.5]])
        #expect(moved[0].biases == [0.75, -1])
        #expect(moved[1].weights == [[4, -3]] && moved[1].biases == [0])
        #expect(Story.scaled(step, by: -2)[1].weights == [[-8, 0]])
    }

    @Test func theErrorIsTheMeanOfThePointsErrors() throws {
        let data = try Dataset(points: [Point(0, 0), Point(1, -1)], labels: [1, 0])
        let g = Activation.tanh
        var total = 0.0
        for (p, y) in zip(data.points, data.labels) {
            let yhat = Story.output(Self.layers, g, at: p)
            total += y == 1 ? -log(yhat) : -log(1 - yhat)
        }
        #expect(abs(Story.error(Self.layers, g, on: data) - total / 2) < 1e-14)
    }

    @Test func theMagnificationIsANiceNumberThatMovesTheLargestLineBySeventhOfTheView() {
        let wish = Story.wish(Self.layers, .tanh, at: Self.x, label: 1, learningRate: 1)
        let k = Story.magnification(Self.layers, wish: wish, at: Self.x, span: 2)
        let moves = (0..<2).map { j in
            let w = Self.layers[0].weights[j]
            let dw = wish[0].weights[j]
            return abs(dw[0] * 0.5 + dw[1] * 1 + wish[0].biases[j])
                / (w[0] * w[0] + w[1] * w[1]).squareRoot()
        }
        let largest = moves.max() ?? 0
        #expect(k * largest <= 2.0 / 7 + 1e-12)
        #expect(k * largest > 2.0 / 7 / 2.5)  // the next nice number up would pass a seventh
        let digits = k / pow(10, floor(log10(k)))
        #expect([1.0, 2, 5].contains { abs($0 - digits) < 1e-9 })
    }
}
