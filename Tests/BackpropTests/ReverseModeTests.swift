import Foundation
import Testing

@testable import Backprop

/// The mean error and its gradient over `data` by the library's reverse-mode reference, which
/// shares no code with the backward pass or the kernel.
func referenceErrorAndGradient(
    layers: [Layer], activation: Activation, data: Dataset
) -> (error: Double, gradient: [Layer]) {
    Lesson.reverseMode(
        layers, activation, on: zip(data.points, data.labels).map { ($0, Double($1)) })
}

/// The reverse-mode reference (`Value`) and the lesson's own functions.
@Suite struct ReverseModeTests {
    @Test func valueFollowsTheChainRuleByHand() {
        // e = σ(w·x + b)·w: w is used twice, so its gradient adds two paths.
        let w = Value(0.5)
        let x = Value(2)
        let b = Value(-1)
        let s = (w * x + b).σ()
        let e = s * w
        e.backward()
        let s0 = 1 / (1 + exp(-(0.5 * 2 - 1.0)))  // σ(0) = 0.5
        let ds = s0 * (1 - s0)
        #expect(e.data == s0 * 0.5)
        #expect(w.grad == ds * 2 * 0.5 + s0)
        #expect(x.grad == ds * 0.5 * 0.5)
        #expect(b.grad == ds * 0.5)
        // Calling backward again gives the same gradients, not twice them.
        e.backward()
        #expect(w.grad == ds * 2 * 0.5 + s0)
    }

    @Test func valueDerivativesMatchCentralDifferences() {
        let x = 0.7
        let h = 1e-6
        let cases: [(Value) -> Value] = [
            { $0.exp() }, { $0.log() }, { $0.tanh() }, { $0.σ() }, { $0.relu() },
            { $0 * $0 - $0 }, { -$0 + 3 },
        ]
        let functions: [(Double) -> Double] = [
            { exp($0) }, { log($0) }, { tanh($0) }, { 1 / (1 + exp(-$0)) }, { max($0, 0) },
            { $0 * $0 - $0 }, { -$0 + 3 },
        ]
        for (f, reference) in zip(cases, functions) {
            let v = Value(x)
            let y = f(v)
            y.backward()
            #expect(y.data == reference(x))
            #expect(abs(v.grad - (reference(x + h) - reference(x - h)) / (2 * h)) < 1e-8)
        }
    }

    @Test(arguments: [[], [3], [4, 3]], Activation.allCases)
    func theBackwardPassEqualsReverseModeAtEveryPoint(hidden: [Int], activation: Activation)
        throws
    {
        let data = try Generator.moons.generate(count: 12, noise: 0.1, seed: 3)
        let layers = try Network(hidden: hidden, activation: activation, seed: 11).layers
        for (x, label) in zip(data.points, data.labels) {
            let y = Double(label)
            let (a, z) = Lesson.forward(layers, activation, at: x)
            let backward = Lesson.backward(layers, activation, a: a, z: z, y: y)
            let reference = Lesson.reverseMode(layers, activation, on: [(x, y)])
            #expect(abs(Lesson.error(z: z, y: y) - reference.error) <= 1e-14)
            for (g, r) in zip(
                ParameterVector(backward).values, ParameterVector(reference.gradient).values)
            {
                #expect(abs(g - r) <= 1e-14 * max(1, abs(r)), "\(g) against \(r)")
            }
        }
    }

    @Test func theLessonsFunctionsAreFoundationsExpAndTanh() {
        for z in stride(from: -40.0, through: 40, by: 0.25) {
            #expect(Lesson.σ(z) == (z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))))
            #expect(Lesson.g(.tanh, z) == tanh(z))
            #expect(Lesson.g(.relu, z) == max(z, 0))
            // The kernel's σ and tanh (SIMD lanes, its own exponential) agree to a few ulps.
            #expect(abs(Lesson.σ(z) - sigmoid(z)) <= 4 * Lesson.σ(z).ulp)
            #expect(
                abs(Lesson.g(.tanh, z) - Activation.tanh(z)) <= 4 * max(abs(tanh(z)).ulp, 1e-300))
        }
        #expect(Lesson.σ(-800) == 0 && Lesson.σ(800) == 1 && Lesson.σ(0) == 0.5)
    }
}
