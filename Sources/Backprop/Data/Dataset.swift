import Foundation

/// A point of the plane, `(x1, x2)`; encoded in JSON as `[x1, x2]`.
public struct Point: Hashable, Sendable, Codable {
    public var x1: Double
    public var x2: Double

    public init(_ x1: Double, _ x2: Double) {
        self.x1 = x1
        self.x2 = x2
    }

    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        x1 = try container.decode(Double.self)
        x2 = try container.decode(Double.self)
        guard container.isAtEnd else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "A point has exactly two coordinates.")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(x1)
        try container.encode(x2)
    }
}

/// Labelled points: label 1 is blue, label 0 is red.
///
/// A dataset made through ``init(points:labels:)`` is always usable for training: at least one
/// point of each class, every coordinate finite, every label 0 or 1.
public struct Dataset: Equatable, Sendable, Codable {
    public private(set) var points: [Point]
    public private(set) var labels: [Int]

    /// Creates a dataset after checking that it can be trained on.
    public init(points: [Point], labels: [Int]) throws {
        guard points.count == labels.count else {
            throw BackpropError.badData(
                "The data has \(points.count) points but \(labels.count) labels.")
        }
        guard !points.isEmpty else {
            throw BackpropError.badData("The data has no points.")
        }
        if let bad = points.firstIndex(where: { !$0.x1.isFinite || !$0.x2.isFinite }) {
            throw BackpropError.badData("Point \(bad + 1) has a coordinate that is not finite.")
        }
        if let bad = labels.firstIndex(where: { $0 != 0 && $0 != 1 }) {
            throw BackpropError.badData(
                "Point \(bad + 1) has label \(labels[bad]); labels are 0 or 1.")
        }
        let blue = labels.reduce(0, +)
        guard blue > 0, blue < labels.count else {
            throw BackpropError.badData(
                "The data has only one class (every label is \(labels[0])); it needs both 0 and 1.")
        }
        self.points = points
        self.labels = labels
    }

    private enum CodingKeys: String, CodingKey { case points, labels }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            points: container.decode([Point].self, forKey: .points),
            labels: container.decode([Int].self, forKey: .labels))
    }

    /// The number of points.
    public var count: Int { points.count }

    /// The number of points labelled 1 (blue).
    public var blueCount: Int { labels.reduce(0, +) }

    /// The smallest box holding every point.
    public var bounds: Domain {
        var domain = Domain(x1: points[0].x1...points[0].x1, x2: points[0].x2...points[0].x2)
        for p in points {
            domain.x1 = min(domain.x1.lowerBound, p.x1)...max(domain.x1.upperBound, p.x1)
            domain.x2 = min(domain.x2.lowerBound, p.x2)...max(domain.x2.upperBound, p.x2)
        }
        return domain
    }

    /// The default view: the data's bounds plus a margin of a tenth of the larger span.
    public var defaultDomain: Domain {
        bounds.expanded(by: 0.1)
    }
}

/// A rectangle of the plane, `[[x1min, x1max], [x2min, x2max]]` in JSON.
public struct Domain: Hashable, Sendable, Codable {
    public var x1: ClosedRange<Double>
    public var x2: ClosedRange<Double>

    public init(x1: ClosedRange<Double>, x2: ClosedRange<Double>) {
        self.x1 = x1
        self.x2 = x2
    }

    /// Makes a domain from `[min, max]` pairs, checking that each is finite and not empty.
    public init(x1 pair1: [Double], x2 pair2: [Double]) throws {
        func range(_ pair: [Double], _ axis: String) throws -> ClosedRange<Double> {
            guard pair.count == 2, pair[0].isFinite, pair[1].isFinite, pair[0] < pair[1] else {
                throw BackpropError.badData(
                    "The domain's \(axis) range must be two finite numbers [min, max] with min "
                        + "below max; got \(pair).")
            }
            return pair[0]...pair[1]
        }
        self.init(x1: try range(pair1, "x1"), x2: try range(pair2, "x2"))
    }

    /// The domain grown on every side by `fraction` of its larger span (or by 1 if it is a point).
    public func expanded(by fraction: Double) -> Domain {
        let span = max(x1.upperBound - x1.lowerBound, x2.upperBound - x2.lowerBound)
        let margin = span > 0 ? fraction * span : 1
        return Domain(
            x1: (x1.lowerBound - margin)...(x1.upperBound + margin),
            x2: (x2.lowerBound - margin)...(x2.upperBound + margin))
    }

    public init(from decoder: Decoder) throws {
        let ranges = try [[Double]](from: decoder)
        guard ranges.count == 2 else {
            throw BackpropError.badData("A domain is [[x1min, x1max], [x2min, x2max]].")
        }
        try self.init(x1: ranges[0], x2: ranges[1])
    }

    public func encode(to encoder: Encoder) throws {
        try [[x1.lowerBound, x1.upperBound], [x2.lowerBound, x2.upperBound]].encode(to: encoder)
    }
}
