extension Pacing {
    /// The indices of `count` of the candidates' `states` (in epoch order) such that each frame
    /// differs from the one before by about the same visible amount; the first and the last are
    /// always included.
    ///
    /// First a frame is taken where the picture has changed by a step `t` since the frame
    /// before; `t` is the smallest step that takes no more than `count` frames (found by
    /// bisection), and any frames still missing split the largest remaining changes. A frame is
    /// taken either as soon as the change reaches `t`, or at the candidate before when its
    /// change is nearer `t`: of the two choices, the more even (``unevenness(_:of:)``) is kept.
    public static func select(_ count: Int, from visible: [VisibleState]) -> [Int] {
        let n = visible.count
        guard count < n else { return Array(0..<n) }
        guard count > 1 else { return [0] }
        let states = StateMatrix(visible)
        let choices = [false, true].map { nearest in
            var chosen = threshold(count, from: states, nearest: nearest)
            fill(&chosen, to: count, from: states)
            return chosen
        }
        let first = choices[0]
        let second = choices[1]
        return unevenness(second, of: visible) < unevenness(first, of: visible) ? second : first
    }

    /// The largest visible change between consecutive frames `chosen` of `states`, over the
    /// median change: 1 for perfectly even frames.
    public static func unevenness(_ chosen: [Int], of states: [VisibleState]) -> Double {
        let changes = zip(chosen, chosen.dropFirst()).map { states[$0].change(to: states[$1]) }
            .sorted()
        let n = changes.count
        guard n > 0 else { return 1 }
        let median = n % 2 == 1 ? changes[n / 2] : (changes[n / 2 - 1] + changes[n / 2]) / 2
        return median > 0 ? changes[n - 1] / median : (changes[n - 1] > 0 ? .infinity : 1)
    }

    /// The frames taken each time the picture has changed by the smallest step that gives no
    /// more than `count` frames, the last candidate included; with `nearest`, at the candidate
    /// before instead when its change is nearer the step.
    private static func threshold(_ count: Int, from states: StateMatrix, nearest: Bool) -> [Int] {
        let n = states.count
        /// The frames taken with step `t`, without the last candidate.
        func frames(step t: Double) -> [Int] {
            var chosen = [0]
            var before = 0.0  // the change from the last frame to the candidate before k
            var k = 1
            while k < n - 1 {
                let last = chosen[chosen.count - 1]
                let change = states.change(last, k)
                if change < t {
                    before = change
                    k += 1
                    continue
                }
                let back = nearest && k - 1 > last && t - before < change - t
                chosen.append(back ? k - 1 : k)
                before = 0
                k = chosen[chosen.count - 1] + 1
            }
            return chosen
        }
        var low = 0.0
        var high = 0.0
        for k in 1..<n { high = max(high, states.change(0, k)) }
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
            if high - low <= 1e-2 * high { break }  // fill and balance even out the rest
        }
        return best + [n - 1]
    }

    /// Adds frames until there are `count`, each splitting the largest change that has a
    /// candidate inside it where it best halves that change.
    private static func fill(_ chosen: inout [Int], to count: Int, from states: StateMatrix) {
        while chosen.count < count {
            var widest: Int?
            var largest = -1.0
            for g in 0..<(chosen.count - 1) where chosen[g + 1] - chosen[g] > 1 {
                let change = states.change(chosen[g], chosen[g + 1])
                if change > largest {
                    largest = change
                    widest = g
                }
            }
            guard let g = widest else { return }
            let a = chosen[g]
            let b = chosen[g + 1]
            var middle = a + 1
            var balance = Double.infinity
            for k in (a + 1)..<b {
                let d = abs(states.change(a, k) - states.change(k, b))
                if d < balance {
                    balance = d
                    middle = k
                }
            }
            chosen.insert(middle, at: g + 1)
        }
    }
}

/// Visible states side by side in one buffer, for the many changes selection measures.
///
/// ``VisibleState/change(to:)`` over plain arrays, without copying a state per comparison.
struct StateMatrix {
    let count: Int
    private let outputs: Int
    private let lines: Int
    private let stride: Int
    private let values: [Double]

    init(_ states: [VisibleState]) {
        count = states.count
        outputs = states.first?.outputs.count ?? 0
        lines = states.first?.lines.count ?? 0
        stride = outputs + lines + 2
        var values: [Double] = []
        values.reserveCapacity(count * stride)
        for state in states {
            values += state.outputs
            values += state.lines
            values += [state.marker.x, state.marker.y]
        }
        self.values = values
    }

    /// The change from state `i` to state `j`, as ``VisibleState/change(to:)`` measures it.
    func change(_ i: Int, _ j: Int) -> Double {
        values.withUnsafeBufferPointer { v in
            let a = i * stride
            let b = j * stride
            var output = 0.0
            for k in 0..<outputs {
                let d = v[a + k] - v[b + k]
                output += d * d
            }
            var line = 0.0
            for k in outputs..<(outputs + lines) {
                let d = v[a + k] - v[b + k]
                line += d * d
            }
            let dx = v[b + stride - 2] - v[a + stride - 2]
            let dy = v[b + stride - 1] - v[a + stride - 1]
            return (output / Double(max(1, outputs))).squareRoot()
                + (line / Double(max(1, lines))).squareRoot()
                + 0.1 * (dx * dx + dy * dy).squareRoot()
        }
    }
}
