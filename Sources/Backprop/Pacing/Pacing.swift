import Foundation

/// The `paced N` schedule: `N` snapshots chosen so that consecutive frames change by about the
/// same visible amount.
///
/// Training keeps the weights and gradient of a dense set of candidate epochs (see
/// ``candidates(count:last:parameterCount:points:)``), measures what the candidates' frames would
/// show (``VisibleState``) where the picture moves (see `CoarseToFine.swift`), and chooses `N` of
/// them: a frame each time the picture has changed by the same step since the frame before.
/// Epochs where nothing visible happens get few frames; epochs where the lines swing get many.
/// The first and last epochs are always kept. An epoch that alone changes the picture more than
/// a frame should may be shown in parts, at weights part-way through it on the path the trainer
/// took (see `StepSplitting.swift`).
package enum Pacing {
    /// The most numbers (parameters and gradients) the candidates of one run may keep: 32 MB.
    package static let candidateBudget = 4_000_000

    /// The candidate epochs of `paced count` in a run whose last epoch is `last`, for a network
    /// of `parameterCount` parameters trained on `points` points.
    ///
    /// A run gets one candidate per 400 point-epochs of training, and at least
    /// `max(400, 6 × count)`. Measuring a candidate (the network's pass over the 8×8 grid) costs
    /// about as much as a training epoch over 64 points, so measuring every second epoch of the
    /// lesson's 2000 over 200 points would cost about a sixth of its training; pacing measures a
    /// sixth to a third of them, those where the picture moves (see `CoarseToFine.swift`).
    /// Fewer candidates would cost less but pace less evenly.
    package static func candidates(
        count: Int, last: Int, parameterCount: Int = 1, points: Int = 0
    ) -> [Int] {
        let fit = candidateBudget / max(1, 2 * parameterCount)
        let affordable = Int(min(Double(last) * Double(points) / 400, 20_000))
        let dense = max(400, 6 * count, min(fit, affordable))
        guard last + 1 > dense else { return Array(0...last) }
        let even = (0..<dense).map { k in
            Int((Double(k) * Double(last) / Double(dense - 1)).rounded())
        }
        // Early epochs can move fast (large gradients at the start): a log-spaced quarter more.
        let early = (0..<(dense / 4)).map { k in
            Int(exp(Double(k) / Double(dense / 4 - 1) * log(Double(last + 1))).rounded()) - 1
        }
        return Array(Set(even + early).filter { (0...last).contains($0) }).sorted()
    }

    /// What each snapshot's frame shows, in the run's view.
    package static func states(of run: TrainingRun, snapshots: [Snapshot]) throws -> [VisibleState]
    {
        guard let first = snapshots.first else { return [] }
        let network = try run.network(at: first)
        let rows = snapshots.map { ParameterVector($0.layers).values }
        return states(
            of: rows, network: network, epochs: snapshots.map(\.epoch),
            errors: snapshots.map(\.error), run: run)
    }

    /// The states of parameter rows laid out as ``Network/parameters``, for `network`'s shape.
    static func states(
        of rows: [[Double]], network: Network, epochs: [Int], errors: [Double], run: TrainingRun
    ) -> [VisibleState] {
        let low = run.errors.min() ?? 0
        let high = run.errors.max() ?? 1
        let grid = VisibleState.grid(run.domain)
        // One kernel, its parameters replaced row by row: the trainer's own forward pass,
        // without building a network for each of thousands of candidates.
        let kernel = Kernel(network: network)
        let hidden = network.layers.count > 1
        let layout = ParameterLayout(network.layers)
        let first = layout.weightOffsets[0]..<layout.biasOffsets[0]
        let biases = layout.biasOffsets[0]..<(layout.biasOffsets[0] + layout.sizes[1])
        return rows.indices.map { k in
            let row = rows[k]
            row.withUnsafeBufferPointer {
                guard let base = $0.baseAddress else { return }
                kernel.parameters.update(from: base, count: kernel.parameterCount)
            }
            return VisibleState(
                outputs: kernel.outputs(at: grid),
                firstLayer: (weights: Array(row[first]), biases: Array(row[biases])),
                hasHidden: hidden, domain: run.domain, grid: grid, epoch: epochs[k],
                lastEpoch: run.training.epochs, error: errors[k] - low, errorScale: high - low)
        }
    }

    /// The visible change between each pair of consecutive snapshots of `run`.
    package static func changes(of run: TrainingRun) throws -> [Double] {
        let states = try states(of: run, snapshots: run.snapshots)
        return zip(states, states.dropFirst()).map { $0.change(to: $1) }
    }

    /// How uneven a run's frames are: its largest visible change between consecutive snapshots
    /// over the median change.
    package static func unevenness(of run: TrainingRun) throws -> Double {
        let states = try states(of: run, snapshots: run.snapshots)
        return unevenness(Array(states.indices), of: states)
    }

    /// Keeps the `count` paced snapshots of a run whose candidates training kept.
    static func pace(
        _ run: TrainingRun, candidates: PacingCandidates, count: Int, network: Network
    ) -> TrainingRun {
        // Only the candidates where the picture moves (see `CoarseToFine.swift`).
        let (measured, states) = candidates.withParameterRows { rows, stride in
            coarseToFine(
                rows, stride: stride, parameterCount: candidates.parameterCount,
                network: network, epochs: candidates.epochs,
                errors: candidates.epochs.map { run.errors[$0] }, count: count, run: run)
        }
        // Epochs that alone change the picture more than a frame should, shown in parts: only
        // between consecutive epochs, both measured.
        let full = run.training.batchSize == .full
        let split = splittingSteps(
            states, epochs: measured.map { candidates.epochs[$0] }, count: count,
            partway: { k, parts in
                full
                    ? interpolated(
                        candidates.parameters(at: measured[k]).values,
                        candidates.parameters(at: measured[k + 1]).values, parts: parts)
                    : candidates.parts(after: candidates.epochs[measured[k]])
            },
            measure: { rows, places in
                // Part-way through an epoch, the marker's error is read on the curve's chord.
                let errors = places.map { place in
                    let e = run.errors[place.epoch]
                    return e + place.fraction * (run.errors[place.epoch + 1] - e)
                }
                let flat = rows.flatMap { $0 }
                return flat.withUnsafeBufferPointer {
                    stateMatrix(
                        of: $0, stride: candidates.parameterCount, network: network,
                        epochs: places.map(\.epoch), errors: errors, run: run)
                }
            })
        let chosen = select(count, from: split.states)
        // The chosen frames training kept no gradient for, measured now: part-way frames, and
        // with mini-batches every candidate (fraction 0: the epoch itself).
        let unmeasured: [(row: [Double], place: Place)] = chosen.compactMap { k in
            switch split.frames[k] {
            case .partway(let row, let place):
                return (row, place)
            case .candidate(let m):
                guard !candidates.keepsGradients else { return nil }
                let c = measured[m]
                let epoch = Place(epoch: candidates.epochs[c], fraction: 0)
                return (candidates.parameters(at: c).values, epoch)
            }
        }
        var measuredNow = measuredSnapshots(unmeasured, network: network, run: run).makeIterator()
        var paced = run
        paced.snapshots = chosen.compactMap { k in
            guard case .candidate(let m) = split.frames[k] else { return measuredNow.next() }
            let c = measured[m]
            let epoch = candidates.epochs[c]
            var snapshot: Snapshot
            if let kept = candidates.gradient(at: c) {
                snapshot = Snapshot(
                    epoch: epoch, error: run.errors[epoch], accuracy: run.accuracies[epoch],
                    layers: candidates.parameters(at: c).layers, gradient: kept.layers)
            } else if let next = measuredNow.next() {
                snapshot = next
            } else {
                return nil
            }
            // A whole epoch's weights: the optimizer's state there makes W′ the trainer's step.
            snapshot.optimizerState = candidates.optimizerState(
                at: c, kind: run.training.optimizer)
            return snapshot
        }
        return paced
    }
}
