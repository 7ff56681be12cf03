import Foundation
import Testing

@testable import Backprop

@Suite struct HiddenSpaceTests {
    @Test(arguments: 2...16)
    func everyPointLiesOnTheSideOfTheLineOfItsPredictedClass(units: Int) throws {
        let data = try Generator.circle.generate(count: 120, noise: 0.1, seed: UInt64(units))
        let random = try Network(hidden: [3, units], seed: UInt64(units))
        // The output's bias moved to the median logit, so both classes are predicted.
        var layers = random.layers
        let logits = data.points.map(random.logit(at:)).sorted()
        layers[2].biases[0] -= (logits[59] + logits[60]) / 2
        let network = try Network(layers: layers)
        let space = try HiddenSpace(network: network, data: data)
        #expect(space.units == units)
        let (a, b, c) = space.boundary
        var blue = 0
        for (p, point) in data.points.enumerated() {
            let predicted = network.output(at: point) > 0.5
            let side = a * space.u[p] + b * space.v[p] + c
            // Ties (|logit| below rounding) would be on the line itself; none occur here.
            #expect(abs(side) > 1e-12)
            #expect((side > 0) == predicted, "point \(p)")
            if predicted { blue += 1 }
        }
        #expect(blue > 0 && blue < data.count)  // both classes predicted: a real test
        // The axes are orthonormal; with more than two units the line is vertical.
        #expect(abs(space.first.map { $0 * $0 }.reduce(0, +) - 1) <= 1e-12)
        #expect(abs(space.second.map { $0 * $0 }.reduce(0, +) - 1) <= 1e-12)
        #expect(abs(zip(space.first, space.second).map(*).reduce(0, +)) <= 1e-12)
        if units > 2 { #expect(b == 0) }
    }

    @Test func twoUnitsAreTheRawPlaneOfTheirActivations() throws {
        let data = try Generator.xor.generate(count: 20, noise: 0.1, seed: 1)
        let network = try Network(hidden: [2], seed: 4)
        let space = try HiddenSpace(network: network, data: data)
        for (p, point) in data.points.enumerated() {
            let h = network.activations(at: point)[0]
            #expect(space.u[p] == h[0] && space.v[p] == h[1])
        }
        let output = network.layers[1]
        #expect(space.boundary.a == output.weights[0][0] && space.boundary.c == output.biases[0])
    }

    @Test func aNetworkWithoutTwoHiddenUnitsHasNoHiddenSpace() throws {
        let data = try Generator.xor.generate(count: 20, noise: 0.1, seed: 1)
        #expect(
            throws: BackpropError.badSurface(
                "The hidden space needs a last hidden layer of at least 2 units; this network's "
                    + "hidden layers are [4, 1].")
        ) {
            try HiddenSpace(network: try Network(hidden: [4, 1], seed: 1), data: data)
        }
        #expect(throws: BackpropError.self) {
            try HiddenSpace(network: try Network(hidden: [], seed: 1), data: data)
        }
    }
}
