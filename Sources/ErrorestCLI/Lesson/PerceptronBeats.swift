import Backprop
import Figures
import Foundation

/// A beat made concrete: its figure of one snapshot, its caption and every number the caption
/// uses, with the rule that chose them.
struct PlannedBeat {
    var beat: Beat
    /// `perceptron` or `network`: the run the figure shows.
    var part: String
    var figure: FigureKind
    var options: RenderOptions
    /// The index in the part's snapshots.
    var snapshot: Int
    var epoch: Int
    var caption: String
    /// The numbers the caption states, unrounded, by name.
    var numbers: [String: Double]
}

/// The perceptron beats: the search for the focus point and epoch, then each caption.
struct PerceptronBeats {
    let run: TrainingRun
    let focus: LessonFocus
    /// The lesson file, for messages.
    let source: String

    /// The point and snapshot the `perceptron`, `wish` and `step` beats are told at, by
    /// ``Beat/rule``; throws exit 65 naming `beat` when none satisfies it.
    func chosen(for beat: Beat) throws -> (snapshot: Int, asks: PointAsks) {
        let g = run.network.activation
        let eta = run.training.learningRate
        for (s, snapshot) in run.snapshots.enumerated() {
            let candidates: [(Int?, Point, Int)]
            switch focus {
            case .visitor(let x1, let x2, let y): candidates = [(nil, Point(x1, x2), y)]
            case .index(let n):
                guard n <= run.data.count else {
                    throw ErrorestError.badInput(
                        "\(source): perceptron.focus is point \(n), but the data has "
                            + "\(run.data.count) points.")
                }
                candidates = [(n, run.data.points[n - 1], run.data.labels[n - 1])]
            case .auto:
                candidates = run.data.points.indices.map {
                    ($0 + 1, run.data.points[$0], run.data.labels[$0])
                }
            }
            let fitting = candidates.map {
                PointAsks(
                    snapshot.layers, g, epoch: snapshot.epoch, index: $0.0, point: $0.1,
                    label: $0.2, learningRate: eta)
            }.filter { $0.misclassified && $0.lineComesCloser(0) }
            if let best = fitting.max(by: { $0.error < $1.error }) { return (s, best) }
        }
        throw ErrorestError.badInput(
            "\(source): beat \"\(beat.rawValue)\": no snapshot has a misclassified "
                + (focus == .auto ? "point" : "focus point")
                + " whose own step brings the perceptron's line closer without crossing it; "
                + "try other data, weights or a smaller learning rate.")
    }

    /// The planned beats among `beats` that are about the perceptron.
    func plan(_ beats: [Beat], options base: RenderOptions) throws -> [PlannedBeat] {
        var planned: [PlannedBeat] = []
        for beat in beats where beat.part == "perceptron" {
            planned.append(try plan(beat, options: base))
        }
        return planned
    }

