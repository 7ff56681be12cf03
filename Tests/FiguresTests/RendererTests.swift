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
        #expect(figure.kind == .frame && figure.format == .png)
        #expect(figure.panels.map(\.kind) == [.hidden, .hidden, .output, .error])
        #expect(figure.panels.map(\.layer) == [1, 1, nil, nil])
        #expect(figure.panels.map(\.unit) == [1, 2, nil, nil])
    }

    @Test(arguments: [FileFormat.pdf, .svg])
    func vectorFormatsComeFromCairoStreams(format: FileFormat) throws {
        let run = try Fixtures.run(hidden: [2])
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 320, height: 180))
        let figure = try renderer.render(.frame, snapshot: 1, format: format)
        let head = String(decoding: figure.data.prefix(64), as: UTF8.self)
        #expect(head.hasPrefix(format == .pdf ? "%PDF" : "<?xml"))
        if format == .svg {
            #expect(String(decoding: figure.data, as: UTF8.self).contains("<svg"))
        }
        #expect(figure.data.count > 1000)
    }

    @Test func pngTextChunksNameTheFigure() throws {
        let run = try Fixtures.run(hidden: [2], name: "lesson")
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 64, height: 48))
        let figure = try renderer.render(.panel(.output), snapshot: 2, format: .png)
        let chunks = textChunks(figure.data)
        #expect(chunks["Software"] == "Errorest")
        #expect(chunks["Title"] == "lesson: output at epoch 300")
        #expect(chunks["Epoch"] == "300")
        #expect(chunks["Error"].flatMap(Double.init) == run.snapshots[2].error)
    }

    @Test func compressionChangesSizeNotPixels() throws {
        let run = try Fixtures.run(hidden: [2])
        var options = RenderOptions(width: 200, height: 120)
        options.pngCompression = 0
        let stored = try FigureRenderer(run: run, options: options).render(
            .frame, snapshot: 2, format: .png)
        options.pngCompression = 9
        let small = try FigureRenderer(run: run, options: options).render(
            .frame, snapshot: 2, format: .png)
        #expect(stored.data.count > 2 * small.data.count)
        #expect(try PNGCodec.decode(stored.data) == PNGCodec.decode(small.data))
    }

    @Test(arguments: FileFormat.allCases.filter { !$0.isAnimation })
    func sameInputGivesIdenticalBytes(format: FileFormat) throws {
        let run = try Fixtures.run(hidden: [3, 2])
        let options = RenderOptions(width: 240, height: 135)
        let a = try FigureRenderer(run: run, options: options).render(
            .frame, snapshot: 1, format: format)
        let b = try FigureRenderer(run: run, options: options).render(
            .frame, snapshot: 1, format: format)
        #expect(a.data == b.data)
        #expect(a.panels == b.panels)
    }

    @Test func snapshotsInAnyOrderGiveTheBytesOfAFreshRenderer() throws {
        // The renderer's shared images (such as the error panel's backdrop) must not depend on
        // which snapshot was drawn first.
        let run = try Fixtures.run(hidden: [2])
        let options = RenderOptions(width: 240, height: 135)
        let shared = try FigureRenderer(run: run, options: options)
        for k in [2, 0, 1] {
            for kind in [FigureKind.frame, .panel(.error)] {
                let fresh = try FigureRenderer(run: run, options: options).render(
                    kind, snapshot: k, format: .png)
                #expect(try shared.render(kind, snapshot: k, format: .png).data == fresh.data)
            }
        }
    }

    @Test func rendersFromManyThreadsAtOnce() async throws {
        let run = try Fixtures.run(hidden: [4])
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 160, height: 90))
        let expected = try (0..<3).map {
            try renderer.render(.frame, snapshot: $0, format: .png).data
        }
        let results = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for k in 0..<12 {
                group.addTask {
                    (k % 3, try renderer.render(.frame, snapshot: k % 3, format: .png).data)
                }
            }
            var all: [(Int, Data)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 12)
        for (index, data) in results { #expect(data == expected[index]) }
    }

    @Test(arguments: [(15, 720), (1280, 15), (16385, 16), (0, 0), (-4, 100)])
    func sizesOutsideTheRangeAreRefused(width: Int, height: Int) throws {
        let run = try Fixtures.run(hidden: [2])
        let options = RenderOptions(width: width, height: height)
        let error = #expect(throws: FiguresError.self) {
            try FigureRenderer(run: run, options: options)
        }
        #expect(
            error
                == .outOfRange(
                    .size, value: "\(width)x\(height)",
                    rule: "each side must be 16 to 16384 pixels"))
        #expect(error?.isUsageError == true)
        #expect(
            error?.description
                == "The figure size is \(width)x\(height); each side must be 16 to 16384 pixels."
        )
    }

    @Test func extremeButAllowedSizesRender() throws {
        let run = try Fixtures.run(hidden: [3, 2])
        for (w, h) in [(16, 16), (16, 400), (600, 16), (2000, 16)] {
            let renderer = try FigureRenderer(run: run, options: RenderOptions(width: w, height: h))
            for kind in FigureKind.allCases {
                let figure = try renderer.render(kind, snapshot: 2, format: .png)
                let image = try PNGCodec.decode(figure.data)
                #expect(image.width == figure.width && image.height == figure.height)
                // A panel on its own is on a page of its own size, never larger than asked.
                if kind.isPrintPanel {
                    #expect(figure.width <= w && figure.height <= h)
                    #expect(figure.width >= 16 && figure.height >= 16)
                } else {
                    #expect(image.width == w && image.height == h)
                }
            }
        }
    }

    @Test func badCompressionIsRefused() throws {
        var options = RenderOptions()
        options.pngCompression = 10
        let error = #expect(throws: FiguresError.self) { try options.validate() }
        #expect(error == .outOfRange(.pngCompression, value: "10", rule: "it must be 0 to 9"))
        #expect(error?.description == "The PNG compression level is 10; it must be 0 to 9.")
    }

    @Test func missingSnapshotIsNamed() throws {
        let run = try Fixtures.run(hidden: [2])
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 64, height: 64))
        let error = #expect(throws: FiguresError.self) {
            try renderer.render(.frame, snapshot: 3, format: .png)
        }
        #expect(error == .noSuchSnapshot(index: 3, count: 3))
        #expect(
            error?.description
                == "Snapshot 3 does not exist; the run has 3 snapshots, numbered 0 to 2.")
        #expect(throws: FiguresError.noSuchSnapshot(index: -1, count: 3)) {
            try renderer.raster(.frame, snapshot: -1)
        }
    }

    @Test func inconsistentRunIsRefused() throws {
        var run = try Fixtures.run(hidden: [2], name: "broken")
        run.snapshots[1].layers[0].weights[0] = [1]  // one weight for two inputs
        let error = #expect(throws: FiguresError.self) {
            try FigureRenderer(run: run, options: RenderOptions())
        }
        #expect(error?.isUsageError == true)
        #expect(error?.description.hasPrefix("The run \"broken\" cannot be drawn: ") == true)
    }

    @Test func encodeFailuresAreNotUsageErrors() {
        #expect(!FiguresError.png("libpng reported an error: x.").isUsageError)
        #expect(!FiguresError.cairo(status: "out of memory", during: "drawing").isUsageError)
        #expect(
            FiguresError.cairo(status: "out of memory", during: "creating a 10×10 image")
                .description
                == "Cairo failed while creating a 10×10 image: out of memory.")
    }

    @Test func decodingGarbageThrowsAMessage() {
        let error = #expect(throws: FiguresError.self) {
            try PNGCodec.decode(Data("not a png".utf8))
        }
        #expect(error?.description.hasPrefix("libpng could not read the PNG") == true)
    }

    @Test func perceptronHiddenFigureSaysWhyItIsEmpty() throws {
        let run = try Fixtures.run(.gauss, hidden: [])
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 320, height: 180))
        let figure = try renderer.render(.panel(.hidden), snapshot: 2, format: .png)
        #expect(figure.panels.isEmpty)
        let frame = try renderer.render(.frame, snapshot: 2, format: .png)
        #expect(frame.panels.map(\.kind) == [.output, .error])
    }

    /// The tEXt chunks of a PNG, keyword to text.
    func textChunks(_ data: Data) -> [String: String] {
        let bytes = [UInt8](data)
        var chunks: [String: String] = [:]
        var k = 8
        while k + 8 <= bytes.count {
            let length = bytes[k..<k + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[k + 4..<k + 8], as: UTF8.self)
            let body = Array(bytes[k + 8..<min(bytes.count, k + 8 + length)])
            if type == "tEXt", let zero = body.firstIndex(of: 0) {
                chunks[String(decoding: body[..<zero], as: UTF8.self)] = String(
                    decoding: body[(zero + 1)...], as: UTF8.self)
            }
            k += 12 + length
        }
        return chunks
    }
}

