import Backprop
import Foundation
import Testing

@testable import Figures

/// Renders a figure with a ``LabelRecorder`` listening and judges where its words and glyphs
/// went: no two overlap, none leaves the page or its clip, none is under the floor.
enum LabelLayout {
    typealias Label = LabelRecorder.Label

    /// The figure and every text and glyph it placed.
    static func render(
        _ kind: FigureKind, run: TrainingRun, options: RenderOptions, format: FileFormat = .pdf
    ) throws -> (figure: RenderedFigure, labels: [Label]) {
        let recorder = LabelRecorder()
        let figure = try LabelRecorder.$current.withValue(recorder) {
            try FigureRenderer(run: run, options: options).render(
                kind, snapshot: run.snapshots.count - 1, format: format)
        }
        return (figure, recorder.labels)
    }

    /// What is wrong with the placement of `labels` on a `width`×`height` page whose text may
    /// be no smaller than `text` and glyphs than `glyph` pixels: one sentence per fault.
    static func faults(_ labels: [Label], width: Int, height: Int, text: Double, glyph: Double)
        -> [String]
    {
        var faults: [String] = []
        let page = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
        for label in labels {
            let what = "\(label.kind) “\(label.text)” at \(describe(label.box))"
            if !page.contains(label.box, tolerance: 0.5) {
                faults.append("\(what) leaves the page")
            }
            if label.clipped, label.kind == .text { faults.append("\(what) is clipped") }
            let floor = label.kind == .text ? text : glyph
            if label.size < floor - 1e-6 {
                faults.append("\(what) is \(label.size) px, under the floor of \(floor)")
            }
        }
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] where a.kind == .text || b.kind == .text {
                let (p, q) = (a.box.inset(by: 0.5), b.box.inset(by: 0.5))
                guard p.width > 0, p.height > 0, q.width > 0, q.height > 0, p.intersects(q)
                else { continue }
                faults.append(
                    "“\(a.text)” at \(describe(a.box)) overlaps “\(b.text)” at \(describe(b.box))")
            }
        }
        return faults
    }

    static func describe(_ r: Rect) -> String {
        String(format: "(%.1f, %.1f, %.1f×%.1f)", r.x, r.y, r.width, r.height)
    }
}
