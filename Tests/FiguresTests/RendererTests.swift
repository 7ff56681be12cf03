import Backprop
import Foundation
import Testing

@testable import Figures

@Suite struct RendererTests {
    @Test func framePNGIsARealPNGOfTheAskedSize() throws {
        let run = try Fixtures.run(hidden: [2])
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 320, height: 180))
        let figure = try renderer.render(.frame, snapshot: 2, format: .png)
        #expect(figure.data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let image = try PNGCodec.decode(figure.data)
        #expect(image.width == 320 && image.height == 180)
        #expect(figure.epoch == run.snapshots[2].epoch)
        #expect(figure.panels.map(\.kind) == ["hidden", "hidden", "output", "error"])
    }

    @Test(arguments: [FileFormat.pdf, .svg])
    func vectorFormatsComeFromCairoStreams(format: FileFormat) throws {
        let run = try Fixtures.run(hidden: [2])
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 320, height: 180))
        let figure = try renderer.render(.frame, snapshot: 1, format: format)
        let head = String(decoding: figure.data.prefix(64), as: UTF8.self)
        #expect(head.contains(format == .pdf ? "%PDF" : "<svg") || head.contains("<?xml"))
        #expect(figure.data.count > 1000)
    }
}
