import Foundation
import Testing

@testable import Backprop

/// One point's gradient: its mean over the data is the full-set gradient, and each one is the
/// derivative of that point's error, by central finite differences.
@Suite struct PointGradientTests {
    @Test(arguments: GradientTests.shapes, Activation.allCases)
    func meanOfPointGradientsIsTheFullSetGradient(hidden: [Int], activation: Activation) throws {
        let data = try GradientTests.data()
        let network = try GradientTests.network(hidden, activation)
        let perPoint = network.pointGradients(on: data).map(GradientTests.flat)
        #expect(perPoint.count == data.count)
        var mean = [Double](repeating: 0, count: network.parameters.count)
        for g in perPoint {
            for k in mean.indices { mean[k] += g[k] / Double(data.count) }
        }
        let full = GradientTests.flat(network.evaluate(on: data).gradient)
        for (a, b) in zip(mean, full) {
            #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(a) vs \(b)")
        }
    }

    @Test(arguments: GradientTests.shapes, Activation.allCases)
    func eachPointGradientMatchesCentralFiniteDifferences(hidden: [Int], activation: Activation)
        throws
    {
        let data = try GradientTests.data()
        let network = try GradientTests.network(hidden, activation)
        let parameters = network.parameters.values
        let h = 1e-6
        func error(_ p: [Double], _ k: Int) -> Double {
            var copy = network
            copy.setParameters(p)
            let (_, z) = Lesson.forward(copy.layers, activation, at: data.points[k])
            return Lesson.crossEntropy(logit: z, label: Double(data.labels[k]))
        }
        for k in 0..<data.count {
            let analytic = GradientTests.flat(
                network.gradient(at: data.points[k], label: data.labels[k]))
            var numeric: [Double] = []
            for q in parameters.indices {
                var p = parameters
                p[q] += h
                let plus = error(p, k)
                p[q] -= 2 * h
                numeric.append((plus - error(p, k)) / (2 * h))
            }
            let norm = analytic.map { $0 * $0 }.reduce(0, +).squareRoot()
            let largest = zip(analytic, numeric).map { abs($0 - $1) }.max() ?? 0
            #expect(largest <= 1e-6 * max(1, norm), "point \(k): off by \(largest)")
        }
    }
}
