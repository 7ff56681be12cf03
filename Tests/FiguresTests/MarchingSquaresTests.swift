import Foundation
import Testing

@testable import Figures

@Suite struct MarchingSquaresTests {
    /// `r² − |p − c|²` sampled on a 41×41 grid of 2-pixel steps: inside the circle is positive.
    func disc(centre c: PixelPoint, radius r: Double) -> (SampledField, (PixelPoint) -> Double) {
        let f = { (p: PixelPoint) in r * r - ((p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y))
        }
        return (SampledField(columns: 41, rows: 41, x0: 0, y0: 0, step: 2, f), f)
    }

    @Test func circleGivesOneClosedLoopOnTheCircle() throws {
        let c = PixelPoint(40.3, 39.1)
        let (field, f) = disc(centre: c, radius: 25)
        let lines = MarchingSquares.contours(field, level: 0, exact: f)
        #expect(lines.count == 1)
        let loop = try #require(lines.first)
        #expect(loop.closed)
        #expect(loop.points.count > 40)
        for p in loop.points {
            #expect(abs(distance(p, c) - 25) < 1e-6)  // refined against the exact field
        }
    }

    @Test func withoutRefinementCrossingsAreInterpolated() throws {
        let c = PixelPoint(40, 40)
        let (field, _) = disc(centre: c, radius: 25)
        let loop = try #require(MarchingSquares.contours(field, level: 0).first)
        for p in loop.points {
            #expect(abs(distance(p, c) - 25) < 0.1)
        }
    }

    @Test func linearFieldGivesOneOpenStraightLine() throws {
        // x − 0.5·y − 30 = 0 crosses the grid from top to bottom.
        let f = { (p: PixelPoint) in p.x - 0.5 * p.y - 30 }
        let field = SampledField(columns: 31, rows: 31, x0: 0, y0: 0, step: 2, f)
        let lines = MarchingSquares.contours(field, level: 0)
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(!line.closed)
        #expect(line.points.count >= 31)
        for p in line.points { #expect(abs(f(p)) < 1e-9) }
        // Ends on the grid's top and bottom rows.
        let ys = line.points.map(\.y).sorted()
        #expect(ys.first == 0 && ys.last == 60)
    }

    @Test func twoDiscsGiveTwoLoops() {
        let f = { (p: PixelPoint) in
            max(
                100 - ((p.x - 15) * (p.x - 15) + (p.y - 20) * (p.y - 20)),
                100 - ((p.x - 55) * (p.x - 55) + (p.y - 20) * (p.y - 20)))
        }
        let field = SampledField(columns: 36, rows: 21, x0: 0, y0: 0, step: 2, f)
        let lines = MarchingSquares.contours(field, level: 0, exact: f)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.closed })
    }

    /// A field's sign, found in one early-stopping pass, is that of its finite extremes.
    ///
    /// NaN and ±∞ are left out, a 0 (or −0) counts as both sides, a field of no finite value has
    /// none: every field of three values drawn from the awkward ones, in every order.
    @Test func signIsTheSignOfTheFiniteExtremes() {
        func extremes(_ values: [Double]) -> Double? {
            let finite = values.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max() else { return nil }
            return low > 0 ? 1 : (high < 0 ? -1 : nil)
        }
        let awkward: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 1e-300, -1e-300, 2, -3]
        for a in awkward {
            for b in awkward {
                for c in awkward {
                    let field = SampledField(
                        columns: 3, rows: 1, x0: 0, y0: 0, step: 1, values: [a, b, c])
                    #expect(field.sign == extremes([a, b, c]), "\([a, b, c])")
                }
            }
        }
    }

    @Test func uniformFieldHasNoCurve() {
        let field = SampledField(columns: 5, rows: 5, x0: 0, y0: 0, step: 1) { _ in 3 }
        #expect(MarchingSquares.contours(field, level: 0).isEmpty)
        #expect(MarchingSquares.contours(field, level: 5).isEmpty)
    }

    @Test(arguments: [0.2, -0.2])
    func saddleFollowsTheCentre(centre: Double) {
        // 4(x − ½)(y − ½) + c on one cell: top-left and bottom-right inside, the other corners
        // outside, and the centre's value c decides how the crossings join.
        let f = { (p: PixelPoint) in 4 * (p.x - 0.5) * (p.y - 0.5) + centre }
        let field = SampledField(columns: 2, rows: 2, x0: 0, y0: 0, step: 1, f)
        let lines = MarchingSquares.contours(field, level: 0, exact: f)
        func edge(_ p: PixelPoint) -> String {
            p.y == 0 ? "top" : p.x == 1 ? "right" : p.y == 1 ? "bottom" : "left"
        }
        let joins = Set(lines.map { Set($0.points.map(edge)) })
        if centre > 0 {
            // Inside joins diagonally: the outside corners (top-right, bottom-left) are cut off.
            #expect(joins == [["top", "right"], ["bottom", "left"]])
        } else {
            #expect(joins == [["top", "left"], ["right", "bottom"]])
        }
        for line in lines {
            for p in line.points { #expect(abs(f(p)) < 1e-9) }
        }
    }

    @Test func smoothPathPassesThroughItsPoints() throws {
        let points = (0..<12).map { (k: Int) -> PixelPoint in
            let angle = Double(k) * Double.pi / 6
            return PixelPoint(10 + 5 * cos(angle), 10 + 5 * sin(angle))
        }
        let path = try #require(SmoothPath(through: Polyline(points: points, closed: true)))
        #expect(path.closed)
        #expect(path.pieces.count == 12)
        #expect(path.start == points[0])
        let ends = path.pieces.map { (piece: CubicPiece) in piece.end }
        #expect(ends == Array(points.dropFirst()) + [points[0]])
    }

    @Test func smoothPathDropsRepeatedPoints() {
        let p = PixelPoint(1, 1)
        #expect(SmoothPath(through: Polyline(points: [p, p, p], closed: false)) == nil)
    }
}
