import Backprop
import Foundation
import Testing

@testable import Figures

/// The point's wish and the network diagram, checked against the run record and Backprop.
@Suite struct WishTests {
    static func renderer(_ hidden: [Int], focus: Focus?, wish: WishSource? = nil) throws
        -> FigureRenderer
    {
        var options = RenderOptions(width: 320, height: 180)
        options.focus = focus
        options.wish = wish
        return try FigureRenderer(run: try Fixtures.run(hidden: hidden), options: options)
    }

    /// −η × Backprop's per-point gradient at the run's snapshot.
    static func wish(_ run: TrainingRun, snapshot: Int, point k: Int) throws -> [Layer] {
        let network = try Network(
            layers: run.snapshots[snapshot].layers, activation: run.network.activation)
        return network.gradient(at: run.data.points[k], label: run.data.labels[k])
            .scaled(by: -run.training.learningRate)
    }

    @Test(arguments: [[2], [3, 2], []] as [[Int]])
    func eachDrawnWishIsMinusEtaTimesThePointsGradient(hidden: [Int]) throws {
        let renderer = try Self.renderer(hidden, focus: .worst)
        let run = renderer.run
        for snapshot in run.snapshots.indices {
            let figure = try renderer.render(.frame, snapshot: snapshot, format: .png)
            let focus = try #require(figure.panels.compactMap(\.focus).first)
            let expected = try Self.wish(
                run, snapshot: snapshot, point: try #require(focus.index) - 1)
            // The worst point is the one with the largest error.
            let model = ModelEvaluator(
                layers: run.snapshots[snapshot].layers, activation: run.network.activation)
            let errors = zip(run.data.points, run.data.labels).map {
                Lesson.crossEntropy(
                    logit: model.preactivation(.output, $0.x1, $0.x2), label: Double($1))
            }
            #expect(errors.max() == focus.error)
            let lines = figure.panels.filter { $0.wish != nil }
            #expect(lines.count == (hidden.first ?? 1))
            for panel in lines {
                let j = (panel.unit ?? 1) - 1
                let w = try #require(panel.wish)
                #expect(abs(w[0] - expected[0].weights[j][0]) < 1e-12)
                #expect(abs(w[1] - expected[0].weights[j][1]) < 1e-12)
                #expect(abs(w[2] - expected[0].biases[j]) < 1e-12)
                // The ghost line is the line moved by the wish, magnified as stated.
                let layer = run.snapshots[snapshot].layers[0]
                let ghost = try #require(panel.ghost)
                let k = focus.magnification
                #expect(abs(ghost[0] - (layer.weights[j][0] + k * w[0])) < 1e-9)
                #expect(abs(ghost[2] - (layer.biases[j] + k * w[2])) < 1e-9)
            }
            // Every panel showing the plane marks the same point.
            #expect(Set(figure.panels.compactMap(\.focus).map(\.index)).count == 1)
        }
    }

    @Test func theWishMatchesFiniteDifferencesOfThePointsError() throws {
        let run = try Fixtures.run(hidden: [2])
        let k = 7
        let wish = try Self.wish(run, snapshot: 1, point: k)
        let layers = run.snapshots[1].layers
        let eta = run.training.learningRate
        func error(_ layers: [Layer]) throws -> Double {
            let network = try Network(layers: layers, activation: run.network.activation)
            return Lesson.crossEntropy(
                logit: network.logit(at: run.data.points[k]), label: Double(run.data.labels[k]))
        }
        let h = 1e-6
        for l in layers.indices {
            for j in 0..<layers[l].units {
                for i in 0..<layers[l].inputs {
                    var up = layers
                    var down = layers
                    up[l].weights[j][i] += h
                    down[l].weights[j][i] -= h
                    let numeric = (try error(up) - error(down)) / (2 * h)
                    #expect(abs(-eta * numeric - wish[l].weights[j][i]) < 1e-6)
                }
            }
        }
    }

    @Test func theWishesOfAllPointsAverageToTheBatchStep() throws {
        let run = try Fixtures.run(hidden: [3, 2])
        for snapshot in run.snapshots.indices {
            let wishes = try run.data.points.indices.map {
                try Self.wish(run, snapshot: snapshot, point: $0)
            }
            let batch = run.snapshots[snapshot].gradient.scaled(by: -run.training.learningRate)
            let n = Double(wishes.count)
            for l in batch.indices {
                for j in 0..<batch[l].units {
                    let bias = wishes.map { $0[l].biases[j] }.reduce(0, +) / n
                    #expect(abs(bias - batch[l].biases[j]) < 1e-12)
                    for i in 0..<batch[l].inputs {
                        let w = wishes.map { $0[l].weights[j][i] }.reduce(0, +) / n
                        #expect(abs(w - batch[l].weights[j][i]) < 1e-12)
                    }
                }
            }
        }
    }

    /// On the diagram figure, and on the diagram a frame shows beside its error curve.
    @Test(arguments: [
        (FigureKind.panel(.diagram), [] as [Int]), (.panel(.diagram), [2]),
        (.panel(.diagram), [3, 2]),
        (.frame, []),
        (.frame, [2]),
    ])
    func diagramEdgesAreColouredByTheSignOfTheirWeight(figure kind: FigureKind, hidden: [Int])
        throws
    {
        var options = RenderOptions(width: 480, height: 270)
        if kind == .frame { (options.width, options.height) = (960, 540) }
        options.focus = .index(3)
        options.frameDiagram = true
        let run = try Fixtures.run(hidden: hidden)
        let renderer = try FigureRenderer(run: run, options: options)
        let figure = try renderer.render(kind, snapshot: 2, format: .png)
        let panel = try #require(figure.panels.first { $0.kind == .diagram })
        #expect(figure.panels.filter { $0.kind == .diagram }.count == 1)
        // Its rect, nodes and edges are in the manifest; nodes inside the rect.
        let rect = Rect(
            x: panel.rect[0], y: panel.rect[1], width: panel.rect[2], height: panel.rect[3])
        let nodes = try #require(panel.nodes)
        #expect(nodes.count == 3 + hidden.reduce(0, +) + hidden.count + 1)
        for node in nodes {
            let (x, y) = (node.centre[0], node.centre[1])
            #expect(rect.minX < x && x < rect.maxX && rect.minY < y && y < rect.maxY, "\(node)")
        }
        let edges = try #require(panel.edges)
        let layers = run.snapshots[2].layers
        #expect(edges.count == layers.map { $0.units * ($0.inputs + 1) }.reduce(0, +))
        let image = try PNGCodec.decode(figure.data)
        var checked = 0
        for (index, edge) in edges.enumerated() {
            // The weight drawn is the run record's.
            let layer = layers[edge.layer - 1]
            let weight =
                edge.input.map { layer.weights[edge.unit - 1][$0 - 1] }
                ?? layer.biases[edge.unit - 1]
            #expect(edge.weight == weight)
            // A pixel a quarter of the way along, where no other edge passes.
            let p = PixelPoint(
                edge.from[0] + 0.25 * (edge.to[0] - edge.from[0]),
                edge.from[1] + 0.25 * (edge.to[1] - edge.from[1]))
            let clear = edges.indices.allSatisfy { other in
                other == index || Self.distance(p, edges[other]) > 4
            }
            guard clear, abs(weight) > 0.05 else { continue }
            let rgb = image.rgb(Int(p.x), Int(p.y))
            #expect(
                weight > 0 ? rgb.blue > rgb.red : rgb.red > rgb.blue,
                "edge \(edge.layer)/\(edge.unit)/\(edge.input ?? 0): w = \(weight), \(rgb)")
            checked += 1
        }
        #expect(checked >= 3)
    }

