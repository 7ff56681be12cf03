import Backprop
import Figures
import Foundation

extension NetworkBeats {
    /// The planned beats among `beats` that are about the network.
    func plan(_ beats: [Beat], options base: RenderOptions) throws -> [PlannedBeat] {
        let story = beats.filter { $0.part == "network" }
        let choice = try story.contains(where: \.followsNetworkFocus) ? chosen() : nil
        return try story.map { beat in
            if let choice, beat.followsNetworkFocus {
                return caption(beat, choice, options: base)
            }
            return try whole(beat, options: base)
        }
    }

    /// The beats about the whole run: `kilimanjerror` and `result`.
    private func whole(_ beat: Beat, options base: RenderOptions) throws -> PlannedBeat {
        var options = base
        options.wish = WishSource.none
        let last = run.snapshots.count - 1
        let (first, end) = (run.snapshots[0].error, run.snapshots[last].error)
        guard end < first else {
            throw ErrorestError.badInput(
                "\(source): beat \"\(beat.rawValue)\": the network's error does not fall over "
                    + "the run (\(f3(first)) → \(f3(end))).")
        }
        var numbers = ["E0": first, "ELast": end, "epochs": Double(run.snapshots[last].epoch)]
        let epochs = run.snapshots[last].epoch
        if beat == .kilimanjerror {
            options.surface.axes = .pca
            let surface = try ErrorSurface(
                run: run, snapshot: last,
                options: SurfaceOptions(gridSize: 11, span: options.surface.span, axes: .pca))
            let share = surface.principal?.varianceShare ?? 1
            let gap = surface.path.map(\.gap).max() ?? 0
            let count = run.snapshots[last].layers.reduce(0) { $0 + $1.parameterCount }
            numbers.merge(["varianceShare": share, "largestGap": gap, "parameters": Double(count)])
            { $1 }
            return PlannedBeat(
                beat: beat, part: "network", figure: .panel(.mountain), options: options,
                snapshot: last, epoch: epochs,
                caption: "For a multi-layer perceptron the mountain is Mt. Kilimanjerror, over "
                    + "all \(count) weights and biases. Drawn here over the plane of the training "
                    + "path's two principal directions, which explains "
                    + String(format: "%.1f", share * 100) + "% of the path's variance; along "
                    + "the path the drawn height is within \(f3(gap)) of the true error. Same "
                    + "walk: \(epochs) steps take E from \(f3(first)) to \(f3(end)).",
                numbers: numbers)
        }
        let accuracy = run.snapshots[last].accuracy
        numbers["accuracy"] = accuracy
        return PlannedBeat(
            beat: beat, part: "network", figure: .frame, options: options, snapshot: last,
            epoch: epochs,
            caption: "After \(epochs) epochs of these steps, every point asking at once: E falls "
                + "from \(f3(first)) to \(f3(end)) and the network classifies "
                + String(format: "%.1f", accuracy * 100) + "% of the points right, its "
                + "\(run.network.hidden[0]) linear models combined into a nonlinear boundary.",
            numbers: numbers)
    }

    /// A beat told at the chosen point and epoch.
    private func caption(_ beat: Beat, _ choice: Choice, options base: RenderOptions)
        -> PlannedBeat
    {
        let u = choice.units
        let a = u.asks
        let (r, w) = (choice.right, choice.wrong)
        var options = base
        options.focus =
            a.index.map { .index($0) } ?? .visitor(x1: a.point.x1, x2: a.point.x2, label: a.label)
        options.wish = WishSource.none
        let colour = a.label == 1 ? "blue" : "red"
        let other = a.label == 1 ? "red" : "blue"
        var numbers: [String: Double] = [
            "x1": a.point.x1, "x2": a.point.x2, "y": Double(a.label), "yHat": a.output,
        ]
        for j in u.v.indices {
            numbers["h\(j + 1)"] = u.hidden[j]
            numbers["v\(j + 1)"] = u.v[j]
            numbers["vote\(j + 1)"] = u.votes[j]
        }
        func planned(_ figure: FigureKind, _ caption: String) -> PlannedBeat {
            PlannedBeat(
                beat: beat, part: "network", figure: figure, options: options,
                snapshot: choice.snapshot, epoch: a.epoch, caption: caption, numbers: numbers)
        }
        let g = run.network.activation.rawValue
        switch beat {
        case .feedforward:
            let hs = u.hidden.indices.map { "h\($0 + 1) = \(f2(u.hidden[$0]))" }
            return planned(
                .frame,
                "Feedforward at epoch \(a.epoch): the point (x1, x2) = (\(f2(a.point.x1)), "
                    + "\(f2(a.point.x2))) with y = \(a.label) goes into each hidden linear model, "
                    + "h = \(g)(w·x + b): " + hs.joined(separator: ", ") + ". The output "
                    + "combines them: ŷ = σ(v·h + c) = \(f2(a.output)), its P(blue).")
        case .verdict:
            return planned(
                .panel(.output),
                "The model predicts \(other) for this \(colour) point (ŷ = \(f2(a.output)), "
                    + (a.label == 1 ? "below" : "above") + " 0.5). The point wants the "
                    + "\(colour) region to come closer: ŷ to " + (a.label == 1 ? "rise." : "fall."))
        case .whichIsRight:
            options.hiddenShading = .vote
            return planned(
                .panel(.hidden),
                "Of the hidden models, h\(r + 1) classifies the point right: its vote "
                    + "v\(r + 1)·h\(r + 1) = \(f2(u.votes[r])) pushes ŷ toward \(colour). "
                    + "h\(w + 1) misclassifies it: v\(w + 1)·h\(w + 1) = \(f2(u.votes[w])) pushes "
                    + "toward \(other).")
        case .listen:
            options.wish = .point
            numbers.merge(["v\(r + 1)After": u.vAfter[r], "v\(w + 1)After": u.vAfter[w]]) { $1 }
            return planned(
                .panel(.diagram),
                "So the output listens more to the right model and less to the wrong one. "
                    + "Along the point's own step: v\(r + 1) \(f2(u.v[r])) → \(f2(u.vAfter[r])) "
                    + "(|v\(r + 1)| grows: listens more to h\(r + 1)), v\(w + 1) "
                    + "\(f2(u.v[w])) → \(f2(u.vAfter[w])) (|v\(w + 1)| shrinks: listens less to "
                    + "h\(w + 1)). ▲/▼ on the edges are the signs of the changes.")
        case .moveLines:
            options.wish = .point
            options.hiddenShading = .vote
            let d = a.distances
            let d2 = a.distancesAfter
            numbers.merge([
                "distance\(w + 1)": d[w], "distance\(w + 1)After": d2[w],
                "distance\(r + 1)": d[r], "distance\(r + 1)After": d2[r],
            ]) { $1 }
            return planned(
                .frame,
                "The point asks the hidden models too. Along its own step, the wrong model's "
                    + "line (h\(w + 1)) comes closer: distance \(f3(d[w])) → \(f3(d2[w])); the "
                    + "right model's line (h\(r + 1)) moves away: \(f3(d[r])) → \(f3(d2[r])). "
                    + "A small step of the wish moves them the same ways.")
        default:
            options.wish = .point
            let db = a.wish[0].biases
            for j in db.indices { numbers["db\(j + 1)"] = db[j] }
            numbers["dc"] = u.dc
            let changes = db.indices.map { "b\($0 + 1) \(change(db[$0]))" } + ["c \(change(u.dc))"]
            return planned(
                .panel(.diagram),
                "The biases are updated as well (left out of the pictures until now, for "
                    + "clarity): " + changes.joined(separator: ", ") + ", by the point's own step.")
        }
    }
}
