import Backprop
import Foundation
import Testing

@testable import Figures

/// Issue 21, item 2: a legend shrinks to what matters rather than vanishing; arrows drawn scaled
/// are never drawn without the statement of their scale.
@Suite struct LegendStaysTests {
    /// The header's words, read back from a PDF by `pdftotext` (poppler-utils).
    static func words(_ figure: RenderedFigure) throws -> String {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("f.pdf")
        try figure.data.write(to: pdf)
        let out = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", pdf.path, "-"]
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "pdftotext comes with poppler-utils")
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [(800, 450, 14.0), (640, 360, nil), (1280, 720, 22.0)])
    func theWishFactorIsStatedWhereverWishesAreDrawn(width: Int, height: Int, font: Double?)
        throws
    {
        let run = try Fixtures.run(hidden: [2], epochs: 100)
        var options = RenderOptions(width: width, height: height)
        options.focus = .worst
        options.fontSize = font
        let renderer = try FigureRenderer(run: run, options: options)
        let figure = try renderer.render(.frame, snapshot: 2, format: .pdf)
        let factor = try #require(figure.panels.compactMap(\.focus).first?.magnification)
        #expect(figure.panels.contains { $0.ghost != nil }, "wishes are drawn")
        let text = try Self.words(figure)
        #expect(text.contains("wish ×"), "\(text)")
        #expect(text.contains("label 1") && text.contains("label 0"), "\(text)")
        _ = factor
    }

    /// The words a figure wrote, as the canvas placed them.
    static func texts(
        _ kind: FigureKind, run: TrainingRun, options: RenderOptions
    ) throws -> (figure: RenderedFigure, texts: [LabelRecorder.Label]) {
        let (figure, labels) = try LabelLayout.render(kind, run: run, options: options)
        return (figure, labels.filter { $0.kind == .text })
    }

    /// With `fontSize: 14` at 800×450 the header's legend moves to a line of its own under the
    /// facts rather than vanish, even with no wish to state.
    @Test func aLargeFontMovesTheLegendToItsOwnLine() throws {
        let run = try Fixtures.run(hidden: [2], epochs: 100)
        var options = RenderOptions(width: 800, height: 450)
        options.fontSize = 14
        let (_, texts) = try Self.texts(.frame, run: run, options: options)
        let page = Page(.frame, options: options, hidden: [2], aspect: run.aspectForTests)
        let header = try #require(page.layout.header)
        let keys = texts.filter { $0.text == "label 1" || $0.text == "label 0" }
        #expect(keys.count == 2, "\(texts.map(\.text))")
        #expect(keys.allSatisfy { header.contains($0.box, tolerance: 0.5) })
        let facts = try #require(texts.first { $0.text.hasPrefix("epoch ") })
        #expect(keys.allSatisfy { $0.box.minY > facts.box.maxY }, "under the facts")
    }

    /// At 640×360 the units' vote shading keeps its key.
    @Test func theVoteKeyStaysAtTheSmallestSize() throws {
        let run = try Fixtures.run(hidden: [2], epochs: 100)
        var options = RenderOptions(width: 640, height: 360)
        options.hiddenShading = .vote
        options.focus = .worst
        let (_, texts) = try Self.texts(.frame, run: run, options: options)
        #expect(texts.contains { $0.text.contains("vote") && !$0.text.hasSuffix("…") })
        #expect(texts.contains { $0.text.contains("wish × ") && !$0.text.hasSuffix("…") })
    }

    /// The key of a frame's diagram is wrapped, never cut: every item of it is written whole.
    @Test func theDiagramsKeyInAFrameIsWhole() throws {
        let run = try Fixtures.run(hidden: [2], epochs: 100)
        for (w, h) in [(1280, 720), (960, 540)] {
            var options = RenderOptions(width: w, height: h)
            options.frameDiagram = true
            options.focus = .worst
            let (figure, texts) = try Self.texts(.frame, run: run, options: options)
            let diagram = try #require(figure.panels.first { $0.kind == .diagram })
            let area = Rect(
                x: diagram.rect[0], y: diagram.rect[1], width: diagram.rect[2],
                height: diagram.rect[3])
            let key = texts.filter {
                area.contains($0.box, tolerance: 0.5) && $0.text.contains("w ")
            }
            let written = key.map(\.text).joined(separator: " · ")
            #expect(!written.contains("…"), "\(written)")
            for item in ["blue w > 0", "red w < 0", "▲ Δw > 0", "▼ Δw < 0"] {
                #expect(written.contains(item), "\(w)×\(h): \(written)")
            }
        }
    }

    /// Without its header a print panel keeps its legend, in a strip of its own at the bottom.
    @Test func aPrintPanelWithoutItsHeaderKeepsItsLegend() throws {
        let run = try Fixtures.run(hidden: [2], epochs: 100)
        var options = RenderOptions(width: 800, height: 450)
        options.header = false
        options.focus = .worst
        for kind in [FigureKind.panel(.output), .panel(.hidden)] {
            let (figure, texts) = try Self.texts(kind, run: run, options: options)
            let words = texts.map(\.text)
            #expect(words.contains("label 1") && words.contains("label 0"), "\(kind): \(words)")
            #expect(words.contains { $0.contains("wish × ") }, "\(kind): \(words)")
            #expect(!words.contains { $0.hasPrefix("epoch ") }, "no header")
            let key = try #require(texts.first { $0.text == "label 1" })
            let plots = figure.panels.map { $0.rect[1] + $0.rect[3] }
            #expect(key.box.minY >= (plots.max() ?? 0), "\(kind): under the plots")
        }
    }

    /// `legend: false` leaves a print panel without its header bare, for a printed caption: no
    /// legend's words or marks, and the plots take the strip's room.
    @Test func legendFalseLeavesThePrintPanelBare() throws {
        let run = try Fixtures.run(hidden: [2], epochs: 100)
        var options = RenderOptions(width: 800, height: 450)
        options.header = false
        options.focus = .worst
        for kind in [FigureKind.panel(.output), .panel(.hidden)] {
            let (kept, keptLabels) = try LabelLayout.render(kind, run: run, options: options)
            var bare = options
            bare.legend = false
            let (figure, labels) = try LabelLayout.render(kind, run: run, options: bare)
            let words = labels.filter { $0.kind == .text }.map(\.text)
            #expect(!words.contains("label 1") && !words.contains("label 0"), "\(kind): \(words)")
            #expect(!words.contains { $0.contains("wish × ") }, "\(kind): \(words)")
            #expect(labels.count < keptLabels.count, "\(kind): the legend's marks are gone")
            // The strip's room is gone from under the plots (the page may be trimmed to them).
            let below = { (f: RenderedFigure) in
                Double(f.height) - (f.panels.map { $0.rect[1] + $0.rect[3] }.max() ?? 0)
            }
            #expect(below(figure) < below(kept), "\(kind): \(below(figure)) ≥ \(below(kept))")
        }
    }
}
