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
    static func of(_ target: ModelValue, activation: Activation, reluScale: Double) -> ShadeMapping
    {
        if target == .output { return .logistic(1) }
        switch activation {
        case .sigmoid: return .logistic(1)
        case .tanh: return .logistic(2)
        case .relu: return .relu(scale: reluScale)
        }
    }
}

/// A value of the network shaded at the centre of every pixel of a viewport: on pixels straight
/// into the figure, on PDF and SVG as an image of the plot.
struct FieldShading: RasterDrawable {
    let target: ModelValue
    let model: ModelEvaluator
    let viewport: Viewport
    let palette: Palette
    let mapping: ShadeMapping

    func drawPixels(into surface: Surface, on canvas: Canvas) throws {
        FieldShader.shade(
            target, of: model, viewport: viewport, palette: palette, mapping: mapping,
            into: surface)
    }

    func drawVector(on canvas: Canvas) throws {
        let r = viewport.rect
        let image = try Surface.image(width: max(1, Int(r.width)), height: max(1, Int(r.height)))
        FieldShader.shade(
            target, of: model, viewport: viewport, palette: palette, mapping: mapping,
            into: image, offset: (Int(r.x), Int(r.y)))
        canvas.paint(image: image, at: PixelPoint(r.x, r.y), size: r)
    }
}

/// Shades a network value at the centre of every pixel of a viewport into an image.
///
/// Each row is evaluated by Backprop's ``FastRow`` (single precision, eight pixels at a time)
/// and coloured through the palette's ``ShadeRamp`` while it is still in cache.
enum FieldShader {
    /// Shades the viewport's pixels into `surface`, an opaque image, at the viewport's place
    /// (shifted by `offset` pixels: a separate image of the plot's size uses its top-left corner).
    static func shade(
        _ target: ModelValue, of net: ModelEvaluator, viewport: Viewport, palette: Palette,
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
        let rows = FastRow(net: net, target: target, width: width)
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

/// Turns a row of pre-activations into pixels for one ``ShadeMapping``, eight at a time.
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

    /// Writes `count` pixels from the values in `z`.
    func fill(_ out: UnsafeMutablePointer<UInt32>, from z: UnsafeMutablePointer<Octet>, count: Int)
    {
        let whole = count / 8
        let raw = UnsafeMutableRawPointer(out)
        var tail = SIMD8<UInt32>()
        switch mapping {
        case .logistic(let k):
            ramp.pixels.withUnsafeBufferPointer { table in
                guard let t = table.baseAddress else { return }
                // Entry round(z·scale + offset), clamped to the table; NaN gives the middle.
                let scale = Float(ramp.scale * k)
                let offset = Float(ShadeRamp.range * ramp.scale)
                let top = Octet(repeating: Float(table.count - 1))
                for o in 0...whole where o < whole || 8 * whole < count {
                    var u = z[o] * scale + offset
                    u = u.replacing(with: offset, where: u .!= u)
                    let pixels = RowColouring.lookUp(t, RowColouring.clamped(u, to: top))
                    if o < whole {
                        raw.storeBytes(of: pixels, toByteOffset: 32 * o, as: SIMD8<UInt32>.self)
                    } else {
                        tail = pixels
                    }
                }
            }
        case .relu(let scale):
            reluPixels.withUnsafeBufferPointer { table in
                guard let t = table.baseAddress else { return }
                let s = Float(1023 / max(scale, 1e-12))
                let top = Octet(repeating: 1023)
                let off = SIMD8<UInt32>(repeating: ramp.offPixel)
                for o in 0...whole where o < whole || 8 * whole < count {
                    let v = z[o]
                    let on = RowColouring.lookUp(t, RowColouring.clamped(v * s, to: top))
                    let pixels = on.replacing(with: off, where: .!(v .> 0))
                    if o < whole {
                        raw.storeBytes(of: pixels, toByteOffset: 32 * o, as: SIMD8<UInt32>.self)
                    } else {
                        tail = pixels
                    }
                }
            }
        }
        for k in 0..<(count - 8 * whole) { out[8 * whole + k] = tail[k] }
    }

    /// `u` within `0...top`, NaN as 0.
    @inline(__always)
    private static func clamped(_ u: Octet, to top: Octet) -> Octet {
        u.replacing(with: 0, where: .!(u .>= 0)).replacing(with: top, where: u .> top)
    }

    /// The table entries at `u` rounded to the nearest whole number (`u` in `0..<2²³`).
    @inline(__always)
    private static func lookUp(_ t: UnsafePointer<UInt32>, _ u: Octet) -> SIMD8<UInt32> {
        // Adding 2²³ leaves round(u) in the low mantissa bits.
        let k = unsafeBitCast(u + 0x1p23, to: SIMD8<UInt32>.self) & 0x7F_FFFF
        return SIMD8(
            t[Int(k[0])], t[Int(k[1])], t[Int(k[2])], t[Int(k[3])], t[Int(k[4])], t[Int(k[5])],
            t[Int(k[6])], t[Int(k[7])])
    }
}
