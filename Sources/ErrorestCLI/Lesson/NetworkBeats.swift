import Backprop
import Figures
import Foundation

/// The network beats: the search for the focus point and epoch, then each caption.
struct NetworkBeats {
    let run: TrainingRun
    let focus: LessonFocus
    /// The lesson file, for messages.
    let source: String

    /// The chosen point and snapshot, with the right and the wrong unit the story is about.
    struct Choice {
        var snapshot: Int
        var units: UnitsAsked
        var right: Int
        var wrong: Int
    }

    /// The claims of the rule (``Beat/rule``) in the order the beats make them; the search
    /// names the beat of the first claim no point satisfies at any snapshot.
    private static let claims: [(Beat, String)] = [
        (.verdict, "a point the network misclassifies"),
        (
            .whichIsRight,
            "a misclassified point with one hidden unit voting for its label and one against"
        ),
        (
            .listen,
            "the right unit's |v| growing and the wrong one's shrinking under the point's small "
                + "and full step"
        ),
        (
            .moveLines,
            "the wrong unit's line coming closer and the right one's moving away under the "
                + "point's small and full step"
        ),
    ]

    /// True when `u` satisfies claim `k` of ``claims`` (and every claim before it).
    private static func holds(_ k: Int, _ u: UnitsAsked) -> Bool {
        guard u.asks.misclassified else { return false }
        guard k >= 1 else { return true }
        guard let (r, w) = pair(u) else { return false }
        guard k >= 2 else { return true }
        guard u.listensMore(r), u.listensLess(w) else { return false }
        return k == 2 || (u.lineComesCloser(w) && u.lineMovesAway(r))
    }

    /// The right and the wrong unit with the largest |vote|, when there are both.
    private static func pair(_ u: UnitsAsked) -> (Int, Int)? {
        guard u.asks.misclassified,
            let r = u.right.max(by: { abs(u.votes[$0]) < abs(u.votes[$1]) }),
            let w = u.wrong.max(by: { abs(u.votes[$0]) < abs(u.votes[$1]) })
        else { return nil }
        return (r, w)
    }

    /// The point and snapshot of the network-focus beats; exit 65 naming the first beat whose
    /// claim no point at any snapshot satisfies.
    func chosen() throws -> Choice {
        guard run.network.hidden.count == 1 else {
            throw ErrorestError.badInput(
                "\(source): beat \"which-is-right\": the network part needs exactly one hidden "
                    + "layer; it has \(run.network.hidden.count).")
        }
        let g = run.network.activation
        var reached = -1
        var best: (score: (Int, Double), choice: Choice)?
        for (s, snapshot) in run.snapshots.enumerated() {
            let all = try LessonCandidates.of(focus, in: run, part: "network", source: source).map {
                UnitsAsked(
                    snapshot.layers, g, epoch: snapshot.epoch, index: $0.index, point: $0.point,
                    label: $0.label, learningRate: run.training.learningRate)
            }
            var fitting = all
            for k in NetworkBeats.claims.indices {
                fitting = fitting.filter { NetworkBeats.holds(k, $0) }
                if !fitting.isEmpty { reached = max(reached, k) }
            }
            for u in fitting {
                guard let (r, w) = NetworkBeats.pair(u) else { continue }
                // Blue points first (the lesson's story), then the clearest votes.
                let score = (u.asks.label, min(abs(u.votes[r]), abs(u.votes[w])))
                if best.map({ score > $0.score }) ?? true {
                    best = (score, Choice(snapshot: s, units: u, right: r, wrong: w))
                }
            }
        }
        if let best { return best.choice }
        let (beat, claim) = NetworkBeats.claims[reached + 1]
        throw ErrorestError.badInput(
            "\(source): beat \"\(beat.rawValue)\": no snapshot of the network has \(claim)"
                + (focus == .auto ? "" : " at the focus point") + "; try other data, another "
                + "initial seed or the tanh activation.")
    }
}

/// The points a part's focus allows: the visitor, the numbered point or every data point.
enum LessonCandidates {
    static func of(_ focus: LessonFocus, in run: TrainingRun, part: String, source: String) throws
        -> [(index: Int?, point: Point, label: Int)]
    {
        switch focus {
        case .visitor(let x1, let x2, let y): return [(nil, Point(x1, x2), y)]
        case .index(let n):
            guard n <= run.data.count else {
                throw ErrorestError.badInput(
                    "\(source): \(part).focus is point \(n), but the data has "
                        + "\(run.data.count) points.")
            }
            return [(n, run.data.points[n - 1], run.data.labels[n - 1])]
        case .auto:
            return run.data.points.indices.map {
                ($0 + 1, run.data.points[$0], run.data.labels[$0])
            }
        }
    }
}
