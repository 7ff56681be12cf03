import Backprop
import Foundation
import Testing

@testable import Figures

/// The figures that compare a sweep's runs: the grid of output panels and the errors curves.
@Suite struct SweepFigureTests {
    static func grid() throws -> SweepGrid {
        let a = try Fixtures.run(hidden: [2], epochs: 40, learningRate: 0.5)
        let b = try Fixtures.run(hidden: [2], epochs: 40, learningRate: 4)
        return SweepGrid(
            title: "t: the output at epoch 40", columnKey: "lr", rowKey: "seed",
            columns: ["0.5", "4"], rows: ["1", "2"],
            cells: [
                [SweepGridCell(run: a, snapshot: 2), SweepGridCell(run: b, snapshot: 2)],
                [
                    SweepGridCell(run: a, snapshot: 1),
                    SweepGridCell(run: nil, snapshot: 0, note: "diverged"),
                ],
            ])
    }

    @Test func theGridIsAFileOfItsSizeInEveryFormat() throws {
        let grid = try Self.grid()
        let (w, h) = SweepFigure.gridSize(rows: 2, columns: 2, width: 200, height: 120)
        #expect(w >= 2 * 170 && h >= 2 * 190)
        let png = try SweepFigure.grid(grid, width: w, height: h, format: .png)
        let image = try PNGCodec.decode(png)
        #expect(image.width == w && image.height == h)
        for format in [FileFormat.pdf, .svg] {
            let data = try SweepFigure.grid(grid, width: w, height: h, format: format)
            let head = String(decoding: data.prefix(16), as: UTF8.self)
            #expect(head.hasPrefix(format == .pdf ? "%PDF" : "<?xml"))
            // The same grid gives the same bytes.
            #expect(try SweepFigure.grid(grid, width: w, height: h, format: format) == data)
        }
        #expect(try SweepFigure.grid(grid, width: w, height: h, format: .png) == png)
    }

    @Test func aRunWithoutARecordIsAGreyCell() throws {
        var grid = try Self.grid()
        let (w, h) = SweepFigure.gridSize(rows: 2, columns: 2, width: 200, height: 120)
        let with = try PNGCodec.decode(SweepFigure.grid(grid, width: w, height: h, format: .png))
        grid.cells[1][1] = grid.cells[0][1]
        let without = try PNGCodec.decode(
            SweepFigure.grid(grid, width: w, height: h, format: .png))
        // Only the bottom-right cell changes.
        var changed: (minX: Int, minY: Int) = (Int.max, Int.max)
        for y in 0..<h {
            for x in 0..<w where with.rgb(x, y) != without.rgb(x, y) {
                changed = (min(changed.minX, x), min(changed.minY, y))
            }
        }
        #expect(changed.minX > w / 2 - 20 && changed.minY > h / 2 - 20)
    }

    @Test func curvesMapOntoTheirScale() {
        let rect = Rect(x: 10, y: 20, width: 100, height: 50)
        let scale = CurveScale(
            rect: rect, series: [[0.7, 0.5, 0.3], [0.6, 0.2, 0.1, 0.05]], log: false)
        #expect(scale.epochs == 3)
        #expect(scale.high == 0.7 * 1.08)
        #expect(scale.x(0) == 10 && scale.x(3) == 110)
        #expect(scale.y(0) == 70 && abs(scale.y(scale.high) - 20) < 1e-12)
        #expect(scale.points([0.7, 0.5, 0.3]).last == PixelPoint(scale.x(2), scale.y(0.3)))
    }

    @Test func oneRunBlowingUpDoesNotFlattenTheOthers() {
        #expect(SweepGridDrawing.ceiling([[0.7, 0.5], [0.69, 0.8]]) == nil)
        #expect(SweepGridDrawing.ceiling([[0.7, 0.5], [0.69, 116]]) == 0.7 * 1.25)
        let rect = Rect(x: 0, y: 0, width: 10, height: 10)
        let scale = CurveScale(rect: rect, series: [[0.7, 116]], log: false, ceiling: 0.875)
        #expect(scale.y(116) == 0)  // clamped to the top
    }

    @Test func theErrorsFigureColoursEachGroup() throws {
        let a = try Fixtures.run(hidden: [2], epochs: 40, learningRate: 0.5)
        let b = try Fixtures.run(hidden: [2], epochs: 40, learningRate: 4)
        let errors = SweepErrors(
            title: "t", groupKey: "lr", groups: ["0.5", "4"],
            curves: [
                SweepCurve(label: "a", group: 0, errors: a.errors),
                SweepCurve(label: "b", group: 1, errors: b.errors),
            ], missing: 0)
        let image = try PNGCodec.decode(
            SweepFigure.errors(errors, width: 640, height: 360, format: .png))
        var seen = Set<[UInt8]>()
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image.rgb(x, y)
                seen.insert([p.red, p.green, p.blue])
            }
        }
        // The legend's swatches are drawn solid in each group's colour.
        #expect(seen.contains([0x3D, 0x8B, 0xFF]))
        #expect(seen.contains([0xD5, 0x5E, 0x00]))
    }
}
