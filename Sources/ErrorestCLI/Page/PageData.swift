import Backprop
import Figures
import Foundation

/// The numbers a lesson page embeds as JSON: every number it shows is computed here, by
/// Backprop's ``Story`` functions over the run record, never by the page's script.
///
/// Parameters are flattened layer by layer, unit by unit, each unit's weights then its bias
/// (the order of `sizes`). The JSON is ASCII (other characters escaped) and its numbers are
/// rounded to the digits the page shows, so the page stays close to the size of its frames.
struct PageData {
    var run: TrainingRun
    var fps: Int
    /// The figure's name (`frame`, `output`, …).
    var figure: FigureKind

    /// The significant digits of the numbers a page shows (and a test compares within).
    static let digits = 4
    /// The significant digits of each point's wish, the bulk of the page's numbers.
    static let wishDigits = 3

    /// One frame: its snapshot and the panels where the renderer drew it.
    struct Frame {
        var snapshot: Int
        var width: Int
        var height: Int
        var panels: [PanelInfo]
    }

    /// `[2, 2, 1]` for the lesson: inputs, each hidden layer's units, the output.
    var sizes: [Int] { [run.network.inputs] + run.network.hidden + [1] }

    /// The JSON of the whole page, for `frames` in order.
    func json(frames: [Frame]) -> String {
        let points = run.data.points.flatMap { [$0.x1, $0.x2] }
        let focus = frames.lazy.flatMap(\.panels).compactMap { $0.focus?.index }.first
        var out = "{\"name\":" + Self.string(run.name)
        out += ",\"figure\":" + Self.string(figure.rawValue)
        out += ",\"fps\":\(fps),\"eta\":" + Self.number(run.training.learningRate, 6)
        out += ",\"activation\":" + Self.string(run.network.activation.rawValue)
        out += ",\"sizes\":[" + sizes.map(String.init).joined(separator: ",") + "]"
        out += ",\"focus\":" + (focus.map(String.init) ?? "null")
        out += ",\"labels\":[" + run.data.labels.map(String.init).joined(separator: ",") + "]"
        out += ",\"points\":" + Self.list(points, 7)
        out += ",\"frames\":[" + frames.map(frameJSON).joined(separator: ",\n") + "]}"
        return out
    }

    private func frameJSON(_ frame: Frame) -> String {
        let snapshot = run.snapshots[frame.snapshot]
        let g = run.network.activation
        let eta = run.training.learningRate
        var outputs: [Double] = []
        var errors: [Double] = []
        var wishes: [Double] = []
        for (x, y) in zip(run.data.points, run.data.labels) {
            outputs.append(Story.output(snapshot.layers, g, at: x))
            errors.append(Story.error(snapshot.layers, g, at: x, label: y))
            wishes += Self.flat(Story.wish(snapshot.layers, g, at: x, label: y, learningRate: eta))
        }
        let step = Self.flat(Story.scaled(snapshot.gradient, by: -eta))
        var out = "{\"epoch\":\(snapshot.epoch),\"time\":" + Self.number(snapshot.time, 6)
        out += ",\"E\":" + Self.number(snapshot.error, 6)
        out += ",\"accuracy\":" + Self.number(snapshot.accuracy, 6)
        out += ",\"W\":" + Self.list(Self.flat(snapshot.layers), 6)
        out += ",\"step\":" + Self.list(step, 6)
        out += ",\"size\":[\(frame.width),\(frame.height)]"
        out +=
            ",\"panels\":[" + frame.panels.compactMap(Self.panelJSON).joined(separator: ",") + "]"
        out += ",\"alt\":" + Self.string(PageAlt.text(run: run, snapshot: frame.snapshot))
        out += ",\"output\":" + Self.list(outputs, Self.digits)
        out += ",\"error\":" + Self.list(errors, Self.digits)
        out += ",\"wish\":" + Self.list(wishes, Self.wishDigits) + "}"
        return out
    }

    /// A panel's place and data range, for the panels that plot the data points.
    private static func panelJSON(_ panel: PanelInfo) -> String? {
        guard panel.kind == .hidden || panel.kind == .output, panel.rect.count == 4,
            panel.domain.count == 2, panel.domain.allSatisfy({ $0.count == 2 })
        else { return nil }
        return "{\"kind\":" + string(panel.kind.rawValue) + ",\"layer\":"
            + (panel.layer.map(String.init) ?? "null") + ",\"unit\":"
            + (panel.unit.map(String.init) ?? "null") + ",\"rect\":" + list(panel.rect, 8)
            + ",\"domain\":[" + panel.domain.map { list($0, 12) }.joined(separator: ",") + "]}"
    }

    /// Every weight and bias of `layers`, layer by layer, unit by unit, the bias last.
    static func flat(_ layers: [Layer]) -> [Double] {
        layers.flatMap { layer in
            zip(layer.weights, layer.biases).flatMap { $0 + [$1] }
        }
    }

    static func list(_ values: [Double], _ digits: Int) -> String {
        "[" + values.map { number($0, digits) }.joined(separator: ",") + "]"
    }

    /// `x` to `digits` significant digits, as short as JSON allows: `0.0123`, `1.5e-5`, `null`
    /// for a number that is not finite.
    static func number(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "null" }
        var text = String(format: "%.\(digits)g", x)
        if let e = text.firstIndex(of: "e") {
            var mantissa = String(text[..<e])
            var exponent = String(text[text.index(after: e)...])
            if mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
            }
            let negative = exponent.hasPrefix("-")
            exponent = String(exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" })
            text = mantissa + "e" + (negative ? "-" : "") + (exponent.isEmpty ? "0" : exponent)
        }
        return text
    }

    /// A JSON string of ASCII characters only (the page is read as windows-1252), and never
    /// `<` (it sits inside a script element).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/": out += "\\/"
            case "<": out += "\\u003c"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || scalar.value > 0x7e:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
