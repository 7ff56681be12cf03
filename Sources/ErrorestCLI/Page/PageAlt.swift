import Backprop
import Foundation

/// The alt text of a lesson page's frame: what the frame shows, in words, from the run record.
enum PageAlt {
    /// The alt text of the frame of snapshot `index`.
    ///
    /// For example "Epoch 120: E(W) = 0.3412, accuracy 91.0%. Hidden unit 1's line: x2 =
    /// 0.52·x1 + 0.3, rising; the unit is on above it. … The output ŷ is above 0.5 (blue) for
    /// 104 of 200 points."
    static func text(run: TrainingRun, snapshot index: Int) -> String {
        let snapshot = run.snapshots[index]
        let epoch =
            snapshot.stepFraction == nil
            ? "Epoch \(snapshot.epoch)"
            : "Epoch \(snapshot.epoch), "
                + String(format: "%.0f%%", (snapshot.stepFraction ?? 0) * 100)
                + " of the way to the next"
        var sentences = [
            epoch + ": E(W) = " + PageData.number(snapshot.error, 4) + ", accuracy "
                + String(format: "%.1f%%", snapshot.accuracy * 100) + "."
        ]
        let first = snapshot.layers[0]
        let kind = snapshot.layers.count > 1 ? "Hidden unit" : "The perceptron"
        for unit in 0..<first.units where first.inputs == 2 {
            let name = snapshot.layers.count > 1 ? "\(kind) \(unit + 1)" : kind
            sentences.append(
                name + "'s line: "
                    + line(
                        w1: first.weights[unit][0], w2: first.weights[unit][1],
                        b: first.biases[unit])
                    + ".")
        }
        let g = run.network.activation
        let blue = run.data.points.filter { Story.output(snapshot.layers, g, at: $0) > 0.5 }.count
        sentences.append(
            "The output ŷ is above 0.5 (blue) for \(blue) of \(run.data.count) points.")
        return sentences.joined(separator: " ")
    }

    /// The line `w1·x1 + w2·x2 + b = 0` in words, with the side where the unit is on.
    static func line(w1: Double, w2: Double, b: Double) -> String {
        func n(_ x: Double) -> String { PageData.number(x, 3) }
        if w2 != 0 {
            let slope = -w1 / w2
            let offset = -b / w2
            let shape = abs(slope) < 1e-3 ? "flat" : slope > 0 ? "rising" : "falling"
            let sign = offset < 0 ? " − " : " + "
            return "x2 = " + n(slope) + "·x1" + sign + n(abs(offset)) + ", " + shape
                + "; the unit is on " + (w2 > 0 ? "above" : "below") + " it"
        }
        if w1 != 0 {
            return "x1 = " + n(-b / w1) + ", upright; the unit is on to its "
                + (w1 > 0 ? "right" : "left")
        }
        return "none, both weights are 0; the unit is " + (b > 0 ? "on" : "off") + " everywhere"
    }
}
