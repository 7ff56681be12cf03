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
/// ``Snapshot/stepFraction`` and has its own error, accuracy and gradient, evaluated at its
/// weights as the lesson's functions do.
extension Pacing {
    /// The parts a step is split into at most: fractions are twentieths.
    static let stepParts = 20

    /// A candidate frame: an epoch's weights, or weights part-way along the step after it.
    struct Place: Equatable {
        var epoch: Int
        var fraction: Double?
    }

    /// The candidates with, for each epoch between two consecutive candidate epochs that
    /// changes the picture by more than the even step, weights part-way through it:
    /// `partway(k, parts)` gives those after candidate `k`, about `parts` parts (enough that no
    /// part is larger than a quarter of the even step).
    ///
    /// `count` is the number of frames wanted; the even step is the candidates' path length
    /// shared by `count - 1` frames.
    static func splittingSteps(
        rows: [[Double]], places: [Place], states: [VisibleState], count: Int,
        partway: (Int, Int) -> [(fraction: Double, row: [Double])],
        states measure: ([[Double]], [Place]) -> [VisibleState]
    ) -> (rows: [[Double]], places: [Place], states: [VisibleState]) {
        let n = rows.count
        guard n > 1, count > 1 else { return (rows, places, states) }
        let changes = (0..<(n - 1)).map { states[$0].change(to: states[$0 + 1]) }
        let even = changes.reduce(0, +) / Double(count - 1)
        guard even > 0 else { return (rows, places, states) }
        var extraRows: [[Double]] = []
        var extraPlaces: [Place] = []
        var after: [Int] = []  // the candidate each extra one follows
        for k in 0..<(n - 1) where places[k + 1].epoch == places[k].epoch + 1 {
            guard changes[k] > even else { continue }
            let parts = min(stepParts, Int((4 * changes[k] / even).rounded(.up)))
            for (t, row) in partway(k, parts) {
                extraRows.append(row)
                extraPlaces.append(Place(epoch: places[k].epoch, fraction: t))
                after.append(k)
            }
        }
        guard !extraRows.isEmpty else { return (rows, places, states) }
        let extraStates = measure(extraRows, extraPlaces)
        var merged: (rows: [[Double]], places: [Place], states: [VisibleState]) = ([], [], [])
        var next = 0
        for k in 0..<n {
            merged.rows.append(rows[k])
            merged.places.append(places[k])
            merged.states.append(states[k])
            while next < after.count && after[next] == k {
                merged.rows.append(extraRows[next])
                merged.places.append(extraPlaces[next])
                merged.states.append(extraStates[next])
                next += 1
            }
        }
        return merged
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

    /// The snapshot of weights `row` part-way through an epoch: its error, accuracy and gradient
    /// over the training points (and the held-out points' error), evaluated as the lesson does.
    static func partwaySnapshot(
        _ row: [Double], place: Place, network: Network, run: TrainingRun
    ) -> Snapshot {
        var weights = network
        weights.setParameters(row)
        let layers = weights.layers
        let g = network.activation
        let m = run.data.count
        let sums = Lesson.sum(layers, g, on: run.data, indices: 0..<m)
        let gradient = Lesson.unflatten(
            Lesson.flatten(sums.gradient).map { $0 / Double(m) }, like: layers)
        var snapshot = Snapshot(
            epoch: place.epoch, error: sums.error / Double(m),
            accuracy: Double(sums.correct) / Double(m), layers: layers, gradient: gradient)
        snapshot.stepFraction = place.fraction
        if let test = run.test, test.count > 0 {
            let held = Lesson.sum(layers, g, on: test, indices: 0..<test.count)
            snapshot.testError = held.error / Double(test.count)
        }
        return snapshot
    }
}
