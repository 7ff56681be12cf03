import Backprop
import Foundation

/// The point a figure follows and what it asks of the network: the derived data of issue 8.
struct FocusPoint: Sendable {
    /// Its index in the data, from 0; nil for a visitor (``Focus/visitor(x1:x2:label:)``).
    let index: Int?
    let point: Point
    let label: Int
    /// `ŷ` at the point.
    let output: Double
    /// Its error `e = −y ln ŷ − (1 − y) ln(1 − ŷ)`.
    let error: Double
    /// Its wish: `−η ∂e/∂(W, b)`, the step this point alone asks of every weight and bias, in
    /// the shapes of the layers (Backprop's per-point gradient times `−η`).
    let wish: [Layer]
    /// The factor every wish is drawn magnified by (1, 2 or 5 times a power of ten): the run's
    /// one factor (``FocusPoint/runMagnification(_:run:)``) when it is given, so that arrows
    /// compare from frame to frame; else this snapshot's own.
    let magnification: Double

    /// The point `focus` picks in `run` at `snapshot` (or the visitor it names), or nil if the
    /// data is empty; its wish drawn `magnification` times (this snapshot's own when nil).
    init?(
        _ focus: Focus, run: TrainingRun, snapshot: Snapshot, model: ModelEvaluator,
        magnification: Double? = nil
    ) {
        var points = run.data.points
        var labels = run.data.labels
        if case .visitor(let x1, let x2, let y) = focus {
            (points, labels) = ([Point(x1, x2)], [y])
        }
        guard !points.isEmpty else { return nil }
        let logits = points.map { model.preactivation(.output, $0.x1, $0.x2) }
        let errors = zip(logits, labels).map { Lesson.error(z: $0, y: Double($1)) }
        let chosen: Int
        switch focus {
        case .worst:
            chosen = errors.indices.max { errors[$0] < errors[$1] } ?? 0
        case .index(let n):
            chosen = min(max(n - 1, 0), points.count - 1)
        case .near(let x1, let x2):
            let distances = points.map { ($0.x1 - x1) * ($0.x1 - x1) + ($0.x2 - x2) * ($0.x2 - x2) }
            chosen = distances.indices.min { distances[$0] < distances[$1] } ?? 0
        case .visitor:
            chosen = 0
        }
        if case .visitor = focus { index = nil } else { index = chosen }
        point = points[chosen]
        label = labels[chosen]
        output = sigmoid(logits[chosen])
        error = errors[chosen]
        let g = run.network.activation
        let (a, z) = Lesson.forward(snapshot.layers, g, at: point)
        let gradient = Lesson.backward(snapshot.layers, g, a: a, z: z, y: Double(label))
        wish = gradient.scaled(by: -run.training.learningRate)
        self.magnification =
            magnification
            ?? FocusPoint.magnification(
                layers: snapshot.layers, wish: wish, at: point, span: run.domain.shortestSide)
    }

    /// One magnification for every snapshot of `run`: the median of the snapshots' own factors,
    /// so that a wish's arrow keeps its scale through an animation and the legend states one
    /// factor; 1 when nothing is followed.
    static func runMagnification(_ focus: Focus, run: TrainingRun) -> Double {
        let factors = run.snapshots.compactMap { snapshot in
            FocusPoint(
                focus, run: run, snapshot: snapshot,
                model: ModelEvaluator(layers: snapshot.layers, activation: run.network.activation)
            )?.magnification
        }.sorted()
        guard !factors.isEmpty else { return 1 }
        return factors[(factors.count - 1) / 2]
    }

    /// A factor that moves the line that moves most by about a seventh of the view at the
    /// point: 1, 2 or 5 times a power of ten (below 1 when one point alone asks for more); see
    /// ``Story/magnification(_:wish:at:span:)``.
    static func magnification(layers: [Layer], wish: [Layer], at p: Point, span: Double)
        -> Double
    {
        Story.magnification(layers, wish: wish, at: p, span: span)
    }

    /// The network with every wish taken, magnified: what the ghost lines show.
    func ghost(of layers: [Layer]) -> [Layer] {
        zip(layers, wish).map { layer, step in
            Layer(
                weights: zip(layer.weights, step.weights).map { w, dw in
                    zip(w, dw).map { $0 + magnification * $1 }
                },
                biases: zip(layer.biases, step.biases).map { $0 + magnification * $1 })
        }
    }
}

extension [Layer] {
    /// Every weight and bias times `factor`.
    func scaled(by factor: Double) -> [Layer] {
        map { layer in
            Layer(
                weights: layer.weights.map { $0.map { factor * $0 } },
                biases: layer.biases.map { factor * $0 })
        }
    }
}

extension Domain {
    /// The shorter side of the view, in data units.
    var shortestSide: Double {
        min(x1.upperBound - x1.lowerBound, x2.upperBound - x2.lowerBound)
    }
}

extension FocusPoint {
    /// The manifest's description, drawn at `pixel`.
    func info(pixel: PixelPoint?) -> FocusInfo {
        FocusInfo(
            index: index.map { $0 + 1 }, point: [point.x1, point.x2], label: label,
            output: output, error: error, pixel: pixel.map { [$0.x, $0.y] },
            magnification: magnification)
    }
}

extension FocusPoint {
    /// The magnification as the legend writes it: `1 000` or `0.2`.
    var magnificationText: String {
        magnification >= 1
            ? Ticks.grouped(Int(magnification.rounded()))
            : Ticks.fixed(magnification, decimals: max(1, Int(-log10(magnification).rounded(.up))))
    }
}
