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
                    var cells = layout.panels.map(\.cell)
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
                    let showsUnits = kind == .frame || kind == .panel(.hidden)
                    let expected = showsUnits ? hidden.reduce(0, +) : 0
                    #expect(layout.units.count + layout.omitted == expected)
                }
            }
        }
    }

    /// A frame asked for the diagram gives it part of the error curve's cell, beside any
    /// landscape panel, where the cell is at least the minimum; nothing overlaps, and a frame not
    /// asked is laid out as before.
    @Test(arguments: shapes)
    func framesGiveTheDiagramRoomWhereItFits(hidden: [Int]) {
        let minimum = FrameComposition.diagramMinimum
        var placed = 0
        for (w, h) in Self.sizes {
            for aspect in [1.0, 1.6, 0.7] {
                for landscape in [nil, PanelKind.mountain] {
                    let style = Style(width: w, height: h)
                    let page = Rect(x: 0, y: 0, width: Double(w), height: Double(h))
                    let plain = FigureLayout(
                        .frame, width: w, height: h, hidden: hidden, aspect: aspect, style: style,
                        landscape: landscape)
                    let layout = FigureLayout(
                        .frame, width: w, height: h, hidden: hidden, aspect: aspect, style: style,
                        landscape: landscape, diagram: true)
                    #expect(plain.cell(.diagram) == nil)
                    guard let diagram = layout.cell(.diagram) else {
                        #expect(layout == plain, "\(hidden) at \(w)×\(h)")
                        continue
                    }
                    placed += 1
                    #expect(diagram.width >= minimum.width && diagram.height >= minimum.height)
                    #expect(layout.cell(.surface) == nil)
                    #expect((layout.cell(.mountain) != nil) == (landscape != nil))
                    #expect(
                        layout.units == plain.units && layout.cell(.output) == plain.cell(.output))
                    // The diagram comes last, after the landscape panel.
                    #expect(layout.panels.last?.kind == .diagram)
                    let cells = layout.panels.map(\.cell) + [layout.header].compactMap { $0 }
                    for i in cells.indices {
                        #expect(page.contains(cells[i]))
                        for j in cells.indices where j > i {
                            #expect(
                                !cells[i].intersects(cells[j]),
                                "\(hidden) at \(w)×\(h), aspect \(aspect): \(cells[i]) and \(cells[j])"
                            )
                        }
                    }
                }
            }
        }
        // The lesson's size has room for it, with or without a landscape panel.
        let lesson = FigureLayout(
            .frame, width: 1280, height: 720, hidden: hidden, aspect: 1,
            style: Style(width: 1280, height: 720), diagram: true)
        #expect(lesson.cell(.diagram) != nil || hidden.count > 2, "\(hidden)")
        #expect(placed > 0)
    }

    @Test func eightUnitsAllShowAtBothLessonSizes() {
        for (w, h) in [(1280, 720), (640, 360)] {
            let layout = FigureLayout(
                .frame, width: w, height: h, hidden: [8], aspect: 1,
                style: Style(width: w, height: h))
            #expect(layout.units.count == 8 && layout.omitted == 0)
            // Each hidden plot is big enough to read: at least a tenth of the figure's height.
            let smallest = layout.units.map { min($0.cell.width, $0.cell.height) }.min() ?? 0
            #expect(smallest >= Double(h) / 10)
        }
    }

    @Test func deeperLayersGetTheirOwnRows() {
        let layout = FigureLayout(
            .panel(.hidden), width: 1280, height: 720, hidden: [3, 2], aspect: 1,
            style: Style(width: 1280, height: 720))
        let firstRow = layout.units.filter { $0.layer == 0 }.map(\.cell.y)
        let secondRow = layout.units.filter { $0.layer == 1 }.map(\.cell.y)
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

extension FigureLayout {
    /// The hidden units' panels.
    var units: [PlacedPanel] { panels.filter(\.isUnit) }

    /// The hidden units left out, as the note in place of the last one counts them.
    var omitted: Int {
        panels.reduce(0) {
            guard case .omitted(let count) = $1.content else { return $0 }
            return $0 + count
        }
    }

    /// The cell of the first panel of `kind`.
    func cell(_ kind: PanelKind) -> Rect? { panels.first { $0.kind == kind }?.cell }
}
