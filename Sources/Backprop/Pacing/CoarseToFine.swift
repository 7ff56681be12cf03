/// Which candidates pacing measures: only those where the picture moves.
///
/// Measuring a candidate's frame (the network's pass over the 8×8 grid) is most of pacing's
/// cost, yet most of a run changes slowly and a frame is taken only each time the picture has
/// changed by a whole even step. So pacing first measures every ``coarseStride``-th candidate
/// (and the last), estimates the even step from those, and then halves each gap whose frames
/// differ by more than ``refinement`` of that step, or whose parameters wander (their path
/// between the gap's ends is more than ``wandering`` times the straight distance: the picture
/// may go and come back): it measures the candidate in the middle and looks at both halves the
/// same way, down to neighbouring candidates. Where the picture moves, every candidate is
/// measured, so the single epochs that jump are still found and split; where it crawls, a frame
/// can overshoot the step by at most that fraction.
extension Pacing {
    /// One candidate in this many is measured first.
    static let coarseStride = 8
    /// Gaps that change the picture by more than this share of the even step are halved.
    static let refinement = 0.5
    /// Gaps whose parameters travel more than this many times their straight distance are
    /// halved.
    static let wandering = 2.0

    /// The candidates to measure, in order, and their states: the candidates' parameters are
    /// laid out as ``Network/parameters`` from `rows[k × stride]`, `count` frames are wanted.
    static func coarseToFine(
        _ rows: UnsafeBufferPointer<Double>, stride: Int, parameterCount: Int, network: Network,
        epochs: [Int], errors: [Double], count: Int, run: TrainingRun
    ) -> (measured: [Int], states: StateMatrix) {
        let n = epochs.count
        func measure(_ indices: [Int]) -> StateMatrix {
            stateMatrix(
                of: rows, stride: stride, indices: indices, network: network, epochs: epochs,
                errors: errors, run: run)
        }
        guard n > 2 * coarseStride, count > 1 else {
            let all = Array(0..<n)
            return (all, measure(all))
        }
        let coarse = Array(Swift.stride(from: 0, to: n - 1, by: coarseStride)) + [n - 1]
        // Each measured candidate's state: which batch measured it, and its row there.
        var batches = [measure(coarse)]
        var place = [(batch: Int, row: Int)?](repeating: nil, count: n)
        for (row, c) in coarse.enumerated() { place[c] = (0, row) }
        func change(_ a: Int, _ b: Int) -> Double {
            guard let p = place[a], let q = place[b] else { return 0 }
            return batches[p.batch].change(p.row, to: q.row, of: batches[q.batch])
        }
        var gaps = zip(coarse, coarse.dropFirst()).map { ($0, $1) }
        let even = gaps.reduce(0) { $0 + change($1.0, $1.1) } / Double(count - 1)
        let travelled = parameterPath(rows, stride: stride, parameterCount: parameterCount, n: n)
        while true {
            let halved = gaps.filter { a, b in
                guard b - a > 1 else { return false }
                let straight = distance(
                    rows, a * stride, b * stride, parameterCount: parameterCount)
                let wanders = travelled[b] - travelled[a] > wandering * straight
                return change(a, b) > refinement * even || wanders
            }
            guard !halved.isEmpty else { break }
            let middles = halved.map { a, b in (a + b) / 2 }
            batches.append(measure(middles))
            for (row, c) in middles.enumerated() { place[c] = (batches.count - 1, row) }
            gaps = zip(halved, middles).flatMap { gap, middle in
                [(gap.0, middle), (middle, gap.1)]
            }
        }
        let measured = place.indices.filter { place[$0] != nil }
        var states = StateMatrix(count: measured.count, like: batches[0])
        for (k, c) in measured.enumerated() {
            guard let p = place[c] else { continue }
            states.copy(p.row, of: batches[p.batch], to: k)
        }
        return (measured, states)
    }

    /// The parameters' path length from the first of `n` candidates to each: the sum of the
    /// distances between consecutive candidates.
    private static func parameterPath(
        _ rows: UnsafeBufferPointer<Double>, stride: Int, parameterCount: Int, n: Int
    ) -> [Double] {
        var path = [0.0]
        path.reserveCapacity(n)
        for k in 1..<n {
            let step = distance(rows, (k - 1) * stride, k * stride, parameterCount: parameterCount)
            path.append(path[k - 1] + step)
        }
        return path
    }

    /// The Euclidean distance between the `parameterCount` numbers at `i` and at `j` of `rows`.
    private static func distance(
        _ rows: UnsafeBufferPointer<Double>, _ i: Int, _ j: Int, parameterCount: Int
    ) -> Double {
        var sum = 0.0
        for p in 0..<parameterCount {
            let d = rows[i + p] - rows[j + p]
            sum += d * d
        }
        return sum.squareRoot()
    }
}
