import Foundation
import Testing

@testable import Figures

/// Curved strokes written into pixels match what Cairo draws.
@Suite struct PathRasterTests {
    /// A circle, an open S-curve and a straight run of collinear points (whose joins must not
    /// break the stroke), opaque and translucent, against Cairo's round-capped, mitred stroke.
    @Test(arguments: [
        ("circle", 2.6, 1.0), ("s-curve", 2.6, 1.0), ("straight", 1.5, 0.6),
    ])
    func matchesCairo(shape: String, width: Double, opacity: Double) throws {
        let points: [PixelPoint]
        var closed = false
        switch shape {
        case "circle":
            points = (0..<40).map {
                let a = Double($0) / 40 * 2 * Double.pi
                return PixelPoint(40.3 + 22 * cos(a), 30.7 + 22 * sin(a))
            }
            closed = true
        case "s-curve":
            points = (0...30).map {
                let t = Double($0) / 30
                return PixelPoint(6 + 68 * t, 30 + 18 * sin(2 * Double.pi * t))
            }
        default:
            points = (0...12).map { PixelPoint(5 + 5.5 * Double($0), 52 - 3.7 * Double($0)) }
        }
        let path = try #require(SmoothPath(through: Polyline(points: points, closed: closed)))
        let clip = Rect(x: 2, y: 2, width: 76, height: 56)
        let colour = Colour(hex: 0x1A1A1A, alpha: opacity)
        let ours = try Surface.image(width: 80, height: 60)
        let theirs = try Surface.image(width: 80, height: 60)
        for surface in [ours, theirs] {
            Canvas(try Context(surface)).fill(
                Rect(x: 0, y: 0, width: 80, height: 60), Colour(hex: 0xE8F0F8))
            surface.flush()
        }
        PathRaster.stroke(
            [path], width: width, colour: colour, clip: clip, onto: try #require(PixelImage(ours)))
        let canvas = Canvas(try Context(theirs))
        canvas.clip(to: clip)
        canvas.setRoundCaps()
        canvas.setMiterJoins()
        canvas.setTolerance(0.1)
        canvas.setColour(colour)
        canvas.setLineWidth(width)
        path.append(to: canvas)
        canvas.stroke()
        theirs.flush()
        let (a, b) = (try #require(PixelImage(ours)), try #require(PixelImage(theirs)))
        var total = 0
        var worst = 0
        var inked = 0
        for y in 0..<60 {
            for x in 0..<80 {
                for shift in [0, 8, 16] as [UInt32] {
                    let d = abs(
                        Int((a.row(y)[x] >> shift) & 0xFF) - Int((b.row(y)[x] >> shift) & 0xFF))
                    total += d
                    worst = max(worst, d)
                }
                if b.row(y)[x] & 0xFF_FFFF != 0xE8F0F8 { inked += 1 }
            }
        }
        let mean = Double(total) / Double(3 * inked)
        #expect(inked > 100)
        #expect(worst <= 24, "worst channel difference \(worst)")
        #expect(mean < 2, "mean difference on inked pixels \(mean)")
    }

    @Test func flatteningFollowsTheCurveClosely() {
        let piece = CubicPiece(
            control1: PixelPoint(10, 40), control2: PixelPoint(30, -20), end: PixelPoint(40, 10))
        let start = PixelPoint(0, 0)
        let points = PathRaster.flattened(from: start, piece, tolerance: 0.1)
        #expect(points.last == piece.end)
        // Every point of the curve lies within the tolerance of the polyline.
        let polyline = [start] + points
        for k in 0...200 {
            let t = Double(k) / 200
            let s = 1 - t
            let p = PixelPoint(
                3 * s * s * t * 10 + 3 * s * t * t * 30 + t * t * t * 40,
                3 * s * s * t * 40 + 3 * s * t * t * -20 + t * t * t * 10)
            let nearest =
                zip(polyline, polyline.dropFirst()).map { a, b -> Double in
                    let (dx, dy) = (b.x - a.x, b.y - a.y)
                    let u = max(
                        0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
                    return distance(p, PixelPoint(a.x + u * dx, a.y + u * dy))
                }.min() ?? .infinity
            #expect(nearest <= 0.1 + 1e-9)
        }
    }
}
