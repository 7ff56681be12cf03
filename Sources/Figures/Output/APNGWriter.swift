import Foundation
import Synchronization

/// How long one frame of an animation stays on screen: `numerator / denominator` seconds.
public struct FrameDelay: Sendable, Equatable {
    public var numerator: UInt16
    public var denominator: UInt16

    public init(numerator: UInt16, denominator: UInt16) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `frames` frame periods at `fps` frames a second: a hold costs one frame in the file.
    public init(frames: Int, fps: Int) throws {
        guard (1...Int(UInt16.max)).contains(fps), (1...Int(UInt16.max)).contains(frames) else {
            throw FiguresError.badAnimation(
                "A frame is shown for 1 to 65535 frame periods at 1 to 65535 frames a second; "
                    + "got \(frames) at \(fps).")
        }
        self.init(numerator: UInt16(frames), denominator: UInt16(fps))
    }

    /// The delay in seconds.
    public var seconds: Double { Double(numerator) / Double(denominator) }
}

/// Writes an animated PNG (APNG) from PNG files of one size, frame by frame, in order.
///
/// Each frame is encoded as an ordinary PNG (``PNGCodec``) and its compressed image data is moved
/// into the animation: the first frame's IDAT chunks stay as
/// they are (a viewer without APNG shows that frame), every later frame's data goes into one
/// `fdAT` chunk, and each frame gets an `fcTL` chunk with its delay. Chunks are numbered in
/// order and each carries its CRC-32. Bytes are handed to `output` as soon as they are known,
/// so memory holds one frame, however long the animation.
public struct APNGWriter: Sendable {
    /// The frames the animation will have, as its `acTL` chunk states.
    public let frameCount: Int
    private let loops: Int
    private let output: @Sendable (Data) throws -> Void
    private var header: [UInt8]?
    private var written = 0
    private var sequence: UInt32 = 0

    /// - Parameters:
    ///   - frameCount: how many frames will be appended (1 or more).
    ///   - loops: how many times viewers play it; 0 is for ever.
    ///   - output: receives the file's bytes in order.
    public init(
        frameCount: Int, loops: Int = 0, output: @escaping @Sendable (Data) throws -> Void
    ) throws {
        guard frameCount >= 1, frameCount <= Int(UInt32.max / 2), loops >= 0 else {
            throw FiguresError.badAnimation("An animation needs at least one frame.")
        }
        self.frameCount = frameCount
        self.loops = loops
        self.output = output
    }

    /// Appends a frame: a whole PNG file, 8-bit, not interlaced, the size of the first.
    public mutating func append(png: Data, delay: FrameDelay) throws {
        guard written < frameCount else {
            throw FiguresError.badAnimation(
                "The animation was declared with \(frameCount) frames; a frame more was given.")
        }
        guard delay.denominator > 0 else {
            throw FiguresError.badAnimation("A frame's delay needs a denominator above 0.")
        }
        let chunks = try PNGChunks.read(png)
        let bytes = [UInt8](png)
        guard let ihdr = chunks.first, ihdr.type == "IHDR", ihdr.data.count == 13 else {
            throw FiguresError.png("An animation frame's PNG does not start with its header.")
        }
        let frameHeader = Array(bytes[ihdr.data])
        var file = Data()
        if let header {
            guard header == frameHeader else {
                throw FiguresError.png(
                    "Every frame of an animation must have the first frame's size and colours.")
            }
        } else {
            guard frameHeader[12] == 0 else {
                throw FiguresError.png("An animation frame must not be interlaced.")
            }
            header = frameHeader
            file.append(contentsOf: PNGChunks.signature)
            PNGChunks.append("IHDR", frameHeader, to: &file)
            PNGChunks.append(
                "acTL",
                PNGChunks.bigEndian(UInt32(frameCount)) + PNGChunks.bigEndian(UInt32(loops)),
                to: &file)
            PNGChunks.append("tEXt", Array("Software\0Errorest".utf8), to: &file)
        }
        PNGChunks.append("fcTL", frameControl(header: frameHeader, delay: delay), to: &file)
        sequence += 1
        let data = chunks.filter { $0.type == "IDAT" }
        guard !data.isEmpty else {
            throw FiguresError.png("An animation frame's PNG has no image data.")
        }
        if written == 0 {
            for chunk in data {
                PNGChunks.append("IDAT", bytes[chunk.data], to: &file)
            }
        } else {
            let joined =
                data.count == 1 ? bytes[data[0].data] : ArraySlice(data.flatMap { bytes[$0.data] })
            PNGChunks.append("fdAT", joined, prefix: PNGChunks.bigEndian(sequence), to: &file)
            sequence += 1
        }
        written += 1
        if written == frameCount {
            PNGChunks.append("IEND", [], to: &file)
        }
        try output(file)
    }

    /// Checks that every declared frame was appended (the file is then complete).
    public func finish() throws {
        guard written == frameCount else {
            throw FiguresError.badAnimation(
                "The animation was declared with \(frameCount) frames but \(written) were given.")
        }
    }

    /// The 26 bytes of an `fcTL` chunk: the whole canvas, replaced (not blended) each frame.
    private func frameControl(header: [UInt8], delay: FrameDelay) -> [UInt8] {
        var bytes = PNGChunks.bigEndian(sequence)
        bytes += header[0..<8]  // width and height, as in IHDR
        bytes += PNGChunks.bigEndian(UInt32(0)) + PNGChunks.bigEndian(UInt32(0))  // x, y offset
        bytes += PNGChunks.bigEndian(delay.numerator) + PNGChunks.bigEndian(delay.denominator)
        bytes += [0, 0]  // dispose: none; blend: source
        return bytes
    }

    /// Assembles a whole animation in memory: for tests and small sequences.
    public static func assemble(_ frames: [(png: Data, delay: FrameDelay)], loops: Int = 0)
        throws -> Data
    {
        let file = Mutex(Data())
        var writer = try APNGWriter(frameCount: frames.count, loops: loops) { bytes in
            file.withLock { $0.append(bytes) }
        }
        for frame in frames {
            try writer.append(png: frame.png, delay: frame.delay)
        }
        try writer.finish()
        return file.withLock { $0 }
    }
}

/// The animated-PNG ``FrameSink``: each PNG frame goes into an ``APNGWriter`` with its delay.
public struct APNGSink: FrameSink, Sendable {
    private var writer: APNGWriter
    private let delays: [FrameDelay]
    private var index = 0
    /// The last frame taken, whose size and panels describe the animation.
    public private(set) var last: RenderedFigure?

    /// A sink for `delays.count` frames, the `k`th shown for `delays[k]`, written by `writer`
    /// (which may already hold a title card).
    public init(writer: APNGWriter, delays: [FrameDelay]) {
        self.writer = writer
        self.delays = delays
    }

    public mutating func append(_ frame: RenderedFigure) throws {
        guard frame.format == .png, index < delays.count else {
            throw FiguresError.badAnimation(
                "An animated PNG takes \(delays.count) PNG frames; frame \(index + 1) is not one.")
        }
        try writer.append(png: frame.data, delay: delays[index])
        index += 1
        last = frame
    }

    public mutating func finish() throws {
        try writer.finish()
    }
}
