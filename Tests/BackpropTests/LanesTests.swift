import Foundation
import Testing

@testable import Backprop

/// The lane functions of the fast paths against the C library's `exp`.
@Suite struct LanesTests {
    /// Arguments from 0 down to −750, dense near 0 and at the reduction's boundaries.
    static let arguments: [Double] = {
        var values = stride(from: 0.0, through: -40, by: -0.0137).map { $0 }
        values += stride(from: -40.0, through: -750, by: -1.37).map { $0 }
        for step in -60...0 {
            let boundary = Double(step) * log(2) / 2
            values += [boundary, boundary - 1e-13, boundary + 1e-13]
        }
        return values + [-707.9, -708, -708.5, -1e6, -.infinity, -.leastNonzeroMagnitude]
    }()

    @Test func theExponentialsFractionIsExpToAFewUnitsInTheLastPlace() {
        for x in Self.arguments {
            let (n, d) = exponentialFraction(Lanes(repeating: x))
            let expected = exp(max(x, -708))
            #expect(d[0] >= 0.7 && d[0] <= 1.5 && n[0] >= 0 && n[0] <= 1.5, "\(x)")
            #expect(abs(n[0] / d[0] - expected) <= 4 * expected.ulp, "\(x)")
        }
    }

    @Test func theSigmoidsFractionIsTheSigmoid() {
        let zs = Self.arguments.flatMap { [$0, -$0] } + [1e300, -1e300]
        for z in zs {
            let (n, d) = sigmoidFraction(Lanes(repeating: z))
            let expected = z >= 0 ? 1 / (1 + exp(-z)) : exp(max(z, -708)) / (1 + exp(z))
            #expect(d[0] >= 0.7 && d[0] <= 3, "\(z)")
            #expect(abs(n[0] / d[0] - expected) <= 4 * expected.ulp, "\(z)")
            // Agrees with the trainer's sigmoid as closely, which is 0 below −708.
            let trainer = sigmoid(Lanes(repeating: z))[0]
            let floor = z < -708 ? 4e-308 : 0
            #expect(abs(n[0] / d[0] - trainer) <= 4 * max(trainer.ulp, expected.ulp) + floor)
        }
    }
}
