import Foundation

/// A small, portable random source: SplitMix64, with uniform, Gaussian and shuffle helpers.
///
/// The algorithms are the project's own (not the standard library's), so a seed gives the same
/// numbers on every machine and every Swift version.
package struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose whole sequence is fixed by `seed`.
    package init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits (SplitMix64).
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    package mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in `[low, high)`.
    package mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A standard normal deviate by the Box–Muller transform (one of the pair is used).
    package mutating func gaussian() -> Double {
        let u1 = 1 - uniform()  // in (0, 1], so the logarithm is finite
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A uniform integer in `0..<bound` without modulo bias (rejection sampling).
    package mutating func index(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        let limit = UInt64.max - UInt64.max % range
        while true {
            let value = next()
            if value < limit { return Int(value % range) }
        }
    }

    /// Shuffles `array` in place (Fisher–Yates, from the last element down).
    package mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = index(below: i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }
}
