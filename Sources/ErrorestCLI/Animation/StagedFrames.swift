import Figures
import Foundation

/// A ``FrameSink`` that keeps the last frame it took, whose size and panels describe the file.
protocol DescribedFrameSink: FrameSink, Sendable {
    /// The last frame taken; nil before the first.
    var last: RenderedFigure? { get }
}

extension APNGSink: DescribedFrameSink {}
extension PageSink: DescribedFrameSink {}

/// One figure's frames written in frame order into a file staged in the output folder, whatever
/// the drawing threads (Figures' ``FrameSequence``): what an animation and a page share.
final class StagedFrames<Sink: DescribedFrameSink>: Sendable {
    /// The epoch of each frame, in order.
    let epochs: [Double]
    private let file: StagedFile
    private let sequence: FrameSequence<Sink>
    /// What the file is, for the message when it has no frames ("The page of frame").
    private let name: String

    init(file: StagedFile, epochs: [Double], sink: Sink, name: String) {
        self.file = file
        self.epochs = epochs
        self.name = name
        sequence = FrameSequence(sink)
    }

    /// Takes frame `index` (counted from 0 among the snapshot frames).
    func add(frame index: Int, figure: RenderedFigure) throws {
        try sequence.deliver(figure, at: index)
    }

    /// Closes the file once every frame is in; returns the last frame, which describes it.
    func finish() throws -> RenderedFigure {
        let sink = try sequence.finish(count: epochs.count)
        try file.finish()
        guard let last = sink.last else {
            throw ErrorestError.writeFailed("\(name) has no frames.")
        }
        return last
    }
}
