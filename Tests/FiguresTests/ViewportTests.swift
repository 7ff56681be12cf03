import Backprop
import Testing

@testable import Figures

@Suite struct ViewportTests {
    let viewport = Viewport(
        domain: Domain(x1: -1...3, x2: 0...2), rect: Rect(x: 10, y: 20, width: 400, height: 200))

    @Test func cornersMapToTheRectangleWithYUp() {
        #expect(viewport.pixel(-1, 0) == PixelPoint(10, 220))
        #expect(viewport.pixel(3, 2) == PixelPoint(410, 20))
        #expect(viewport.pixel(1, 1) == PixelPoint(210, 120))
    }

    @Test func dataIsTheInverseOfPixel() {
        let p = viewport.data(viewport.pixel(0.3, 1.7))
        #expect(abs(p.x1 - 0.3) < 1e-12)
        #expect(abs(p.x2 - 1.7) < 1e-12)
    }

    @Test func scalesAreDataUnitsPerPixel() {
        #expect(viewport.dataPerPixelX == 0.01)
        #expect(viewport.dataPerPixelY == 0.01)
        #expect(viewport.domainArray == [[-1, 3], [0, 2]])
    }
}
