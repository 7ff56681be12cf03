import Backprop
import Testing

@testable import Figures

/// The error surface's shading: each pixel is the height interpolated between the grid's nodes.
@Suite struct SurfaceShadingTests {
    @Test func eachPixelIsTheGridInterpolatedBilinearlyAtItsCentre() throws {
        // A coarse 5 × 4 grid of the plane h = u + 2v: interpolated bilinearly, the height at
        // every pixel's centre is exactly u + 2v there, whatever cell it falls in. The plot's
        // corners are off the pixel grid; pixels whose centres lie outside it are not touched.
        let u = [0.0, 1, 2, 3, 4]
        let v = [0.0, 1, 2, 3]
        let grid = SurfaceGrid(
            u: u, v: v, heights: v.flatMap { y in u.map { x in x + 2 * y } })
        let surface = try Surface.image(width: 60, height: 50)
        let rect = Rect(x: 5.3, y: 4.6, width: 47.5, height: 38.2)
        let canvas = Canvas(try Context(surface))
        try SurfaceShading(grid: grid, rect: rect).drawPixels(into: surface, on: canvas)
        surface.flush()
        let base = try #require(surface.pixels)
        func channels(_ p: UInt32) -> [Int] {
            [Int(p >> 16 & 255), Int(p >> 8 & 255), Int(p & 255)]
        }
        var shaded = 0
        for r in 0..<50 {
            let row = UnsafeRawPointer(base + r * surface.stride).assumingMemoryBound(
                to: UInt32.self)
            for c in 0..<60 {
                let (x, y) = (Double(c) + 0.5, Double(r) + 0.5)
                let pixel = channels(row[c])
                guard (rect.minX...rect.maxX).contains(x), (rect.minY...rect.maxY).contains(y)
                else {
                    #expect(pixel == [0, 0, 0], "(\(c), \(r)) lies outside the plot")
                    continue
                }
                let height =
                    (x - rect.minX) / rect.width * 4 + 2 * (rect.maxY - y) / rect.height * 3
                let expected = channels(HeightRamp.colour(height / 10).pixel)
                #expect(
                    zip(pixel, expected).allSatisfy { abs($0 - $1) <= 2 },
                    "(\(c), \(r)): \(pixel) for height \(height), expected \(expected)")
                shaded += 1
            }
        }
        #expect(shaded == 48 * 38)  // centres 5.5…52.5 across, 5.5…42.5 down
    }
}
