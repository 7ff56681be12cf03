import Backprop
import CCairo
import Foundation

/// One slide of a lesson: a title, a figure of one snapshot of a run and the caption that states
/// the slide's claim.
public struct Slide: Sendable {
    /// The run whose snapshot the figure shows.
    public var run: TrainingRun
    /// How the figure is drawn (focus, wish, shading, …); its size is the slide's to choose.
    public var options: RenderOptions
    /// The figure: the frame or one panel kind.
    public var figure: FigureKind
    /// The index of the snapshot in `run.snapshots`.
    public var snapshot: Int
    public var title: String
    public var caption: String
    /// The figures the handout prints for the slide, one under the other, 8 cm wide; nil for
    /// the slide's own (a frame as its output panel, which fits that width).
    public var handout: [FigureKind]?

    /// The figures the handout prints: ``handout``, or the slide's own figure (a frame as its
    /// output panel).
    public var printed: [FigureKind] {
        handout ?? [figure == .frame ? .panel(.output) : figure]
    }

    public init(
        run: TrainingRun, options: RenderOptions, figure: FigureKind, snapshot: Int,
        title: String, caption: String, handout: [FigureKind]? = nil
    ) {
        self.handout = handout
        self.run = run
        self.options = options
        self.figure = figure
        self.snapshot = snapshot
        self.title = title
        self.caption = caption
    }
}

/// Draws a lesson's slides: each a title, a figure made by ``FigureRenderer`` (never redrawn
/// here) and a caption, as PNG files and as one multi-page PDF.
///
/// The slide is laid out in the units of its PNG (`width`×`height` pixels); the PDF's pages are
/// the same slide at half the size in points (a 1920×1080 slide is a 960×540 pt page), its text
/// vector glyphs of embedded fonts.
public struct SlideDeck: Sendable {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) throws {
        try RenderOptions.check(width: width, height: height)
        self.width = width
        self.height = height
    }

    /// The slide `number` (from 1) of `count` as a PNG.
    public func png(_ slide: Slide, number: Int, of count: Int) throws -> Data {
        try drawn(slide, number: number, of: count).png
    }

    /// The slide `number` (from 1) of `count` as a PNG, and its figure's panels as the figure
    /// reports them (their pixels from the figure's top-left corner).
    public func drawn(_ slide: Slide, number: Int, of count: Int) throws
        -> (png: Data, panels: [PanelInfo])
    {
        let surface = try Surface.image(width: width, height: height, filledWith: .white)
        let context = try Context(surface)
        let canvas = Canvas(context)
        let box = try frame(slide, number: number, of: count, scale: 1, on: canvas)
        let options = SlideDeck.fitted(slide.options, to: box)
        let renderer = try FigureRenderer(run: slide.run, options: options)
        let figure = try renderer.raster(slide.figure, snapshot: slide.snapshot)
        let origin = PixelPoint(
            (box.x + (box.width - Double(figure.width)) / 2).rounded(),
            (box.y + (box.height - Double(figure.height)) / 2).rounded())
        canvas.paint(
            image: figure.surface, at: origin,
            size: Rect(
                x: origin.x, y: origin.y, width: Double(figure.width),
                height: Double(figure.height)))
        try context.check(during: "drawing slide \(number)")
        let png = try PNGCodec.encode(
            surface, level: slide.options.pngCompression,
            texts: [("Software", "Errorest"), ("Title", slide.title)])
        return (png, figure.panels)
    }

    /// Every slide as one page of a PDF, its figures drawn as vectors.
    public func pdf(_ slides: [Slide], title: String) throws -> Data {
        let scale = 0.5
        let surface = try Surface.vector(
            .pdf, width: Int(Double(width) * scale), height: Int(Double(height) * scale))
        cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_CREATOR, "Errorest")
        cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_CREATE_DATE, "")
        let context = try Context(surface)
        let canvas = Canvas(context)
        for (index, slide) in slides.enumerated() {
            canvas.fill(
                Rect(x: 0, y: 0, width: Double(width) * scale, height: Double(height) * scale),
                .white)
            let box = try frame(
                slide, number: index + 1, of: slides.count, scale: scale, on: canvas)
            try SlideDeck.place(slide, in: box, on: surface)
            cairo_show_page(context.handle)
            try context.check(during: "drawing page \(index + 1) of the slides")
        }
        try surface.finish()
        return surface.streamedBytes
    }

    /// Draws `slide`'s figure as vectors, centred in `box` of the page `surface`.
    static func place(_ slide: Slide, in box: Rect, on surface: Surface) throws {
        let options = SlideDeck.fitted(slide.options, to: box)
        let renderer = try FigureRenderer(run: slide.run, options: options)
        let composition = slide.figure.composition(options)
        let page = Page(
            composition, options: options, hidden: slide.run.network.hidden,
            aspect: slide.run.domain.aspect)
        let region = try Surface.region(
            of: surface, x: (box.x + (box.width - Double(page.width)) / 2).rounded(),
            y: (box.y + (box.height - Double(page.height)) / 2).rounded(),
            width: Double(page.width), height: Double(page.height))
        let scene = try renderer.scene(slide.snapshot, needs: page.layout.needs(scene: 0))
        _ = try renderer.draw(
            composition, scenes: [scene], page: page, on: region, painted: false)
        cairo_surface_flush(region.handle)
    }

    /// `options` sized to `box`, their smallest text (unless set) that of a 1280-wide frame
    /// scaled to the box: a panel on its own keeps a slide's proportions instead of print's.
    static func fitted(_ options: RenderOptions, to box: Rect) -> RenderOptions {
        var fitted = options
        (fitted.width, fitted.height) = (Int(box.width), Int(box.height))
        if fitted.fontSize == nil { fitted.fontSize = 11.5 * box.width / 1280 }
        return fitted
    }

    /// Draws the slide's title, caption and number at `scale` (1 for the PNG, ½ for the PDF)
    /// and returns the box left for the figure.
    func frame(_ slide: Slide, number: Int, of count: Int, scale: Double, on canvas: Canvas)
        throws -> Rect
    {
        let k = Double(width) / 1920 * scale
        let (w, h) = (Double(width) * scale, Double(height) * scale)
        let margin = 56 * k
        let ink = Colour(hex: 0x1E1E_1E)
        canvas.setColour(ink)
        canvas.setFont(size: 46 * k, bold: true)
        canvas.text(slide.title, x: margin, baseline: margin + 40 * k)
        canvas.setFont(size: 22 * k)
        canvas.setColour(Colour(hex: 0x5A5A_5A))
        canvas.text("\(number) / \(count)", x: w - margin, baseline: margin + 40 * k, align: .right)
        let size = 31 * k
        canvas.setFont(size: size)
        canvas.setColour(ink)
        let lines = SlideDeck.wrap(slide.caption, width: w - 2 * margin) { canvas.width(of: $0) }
        let leading = size * 1.32
        let captionTop = h - margin - Double(lines.count) * leading
        for (i, line) in lines.enumerated() {
            canvas.text(
                line, x: margin, baseline: captionTop + Double(i) * leading + size)
        }
        let top = margin + 64 * k
        return Rect(
            x: margin, y: top, width: w - 2 * margin,
            height: max(16, captionTop - 18 * k - top)
        ).integral
    }

    /// `text` broken into lines no wider than `width` (by `measure`), at spaces; a paragraph
    /// break (`\n`) starts a new line.
    public static func wrap(_ text: String, width: Double, measure: (String) -> Double)
        -> [String]
    {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if line.isEmpty || measure(candidate) <= width {
                    line = candidate
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines
    }
}
