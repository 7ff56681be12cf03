import Foundation
import Testing

@testable import Figures

/// Straight strokes written into pixels match what Cairo draws.
@Suite struct StrokeRasterTests {
    /// The pixel square's area on one side of a line, against a fine grid count.
    @Test(arguments: [0.0, 0.2, 0.5, 0.785, 1.1, 2.0])
    func areaIsThePixelSquaresShare(angle: Double) {
        let n = PixelPoint(cos(angle), sin(angle))
        let area = StrokeRaster.Area(n)
        let grid = 400
        for s in stride(from: -0.9, through: 0.9, by: 0.05) {
            var inside = 0
            for i in 0..<grid {
                for j in 0..<grid {
                    let p = PixelPoint(
                        (Double(i) + 0.5) / Double(grid) - 0.5,
                        (Double(j) + 0.5) / Double(grid) - 0.5)
                    if n.x * p.x + n.y * p.y <= s { inside += 1 }
                }
            }
            let counted = Double(inside) / Double(grid * grid)
            #expect(abs(area(s) - counted) < 0.004, "angle \(angle), s \(s)")
            #expect(abs(area(s) + area(-s) - 1) < 1e-12)
        }
    }

    @Test func horizontalStrokeOnWholeRowsFillsExactlyThem() throws {
        let surface = try Surface.image(width: 20, height: 10)
        let image = try #require(PixelImage(surface))
        StrokeRaster.stroke(
            from: PixelPoint(2, 5), to: PixelPoint(17, 5), width: 2, colour: Colour(hex: 0xFF8000),
            clip: Rect(x: 0, y: 0, width: 20, height: 10), onto: image)
        for y in 0..<10 {
            for x in 0..<20 {
                let inside = (4...5).contains(y) && (2..<17).contains(x)
                #expect(image.row(y)[x] & 0xFF_FFFF == (inside ? 0xFF8000 : 0), "(\(x), \(y))")
            }
        }
    }

    @Test func dashesCoverTheirShareOfTheLine() throws {
        let surface = try Surface.image(width: 130, height: 3)
        let image = try #require(PixelImage(surface))
        StrokeRaster.stroke(
            from: PixelPoint(0, 1.5), to: PixelPoint(120, 1.5), width: 1, colour: .white,
            dash: [7, 5], clip: Rect(x: 0, y: 0, width: 130, height: 3), onto: image)
        let lit = (0..<130).map { Double(image.row(1)[$0] & 0xFF) / 255 }.reduce(0, +)
        #expect(abs(lit - 70) < 0.5)  // ten dashes of 7 pixels in 120
        #expect(image.row(1)[3] & 0xFF == 255 && image.row(1)[9] & 0xFF == 0)
    }

    /// Diagonal, steep and dashed strokes, translucent and opaque, against Cairo's own.
    @Test(
        arguments: [
            (PixelPoint(3.2, 4.7), PixelPoint(61.5, 40.1), 1.3, 0.45, [7.0, 5.0]),
            (PixelPoint(50.3, 2.1), PixelPoint(12.8, 44.6), 2.2, 1, []),
            (PixelPoint(5, 30.25), PixelPoint(60, 27.5), 1.7, 1, []),
        ] as [(PixelPoint, PixelPoint, Double, Double, [Double])])
    func matchesCairo(
        from p: PixelPoint, to q: PixelPoint, width: Double, opacity: Double, dash: [Double]
    ) throws {
        let clip = Rect(x: 2, y: 3, width: 60, height: 40)
        let colour = Colour(hex: 0x1A1A1A, alpha: opacity)
        let ours = try Surface.image(width: 64, height: 48)
        let theirs = try Surface.image(width: 64, height: 48)
        for surface in [ours, theirs] {
            let canvas = Canvas(try Context(surface))
            canvas.fill(Rect(x: 0, y: 0, width: 64, height: 48), Colour(hex: 0xF0E0D0))
            surface.flush()
        }
        StrokeRaster.stroke(
            from: p, to: q, width: width, colour: colour, dash: dash, clip: clip,
            onto: try #require(PixelImage(ours)))
        let canvas = Canvas(try Context(theirs))
        canvas.clip(to: clip)
        canvas.setColour(colour)
        canvas.setLineWidth(width)
        canvas.setDash(dash)
        canvas.move(to: p)
        canvas.line(to: q)
        canvas.stroke()
        theirs.flush()
        let (a, b) = (try #require(PixelImage(ours)), try #require(PixelImage(theirs)))
        var total = 0
        var worst = 0
        var inked = 0
        for y in 0..<48 {
            for x in 0..<64 {
                for shift in [0, 8, 16] as [UInt32] {
                    let d = abs(
                        Int((a.row(y)[x] >> shift) & 0xFF) - Int((b.row(y)[x] >> shift) & 0xFF))
                    total += d
                    worst = max(worst, d)
                }
                if b.row(y)[x] & 0xFF_FFFF != 0xF0E0D0 { inked += 1 }
            }
        }
        #expect(inked > 40)
        #expect(worst <= 16, "worst channel difference \(worst)")
        let mean = Double(total) / Double(3 * inked)
        #expect(mean < 3, "mean difference on inked pixels \(mean)")
    }
}
