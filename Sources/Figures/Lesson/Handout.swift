import Backprop
import CCairo
import Foundation

/// A lesson's handout: A4 pages, each beat a row of its figure 8 cm wide beside its title and
/// caption, no text under 7 pt.
///
/// The figures are the slides' own (``FigureRenderer``, never redrawn here), laid out for print:
/// 8 cm (226.8 pt) wide with their smallest text at 7 pt; a frame becomes the panels the slide
/// names for print (``Slide/handout``), by default its output panel, which fits that width.
public enum Handout {
    /// A4 in points.
    static let page = (width: 595.0, height: 842.0)
    /// 8 cm in points.
    public static let figureWidth = 226.8
    /// The smallest text on the page, in points.
    public static let smallestText = 7.0

    public static func pdf(_ slides: [Slide], title: String) throws -> Data {
        let surface = try Surface.vector(.pdf, width: Int(page.width), height: Int(page.height))
        cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_CREATOR, "Errorest")
        cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_CREATE_DATE, "")
        let context = try Context(surface)
        let canvas = Canvas(context)
        let margin = 42.0
        let gap = 14.0
        let textX = margin + figureWidth + gap
        let textWidth = page.width - margin - textX
        var y = margin
        canvas.setColour(Colour(hex: 0x1E1E_1E))
        canvas.setFont(size: 14, bold: true)
        canvas.text(title, x: margin, baseline: y + 14)
        y += 30
        for (index, slide) in slides.enumerated() {
            var options = slide.options
            options.fontSize = smallestText
            options.header = false
            (options.width, options.height) = (Int(figureWidth.rounded()), 170)
            let figures = slide.printed
            let prints = figures.map { figure in
                Slide(
                    run: slide.run, options: options, figure: figure, snapshot: slide.snapshot,
                    title: slide.title, caption: slide.caption)
            }
            let heights = figures.map { figure in
                Double(
                    Page(
                        figure.composition(options), options: options,
                        hidden: slide.run.network.hidden, aspect: slide.run.domain.aspect
                    ).height)
            }
            let figuresHeight = heights.reduce(0, +) + gap * Double(max(0, heights.count - 1))
            canvas.setFont(size: 9)
            let lines = SlideDeck.wrap(slide.caption, width: textWidth) { canvas.width(of: $0) }
            let textHeight = 16 + Double(lines.count) * 11.5
            let rowHeight = max(figuresHeight, textHeight) + 16
            if y + rowHeight > page.height - margin {
                cairo_show_page(context.handle)
                y = margin
            }
            var top = y
            for (print, height) in zip(prints, heights) {
                try SlideDeck.place(
                    print, in: Rect(x: margin, y: top, width: figureWidth, height: height),
                    on: surface)
                top += height + gap
            }
            canvas.setColour(Colour(hex: 0x1E1E_1E))
            canvas.setFont(size: 10.5, bold: true)
            canvas.text("\(index + 1). \(slide.title)", x: textX, baseline: y + 10)
            canvas.setFont(size: 9)
            for (i, line) in lines.enumerated() {
                canvas.text(line, x: textX, baseline: y + 26 + Double(i) * 11.5)
            }
            y += rowHeight
        }
        cairo_show_page(context.handle)
        try context.check(during: "drawing the handout")
        try surface.finish()
        return surface.streamedBytes
    }
}
