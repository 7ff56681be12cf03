import Foundation

/// The `paced N` schedule: `N` snapshots chosen so that consecutive frames change by about the
/// same visible amount.
///
/// Training snapshots a dense set of candidate epochs (every epoch of a short run; otherwise
/// about `max(400, 6N)` epochs, evenly spaced with extra ones early), measures what each
/// candidate's frame would show (``VisibleState``), and walks through them taking a frame each
/// time the picture has changed by the same step since the last frame taken. Epochs where
/// nothing visible happens get few frames; epochs where the lines swing get many. The first and
/// last epochs are always kept.
public enum Pacing {
    /// The candidate epochs of `paced count` in a run whose last epoch is `last`.
    public static func candidates(count: Int, last: Int) -> [Int] {
        let dense = max(400, 6 * count)
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
    public static func states(of run: TrainingRun, snapshots: [Snapshot]) throws -> [VisibleState] {
        let low = run.errors.min() ?? 0
        let high = run.errors.max() ?? 1
        let last = run.training.epochs
        let grid = VisibleState.grid(run.domain)
        guard let first = snapshots.first else { return [] }
        // One kernel, its parameters replaced snapshot by snapshot: the trainer's own forward
        // pass, without building a network for each of hundreds of candidates.
        let kernel = Kernel(network: try run.network(at: first))
        return snapshots.map { snapshot in
            // The kernel's order: each layer's weights row by row, then its biases.
            var k = 0
            for layer in snapshot.layers {
                for row in layer.weights + [layer.biases] {
                    for value in row {
                        kernel.parameters[k] = value
                        k += 1
                    }
                }
            }
            return VisibleState(
                outputs: kernel.outputs(at: grid), firstLayer: snapshot.layers[0],
                hasHidden: snapshot.layers.count > 1, domain: run.domain, grid: grid,
                epoch: snapshot.epoch, lastEpoch: last, error: snapshot.error - low,
                errorScale: high - low)
        }
    }

    /// The visible change between each pair of consecutive snapshots of `run`.
    public static func changes(of run: TrainingRun) throws -> [Double] {
        let states = try states(of: run, snapshots: run.snapshots)
        return zip(states, states.dropFirst()).map { $0.change(to: $1) }
    }

    /// The indices of `count` of the candidates' `states` (in epoch order) such that each frame
    /// differs from the one before by about the same visible amount; the first and the last are
    /// always included.
    ///
    /// A frame is taken as soon as the picture has changed by a step `t` since the frame before;
    /// `t` is the smallest step that takes no more than `count` frames (found by bisection), and
    /// any frames still missing split the largest remaining changes.
    public static func select(_ count: Int, from states: [VisibleState]) -> [Int] {
        let n = states.count
        guard count < n else { return Array(0..<n) }
        guard count > 1 else { return [0] }
        /// The frames taken with step `t`, without the last candidate.
        func frames(step t: Double) -> [Int] {
            var chosen = [0]
            for k in 1..<(n - 1) where states[chosen[chosen.count - 1]].change(to: states[k]) >= t {
                chosen.append(k)
            }
            return chosen
        }
        var low = 0.0
        var high = states[0].change(to: states[n - 1])
        for k in 1..<n { high = max(high, states[0].change(to: states[k])) }
        var best = frames(step: high)
        for _ in 0..<40 {
            let middle = (low + high) / 2
            let chosen = frames(step: middle)
            if chosen.count <= count - 1 {
                high = middle
                best = chosen
            } else {
                low = middle
            }
            if high - low <= 1e-4 * high { break }
        }
        var chosen = best + [n - 1]
        while chosen.count < count {
            // Split the largest change that has a candidate inside it.
            var widest: Int?
            var largest = -1.0
            for g in 0..<(chosen.count - 1) where chosen[g + 1] - chosen[g] > 1 {
                let change = states[chosen[g]].change(to: states[chosen[g + 1]])
                if change > largest {
                    largest = change
                    widest = g
                }
            }
            guard let g = widest else { break }
            let a = chosen[g]
            let b = chosen[g + 1]
            // The candidate between them that best halves the change.
            var middle = a + 1
            var balance = Double.infinity
            for k in (a + 1)..<b {
                let d = abs(states[a].change(to: states[k]) - states[k].change(to: states[b]))
                if d < balance {
                    balance = d
                    middle = k
                }
            }
            chosen.insert(middle, at: g + 1)
        }
        return chosen
    }

    /// Keeps the `count` paced snapshots of a run trained with every candidate snapshotted.
    static func pace(_ run: TrainingRun, count: Int) throws -> TrainingRun {
        var paced = run
        let states = try states(of: run, snapshots: run.snapshots)
        paced.snapshots = select(count, from: states).map { run.snapshots[$0] }
        return paced
    }
}
