import Synchronization

/// Receives the frames of an animation one at a time, in frame order: the seam for outputs
/// made of many frames, such as an animated PNG or a video.
public protocol FrameSink {
    /// Takes the next frame.
    mutating func append(_ frame: RenderedFigure) throws
    /// Called once, after the last frame.
    mutating func finish() throws
}

/// Hands frames drawn on many threads to a ``FrameSink`` in frame order, holding each frame
/// that comes early until the ones before it have been handed on.
public final class FrameSequence<Sink: FrameSink & Sendable>: Sendable {
    private struct State: Sendable {
        var sink: Sink
        var next = 0
        var waiting: [Int: RenderedFigure] = [:]
    }
    private let state: Mutex<State>

    public init(_ sink: Sink) {
        state = Mutex(State(sink: sink))
    }

    /// Gives frame `index` (counted from 0); it and any frames it was holding up go to the sink.
    public func deliver(_ frame: RenderedFigure, at index: Int) throws {
        try state.withLock { state in
            state.waiting[index] = frame
            while let ready = state.waiting.removeValue(forKey: state.next) {
                try state.sink.append(ready)
                state.next += 1
            }
        }
    }

    /// Finishes the sink once every frame up to `count` has been delivered; returns it.
    public func finish(count: Int) throws -> Sink {
        try state.withLock { state in
            guard state.next == count, state.waiting.isEmpty else {
                throw FiguresError.incompleteSequence(missing: state.next, count: count)
            }
            try state.sink.finish()
            return state.sink
        }
    }
}
