/// Which candidates pacing measures: only those where the picture moves.
///
/// Measuring a candidate's frame (the network's pass over the 8×8 grid) is most of pacing's
/// cost, yet most of a run changes slowly and a frame is taken only each time the picture has
/// changed by a whole even step. So pacing first measures every ``coarseStride``-th candidate
/// (and the last), estimates the even step from those, and then measures every candidate inside
/// each coarse gap whose frames differ by more than ``refinement`` of that step, or whose
/// parameters wander (their path between the gap's ends is more than ``wandering`` times the
/// straight distance: the picture may go and come back). Where the picture moves, every
/// candidate is measured, so the single epochs that jump are still found and split; where it
/// crawls, a frame can overshoot the step by at most that fraction.
extension Pacing {
    /// One candidate in this many is measured first.
    static let coarseStride = 8
    /// Coarse gaps that change the picture by more than this share of the even step are
    /// measured candidate by candidate.
    static let refinement = 0.5
    /// Coarse gaps whose parameters travel more than this many times their straight distance
    /// are measured candidate by candidate.
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
        let rough = measure(coarse)
        let gapChanges = coarse.indices.dropLast().map { rough.change($0, $0 + 1) }
        let even = gapChanges.reduce(0, +) / Double(count - 1)
        let travelled = parameterPath(rows, stride: stride, parameterCount: parameterCount, n: n)
        var measured: [Int] = []
        var fromCoarse: [Int?] = []
        for g in gapChanges.indices {
            let (a, b) = (coarse[g], coarse[g + 1])
            measured.append(a)
            fromCoarse.append(g)
            let straight = distance(
                rows, a * stride, b * stride, parameterCount: parameterCount)
            let wanders = travelled[b] - travelled[a] > wandering * straight
            guard gapChanges[g] > refinement * even || wanders else { continue }
            measured += (a + 1)..<b
            fromCoarse += repeatElement(nil, count: b - a - 1)
        }
        measured.append(n - 1)
        fromCoarse.append(coarse.count - 1)
        let fine = measure(zip(measured, fromCoarse).compactMap { $1 == nil ? $0 : nil })
        var states = StateMatrix(count: measured.count, like: rough)
        var next = 0
        for (k, c) in fromCoarse.enumerated() {
            if let c {
                states.copy(c, of: rough, to: k)
            } else {
                states.copy(next, of: fine, to: k)
                next += 1
            }
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
