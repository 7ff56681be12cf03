import Backprop

/// How a value of the network becomes a shade.
enum ShadeMapping: Equatable, Sendable {
    /// The shade of `σ(k·z)`: `k = 1` for the output and sigmoid units; `k = 2` for tanh units,
    /// whose activation `tanh z` maps to the probability-like `(tanh z + 1)/2 = σ(2z)`.
    case logistic(Double)
    /// A ReLU unit: the "off" shade where `z ≤ 0`; from near-white to the label-1 shade as the
    /// activation grows to `scale`.
    case relu(scale: Double)

    /// The mapping for a target of a network with hidden activation `activation`.
    static func of(_ target: FieldTarget, activation: Activation, reluScale: Double) -> ShadeMapping
    {
        if target == .output { return .logistic(1) }
        switch activation {
        case .sigmoid: return .logistic(1)
        case .tanh: return .logistic(2)
        case .relu: return .relu(scale: reluScale)
        }
    }
}

/// Shades a network value at the centre of every pixel of a viewport into an image.
///
/// Rows are evaluated together: the first layer's `z` is linear along a row, deeper layers are
/// matrix products over the row, activations come from ``SigmoidTable`` and colours from the
/// palette's ``ShadeRamp`` — no `exp` per pixel.
enum FieldShader {
    static func image(
        _ target: FieldTarget, of net: PlainNetwork, viewport: Viewport, palette: Palette,
        mapping: ShadeMapping
    ) throws -> Surface {
        let width = Int(viewport.rect.width)
        let height = Int(viewport.rect.height)
        let surface = try Surface.image(width: max(1, width), height: max(1, height))
        guard width >= 1, height >= 1, let base = surface.pixels else { return surface }
        surface.flush()
        let last = net.layerIndex(of: target)
        let targetUnit: Int
        if case .unit(_, let u) = target { targetUnit = u } else { targetUnit = 0 }

        // Row buffers: one per layer up to the target's, `units × width` values each.
        var buffers: [UnsafeMutablePointer<Double>] = []
        for l in 0..<last {
            buffers.append(.allocate(capacity: net.sizes[l + 1] * width))
        }
        let zRow = UnsafeMutablePointer<Double>.allocate(capacity: width)
        let x1 = UnsafeMutablePointer<Double>.allocate(capacity: width)
        defer {
            for b in buffers { b.deallocate() }
            zRow.deallocate()
            x1.deallocate()
        }
        let dx = viewport.dataPerPixelX
        let dy = viewport.dataPerPixelY
        for i in 0..<width {
            x1[i] = viewport.domain.x1.lowerBound + (Double(i) + 0.5) * dx
        }
        let colours = RowColouring(mapping: mapping, palette: palette)
        let stride = surface.stride
        for row in 0..<height {
            let x2 = viewport.domain.x2.upperBound - (Double(row) + 0.5) * dy
            var input: UnsafeMutablePointer<Double>? = nil
            for l in 0...last {
                let nIn = net.sizes[l]
                let w = net.weights[l]
                let b = net.biases[l]
                let units = l == last ? targetUnit...targetUnit : 0...(net.sizes[l + 1] - 1)
                for j in units {
                    let out = l == last ? zRow : buffers[l] + j * width
                    if l == 0 {
                        let w1 = w[2 * j]
                        let c = b[j] + w[2 * j + 1] * x2
                        for i in 0..<width { out[i] = c + w1 * x1[i] }
                    } else if let input {
                        let bias = b[j]
                        for i in 0..<width { out[i] = bias }
                        for k in 0..<nIn {
                            let wk = w[j * nIn + k]
                            let a = input + k * width
                            for i in 0..<width { out[i] += wk * a[i] }
                        }
                    }
                    if l < last { activate(out, count: width, net.activation) }
                }
                if l < last { input = buffers[l] }
            }
            let pixels = UnsafeMutableRawPointer(base + row * stride)
                .assumingMemoryBound(to: UInt32.self)
            colours.fill(pixels, from: zRow, count: width)
        }
        surface.markDirty()
        return surface
    }

    /// Applies a hidden activation to a row in place.
    static func activate(_ v: UnsafeMutablePointer<Double>, count: Int, _ g: Activation) {
        switch g {
        case .sigmoid: SigmoidTable.apply(v, count: count, tanh: false)
        case .tanh: SigmoidTable.apply(v, count: count, tanh: true)
        case .relu:
            for i in 0..<count where v[i] < 0 { v[i] = 0 }
        }
    }
}

/// Turns a row of pre-activations into pixels for one ``ShadeMapping``.
private struct RowColouring {
    let mapping: ShadeMapping
    let ramp: ShadeRamp
    /// ReLU shades from the middle to the high end, by activation / scale.
    let reluPixels: [UInt32]

    init(mapping: ShadeMapping, palette: Palette) {
        self.mapping = mapping
        ramp = palette.ramp
        if case .relu = mapping {
            reluPixels = (0..<1024).map { palette.shade(0.5 + 0.5 * Double($0) / 1023).pixel }
        } else {
            reluPixels = []
        }
    }

    func fill(_ out: UnsafeMutablePointer<UInt32>, from z: UnsafeMutablePointer<Double>, count: Int)
    {
        switch mapping {
        case .logistic(let k):
            ramp.pixels.withUnsafeBufferPointer { table in
                guard let t = table.baseAddress else { return }
                let scale = ramp.scale * k
                let offset = ShadeRamp.range * ramp.scale + 0.5
                let top = Double(table.count - 1)
                for i in 0..<count {
                    var u = z[i] * scale + offset
                    u = u > 0 ? (u < top ? u : top) : 0
                    out[i] = t[Int(u)]
                }
            }
        case .relu(let scale):
            let s = 1023 / max(scale, 1e-12)
            reluPixels.withUnsafeBufferPointer { table in
                guard let t = table.baseAddress else { return }
                for i in 0..<count {
                    let v = z[i]
                    out[i] = v > 0 ? t[Int(min(1023, v * s + 0.5))] : ramp.offPixel
                }
            }
        }
    }
}
