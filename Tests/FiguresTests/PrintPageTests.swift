import Backprop
import Foundation
import Testing

@testable import Figures

/// Figures for print: a panel on its own on a page of its own size, text sizes in points that
/// stay legible when the figure is placed 8–12 cm wide, SVG sized in pixels, portrait frames
/// with the text of landscape ones.
@Suite struct PrintPageTests {
    static let sizes: [(Int, Int)] = [
        (1000, 560), (1280, 720), (640, 360), (800, 800), (720, 1280),
    ]

    /// 8 cm and 12 cm in points.
    static let eightCentimetres = 8 / 2.54 * 72
    static let twelveCentimetres = 12 / 2.54 * 72

    @Test(arguments: [[2], [4], [3, 2], []] as [[Int]])
    func printTextIsAtLeastSevenPointsAtEightCentimetres(hidden: [Int]) {
        for (w, h) in Self.sizes {
            for aspect in [1.0, 1.6, 0.8] {
                for kind in FigureKind.allCases where kind.isPrintPanel {
                    var options = RenderOptions(width: w, height: h)
                    options.equations = true
                    let page = Page(kind, options: options, hidden: hidden, aspect: aspect)
                    let at8 = page.style.tickFont * Self.eightCentimetres / Double(page.width)
                    let at12 = page.style.tickFont * Self.twelveCentimetres / Double(page.width)
                    #expect(at8 >= 7, "\(kind) \(hidden) at \(w)×\(h), aspect \(aspect): \(at8) pt")
                    #expect(at12 >= 10.5, "\(kind) \(hidden) at \(w)×\(h): \(at12) pt")
                    #expect(page.width <= w && page.height <= h)
                    #expect(page.style.fixedText)
                }
                // A frame keeps the screen's text, scaled from 1280×720.
                let frame = Page(
                    .frame, options: RenderOptions(width: w, height: h), hidden: hidden,
                    aspect: aspect)
                #expect(frame.width == w && frame.height == h)
                #expect(frame.style.tickFont == Style(width: w, height: h).tickFont)
            }
        }
    }

    /// The square output panel of the print sample's 1000×560 page has no white bands beside
    /// it: the page is the plot and its tick labels, a gap and a label's width around.
    @Test func aSquareOutputPanelIsOnAPageOfItsOwnSize() throws {
        let page = Page(
            .panel(.output), options: RenderOptions(width: 1000, height: 560), hidden: [2],
            aspect: 1)
        let cell = try #require(page.layout.cell(.output))
        let plot = OutputPanel.plotRect(cell: cell, aspect: 1, style: page.style)
        let style = page.style
        let around = style.tickFont * 3.6 + style.tickFont + 2 * style.gap
        #expect(Double(page.width) <= plot.width + around + 1)
        #expect(page.width < 560)
        #expect(page.height == 560)
        // The plot is as large as on the requested page: only empty margins went.
        let full = FigureLayout(
            .panel(.output), width: 1000, height: 560, hidden: [2], aspect: 1, style: style)
        let untrimmed = try #require(full.cell(.output))
        let before = OutputPanel.plotRect(cell: untrimmed, aspect: 1, style: style)
        #expect(abs(before.width - plot.width) <= 1 && abs(before.height - plot.height) <= 1)
        // Hidden units: the grid's block fills the page's width.
        let hidden = Page(
            .panel(.hidden), options: RenderOptions(width: 1000, height: 560), hidden: [2],
            aspect: 1)
        let cells = hidden.layout.units.map(\.cell)
        let block = (cells.map(\.maxX).max() ?? 0) - (cells.map(\.minX).min() ?? 0)
        #expect(Double(hidden.width) - block <= 2 * hidden.style.gap + 1)
    }

    /// The rendered file has the page's size, and says so.
    @Test func theFileIsThePagesSize() throws {
        let run = try Fixtures.run(.wedge, hidden: [2], epochs: 30)
        let options = RenderOptions(width: 400, height: 224)
        let renderer = try FigureRenderer(run: run, options: options)
        let png = try renderer.render(.panel(.output), snapshot: 2, format: .png)
        let image = try PNGCodec.decode(png.data)
        #expect(image.width == png.width && image.height == png.height)
        #expect(png.width < 400 && png.height == 224)
        let pdf = try renderer.render(.panel(.output), snapshot: 2, format: .pdf)
        let text = String(decoding: pdf.data, as: UTF8.self)
        #expect(text.contains("/MediaBox [ 0 0 \(png.width) 224 ]"), "\(text.prefix(800))")
        // The frame keeps the requested size.
        let frame = try renderer.render(.frame, snapshot: 2, format: .png)
        #expect(frame.width == 400 && frame.height == 224)
    }

