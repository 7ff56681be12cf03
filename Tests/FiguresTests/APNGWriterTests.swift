import Backprop
import Foundation
import Testing

@testable import Figures

/// The animated PNG writer: chunks, numbering, checksums, delays, and an independent decoder.
@Suite struct APNGWriterTests {
    /// A `width × height` RGBA image whose every pixel is `(r, g, b, 255)`, encoded by libpng.
    static func frame(_ r: UInt8, _ g: UInt8, _ b: UInt8, width: Int = 7, height: Int = 5) throws
        -> Data
    {
        var rgba: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width { rgba += [r &+ UInt8(x), g &+ UInt8(y), b, 255] }
        }
        return try PNGCodec.encodeRGBA(rgba, width: width, height: height)
    }

    static let colours: [(UInt8, UInt8, UInt8)] = [(200, 10, 10), (10, 200, 10), (10, 10, 200)]

    static func animation(delays: [FrameDelay]) throws -> Data {
        let frames = try zip(colours, delays).map { colour, delay in
            (png: try frame(colour.0, colour.1, colour.2), delay: delay)
        }
        return try APNGWriter.assemble(frames)
    }

    @Test func chunksComeInTheOrderOfTheAPNGSpecificationWithConsecutiveSequenceNumbers() throws {
        let delays = [
            FrameDelay(numerator: 3, denominator: 12), FrameDelay(numerator: 1, denominator: 12),
            FrameDelay(numerator: 25, denominator: 12),
        ]
        let file = try Self.animation(delays: delays)
        let bytes = [UInt8](file)
        let chunks = try PNGChunks.read(file)  // checks every CRC
        #expect(
            chunks.map(\.type) == [
                "IHDR", "acTL", "tEXt", "fcTL", "IDAT", "fcTL", "fdAT", "fcTL", "fdAT", "IEND",
            ])
        let actl = chunks[1].data
        #expect(PNGChunks.bigEndian32(bytes, at: actl.lowerBound) == 3)  // frames
        #expect(PNGChunks.bigEndian32(bytes, at: actl.lowerBound + 4) == 0)  // loop for ever
        let numbered = chunks.filter { $0.type == "fcTL" || $0.type == "fdAT" }
        #expect(
            numbered.map { PNGChunks.bigEndian32(bytes, at: $0.data.lowerBound) } == [
                0, 1, 2, 3, 4,
            ])
        let controls = chunks.filter { $0.type == "fcTL" }
        for (control, delay) in zip(controls, delays) {
            let d = control.data.lowerBound
            #expect(control.data.count == 26)
            #expect(PNGChunks.bigEndian32(bytes, at: d + 4) == 7)  // width
            #expect(PNGChunks.bigEndian32(bytes, at: d + 8) == 5)  // height
            #expect(UInt16(bytes[d + 20]) << 8 | UInt16(bytes[d + 21]) == delay.numerator)
            #expect(UInt16(bytes[d + 22]) << 8 | UInt16(bytes[d + 23]) == delay.denominator)
        }
    }

    @Test func aViewerWithoutAPNGSeesTheFirstFrame() throws {
        let file = try Self.animation(
            delays: Array(repeating: FrameDelay(numerator: 1, denominator: 10), count: 3))
        let first = try PNGCodec.decode(file)
        let expected = try PNGCodec.decode(try Self.frame(200, 10, 10))
        #expect(first == expected)
    }

    @Test(
        .enabled(
            if: Decoders.hasPillow || Decoders.inCI,
            "needs python3 with Pillow (pip install pillow)"))
    func pillowReadsEveryFramesPixelsAndDelay() throws {
        let delays = [
            FrameDelay(numerator: 13, denominator: 12), FrameDelay(numerator: 1, denominator: 12),
            FrameDelay(numerator: 37, denominator: 12),
        ]
        let file = try Self.animation(delays: delays)
        let report = try Decoders.pillow(file)
        #expect(report.count == 3)
        for (k, frame) in report.enumerated() {
            let colour = Self.colours[k]
            let expected = try PNGCodec.decode(try Self.frame(colour.0, colour.1, colour.2))
            #expect(frame.size == [7, 5])
            #expect(
                frame.pixels
                    == expected.rgba.enumerated().filter { $0.offset % 4 != 3 }.map {
                        Int($0.element)
                    })
            #expect(abs(frame.duration - 1000 * delays[k].seconds) < 0.01)
        }
    }

    @Test func framesOfAnotherSizeCountOrShapeAreRefused() throws {
        let small = try Self.frame(1, 2, 3)
        let large = try Self.frame(1, 2, 3, width: 8)
        let delay = FrameDelay(numerator: 1, denominator: 12)
        #expect(throws: FiguresError.self) {
            try APNGWriter.assemble([(small, delay), (large, delay)])
        }
        var writer = try APNGWriter(frameCount: 1) { _ in }
        try writer.append(png: small, delay: delay)
        #expect(throws: FiguresError.self) { try writer.append(png: small, delay: delay) }
        let short = try APNGWriter(frameCount: 2) { _ in }
        #expect(throws: FiguresError.self) { try short.finish() }
        var damaged = [UInt8](small)
        damaged[20] ^= 0xFF  // inside IHDR: its CRC no longer matches
        var other = try APNGWriter(frameCount: 1) { _ in }
        #expect(throws: FiguresError.self) { try other.append(png: Data(damaged), delay: delay) }
        #expect(throws: FiguresError.self) {
            try other.append(png: Data("not a png".utf8), delay: delay)
        }
        #expect(throws: FiguresError.self) { try APNGWriter(frameCount: 0) { _ in } }
    }

    @Test func holdsLengthenOneFrameAndTheTitleCardIsWholeFramePeriods() throws {
        let options = AnimationOptions(fps: 12, holdFirst: 1, holdLast: 2.5, title: 2)
        let delays = try options.delays(count: 4)
        #expect(delays.map(\.numerator) == [13, 1, 1, 31])
        #expect(delays.allSatisfy { $0.denominator == 12 })
        #expect(try options.titleDelay() == FrameDelay(numerator: 24, denominator: 12))
        #expect(try AnimationOptions(title: 0).titleDelay() == nil)
        #expect(
            try AnimationOptions(holdFirst: 1, holdLast: 1).delays(count: 1).map(\.numerator) == [
                25
            ])
        #expect(throws: FiguresError.self) { try AnimationOptions(fps: 0).validate() }
        #expect(throws: FiguresError.self) { try AnimationOptions(holdLast: .nan).validate() }
        #expect(throws: FiguresError.self) { try AnimationOptions(title: 61).validate() }
    }

    @Test func theTitleCardNamesTheRunItsDataNetworkAndLearningRate() throws {
        let run = try Fixtures.run(hidden: [2], name: "wedge-demo")
        let card = TitleCard(run: run)
        #expect(card.title == "wedge-demo")
        #expect(card.lines.contains { $0.hasPrefix("\(run.data.count) points") })
        #expect(card.lines.contains { $0.contains("2 – 2 – 1 network, sigmoid") })
        #expect(
            card.lines.contains {
                $0.contains("η = \(String(format: "%g", run.training.learningRate))")
            })
        let png = try card.renderPNG(options: RenderOptions(width: 320, height: 180))
        let image = try PNGCodec.decode(png)
        #expect(image.width == 320 && image.height == 180)
        // Some pixels are text, darker than the background.
        #expect(image.rgba.enumerated().contains { $0.offset % 4 == 0 && $0.element < 128 })
    }
}

