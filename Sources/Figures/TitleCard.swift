import Foundation

/// The card an animation opens with: the run's name and a few lines saying what was trained.
///
/// The caller writes the lines (data, network, learning rate): the card only lays them out, in
/// the figures' palette and fonts, at the figures' size.
public struct TitleCard: Sendable, Equatable {
    public var title: String
    public var lines: [String]

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    /// The card as a PNG of `options.width × options.height` pixels.
    public func renderPNG(options: RenderOptions) throws -> Data {
        try options.validate()
        let palette = Palette.named(options.palette)
        let surface = try Surface.image(
            width: options.width, height: options.height, filledWith: palette.background)
        let context = try Context(surface)
        let canvas = Canvas(context)
        let style = Style(width: options.width, height: options.height)
        let width = Double(options.width)
        let height = Double(options.height)
        if !style.textless {
            let big = style.headerFont * 2
            let small = style.headerFont * 1.1
            let block = big * 1.6 + Double(lines.count) * small * 1.6
            var baseline = (height - block) / 2 + big
            canvas.setColour(palette.text)
            canvas.setFont(size: big, bold: true)
            let name = PanelChrome.fitted(title, width: width * 0.9, on: canvas)
            canvas.text(name, x: width / 2, baseline: baseline, align: .centre)
            baseline += big * 0.6 + small * 1.6
            canvas.setFont(size: small)
            canvas.setColour(palette.mutedText)
            for line in lines {
                let fitted = PanelChrome.fitted(line, width: width * 0.9, on: canvas)
                canvas.text(fitted, x: width / 2, baseline: baseline, align: .centre)
                baseline += small * 1.6
            }
        }
        try context.check(during: "drawing the title card")
        return try PNGCodec.encode(
            surface, level: options.pngCompression,
            texts: [("Software", "Errorest"), ("Title", title)])
    }
}
