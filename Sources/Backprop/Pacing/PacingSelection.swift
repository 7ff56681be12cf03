extension Pacing {
    /// The indices of `count` of the candidates' `states` (in epoch order) such that each frame
    /// differs from the one before by about the same visible amount; the first and the last are
    /// always included.
    ///
    /// First a frame is taken where the picture has changed by a step `t` since the frame
    /// before; `t` is the smallest step that takes no more than `count` frames (found by
    /// bisection), and any frames still missing split the largest remaining changes. A frame is
    /// taken at the candidate where the change reaches `t` or at the one before, whichever change
    /// is nearer `t`; when that is not even enough (``evenEnough``), also always at the first,
    /// and the more even of the two (``unevenness(_:of:)``) is kept.
    package static func select(_ count: Int, from visible: [VisibleState]) -> [Int] {
        select(count, from: StateMatrix(visible))
    }

    /// ``select(_:from:)-([VisibleState])`` of states already side by side.
    static func select(_ count: Int, from states: StateMatrix) -> [Int] {
        let n = states.count
        guard count < n else { return Array(0..<n) }
        guard count > 1 else { return [0] }
        func frames(nearest: Bool) -> [Int] {
            var chosen = threshold(count, from: states, nearest: nearest)
            fill(&chosen, to: count, from: states)
            return chosen
        }
        let first = frames(nearest: true)
        let evenness = unevenness(first, of: states)
        guard evenness > evenEnough else { return first }
        let second = frames(nearest: false)
        return unevenness(second, of: states) < evenness ? second : first
    }

    /// Frames this even (``unevenness(_:of:)``) are not placed the other way too.
    static let evenEnough = 1.5

    /// The largest visible change between consecutive frames `chosen` of `states`, over the
    /// median change: 1 for perfectly even frames.
    package static func unevenness(_ chosen: [Int], of states: [VisibleState]) -> Double {
        unevenness(chosen, of: StateMatrix(states))
    }

    /// ``unevenness(_:of:)-([VisibleState])`` of states already side by side.
    static func unevenness(_ chosen: [Int], of states: StateMatrix) -> Double {
        let changes = zip(chosen, chosen.dropFirst()).map { states.change($0, $1) }.sorted()
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
        /// The frames taken with step `t`, without the last candidate, measured a tile of eight
        /// candidates at a time from just after each frame; only the first `count` when there
        /// are more (too many either way).
        func frames(step t: Double) -> [Int] {
            var chosen = [0]
            var k = 1
            while k < n - 1, chosen.count < count {
                let tile = k / StateMatrix.tile
                let last = chosen[chosen.count - 1]
                let changes = states.changes(last, tile: tile)
                let first = tile * StateMatrix.tile
                let end = min(first + StateMatrix.tile, n - 1)
                var next = end
                for j in k..<end where changes[j - first] >= t {
                    // The candidate before, when its change is nearer the step.
                    let back =
                        nearest && j - 1 > last
                        && t - states.change(last, j - 1) < changes[j - first] - t
                    chosen.append(back ? j - 1 : j)
                    next = chosen[chosen.count - 1] + 1
                    break
                }
                k = next
            }
            return chosen
        }
        var low = 0.0
        // The even step (the path shared by the frames) usually takes few enough frames: then
        // it bounds the bisection, much nearer the answer than the largest change from the first.
        let path = (1..<n).reduce(0) { $0 + states.change($1 - 1, $1) }
        var high = path / Double(count - 1)
        var best = frames(step: high)
        if best.count > count - 1 {
            high = 0
            for tile in 0...((n - 1) / StateMatrix.tile) {
                let changes = states.changes(0, tile: tile)
                let first = tile * StateMatrix.tile
                for j in max(1, first)..<min(first + StateMatrix.tile, n) {
                    high = max(high, changes[j - first])
                }
            }
            best = frames(step: high)
        }
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
        // Each gap's change, kept up to date as frames go in.
        var gaps = (0..<(chosen.count - 1)).map { states.change(chosen[$0], chosen[$0 + 1]) }
        while chosen.count < count {
            var widest: Int?
            var largest = -1.0
            for g in gaps.indices where chosen[g + 1] - chosen[g] > 1 && gaps[g] > largest {
                largest = gaps[g]
                widest = g
            }
            guard let g = widest else { return }
            let a = chosen[g]
            let b = chosen[g + 1]
            var middle = a + 1
            var balance = Double.infinity
            for tile in ((a + 1) / StateMatrix.tile)...((b - 1) / StateMatrix.tile) {
                // change(k, b) is change(b, k): the same squares, bit for bit.
                let before = states.changes(a, tile: tile)
                let after = states.changes(b, tile: tile)
                let first = tile * StateMatrix.tile
                for k in max(a + 1, first)..<min(first + StateMatrix.tile, b) {
                    let d = abs(before[k - first] - after[k - first])
                    if d < balance {
                        balance = d
                        middle = k
                    }
                }
            }
            chosen.insert(middle, at: g + 1)
            gaps[g] = states.change(a, middle)
            gaps.insert(states.change(middle, b), at: g + 1)
        }
    }
}

