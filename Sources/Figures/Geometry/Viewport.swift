import Backprop

/// Maps a data domain onto a pixel rectangle: x1 grows to the right, x2 grows upward.
struct Viewport: Equatable, Sendable {
    let domain: Domain
    let rect: Rect

    init(domain: Domain, rect: Rect) {
        self.domain = domain
        self.rect = rect
    }

    /// Data units per pixel along x1.
    var dataPerPixelX: Double { (domain.x1.upperBound - domain.x1.lowerBound) / rect.width }
    /// Data units per pixel along x2.
    var dataPerPixelY: Double { (domain.x2.upperBound - domain.x2.lowerBound) / rect.height }

    /// The pixel where the data point `(x1, x2)` lands.
    func pixel(_ x1: Double, _ x2: Double) -> PixelPoint {
        PixelPoint(
            rect.x + (x1 - domain.x1.lowerBound) / dataPerPixelX,
            rect.y + (domain.x2.upperBound - x2) / dataPerPixelY)
    }

    /// The pixel where `point` lands.
    func pixel(_ point: Point) -> PixelPoint {
        pixel(point.x1, point.x2)
    }

    /// The data point under the pixel position `p`.
    func data(_ p: PixelPoint) -> Point {
        Point(
            domain.x1.lowerBound + (p.x - rect.x) * dataPerPixelX,
            domain.x2.upperBound - (p.y - rect.y) * dataPerPixelY)
    }

    /// The domain as the manifest writes it.
    var domainArray: [[Double]] {
        [
            [domain.x1.lowerBound, domain.x1.upperBound],
            [domain.x2.lowerBound, domain.x2.upperBound],
        ]
    }
}
