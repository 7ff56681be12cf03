import Backprop
import Foundation

/// The mountain's projection: plane coordinates and heights to a box of sides 2 × 2 × 0.9,
/// turned and tilted toward a viewer in front, above and to the left, in perspective.
struct MountainCamera {
    static let heightScale = 0.9
    static let azimuth = -0.72
    static let elevation = 0.52
    static let distance = 5.0

    let grid: SurfaceGrid
    let rect: Rect
    /// The grid's domain and range, worked out once.
    private let domain: Domain
    private let range: ClosedRange<Double>
    private let scale: Double
    private let offset: PixelPoint

    struct Projected {
        var pixel: PixelPoint
        var depth: Double
    }

    init(grid: SurfaceGrid, rect: Rect) {
        self.grid = grid
        self.rect = rect
        domain = grid.domain
        range = grid.range
        // Fit the box's eight corners into the rectangle.
        var lows = (x: Double.infinity, y: Double.infinity)
        var highs = (x: -Double.infinity, y: -Double.infinity)
        for x in [-1.0, 1] {
            for y in [-1.0, 1] {
                for z in [0, MountainCamera.heightScale] {
                    let (sx, sy, _) = MountainCamera.view(x, y, z)
                    lows = (min(lows.x, sx), min(lows.y, sy))
                    highs = (max(highs.x, sx), max(highs.y, sy))
                }
            }
        }
        let margin = 0.06
        let s = min(
            rect.width * (1 - 2 * margin) / (highs.x - lows.x),
            rect.height * (1 - 2 * margin) / (highs.y - lows.y))
        scale = s
        offset = PixelPoint(
            rect.midX - s * (lows.x + highs.x) / 2, rect.midY + s * (lows.y + highs.y) / 2)
    }

    /// Plane coordinates and a height to the box.
    func world(_ u: Double, _ v: Double, _ e: Double, lift: Double = 0) -> (
        x: Double, y: Double, z: Double
    ) {
        let d = domain
        let r = range
        let x = 2 * (u - d.x1.lowerBound) / (d.x1.upperBound - d.x1.lowerBound) - 1
        let y = 2 * (v - d.x2.lowerBound) / (d.x2.upperBound - d.x2.lowerBound) - 1
        let span = max(r.upperBound - r.lowerBound, 1e-12)
        let z = ((e - r.lowerBound) / span + lift) * MountainCamera.heightScale
        return (x, y, z)
    }

    /// Screen coordinates (up positive) and depth of a box point.
    static func view(_ x: Double, _ y: Double, _ z: Double) -> (Double, Double, Double) {
        let (ca, sa) = (cos(azimuth), sin(azimuth))
        let (ce, se) = (cos(elevation), sin(elevation))
        let rx = x * ca - y * sa
        let ry = x * sa + y * ca
        let depth = distance + ry * ce - (z - heightScale / 2) * se
        let f = distance / depth
        return (rx * f, (ry * se + (z - heightScale / 2) * ce) * f, depth)
    }

    func project(_ p: (x: Double, y: Double, z: Double)) -> Projected {
        let (sx, sy, depth) = MountainCamera.view(p.x, p.y, p.z)
        return Projected(
            pixel: PixelPoint(offset.x + scale * sx, offset.y - scale * sy), depth: depth)
    }

    /// Lambert lighting of a quad from the upper left, 0 (dark) to 1.
    func lighting(_ c: [(x: Double, y: Double, z: Double)]) -> Double {
        let a = (c[2].x - c[0].x, c[2].y - c[0].y, c[2].z - c[0].z)
        let b = (c[3].x - c[1].x, c[3].y - c[1].y, c[3].z - c[1].z)
        var n = (a.1 * b.2 - a.2 * b.1, a.2 * b.0 - a.0 * b.2, a.0 * b.1 - a.1 * b.0)
        if n.2 < 0 { n = (-n.0, -n.1, -n.2) }
        let length = (n.0 * n.0 + n.1 * n.1 + n.2 * n.2).squareRoot()
        guard length > 0 else { return 1 }
        let l = (-0.45, -0.35, 0.82)
        let dot = (n.0 * l.0 + n.1 * l.1 + n.2 * l.2) / length
        return 0.35 + 0.65 * max(0, dot)
    }
}