/// Visible states side by side in one buffer, for the many changes selection measures.
///
/// ``VisibleState/change(to:)`` over one flat buffer, without copying a state per comparison.
/// States are kept in tiles of eight, each tile feature by feature (the eight states' first
/// output, then their second, …, their lines, their markers), so that ``changes(_:tile:)``
/// measures the change from one state to the eight of a tile at once: eight sums side by side,
/// each added in the same order as ``VisibleState/change(to:)`` adds it, so every change is the
/// same number, bit for bit.
struct StateMatrix {
    /// The states of one tile, measured at once by ``changes(_:tile:)``.
    typealias Block = SIMD8<Double>
    static let tile = Block.scalarCount

    let count: Int
    private let outputs: Int
    private let lines: Int
    /// Numbers per state: outputs, lines, the marker's `x` and `y`.
    private let features: Int
    /// Feature `f` of state `k` at `((k / 8) × features + f) × 8 + k % 8`.
    private var values: [Double]

    /// `count` states of `outputs` outputs and `lines` line distances, all zero until set.
    init(count: Int, outputs: Int, lines: Int) {
        self.count = count
        self.outputs = outputs
        self.lines = lines
        features = outputs + lines + 2
        let tiles = (count + Self.tile - 1) / Self.tile
        values = Array(repeating: 0, count: tiles * features * Self.tile)
    }

    /// `count` states shaped as `other`'s, all zero until set.
    init(count: Int, like other: StateMatrix) {
        self.init(count: count, outputs: other.outputs, lines: other.lines)
    }

    init(_ states: [VisibleState]) {
        self.init(
            count: states.count, outputs: states.first?.outputs.count ?? 0,
            lines: states.first?.lines.count ?? 0)
        for (k, state) in states.enumerated() {
            set(k, outputs: state.outputs, lines: state.lines, marker: state.marker)
        }
    }

    /// Where feature 0 of state `k` is; feature `f` is `8 f` further.
    @inline(__always)
    private func start(_ k: Int) -> Int {
        (k / Self.tile * features) * Self.tile + k % Self.tile
    }

    /// Sets state `k` to state `j` of `other`, a matrix of the same shape.
    mutating func copy(_ j: Int, of other: StateMatrix, to k: Int) {
        let (to, from) = (start(k), other.start(j))
        for f in 0..<features { values[to + f * Self.tile] = other.values[from + f * Self.tile] }
    }

    /// Sets state `k`: its ``VisibleState/outputs``, ``VisibleState/lines`` and marker.
    mutating func set(_ k: Int, outputs: [Double], lines: [Double], marker: (x: Double, y: Double))
    {
        let (start, first, markerRow) = (start(k), self.outputs, self.outputs + self.lines)
        values.withUnsafeMutableBufferPointer { v in
            let state = v.baseAddress.map { $0 + start }
            guard let state else { return }
            for f in outputs.indices { state[f * Self.tile] = outputs[f] }
            for f in lines.indices { state[(first + f) * Self.tile] = lines[f] }
            state[markerRow * Self.tile] = marker.x
            state[(markerRow + 1) * Self.tile] = marker.y
        }
    }

    /// The change from state `i` to state `j`, as ``VisibleState/change(to:)`` measures it.
    ///
    /// One lane of ``changes(_:tile:)``: the same sums in the same order, without the seven
    /// other lanes.
    func change(_ i: Int, _ j: Int) -> Double {
        change(i, to: j, of: self)
    }

    /// The change from state `i` to state `j` of `other`, a matrix of the same shape.
    func change(_ i: Int, to j: Int, of other: StateMatrix) -> Double {
        values.withUnsafeBufferPointer { v in
            other.values.withUnsafeBufferPointer { w in
                guard let base = v.baseAddress, let otherBase = w.baseAddress else { return 0 }
                return change(from: base + start(i), to: otherBase + other.start(j))
            }
        }
    }

    /// The change between the states whose feature 0 is at `from` and at `to`.
    @inline(__always)
    private func change(from: UnsafePointer<Double>, to: UnsafePointer<Double>) -> Double {
        VisibleState.change(outputs: outputs, lines: lines) { f in
            from[f * Self.tile] - to[f * Self.tile]
        }
    }

    /// The changes from state `i` to each of the states `8 t ..< 8 t + 8`, as
    /// ``VisibleState/change(to:)`` measures them; lanes past the last state are meaningless.
    func changes(_ i: Int, tile t: Int) -> Block {
        values.withUnsafeBufferPointer { v in
            guard let base = v.baseAddress else { return Block(repeating: 0) }
            let from = base + start(i)
            let to = base + t * features * Self.tile
            return VisibleState.change(outputs: outputs, lines: lines) { f in
                Block(repeating: from[f * Self.tile]) - Self.load(to + f * Self.tile)
            }
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> Block {
        UnsafeRawPointer(p).loadUnaligned(as: Block.self)
    }
}