@Suite struct PanelInfoTests {
    @Test func missingLayerAndUnitAreWrittenAsNull() throws {
        let info = PanelInfo(
            kind: .output, layer: nil, unit: nil, rect: [1, 2, 3, 4], domain: [[0, 1], [-1, 1]])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(info), as: UTF8.self)
        #expect(
            text
                == #"{"domain":[[0,1],[-1,1]],"kind":"output","layer":null,"rect":[1,2,3,4],"unit":null}"#
        )
        #expect(try JSONDecoder().decode(PanelInfo.self, from: Data(text.utf8)) == info)
    }

    @Test func formatRawValuesAreFileExtensions() {
        #expect(
            FileFormat.allCases.map(\.rawValue) == [
                "png", "pdf", "svg", "apng", "mp4", "gif", "html",
            ])
        #expect(
            FileFormat.allCases.map(\.fileExtension)
                == ["png", "pdf", "svg", "png", "mp4", "gif", "html"])
        #expect(FileFormat.allCases.filter(\.isAnimation) == [.apng, .mp4, .gif, .html])
        #expect(FileFormat.allCases.filter(\.isMovie) == [.apng, .mp4, .gif])
        // The figures users know keep their names and order; a new panel kind comes after.
        #expect(
            FigureKind.allCases.map(\.rawValue).prefix(9) == [
                "frame", "hidden", "output", "error", "surface", "mountain", "hiddenSpace",
                "diagram", "step",
            ])
        #expect(PaletteName.allCases.map(\.rawValue) == ["lesson", "colorblind"])
    }

    @Test func hiddenPanelsLocateTheirUnitFromOne() throws {
        let run = try Fixtures.run(.circle, hidden: [3, 2])
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 640, height: 360))
        let figure = try renderer.render(.panel(.hidden), snapshot: 2, format: .png)
        let ids = figure.panels.map { [$0.layer ?? 0, $0.unit ?? 0] }
        #expect(ids == [[1, 1], [1, 2], [1, 3], [2, 1], [2, 2]])
        #expect(
            figure.panels.allSatisfy {
                $0.domain == [
                    [run.domain.x1.lowerBound, run.domain.x1.upperBound],
                    [run.domain.x2.lowerBound, run.domain.x2.upperBound],
                ]
            })
    }
}
