import Backprop
import Foundation

/// What a hidden unit's panel writes: its title, the note of its weight to the output beside the
/// title, and its line's equation under the plot, each in the one form that fits every hidden
/// panel of the figure alike.
extension HiddenPanel {
    /// The panel's titles, from longest to shortest.
    ///
    /// "Hidden unit 2", "Unit 2", "h2", "2" for a single hidden layer; "Layer 2 · unit 1",
    /// "L2 · unit 1", "L2·1", "2·1" for deeper networks. A unit that shows its vote says so:
    /// "Hidden unit 2’s vote", …, "h2 vote", "2 vote".
    static func titles(layer: Int, unit: Int, scene: Scene) -> [String] {
        var titles =
            scene.hidden.count == 1
            ? ["Hidden unit \(unit + 1)", "Unit \(unit + 1)", "h\(unit + 1)", "\(unit + 1)"]
            : [
                "Layer \(layer + 1) · unit \(unit + 1)", "L\(layer + 1) · unit \(unit + 1)",
                "L\(layer + 1)·\(unit + 1)", "\(layer + 1)·\(unit + 1)",
            ]
        if scene.shading(layer: layer) == .vote {
            titles = titles.enumerated().map {
                $0.offset < 2 ? $0.element + "’s vote" : $0.element + " vote"
            }
        }
        return titles
    }

    /// Which title every hidden panel of a figure uses, so they match.
    struct TitleVariant {
        var index: Int
        /// Which of the ``notes(layer:unit:scene:)`` the last layer's units write (nil: none).
        var note: Int?
        /// The equations' decimals and text size, the same for every unit (nil: none fits).
        var equation: EquationForm? = nil
    }

    /// How the equations of a figure's hidden lines are written: one form for all of them.
    struct EquationForm: Equatable {
        var decimals: Int
        var size: Double
    }

    /// The longest title variant, with the richest output-weight note that fits every hidden
    /// panel of `slots` (a note is worth more than a longer title, down to the unit's number).
    static func titleVariant(
        for slots: [PlacedPanel], scene: Scene, style: Style, on canvas: Canvas
    ) -> TitleVariant {
        func fits(_ index: Int, note: Int?) -> Bool {
            slots.allSatisfy { slot in
                let width = PlanePanel.plotRect(
                    cell: slot.cell, aspect: scene.aspect, style: style, axes: false,
                    caption: style.hiddenCaption
                ).width
                canvas.setFont(size: style.tickFont)
                let text = note.flatMap {
                    notes(layer: slot.layer, unit: slot.unit, scene: scene).dropFirst($0).first
                }
                let noteWidth = text.map { canvas.width(of: $0) + style.titleFont } ?? 0
                canvas.setFont(size: style.titleFont, bold: true)
                let title = titles(layer: slot.layer, unit: slot.unit, scene: scene)[index]
                return canvas.width(of: title) + noteWidth <= width
            }
        }
        let form = equationForm(for: slots, scene: scene, style: style, on: canvas)
        let levels = slots.map { notes(layer: $0.layer, unit: $0.unit, scene: scene).count }.max()
        for note in Array(0..<(levels ?? 0)) + [nil] {
            for index in 0..<4 where fits(index, note: note) {
                return TitleVariant(index: index, note: note, equation: form)
            }
        }
        return TitleVariant(index: 3, note: nil, equation: form)
    }

