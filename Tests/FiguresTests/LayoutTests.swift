import Backprop
import Testing

@testable import Figures

@Suite struct LayoutTests {
    static let shapes: [[Int]] = [[], [1], [2], [4], [5], [8], [3, 2], [8, 8, 4], [64]]
    static let sizes: [(Int, Int)] = [
        (1280, 720), (640, 360), (320, 180), (720, 1280), (1000, 1000),
    ]

    @Test(arguments: shapes)
    func panelsNeverOverlapAndStayInside(hidden: [Int]) {
        for (w, h) in Self.sizes {
            for aspect in [1.0, 1.6, 0.7] {
                let style = Style(width: w, height: h)
                let page = Rect(x: 0, y: 0, width: Double(w), height: Double(h))
                for kind in FigureKind.allCases {
                    let layout = FigureLayout(
                        kind, width: w, height: h, hidden: hidden, aspect: aspect, style: style)
                    var cells = layout.hidden.map(\.cell)
                    if let o = layout.output { cells.append(o) }
                    if let e = layout.error { cells.append(e) }
                    if let header = layout.header { cells.append(header) }
                    for cell in cells {
                        #expect(page.contains(cell), "\(kind) \(hidden) at \(w)×\(h): \(cell)")
                    }
                    for i in cells.indices {
                        for j in cells.indices where j > i {
                            #expect(
                                !cells[i].intersects(cells[j]),
                                "\(kind) \(hidden) at \(w)×\(h), aspect \(aspect): \(cells[i]) and \(cells[j])"
                            )
                        }
                    }
                    let expected: Int
                    switch kind {
                    case .frame, .hidden: expected = hidden.reduce(0, +)
                    case .output, .error: expected = 0
                    }
                    #expect(layout.hidden.count + layout.hiddenOmitted == expected)
                }
            }
        }
    }

    @Test func eightUnitsAllShowAtBothLessonSizes() {
        for (w, h) in [(1280, 720), (640, 360)] {
            let layout = FigureLayout(
                .frame, width: w, height: h, hidden: [8], aspect: 1,
                style: Style(width: w, height: h))
            #expect(layout.hidden.count == 8 && layout.hiddenOmitted == 0)
            // Each hidden plot is big enough to read: at least a tenth of the figure's height.
            let smallest = layout.hidden.map { min($0.cell.width, $0.cell.height) }.min() ?? 0
            #expect(smallest >= Double(h) / 10)
        }
    }

    @Test func deeperLayersGetTheirOwnRows() {
        let layout = FigureLayout(
            .hidden, width: 1280, height: 720, hidden: [3, 2], aspect: 1,
            style: Style(width: 1280, height: 720))
        let firstRow = layout.hidden.filter { $0.layer == 0 }.map(\.cell.y)
        let secondRow = layout.hidden.filter { $0.layer == 1 }.map(\.cell.y)
        #expect(Set(firstRow).count == 1 && Set(secondRow).count == 1)
        #expect((secondRow.first ?? 0) > (firstRow.first ?? 0))
    }

    @Test(arguments: [[], [2], [4], [3, 2]] as [[Int]])
    func renderedPanelRectsAreDisjointAndInside(hidden: [Int]) throws {
        let run = try Fixtures.run(hidden: hidden)
        for (w, h) in [(1280, 720), (640, 360)] {
            let renderer = try FigureRenderer(run: run, options: RenderOptions(width: w, height: h))
            let raster = try renderer.raster(.frame, snapshot: 2)
            let rects = raster.panels.map {
                Rect(x: $0.rect[0], y: $0.rect[1], width: $0.rect[2], height: $0.rect[3])
            }
            let page = Rect(x: 0, y: 0, width: Double(w), height: Double(h))
            for r in rects {
                #expect(page.contains(r))
                #expect(r.width >= 40 && r.height >= 40)
            }
            for i in rects.indices {
                for j in rects.indices where j > i { #expect(!rects[i].intersects(rects[j])) }
            }
            // Plane panels keep the domain's aspect, so lines meet at their true angles.
            for panel in raster.panels where panel.kind != .error {
                let d = panel.domain
                let aspect = (d[0][1] - d[0][0]) / (d[1][1] - d[1][0])
                #expect(abs(panel.rect[2] / panel.rect[3] - aspect) < 0.02)
            }
        }
    }
}