/// Independent decoders, run as other processes.
enum Decoders {
    struct PillowFrame: Decodable {
        var size: [Int]
        var duration: Double
        var pixels: [Int]
    }

    /// In CI (`CI=true`) the tools are installed by `.ci/run`, so a test that needs one runs and
    /// fails rather than being skipped when it is missing.
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let hasPillow: Bool = run(["python3", "-c", "import PIL"], input: nil)?.status == 0

    /// Every frame of an animated PNG as Pillow decodes it: size, duration (ms), RGB pixels.
    static func pillow(_ file: Data) throws -> [PillowFrame] {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("apng-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.png")
        try file.write(to: path)
        let script = """
            import json, sys
            from PIL import Image
            im = Image.open(sys.argv[1])
            frames = []
            for k in range(im.n_frames):
                im.seek(k)
                rgb = im.convert("RGB")
                frames.append({"size": list(rgb.size), "duration": im.info["duration"],
                               "pixels": list(rgb.tobytes())})
            print(json.dumps(frames))
            """
        let result = try #require(run(["python3", "-c", script, path.path], input: nil))
        #expect(result.status == 0)
        return try JSONDecoder().decode([PillowFrame].self, from: result.stdout)
    }

    static func run(_ arguments: [String], input: Data?) -> (status: Int32, stdout: Data)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}

extension APNGWriterTests {
    @Test func anAnimatedFormatIsNotAFigureOfOneSnapshot() throws {
        let run = try Fixtures.run(hidden: [2])
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 64, height: 48))
        for format in [FileFormat.apng, .mp4, .gif] {
            #expect(throws: FiguresError.self) {
                try renderer.render(.frame, snapshot: 0, format: format)
            }
        }
    }

    @Test func theSinkTakesPNGFramesInOrderWithTheirDelays() throws {
        let run = try Fixtures.run(hidden: [2])
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 64, height: 48))
        let delays = try AnimationOptions(fps: 4, holdFirst: 0, holdLast: 1).delays(count: 3)
        let file = Locked(Data())
        let writer = try APNGWriter(frameCount: 3) { bytes in file.withLock { $0.append(bytes) } }
        let sequence = FrameSequence(APNGSink(writer: writer, delays: delays))
        let figures = try (0..<3).map { try renderer.render(.frame, snapshot: $0, format: .png) }
        for k in [2, 0, 1] { try sequence.deliver(figures[k], at: k) }  // out of order
        let sink = try sequence.finish(count: 3)
        #expect(sink.last?.epoch == figures[2].epoch)
        let ordered = try APNGWriter.assemble(Array(zip(figures.map(\.data), delays)))
        #expect(file.withLock { $0 } == ordered)
        #expect(try PNGCodec.decode(ordered) == PNGCodec.decode(figures[0].data))
    }
}

/// A value shared with an `@Sendable` closure in a test.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