    /// An SVG opens at the size asked for: its width and height are pixels, not points.
    @Test func svgIsSizedInPixels() throws {
        let run = try Fixtures.run(.wedge, hidden: [2], epochs: 30)
        let renderer = try FigureRenderer(
            run: run, options: RenderOptions(width: 320, height: 180))
        let svg = try renderer.render(.frame, snapshot: 2, format: .svg)
        let head = String(decoding: svg.data.prefix(600), as: UTF8.self)
        #expect(
            head.contains("width=\"320px\" height=\"180px\" viewBox=\"0 0 320 180\""), "\(head)")
    }

    /// `fontSize` sets the smallest text of every figure, the titles and header in proportion.
    @Test func fontSizeSetsTheText() throws {
        var options = RenderOptions(width: 1000, height: 560)
        options.fontSize = 9
        for kind in [FigureKind.frame, .panel(.output), .panel(.hidden), .panel(.error)] {
            let page = Page(kind, options: options, hidden: [2], aspect: 1)
            #expect(page.style.tickFont == 9)
            #expect(abs(page.style.titleFont - 9 * 14 / 11.5) < 1e-9)
            #expect(abs(page.style.headerFont - 9 * 19 / 11.5) < 1e-9)
        }
        for bad in [3.9, 200.5, .nan, .infinity] {
            options.fontSize = bad
            #expect(throws: FiguresError.self) { try options.validate() }
        }
    }

    /// With equations, every unit's equation is written in the same size (the one that fits the
    /// longest), never a smaller one for a single unit; on a print page never below its text.
    @Test func everyEquationHasTheSameSize() throws {
        let run = try Fixtures.run(.xor, hidden: [4], epochs: 300)
        for (w, h, kind) in [(640, 360, FigureKind.frame), (480, 270, .panel(.hidden))] {
            var options = RenderOptions(width: w, height: h)
            options.equations = true
            let figure = try FigureRenderer(run: run, options: options).render(
                kind, snapshot: 2, format: .svg)
            let equations = figure.panels.compactMap(\.equation)
            #expect(equations.count == 4 || equations.isEmpty, "\(kind): \(equations)")
            #expect(Set(equations.map(\.fontSize)).count <= 1, "\(kind): \(equations)")
            #expect(
                Set(
                    equations.map {
                        $0.text.split(separator: ".")[1].prefix(while: \.isNumber).count
                    }
                )
                .count <= 1)
            if kind.isPrintPanel {
                let page = Page(kind, options: options, hidden: [4], aspect: run.aspectForTests)
                #expect(equations.allSatisfy { $0.fontSize >= page.style.tickFont })
            }
        }
    }

    /// A portrait frame has the text of the landscape frame of the same sides: the layout's font
    /// sizes, and the header's name measured in pixels.
    @Test func portraitTextMatchesLandscape() throws {
        #expect(
            Style(width: 720, height: 1280).tickFont == Style(width: 1280, height: 720).tickFont)
        #expect(
            Style(width: 720, height: 1280).headerFont == Style(width: 1280, height: 720).headerFont
        )
        let run = try Fixtures.run(.gauss, hidden: [], epochs: 30, count: 20, name: "Hxy")
        func inkHeight(width: Int, height: Int) throws -> Int {
            let figure = try FigureRenderer(
                run: run, options: RenderOptions(width: width, height: height)
            ).render(.frame, snapshot: 2, format: .png)
            let image = try PNGCodec.decode(figure.data)
            let style = Style(width: width, height: height)
            // The run's name, at the header's left: the rows with dark ink.
            let rows = (0..<Int(style.gap + style.headerHeight)).filter { y in
                (0..<Int(style.gap + style.headerFont * 2.5)).contains { x in
                    let p = image.rgb(x, y)
                    return Int(p.red) + Int(p.green) + Int(p.blue) < 200
                }
            }
            return (rows.max() ?? 0) - (rows.min() ?? 0) + 1
        }
        let landscape = try inkHeight(width: 960, height: 540)
        let portrait = try inkHeight(width: 540, height: 960)
        #expect(landscape >= 10)
        #expect(abs(landscape - portrait) <= 1, "\(landscape) px against \(portrait) px")
    }
}

extension TrainingRun {
    /// The domain's width over its height, as the renderer computes it.
    var aspectForTests: Double {
        (domain.x1.upperBound - domain.x1.lowerBound)
            / (domain.x2.upperBound - domain.x2.lowerBound)
    }
}