    /// The first form (two decimals, then one; then one a little smaller, except on a print
    /// page, whose text is never below its size) in which every first-layer unit's equation fits
    /// its plot, so that no unit's equation is smaller than another's.
    static func equationForm(
        for slots: [PlacedPanel], scene: Scene, style: Style, on canvas: Canvas
    ) -> EquationForm? {
        guard scene.options.equations, !style.textless, style.hiddenCaption > 0 else { return nil }
        let first = slots.filter { $0.layer == 0 }
        var forms = [
            EquationForm(decimals: 2, size: style.tickFont),
            EquationForm(decimals: 1, size: style.tickFont),
        ]
        let smaller = max(8, style.tickFont * 0.85)
        if smaller < style.tickFont && !style.fixedText {
            forms.append(EquationForm(decimals: 1, size: smaller))
        }
        return forms.first { form in
            canvas.setFont(size: form.size)
            return first.allSatisfy { slot in
                let width = plotRect(cell: slot.cell, aspect: scene.aspect, style: style).width
                let text = equationText(scene.net.line(unit: slot.unit), decimals: form.decimals)
                return canvas.width(of: text) <= width
            }
        }
    }

    /// For the last hidden layer: the unit's weight `v` to the output, and with a focus point the
    /// change `Δv` it asks, from the richest note to the shortest; empty for other layers.
    ///
    /// `to ŷ: v −1.23 ▲ +0.35, listens less`, `v −1.23 ▲ +0.35`, `v −1.23 ▲`: the glyph is the
    /// sign of `Δv` (``ChangeMarker``); whether the output listens more or less, `|v + Δv|`
    /// against `|v|`, is said in words.
    static func notes(layer: Int, unit: Int, scene: Scene) -> [String] {
        guard let weight = outputWeight(layer: layer, unit: unit, scene: scene) else {
            guard layer == scene.hidden.count - 1 else { return [] }
            return ["to ŷ: " + signed(scene.outgoingWeight(unit: unit))]
        }
        let v = "v " + signed(weight.weight)
        guard let glyph = ChangeMarker.glyph(for: weight.change) else {
            return ["to ŷ: \(v), Δv 0", v]
        }
        let change = "\(glyph) \(ChangeMarker.text(weight.change))"
        return [
            "to ŷ: \(v) \(change), listens \(weight.listening == "same" ? "as much" : weight.listening)",
            "\(v) \(change)",
            "\(v) \(glyph)",
        ]
    }

    /// For a unit of the last hidden layer, with a focus point: its weight `v` to the output and
    /// the change `Δv = −η ∂e/∂v` the point asks of it.
    static func outputWeight(layer: Int, unit: Int, scene: Scene) -> OutputWeightInfo? {
        guard layer == scene.hidden.count - 1, let focus = scene.derived.focus,
            scene.options.wish != WishSource.none
        else { return nil }
        return OutputWeightInfo(
            weight: scene.outgoingWeight(unit: unit),
            change: focus.wish[focus.wish.count - 1].weights[0][unit])
    }

    /// `+1.23` or `−1.23`, with a true minus sign.
    static func signed(_ v: Double, decimals: Int = 2) -> String {
        let text = Ticks.fixed(abs(v), decimals: decimals)
        return (v < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : "+") + text
    }

    /// The line's equation in `form`, centred in the strip under the plot; returns what it
    /// wrote, for the manifest.
    static func equation(
        _ line: ImplicitLine, form: EquationForm, in rect: Rect, scene: Scene, style: Style,
        on canvas: Canvas
    ) -> EquationInfo {
        let strip = Rect(x: rect.x, y: rect.maxY, width: rect.width, height: style.hiddenCaption)
        let text = equationText(line, decimals: form.decimals)
        canvas.setFont(size: form.size)
        canvas.setColour(scene.palette.text)
        canvas.text(text, x: strip.midX, middle: strip.midY, align: .centre)
        return EquationInfo(text: text, fontSize: form.size)
    }

    /// `−1.52·x₁ − 9.33·x₂ + 4.49 = 0`.
    static func equationText(_ line: ImplicitLine, decimals: Int) -> String {
        func term(_ v: Double) -> String {
            let s = signed(v, decimals: decimals)
            return "\(s.prefix(1)) \(s.dropFirst())"
        }
        let first = signed(line.w1, decimals: decimals)
        return "\(first.hasPrefix("+") ? String(first.dropFirst()) : first)·x₁ \(term(line.w2))·x₂ "
            + "\(term(line.b)) = 0"
    }
}
