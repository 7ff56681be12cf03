import Backprop
import Testing

@testable import Figures

/// The single-precision shading path gives every pixel the shade of the exact value.
@Suite struct ShadingTests {
    /// Random networks of several shapes, with weights large enough to saturate.
    static let cases: [([Int], Activation, Double)] = [
        ([], .sigmoid, 3), ([4], .sigmoid, 30), ([3], .tanh, 4), ([4], .relu, 2),
        ([3, 2], .sigmoid, 3), ([2, 3], .relu, 1),
    ]

    @Test(arguments: cases)
    func everyPixelHasTheShadeOfTheExactValue(
        hidden: [Int], activation: Activation, scale: Double
    ) throws {
        let base = try Network(hidden: hidden, activation: activation, seed: 3)
        var random = SeededRandom(seed: 9)
        let layers = base.layers.map { layer in
            Layer(
                weights: layer.weights.map { $0.map { _ in scale * random.gaussian() } },
                biases: layer.biases.map { _ in random.gaussian() })
        }
        let net = ModelEvaluator(layers: layers, activation: activation)
        // 61 pixels wide: seven whole octets and a part of one.
        let rect = Rect(x: 3, y: 2, width: 61, height: 23)
        let viewport = Viewport(domain: Domain(x1: -1.6...1.4, x2: -1.1...1.3), rect: rect)
        let palette = Palette.lesson
        let ramp = palette.ramp
        var targets: [ModelValue] = [.output]
        for (l, units) in hidden.enumerated() {
            for j in 0..<units { targets.append(.unit(layer: l, unit: j)) }
        }
        for target in targets {
            let surface = try Surface.image(width: 70, height: 30)
            let mapping = ShadeMapping.of(target, activation: activation, reluScale: 2.5)
            FieldShader.shade(
                target, of: net, viewport: viewport, palette: palette, mapping: mapping,
                into: surface)
            surface.flush()
            let image = try #require(PixelImage(surface))
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let pixel = image.row(y)[x] & 0x00FF_FFFF
                    guard
                        rect.minX <= Double(x) && Double(x) < rect.maxX
                            && rect.minY <= Double(y) && Double(y) < rect.maxY
                    else {
                        #expect(pixel == 0, "(\(x), \(y)) is outside the plot")
                        continue
                    }
                    let p = viewport.data(PixelPoint(Double(x) + 0.5, Double(y) + 0.5))
                    let z = net.preactivation(target, p.x1, p.x2)
                    // The exact shade's table entry or a neighbour: less than a level apart.
                    var allowed: [UInt32] = []
                    switch mapping {
                    case .logistic(let k):
                        let i = ramp.index(logit: k * z)
                        allowed = (max(0, i - 1)...min(ShadeRamp.count - 1, i + 1)).map {
                            ramp.pixels[$0]
                        }
                    case .relu(let s):
                        guard abs(z) > 1e-4 else { continue }
                        if z <= 0 {
                            allowed = [ramp.offPixel]
                        } else {
                            let i = Int(min(1023, z * 1023 / s + 0.5))
                            allowed = (max(0, i - 1)...min(1023, i + 1)).map {
                                palette.shade(0.5 + 0.5 * Double($0) / 1023).pixel
                            }
                        }
                    }
                    #expect(
                        allowed.contains(pixel),
                        "\(target) at (\(x), \(y)): z = \(z), pixel \(pixel), allowed \(allowed)")
                }
            }
        }
    }
}
