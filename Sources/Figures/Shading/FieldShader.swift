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
/// Rows are evaluated exactly by a ``RowEvaluator`` (no `exp` per pixel in the first layer) and
/// coloured through the palette's ``ShadeRamp``.
enum FieldShader {
    /// Shades the viewport's pixels into `surface`, an opaque image, at the viewport's place
    /// (shifted by `offset` pixels: a separate image of the plot's size uses its top-left corner).
    static func shade(
        _ target: FieldTarget, of net: PlainNetwork, viewport: Viewport, palette: Palette,
        mapping: ShadeMapping, into surface: Surface, offset: (x: Int, y: Int) = (0, 0)
    ) {
        let left = Int(viewport.rect.x) - offset.x
        let top = Int(viewport.rect.y) - offset.y
        let width = min(Int(viewport.rect.width), surface.width - left)
        let height = min(Int(viewport.rect.height), surface.height - top)
        guard width >= 1, height >= 1, left >= 0, top >= 0, let base = surface.pixels else {
            return
        }
        surface.flush()
        let rows = RowEvaluator(net: net, target: target, width: width, precise: false)
        let dx = viewport.dataPerPixelX
        let dy = viewport.dataPerPixelY
        let x1 = viewport.domain.x1.lowerBound + 0.5 * dx
        let colours = RowColouring(mapping: mapping, palette: palette)
        let stride = surface.stride
        for row in 0..<height {
            rows.evaluate(
                x1: x1, dx: dx, x2: viewport.domain.x2.upperBound - (Double(row) + 0.5) * dy)
            let pixels =
                UnsafeMutableRawPointer(base + (top + row) * stride)
                .assumingMemoryBound(to: UInt32.self) + left
            colours.fill(pixels, from: rows.z, count: width)
        }
        surface.markDirty()
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
                    // Clamped first, so the 32-bit conversion (which vectorises) is always exact.
                    let u = min(max(z[i] * scale + offset, 0), top)
                    out[i] = t[Int(Int32(u))]
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
