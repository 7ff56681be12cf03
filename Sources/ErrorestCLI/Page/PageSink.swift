import Backprop
import Figures
import Foundation

/// The lesson page's ``FrameSink``: each PNG frame, as the renderer drew it, goes into the page
/// as it arrives; the numbers and the script follow the last one.
///
/// The page is read as windows-1252, one character per byte, so a frame sits in the page as
/// its own bytes inside a `<script type="application/x-errorest-png">` element: a key byte
/// first, then each byte XOR the key, with only four values escaped (NUL, CR and `<`, which
/// HTML would change or end the element at, and the escape byte itself: each becomes ESC
/// followed by the value XOR 0x40). The key is the one that leaves the fewest values to escape
/// in that frame (PNG streams are rich in NUL bytes: the lesson's frames escape 1.2% of their
/// bytes, not 3.2% as without a key). The page is then about 1.01 times its frames, where
/// base64 would make it 1.34 times; the script turns the text back into the same bytes.
struct PageSink: FrameSink, Sendable {
    /// The escape byte.
    static let escape: UInt8 = 0x1B
    private let file: StagedFile
    private let data: PageData
    private let snapshots: [Int]
    private var frames: [PageData.Frame] = []
    /// The last frame taken, whose size and panels describe the page.
    private(set) var last: RenderedFigure?

    /// Starts the page in `file`: its head and controls, before any frame.
    init(file: StagedFile, data: PageData, snapshots: [Int]) throws {
        self.file = file
        self.data = data
        self.snapshots = snapshots
        try file.append(Data(PageTemplate.head(title: data.run.name).utf8))
    }

    mutating func append(_ frame: RenderedFigure) throws {
        guard frame.format == .png, frames.count < snapshots.count else {
            throw FiguresError.badAnimation(
                "A page takes \(snapshots.count) PNG frames; frame \(frames.count + 1) is not one.")
        }
        let open = "<script type=\"application/x-errorest-png\" id=\"f\(frames.count)\">"
        var bytes = Data(open.utf8)
        bytes.append(PageSink.escaped(frame.data))
        bytes.append(contentsOf: Array("</script>\n".utf8))
        if frames.isEmpty {
            let alt = PageAlt.text(run: data.run, snapshot: snapshots[0])
            bytes.append(
                contentsOf: Array(
                    PageTemplate.first(width: frame.width, height: frame.height, alt: alt).utf8))
        }
        try file.append(bytes)
        frames.append(
            PageData.Frame(
                snapshot: snapshots[frames.count], width: frame.width, height: frame.height,
                panels: frame.panels))
        last = frame
    }

    mutating func finish() throws {
        let json = data.json(frames: frames)
        try file.append(Data(PageTemplate.tail(json: json).utf8))
    }

    /// The values a frame's text may not hold as they are.
    private static let unsafe: [UInt8] = [0x00, 0x0D, 0x3C, escape]
    /// Whether each of the 256 values is unsafe: one look-up a byte in the frame's loop.
    private static let isUnsafe: [Bool] = (0...255).map { unsafe.contains(UInt8($0)) }

    /// The key for `bytes`: of the values that are not unsafe themselves, the one that leaves
    /// the fewest bytes to escape (the smallest on ties).
    static func key(for bytes: Data) -> UInt8 {
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        var best: (key: UInt8, escapes: Int) = (0x01, Int.max)
        for key in UInt8.min...UInt8.max where !isUnsafe[Int(key)] {
            let escapes = unsafe.reduce(0) { $0 + counts[Int($1 ^ key)] }
            if escapes < best.escapes { best = (key, escapes) }
        }
        return best.key
    }

    /// `bytes` as a frame's text: the key, then each byte XOR the key, where NUL, CR, `<` and
    /// ESC are written as ESC, the value XOR 0x40.
    static func escaped(_ bytes: Data) -> Data {
        let key = key(for: bytes)
        var out = Data(capacity: bytes.count + bytes.count / 50 + 1)
        out.append(key)
        for byte in bytes {
            let value = byte ^ key
            if isUnsafe[Int(value)] {
                out.append(escape)
                out.append(value ^ 0x40)
            } else {
                out.append(value)
            }
        }
        return out
    }

    /// The bytes `escaped(_:)` was given.
    static func unescaped(_ text: Data) -> Data {
        guard let key = text.first else { return Data() }
        var out = Data(capacity: text.count)
        var pending = false
        for byte in text.dropFirst() {
            if pending {
                out.append(byte ^ 0x40 ^ key)
                pending = false
            } else if byte == escape {
                pending = true
            } else {
                out.append(byte ^ key)
            }
        }
        return out
    }
}
