/// The forward pass alone, for `ŷ` at points without labels: what ``Network/outputs(at:)`` and
/// pacing's grid ask of the kernel. The same sums as ``pass(_:indices:accumulate:)``'s forward
/// half, without an error, a tally or a gradient.
extension Kernel {
    /// `ŷ` at each point.
    func outputs(at points: [Point]) -> [Double] {
        [Double](unsafeUninitializedCapacity: points.count) { result, initialized in
            outputs(at: points, into: result)
            initialized = points.count
        }
    }

    /// `ŷ` at each point, written to `result` (as many as there are points): the forward pass
    /// alone, without a label, an error or a gradient.
    func outputs(at points: [Point], into result: UnsafeMutableBufferPointer<Double>) {
        let x1 = UnsafeMutableRawPointer(a).assumingMemoryBound(to: Double.self)
        let x2 = x1 + Kernel.chunkPoints
        var start = 0
        while start < points.count {
            let count = min(Kernel.chunkPoints, points.count - start)
            let vectors = (count + 3) / 4
            for p in 0..<(4 * vectors) {  // padding lanes: harmless values, never read back
                x1[p] = p < count ? points[start + p].x1 : 0
                x2[p] = p < count ? points[start + p].x2 : 0
            }
            forwardHidden(vectors: vectors)
            predictions(vectors: vectors)
            let d = UnsafeMutableRawPointer(delta + rowOffset[layerCount])
                .assumingMemoryBound(to: Double.self)
            for p in 0..<count { result[start + p] = d[p] }
            start += count
        }
    }

    /// The output unit's `ŷ = σ(z)` in the top delta row, as ``output(vectors:totals:)``
    /// computes it.
    @inline(__always)
    private func predictions(vectors: Int) {
        let unit = outputUnit
        let d = delta + rowOffset[layerCount]
        for v in 0..<vectors {
            let z = unit.logit(v)
            d[v] = sigmoid(z, e: exponential(-magnitude(z)))
        }
    }
}