    private func plan(_ beat: Beat, options base: RenderOptions) throws -> PlannedBeat {
        let (s, asks) = try chosen(for: beat)
        var options = base
        options.focus =
            asks.index.map { .index($0) }
            ?? .visitor(x1: asks.point.x1, x2: asks.point.x2, label: asks.label)
        let w = asks.layers[0].weights[0]
        let b = asks.layers[0].biases[0]
        let colour = asks.label == 1 ? "blue" : "red"
        let other = asks.label == 1 ? "red" : "blue"
        let at = "(\(f2(asks.point.x1)), \(f2(asks.point.x2)))"
        var numbers: [String: Double] = [
            "x1": asks.point.x1, "x2": asks.point.x2, "y": Double(asks.label),
            "yHat": asks.output, "w1": w[0], "w2": w[1], "b": b,
        ]
        let epoch = run.snapshots[s].epoch
        func beatAt(_ figure: FigureKind, _ snapshot: Int, _ caption: String) -> PlannedBeat {
            PlannedBeat(
                beat: beat, part: "perceptron", figure: figure, options: options,
                snapshot: snapshot, epoch: run.snapshots[snapshot].epoch, caption: caption,
                numbers: numbers)
        }
        switch beat {
        case .perceptron:
            options.wish = WishSource.none
            let who = asks.index == nil ? "A point coming in" : "The ringed point"
            return beatAt(
                .frame, s,
                "A perceptron ŷ = σ(w1·x1 + w2·x2 + b) at epoch \(epoch): w1 = \(f2(w[0])), "
                    + "w2 = \(f2(w[1])), b = \(f2(b)). \(who) at \(at) is \(colour) (y = "
                    + "\(asks.label)), but the model gives it P(blue) = ŷ = \(f2(asks.output)): it "
                    + "sits in the \(other) region, so for this point the model is bad.")
        case .wish:
            options.wish = .point
            let dw1 = asks.weightChange(input: 0)
            let dw2 = asks.weightChange(input: 1)
            let db = asks.biasChange()
            numbers.merge(["dw1": dw1, "dw2": dw2, "db": db, "eta": run.training.learningRate]) {
                $1
            }
            return beatAt(
                .panel(.diagram), s,
                "Backpropagation asks the point: what do you want the model to do? \"I am "
                    + "misclassified: bring the boundary closer.\" Its wish −η∂e/∂w (η = "
                    + "\(f2(run.training.learningRate))): w1 \(change(dw1)), w2 \(change(dw2)), "
                    + "b \(change(db)). ▲/▼ mark the sign of each change.")
        case .step:
            options.wish = .point
            // W′ where the step puts it, so the picture shows what the caption says.
            options.wishMagnification = 1
            let after = asks.stepped[0]
            numbers.merge([
                "w1After": after.weights[0][0], "w2After": after.weights[0][1],
                "bAfter": after.biases[0], "distance": asks.distances[0],
                "distanceAfter": asks.distancesAfter[0], "yHatAfter": asks.outputAfter,
            ]) { $1 }
            return beatAt(
                .frame, s,
                "The point's own full step W′ = W − η∇e(W): w1 \(f2(w[0])) → "
                    + "\(f2(after.weights[0][0])), w2 \(f2(w[1])) → \(f2(after.weights[0][1])), "
                    + "b \(f2(b)) → \(f2(after.biases[0])). Its distance to the line goes from "
                    + "\(f2(asks.distances[0])) to \(f2(asks.distancesAfter[0])): the new line W′ "
                    + "is closer, and ŷ \(moves(asks.output, asks.outputAfter)). "
                    + "The dashed line is W′, drawn where that step puts it (×1).")
        case .mountain:
            options.wish = WishSource.none
            let before = run.snapshots[s].error
            let next = run.step(from: run.snapshots[s])
            let after = Story.error(next, run.network.activation, on: run.data)
            guard after < before else {
                throw ErrorestError.badInput(
                    "\(source): beat \"mountain\": the full-batch step at epoch \(epoch) does not "
                        + "lower the error (\(f3(before)) → \(f3(after))); try a smaller "
                        + "learning rate.")
            }
            numbers = ["E": before, "EAfter": after, "eta": run.training.learningRate]
            return beatAt(
                .panel(.mountain), s,
                "This is a step down Mt. Errorest, whose height is the error E(W) over the "
                    + "weights: the whole batch's training step −η∇E(W) takes it from E(W) = "
                    + "\(f3(before)) down to E(W′) = \(f3(after)).")
        default:  // descent: the only other perceptron beat
            options.wish = WishSource.none
            let last = run.snapshots.count - 1
            let (first, end) = (run.snapshots[0].error, run.snapshots[last].error)
            guard end < first else {
                throw ErrorestError.badInput(
                    "\(source): beat \"descent\": the error does not fall over the run "
                        + "(\(f3(first)) → \(f3(end))).")
            }
            numbers = [
                "E0": first, "ELast": end, "epochs": Double(run.snapshots[last].epoch),
                "accuracy": run.snapshots[last].accuracy,
            ]
            return beatAt(
                .panel(.surface), last,
                "Again and again, down the mountain: \(run.snapshots[last].epoch) steps take "
                    + "E from \(f3(first)) to \(f3(end)); the line now classifies "
                    + String(format: "%.1f", run.snapshots[last].accuracy * 100)
                    + "% of the points right.")
        }
    }
}

/// `higher by 1.35` or `lower by 0.40`: two decimals, more for a change below 0.1, so that two
/// significant digits always show.
func change(_ delta: Double) -> String {
    let digits = delta == 0 ? 2 : max(2, 1 - Int(floor(log10(abs(delta)))))
    let size = String(format: "%.\(digits)f", abs(delta))
    return (delta > 0 ? "higher by " : delta < 0 ? "lower by " : "unchanged at ") + size
}

/// `rises from 0.23 to 0.41` or `falls from …`.
func moves(_ before: Double, _ after: Double) -> String {
    (after > before ? "rises" : "falls") + " from \(f2(before)) to \(f2(after))"
}

/// Two decimals, with a true minus sign.
func f2(_ x: Double) -> String { signed(String(format: "%.2f", x)) }

/// Three decimals, with a true minus sign.
func f3(_ x: Double) -> String { signed(String(format: "%.3f", x)) }

private func signed(_ text: String) -> String {
    if text == "-0.00" || text == "-0.000" { return String(text.dropFirst()) }
    return text.hasPrefix("-") ? "−" + text.dropFirst() : text
}
