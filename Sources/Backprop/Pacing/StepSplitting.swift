import Foundation

/// Frames part-way through one epoch, for the single epochs that change the picture more than a
/// paced frame should.
///
/// With full batches an epoch is one step of the optimizer, a straight move `W → W′` in weight
/// space, and the weights `W + t (W′ − W)` for `0 < t < 1` lie on the path the trainer took.
/// With mini-batches an epoch is many steps, and training keeps the weights after about every
/// twentieth of them (in the epochs whose start and end are both candidates): `t` is the share
/// of the epoch's batches done. When an epoch changes the picture by more than the even step
/// between frames (often the first: the output's bias moves the whole shading at once), pacing
/// may show it in parts. Such a snapshot keeps `epoch` (the epoch's start) and
/// ``Snapshot/stepFraction`` and has its own error, accuracy and gradient, measured at its
/// weights by the run's engine as the epochs' are.
extension Pacing {
    /// The parts a step is split into at most: fractions are twentieths.
    static let stepParts = 20

    /// Where a part-way frame is: in the epoch after `epoch`, `fraction` of the way through.
    struct Place: Equatable {
        var epoch: Int
        var fraction: Double
    }

    /// A frame pacing may choose: a candidate epoch's own weights, or weights part-way through
    /// the epoch after one.
    enum Frame {
        case candidate(Int)
        case partway([Double], Place)
    }

    /// The candidates' `states` (of the candidate epochs `epochs`) with, for each epoch between
    /// two consecutive candidate epochs that changes the picture by more than the even step,
    /// weights part-way through it: `partway(k, parts)` gives those after candidate `k`, about
    /// `parts` parts (enough that no part is larger than a quarter of the even step), and
    /// `measure` their states.
    ///
    /// `count` is the number of frames wanted; the even step is the candidates' path length
    /// shared by `count - 1` frames.
    static func splittingSteps(
        _ states: StateMatrix, epochs: [Int], count: Int,
        partway: (Int, Int) -> [(fraction: Double, row: [Double])],
        measure: ([[Double]], [Place]) -> StateMatrix
    ) -> (frames: [Frame], states: StateMatrix) {
        let n = states.count
        let unsplit = (Array((0..<n).map(Frame.candidate)), states)
        guard n > 1, count > 1 else { return unsplit }
        let changes = (0..<(n - 1)).map { states.change($0, $0 + 1) }
        let even = changes.reduce(0, +) / Double(count - 1)
        guard even > 0 else { return unsplit }
        var frames: [Frame] = []
        var extraRows: [[Double]] = []
        var extraPlaces: [Place] = []
        for k in 0..<n {
            frames.append(.candidate(k))
            guard k < n - 1, epochs[k + 1] == epochs[k] + 1, changes[k] > even else { continue }
            let parts = min(stepParts, Int((4 * changes[k] / even).rounded(.up)))
            for (t, row) in partway(k, parts) {
                let place = Place(epoch: epochs[k], fraction: t)
                frames.append(.partway(row, place))
                extraRows.append(row)
                extraPlaces.append(place)
            }
        }
        guard !extraRows.isEmpty else { return unsplit }
        let extra = measure(extraRows, extraPlaces)
        var merged = StateMatrix(count: frames.count, like: states)
        var next = 0
        for (k, frame) in frames.enumerated() {
            switch frame {
            case .candidate(let c):
                merged.copy(c, of: states, to: k)
            case .partway:
                merged.copy(next, of: extra, to: k)
                next += 1
            }
        }
        return (frames, merged)
    }

    /// The weights `W + t (W′ − W)` part-way along the full-batch step from `a` to `b`, in
    /// about `parts` parts, `t` in twentieths.
    static func interpolated(_ a: [Double], _ b: [Double], parts: Int) -> [(
        fraction: Double, row: [Double]
    )] {
        let fractions = Set(
            (1..<max(1, parts)).map { j in
                (Double(stepParts * j) / Double(parts)).rounded() / Double(stepParts)
            }
        ).filter { $0 > 0 && $0 < 1 }.sorted()
        return fractions.map { t in (t, zip(a, b).map { $0 + t * ($1 - $0) }) }
    }

    /// The batches of a mini-batch epoch of `batches` after which training keeps the weights
    /// for pacing: about every twentieth.
    static func partBatches(of batches: Int) -> Set<Int> {
        Set((1..<stepParts).map { k in Int((Double(batches * k) / Double(stepParts)).rounded()) })
            .filter { $0 >= 1 && $0 < batches }
    }

    /// The snapshots of `frames`, in order, measured by the run's engine as its epochs' are.
    ///
    /// Each gets its error, accuracy and gradient over the training points. A part-way frame
    /// (fraction above 0) also gets the held-out points' error; a frame at fraction 0 is the
    /// epoch itself, a mini-batch candidate whose gradient training did not compute.
    static func measuredSnapshots(
        _ frames: [(row: [Double], place: Place)], network: Network, run: TrainingRun
    ) -> [Snapshot] {
        guard !frames.isEmpty else { return [] }
        let train = TrainingData(run.data)
        let test = run.test.flatMap { $0.count > 0 ? TrainingData($0) : nil }
        switch run.training.engine {
        case .fast:
            var kernel = Kernel(network: network)
            return frames.map { measured(&kernel, $0, train: train, test: test) }
        case .reference:
            var engine = LessonEngine(network: network)
            return frames.map { measured(&engine, $0, train: train, test: test) }
        }
    }

    /// The snapshot of the weights `frame.row`, at `frame.place`, measured by `engine`.
    private static func measured<E: TrainingEngine>(
        _ engine: inout E, _ frame: (row: [Double], place: Place), train: TrainingData,
        test: TrainingData?
    ) -> Snapshot {
        let place = frame.place
        engine.setParameters(frame.row)
        let m = train.labels.count
        let tally = engine.pass(train, indices: 0..<m, accumulate: true)
        engine.scaleGradient(by: m)
        var snapshot = Snapshot(
            epoch: place.epoch, error: tally.error / Double(m),
            accuracy: Double(tally.correct) / Double(m), layers: engine.network.layers,
            gradient: engine.gradientLayers)
        guard place.fraction > 0 else { return snapshot }
        snapshot.stepFraction = place.fraction
        if let test {
            let n = test.labels.count
            snapshot.testError =
                engine.pass(test, indices: 0..<n, accumulate: false).error / Double(n)
        }
        return snapshot
    }
}