    static func distance(_ p: PixelPoint, _ edge: DiagramEdgeInfo) -> Double {
        let (ax, ay, bx, by) = (edge.from[0], edge.from[1], edge.to[0], edge.to[1])
        let (dx, dy) = (bx - ax, by - ay)
        let t = max(0, min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / max(1e-12, dx * dx + dy * dy)))
        let (cx, cy) = (ax + t * dx - p.x, ay + t * dy - p.y)
        return (cx * cx + cy * cy).squareRoot()
    }

    @Test func aFocusPointNumberOutsideTheDataIsRefused() throws {
        #expect(throws: FiguresError.self) { try Self.renderer([2], focus: .index(61)) }
        #expect(Focus(argument: "worst") == .worst)
        #expect(Focus(argument: "12") == .index(12))
        #expect(Focus(argument: "0.5, -1") == .near(x1: 0.5, x2: -1))
        #expect(Focus(argument: "middle") == nil)
    }

    @Test func withoutAFocusFramesAreDrawnAsBefore() throws {
        let figure = try Self.renderer([2], focus: nil).render(.frame, snapshot: 1, format: .png)
        #expect(figure.panels.allSatisfy { $0.focus == nil && $0.wish == nil })
    }

    @Test(arguments: [[], [2], [3, 2]] as [[Int]])
    func theStepFiguresNetworkIsTheTrainersNextEpoch(hidden: [Int]) throws {
        let data = try Generator.xor.generate(count: 60, noise: 0.05, seed: 7)
        let run = try Trainer(
            network: try Network(hidden: hidden, seed: 1), data: data,
            options: TrainingOptions(epochs: 40, learningRate: 2), schedule: .list([20, 21])
        ).train(name: "step")
        var options = RenderOptions(width: 320, height: 180)
        options.focus = .worst
        let figure = try FigureRenderer(run: run, options: options)
            .render(.panel(.step), snapshot: 0, format: .svg)
        let panel = try #require(figure.panels.first { $0.kind == .step })
        let after = try #require(panel.after)
        let next = run.snapshots[1]
        for (mine, theirs) in zip(after, next.layers) {
            for j in 0..<theirs.units {
                #expect(abs(mine.biases[j] - theirs.biases[j]) < 1e-12)
                for i in 0..<theirs.inputs {
                    #expect(abs(mine.weights[j][i] - theirs.weights[j][i]) < 1e-12)
                }
            }
        }
        #expect(abs(try #require(panel.errorAfter) - next.error) < 1e-12)
        #expect(panel.focus != nil)
    }
}
