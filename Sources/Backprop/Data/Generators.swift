import Foundation

/// Seeded 2-D data sets for lessons: each fits in `[-1, 1]²` before noise is added.
///
/// `noise` is the standard deviation of Gaussian noise added to each coordinate after the labels
/// are fixed, so a noisy point may sit on the wrong side of its class's region.
public enum Generator: String, CaseIterable, Codable, Sendable {
    /// The lesson's picture: blue above a V of two lines. No single line separates it; two do.
    case wedge
    /// Blue where `x1·x2 > 0`, red in the other two quadrants.
    case xor
    /// A blue disc inside a red ring.
    case circle
    /// Two Gaussian blobs, linearly separable: the single perceptron's data.
    case gauss
    /// Two interleaved spiral arms.
    case spiral
    /// Two interleaving half circles.
    case moons

    /// One line describing the set, for `errorest datasets`.
    public var summary: String {
        switch self {
        case .wedge: return "blue above a V of two lines: two hidden units are enough"
        case .xor: return "blue in two opposite quadrants: the classic non-linear problem"
        case .circle: return "a blue disc inside a red ring"
        case .gauss: return "two Gaussian blobs that one line separates: the perceptron's data"
        case .spiral: return "two interleaved spiral arms: needs a deeper network"
        case .moons: return "two interleaving half moons"
        }
    }

    /// The largest number of points a generator makes.
    public static let maximumCount = 1_000_000

    /// The allowed numbers of points.
    public static let countRange = 4...maximumCount
    /// The allowed standard deviations of the noise.
    public static let noiseRange = 0.0...10.0

    /// Checks a number of points against ``countRange``.
    public static func check(count: Int) throws {
        guard countRange.contains(count) else {
            throw BackpropError.outOfRange(
                .count, value: "\(count)",
                rule: "it must be between \(countRange.lowerBound) and \(countRange.upperBound)")
        }
    }

    /// Checks a noise level against ``noiseRange``.
    public static func check(noise: Double) throws {
        guard noise.isFinite, noiseRange.contains(noise) else {
            throw BackpropError.outOfRange(
                .noise, value: "\(noise)",
                rule: "it must be between \(noiseRange.lowerBound.plainText) and "
                    + "\(noiseRange.upperBound.plainText)")
        }
    }

    /// Makes `count` points with Gaussian noise of standard deviation `noise`, fixed by `seed`.
    public func generate(count: Int, noise: Double = 0, seed: UInt64 = 1) throws -> Dataset {
        try Generator.check(count: count)
        try Generator.check(noise: noise)
        var random = SeededRandom(seed: seed)
        var points: [Point] = []
        var labels: [Int] = []
        points.reserveCapacity(count)
        labels.reserveCapacity(count)
        for index in 0..<count {
            let (point, label) = sample(index: index, random: &random)
            points.append(point)
            labels.append(label)
        }
        // A region-labelled set can come out one-sided for tiny counts: draw on until the missing
        // class turns up, and let it take the last place.
        while labels.allSatisfy({ $0 == labels[0] }) {
            let (point, label) = sample(index: count, random: &random)
            if label != labels[0] {
                points[count - 1] = point
                labels[count - 1] = label
            }
        }
        if noise > 0 {
            points = points.map {
                Point($0.x1 + noise * random.gaussian(), $0.x2 + noise * random.gaussian())
            }
        }
        return try Dataset(points: points, labels: labels)
    }

    /// One noise-free point; classes alternate where the set is built class by class.
    private func sample(index: Int, random: inout SeededRandom) -> (Point, Int) {
        let label = index % 2 == 0 ? 1 : 0
        switch self {
        case .wedge:
            let p = Point(random.uniform(-1, 1), random.uniform(-1, 1))
            return (p, Generator.isInsideWedge(p) ? 1 : 0)
        case .xor:
            let p = Point(random.uniform(-1, 1), random.uniform(-1, 1))
            return (p, p.x1 * p.x2 > 0 ? 1 : 0)
        case .circle:
            let radius = label == 1 ? 0.5 * random.uniform().squareRoot() : random.uniform(0.75, 1)
            let angle = random.uniform(0, 2 * Double.pi)
            return (Point(radius * cos(angle), radius * sin(angle)), label)
        case .gauss:
            let centre = label == 1 ? 0.45 : -0.45
            let x1 = centre + 0.2 * random.gaussian()
            let x2 = centre + 0.2 * random.gaussian()
            return (Point(min(1, max(-1, x1)), min(1, max(-1, x2))), label)
        case .spiral:
            let t = random.uniform().squareRoot() * 3 * Double.pi
            let sign = label == 1 ? 1.0 : -1.0
            let r = t / (3 * Double.pi)
            return (Point(sign * r * cos(t), sign * r * sin(t)), label)
        case .moons:
            let t = random.uniform(0, Double.pi)
            let (x1, x2) = label == 1 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
            return (Point((x1 - 0.5) * 2 / 3, (x2 - 0.25) * 2 / 3), label)
        }
    }

    /// The wedge's region: above both `x2 = 1.2·x1 − 0.6` and `x2 = −1.2·x1 − 0.6`.
    package static func isInsideWedge(_ p: Point) -> Bool {
        p.x2 > 1.2 * p.x1 - 0.6 && p.x2 > -1.2 * p.x1 - 0.6
    }
}
