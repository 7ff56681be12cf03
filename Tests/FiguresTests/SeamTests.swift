import Backprop
import Foundation
import Synchronization
import Testing

@testable import Figures

/// The places new figures and outputs grow from: panels placed by the layout and drawn by kind,
/// encoders, and frame sequences.
@Suite struct SeamTests {
    /// Collects what it is given, in order.
    final class Collector: FrameSink, Sendable {
        let epochs = Mutex<[Int]>([])
        let finished = Mutex(false)
        func append(_ frame: RenderedFigure) throws { epochs.withLock { $0.append(frame.epoch) } }
        func finish() throws { finished.withLock { $0 = true } }
    }

    static func frame(epoch: Int) -> RenderedFigure {
        RenderedFigure(
            kind: .frame, format: .png, width: 1, height: 1, epoch: epoch, data: Data(),
            panels: [])
    }

    @Test func framesReachTheSinkInOrderWhateverOrderTheyAreDrawnIn() throws {
        let sink = Collector()
        let sequence = FrameSequence(sink)
        for index in [2, 0, 3, 1, 5, 4] {
            try sequence.deliver(Self.frame(epoch: 10 * index), at: index)
            // Nothing is handed on before every frame ahead of it.
            let delivered = sink.epochs.withLock { $0 }
            #expect(delivered == (0..<delivered.count).map { 10 * $0 })
        }
        _ = try sequence.finish(count: 6)
        #expect(sink.epochs.withLock { $0 } == [0, 10, 20, 30, 40, 50])
        #expect(sink.finished.withLock { $0 })
    }

    @Test func aSequenceWithAFrameMissingDoesNotFinish() throws {
        let sink = Collector()
        let sequence = FrameSequence(sink)
        try sequence.deliver(Self.frame(epoch: 0), at: 0)
        try sequence.deliver(Self.frame(epoch: 2), at: 2)
        #expect(throws: FiguresError.incompleteSequence(missing: 1, count: 3)) {
            _ = try sequence.finish(count: 3)
        }
        #expect(!sink.finished.withLock { $0 })
    }

    @Test func layoutsPlaceEachFiguresPanelsInDrawingOrder() {
        let style = Style(width: 1280, height: 720)
        func kinds(_ figure: FigureKind, _ hidden: [Int]) -> [PanelKind] {
            FigureLayout(figure, width: 1280, height: 720, hidden: hidden, aspect: 1, style: style)
                .panels.map(\.kind)
        }
        #expect(kinds(.frame, [2]) == [.hidden, .hidden, .output, .error])
        #expect(kinds(.frame, []) == [.output, .error])
        #expect(kinds(.panel(.hidden), [3, 2]) == Array(repeating: .hidden, count: 5))
        #expect(kinds(.panel(.output), [2]) == [.output])
        #expect(kinds(.panel(.error), [2]) == [.error])
        let hidden = FigureLayout(
            .panel(.hidden), width: 1280, height: 720, hidden: [3, 2], aspect: 1, style: style
        ).panels
        #expect(hidden.map(\.layer) == [0, 0, 0, 1, 1] && hidden.map(\.unit) == [0, 1, 2, 0, 1])
    }

    @Test func everyFormatHasAnEncoderAndTheManifestKindIsThePanelKind() throws {
        let options = RenderOptions(width: 64, height: 48)
        #expect(FileFormat.png.encoder(options) is PNGEncoder)
        #expect((FileFormat.pdf.encoder(options) as? VectorEncoder)?.format == .pdf)
        #expect((FileFormat.svg.encoder(options) as? VectorEncoder)?.format == .svg)
        for kind in PanelKind.allCases {
            let info = PanelInfo(kind: kind, layer: nil, unit: nil, rect: [], domain: [])
            let json = String(decoding: try JSONEncoder().encode(info), as: UTF8.self)
            #expect(json.contains("\"kind\":\"\(kind.rawValue)\""))
        }
    }

    /// The fast locating grid finds the same boundary as the exact grid: the same curves
    /// through the same points, refined on exact values, within a millionth of a pixel.
    @Test(arguments: [([4], Activation.sigmoid), ([3], .tanh), ([3, 2], .sigmoid), ([4], .relu)])
    func boundariesFromTheLocatingGridAreTheExactOnes(hidden: [Int], activation: Activation)
        throws
    {
        let run = try Fixtures.run(.xor, hidden: hidden, activation: activation, epochs: 300)
        var compared = 0
        for snapshot in run.snapshots {
            let model = ModelEvaluator(layers: snapshot.layers, activation: activation)
            let viewport = Viewport(
                domain: run.domain, rect: Rect(x: 10, y: 20, width: 301, height: 257))
            for coarser in [1.0, 3.0] {
                func curves(_ sampling: PlanePanel.Sampling) -> [Polyline] {
                    let field = PlanePanel.sample(
                        .output, model: model, viewport: viewport, coarser: coarser,
                        sampling: sampling)
                    return MarchingSquares.contours(field, level: 0) { p in
                        let x = viewport.data(p)
                        return model.preactivation(.output, x.x1, x.x2)
                    }
                }
                let (exact, fast) = (curves(.exact), curves(.locating))
                #expect(exact.count == fast.count)
                for (e, f) in zip(exact, fast) {
                    #expect(e.closed == f.closed && e.points.count == f.points.count)
                    for (p, q) in zip(e.points, f.points) {
                        #expect(abs(p.x - q.x) < 1e-6 && abs(p.y - q.y) < 1e-6, "\(p) \(q)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 100)
    }

    /// A level curve's crossings refined together, four to a vector of the exact forward pass,
    /// are bit for bit those refined one at a time: the same curves through the same points.
    @Test(arguments: [([4], Activation.sigmoid), ([3], .tanh), ([3, 2], .sigmoid), ([4], .relu)])
    func crossingsRefinedTogetherAreThoseRefinedOneAtATime(
        hidden: [Int], activation: Activation
    ) throws {
        let run = try Fixtures.run(.xor, hidden: hidden, activation: activation, epochs: 300)
        var compared = 0
        for snapshot in run.snapshots {
            let model = ModelEvaluator(layers: snapshot.layers, activation: activation)
            let viewport = Viewport(
                domain: run.domain, rect: Rect(x: 10, y: 20, width: 301, height: 257))
            let deeper: [ModelValue] = hidden.count > 1 ? [.unit(layer: 1, unit: 0)] : []
            for target in [ModelValue.output] + deeper {
                let field = PlanePanel.sample(
                    target, model: model, viewport: viewport, sampling: .locating)
                let exact = { (p: PixelPoint) -> Double in
                    let x = viewport.data(p)
                    return model.preactivation(target, x.x1, x.x2)
                }
                let one = MarchingSquares.contours(field, level: 0, exact: exact)
                let together = MarchingSquares.contours(
                    field, level: 0, exact: exact,
                    exactMany: { model.preactivations(target, at: $0.map(viewport.data)) })
                #expect(one == together)
                compared += one.reduce(0) { $0 + $1.points.count }
            }
        }
        #expect(compared > 100)
    }
}
