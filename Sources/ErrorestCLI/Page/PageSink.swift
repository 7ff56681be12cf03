import Backprop
import Figures
import Foundation

/// The lesson page's ``FrameSink``: each PNG frame, as the renderer drew it, goes into the page
/// as it arrives; the numbers and the script follow the last one.
///
/// The page is read as windows-1252, one character per byte, so a frame sits in the page as
/// its own bytes inside a `<script type="application/x-errorest-png">` element, with only four
/// byte values escaped (NUL, CR and `<`, which HTML would change or end the element at, and the
/// escape byte itself: each becomes ESC followed by the byte XOR 0x40). The page is then about
/// 1.02 times its frames, where base64 would make it 1.34 times; the script turns the text back
/// into the same bytes.
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

    /// `bytes` with NUL, CR, `<` and ESC each written as ESC, byte XOR 0x40.
    static func escaped(_ bytes: Data) -> Data {
        var out = Data(capacity: bytes.count + bytes.count / 50)
        for byte in bytes {
            switch byte {
            case 0x00, 0x0D, 0x3C, escape:
                out.append(escape)
                out.append(byte ^ 0x40)
            default:
                out.append(byte)
            }
        }
        return out
    }

    /// The bytes `escaped(_:)` was given.
    static func unescaped(_ text: Data) -> Data {
        var out = Data(capacity: text.count)
        var pending = false
        for byte in text {
            if pending {
                out.append(byte ^ 0x40)
                pending = false
            } else if byte == escape {
                pending = true
            } else {
                out.append(byte)
            }
        }
        return out
    }
}
