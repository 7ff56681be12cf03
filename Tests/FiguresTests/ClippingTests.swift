import Backprop
import Testing

@testable import Figures

@Suite struct ClippingTests {
    let box = Domain(x1: -1...1, x2: -2...2)

    /// The segment's ends, sorted so tests can compare them.
    func ends(_ line: ImplicitLine) -> [Point]? {
        guard let (p, q) = line.clipped(to: box) else { return nil }
        return [p, q].sorted { ($0.x1, $0.x2) < ($1.x1, $1.x2) }
    }

    @Test func diagonalLineEndsOnTheBorder() throws {
        // x2 = x1: crosses the left and right sides at (−1, −1) and (1, 1).
        let e = try #require(ends(ImplicitLine(w1: 1, w2: -1, b: 0)))
        #expect(e == [Point(-1, -1), Point(1, 1)])
    }

    @Test func verticalLineNeedsNoSpecialCase() throws {
        // 2·x1 − 1 = 0: x1 = 0.5 from bottom to top.
        let e = try #require(ends(ImplicitLine(w1: 2, w2: 0, b: -1)))
        #expect(e == [Point(0.5, -2), Point(0.5, 2)])
    }

    @Test func horizontalLine() throws {
        let e = try #require(ends(ImplicitLine(w1: 0, w2: -3, b: 3)))  // x2 = 1
        #expect(e == [Point(-1, 1), Point(1, 1)])
    }

    @Test func steepLineEndsOnTopAndBottom() throws {
        // x2 = 10·x1: crosses x2 = ±2 at x1 = ±0.2.
        let e = try #require(ends(ImplicitLine(w1: 10, w2: -1, b: 0)))
        #expect(abs(e[0].x1 + 0.2) < 1e-15 && e[0].x2 == -2)
        #expect(abs(e[1].x1 - 0.2) < 1e-15 && e[1].x2 == 2)
    }

    @Test func linesThatMissTheViewDrawNothing() {
        #expect(ends(ImplicitLine(w1: 1, w2: 0, b: -5)) == nil)  // x1 = 5
        #expect(ends(ImplicitLine(w1: 0, w2: 1, b: 3)) == nil)  // x2 = −3
        #expect(ends(ImplicitLine(w1: 1, w2: 1, b: 10)) == nil)
    }

    @Test func touchingOnlyACornerDrawsNothing() {
        // x1 + x2 = 3 meets the box only at (1, 2).
        #expect(ends(ImplicitLine(w1: 1, w2: 1, b: -3)) == nil)
    }

    @Test func throughTwoCorners() throws {
        // x2 = 2·x1 passes through (−1, −2) and (1, 2), both corners.
        let e = try #require(ends(ImplicitLine(w1: 2, w2: -1, b: 0)))
        #expect(e == [Point(-1, -2), Point(1, 2)])
    }

    @Test func lineAlongAnEdgeIsThatEdge() throws {
        let e = try #require(ends(ImplicitLine(w1: 1, w2: 0, b: 1)))  // x1 = −1
        #expect(e == [Point(-1, -2), Point(-1, 2)])
    }

    @Test func zeroWeightsAreNoLine() {
        #expect(ends(ImplicitLine(w1: 0, w2: 0, b: 1)) == nil)
        #expect(ends(ImplicitLine(w1: 0, w2: 0, b: 0)) == nil)
    }

    @Test func endsLieOnTheLine() throws {
        let line = ImplicitLine(w1: 0.37, w2: -1.9, b: 0.41)
        let e = try #require(ends(line))
        for p in e {
            #expect(abs(line.value(p.x1, p.x2)) < 1e-12)
        }
    }
}
