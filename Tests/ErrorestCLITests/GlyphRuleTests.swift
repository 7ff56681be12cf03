import Foundation
import Testing

/// One meaning per glyph: ▲ a positive change asked, ▼ a negative one.
///
/// In the frames' hidden-unit titles and on the diagram's edges alike; "listens more" and "less"
/// are words, from `|v + Δv|` against `|v|`. Every marker in the manifest is checked against the
/// run record, its change recomputed here by hand from the snapshot's weights (not through
/// Backprop).
@Suite struct GlyphRuleTests {
    /// `g(z)` and `g′(z)` of a hidden activation, written out.
    static func activation(_ name: String, _ z: Double) -> (a: Double, slope: Double) {
        if name == "tanh" {
            let a = Foundation.tanh(z)
            return (a, 1 - a * a)
        }
        let a = 1 / (1 + exp(-z))
        return (a, a * (1 - a))
    }

    /// `−η ∂e/∂θ` of one point for a network with one hidden layer, by the chain rule written
    /// out: `[hidden weights [j][i], hidden biases [j], output weights [j], output bias]`.
    static func wish(
        _ layers: [[String: Any]], activation name: String, point x: [Double], label y: Double,
        eta: Double
    ) throws -> (w: [[Double]], b: [Double], v: [Double], c: Double) {
        let w = try #require(layers[0]["weights"] as? [[Double]])
        let b = try #require(layers[0]["biases"] as? [Double])
        let v = try #require((layers[1]["weights"] as? [[Double]])?.first)
        let c = try #require((layers[1]["biases"] as? [Double])?.first)
        let hidden = w.indices.map { j in activation(name, w[j][0] * x[0] + w[j][1] * x[1] + b[j]) }
        var z = c
        for j in v.indices { z += v[j] * hidden[j].a }
        let delta = 1 / (1 + exp(-z)) - y
        let dz = v.indices.map { delta * v[$0] * hidden[$0].slope }
        return (
            w: dz.map { d in [-eta * d * x[0], -eta * d * x[1]] }, b: dz.map { -eta * $0 },
            v: hidden.map { -eta * delta * $0.a }, c: -eta * delta
        )
    }

    @Test(arguments: ["sigmoid", "tanh"])
    func everyMarkerAgreesWithTheRecord(activation: String) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "name: g\ndata: {count: 60, noise: 0.05, seed: 3}\n"
                + "network: {hidden: [2], activation: \(activation), init: {seed: 10}}\n"
                + "training: {epochs: 300, learningRate: 2}\nsnapshots: [0, 20, 100, 300]\n"
                + "render: {size: [960, 540], figures: [frame, diagram], focus: worst, "
                + "hiddenShading: vote, frameDiagram: true}\n", to: "g.yaml")
        let result = try h.errorest(["run", "g.yaml", "--quiet", "--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try h.json("out/run.json")
        let eta = try #require((record["training"] as? [String: Any])?["learningRate"] as? Double)
        let data = try #require(record["data"] as? [String: Any])
        let points = try #require(data["points"] as? [[Double]])
        let labels = try #require(data["labels"] as? [Int])
        let snapshots = try #require(record["snapshots"] as? [[String: Any]])
        let files = try #require(try h.json("out/manifest.json")["files"] as? [[String: Any]])
        var titles = 0
        var edges = 0
        var ups = 0
        var downs = 0
        for file in files {
            let epoch = try #require(file["epoch"] as? Int)
            let snapshot = try #require(snapshots.first { $0["epoch"] as? Int == epoch })
            let layers = try #require(snapshot["layers"] as? [[String: Any]])
            let panels = try #require(file["panels"] as? [[String: Any]])
            let focus = try #require(panels.compactMap { $0["focus"] as? [String: Any] }.first)
            let k = try #require(focus["index"] as? Int) - 1
            let asked = try Self.wish(
                layers, activation: activation, point: points[k], label: Double(labels[k]),
                eta: eta)
            let v = try #require((layers[1]["weights"] as? [[Double]])?.first)
            for panel in panels where panel["kind"] as? String == "hidden" {
                let j = try #require(panel["unit"] as? Int) - 1
                let weight = try #require(panel["outputWeight"] as? [String: Any])
                let change = try #require(weight["change"] as? Double)
                #expect(weight["weight"] as? Double == v[j])
                #expect(abs(change - asked.v[j]) <= 1e-12 * max(1, abs(change)))
                let after = v[j] + asked.v[j]
                let word = abs(after) > abs(v[j]) ? "more" : "less"
                #expect(weight["listening"] as? String == word, "epoch \(epoch), unit \(j + 1)")
                let marker = try #require(weight["marker"] as? [String: Any])
                try Self.check(marker, against: asked.v[j])
                let text = try #require(weight["text"] as? String)
                #expect(text.contains(try #require(marker["glyph"] as? String)))
                #expect(text.hasSuffix("listens \(word)"), "\(text)")
                titles += 1
            }
            for panel in panels where panel["kind"] as? String == "diagram" {
                for edge in try #require(panel["edges"] as? [[String: Any]]) {
                    let layer = try #require(edge["layer"] as? Int)
                    let unit = try #require(edge["unit"] as? Int) - 1
                    let input = (edge["input"] as? Int).map { $0 - 1 }
                    let expected: Double
                    switch (layer, input) {
                    case (1, let i?): expected = asked.w[unit][i]
                    case (1, nil): expected = asked.b[unit]
                    case (_, let i?): expected = asked.v[i]
                    case (_, nil): expected = asked.c
                    }
                    let change = try #require(edge["change"] as? Double)
                    #expect(abs(change - expected) <= 1e-12 * max(1, abs(change)))
                    guard let marker = edge["marker"] as? [String: Any] else { continue }
                    try Self.check(marker, against: expected)
                    if marker["glyph"] as? String == "▲" { ups += 1 } else { downs += 1 }
                    edges += 1
                }
            }
        }
        // Four frames with two titles each, and edges with both glyphs: the test saw markers.
        #expect(titles == 8)
        #expect(edges >= 16 && ups > 0 && downs > 0, "\(edges) edges, \(ups) ▲, \(downs) ▼")
    }

    /// ▲ with a positive value and the words for it, ▼ with a negative one.
    static func check(_ marker: [String: Any], against change: Double) throws {
        let glyph = try #require(marker["glyph"] as? String)
        let value = try #require(marker["value"] as? Double)
        #expect(abs(value - change) <= 1e-12 * max(1, abs(change)))
        #expect(glyph == (change > 0 ? "▲" : "▼"), "\(glyph) for \(change)")
        let meaning = try #require(marker["meaning"] as? String)
        #expect(meaning.contains(change > 0 ? "positive (Δ > 0)" : "negative (Δ < 0)"))
    }
}
