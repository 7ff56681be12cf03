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
}
