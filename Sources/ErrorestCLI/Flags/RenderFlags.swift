import ArgumentParser
import Backprop
import Figures
import Foundation

/// Flags that choose what is drawn and how (the run file's `render` keys).
struct RenderFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Pixels of every figure, WxH (key render.size).", valueName: "WxH"))
    var size: ImageSize?

    @Option(
        help: ArgumentHelp(
            "Figures to write, comma-separated: frame, hidden, output, error, diagram, step, "
                + "surface, mountain, hiddenSpace (key render.figures).", valueName: "list"),
        transform: { try Parse.list($0, of: FigureKind.self, "figure") })
    var figures: [FigureKind]?

    @Option(
        name: [.customLong("format"), .customLong("formats")],
        help: ArgumentHelp(
            "File formats, comma-separated: png, pdf, svg for each snapshot; apng, mp4, gif "
                + "for one animation of them all (key render.formats).",
            valueName: "list"),
        transform: { try Parse.list($0, of: FileFormat.self, "format") })
    var formats: [FileFormat]?

    @Option(
        help: ArgumentHelp(
            "Colours: lesson is blue = 1, red = 0 (key render.palette).",
            valueName: "name"))
    var palette: PaletteName?

    @Option(
        name: .customLong("png-compression"), parsing: .unconditional,
        help: ArgumentHelp(
            "PNG compression level, 0 (stored) to 9 (smallest) (key render.pngCompression).",
            valueName: "level"))
    var pngCompression: Int?

    @Option(
        name: .customLong("font-size"),
        help: ArgumentHelp(
            "The smallest text in points (pixels in PNG); default: a frame's scales with its "
                + "size, a panel on its own is at least 7 pt placed 8 cm wide "
                + "(key render.fontSize).", valueName: "pt"))
    var fontSize: Double?

    @Flag(
        name: .customLong("hidden-lines"), inversion: .prefixedNo,
        help: ArgumentHelp(
            "Draw the hidden units' lines faintly on the output panel "
                + "(key render.hiddenLinesOnOutput; on by default)."))
    var hiddenLinesOnOutput: Bool?

    @Flag(
        name: .customLong("log-error"), inversion: .prefixedNo,
        help: "Use a logarithmic error axis (key render.logScaleError).")
    var logScaleError: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: "Print each hidden line's equation w1·x1 + w2·x2 + b = 0 (key render.equations).")
    var equations: Bool?

    @Option(
        help: ArgumentHelp(
            "The point whose wish is drawn: worst, a point's number (from 1), or x1,x2 "
                + "(key render.focus).", valueName: "point"),
        transform: {
            guard let focus = Focus(argument: $0) else {
                throw ValidationError(
                    "\"\($0)\" is not a focus point; use worst, a point's number, or x1,x2.")
            }
            return focus
        })
    var focus: Focus?

    @Option(
        help: ArgumentHelp(
            "Whose wish is drawn: point, batch or none (key render.wish).", valueName: "who"))
    var wish: WishSource?

    @Option(
        name: .customLong("frame-landscape"),
        help: ArgumentHelp(
            "A landscape panel in each frame beside the error curve: surface or mountain "
                + "(key render.frameLandscape).", valueName: "panel"),
        transform: {
            guard let kind = PanelKind(rawValue: $0) else {
                throw ValidationError("\"\($0)\" is not a panel; use surface or mountain.")
            }
            return kind
        })
    var frameLandscape: PanelKind?

    @Option(
        name: .customLong("surface-grid"), parsing: .unconditional,
        help: ArgumentHelp(
            "Nodes per side of the error surface's grid, 2 to 1001; 101 by default "
                + "(key render.surface.grid).", valueName: "n"))
    var surfaceGrid: Int?

    @Option(
        name: .customLong("surface-span"), parsing: .unconditional,
        help: ArgumentHelp(
            "The plane coordinates the error surface covers: u low,u high,v low,v high, or path "
                + "(the path's extent plus a quarter, the default) (key render.surface.span).",
            valueName: "span"),
        transform: { try Parse.span($0).map { .pairs($0) } ?? .path })
    var surfaceSpan: SpanFlag?

    @Option(
        name: .customLong("surface-axes"),
        help: ArgumentHelp(
            "The error surface's axes: w1,w2 (a perceptron's weights) or pca (the training path's "
                + "principal plane, any network); by default w1,w2 for a perceptron, else pca "
                + "(key render.surface.axes).", valueName: "axes"))
    var surfaceAxes: SurfaceAxes?

    /// `--surface-span`'s value: the path's extent, or pairs the library checks.
    enum SpanFlag {
        case path
        case pairs([[Double]])
    }

    @Option(
        name: .customLong("hidden-shading"),
        help: ArgumentHelp(
            "Hidden units shaded by their activation, or by their vote: side × sign of the "
                + "outgoing weight (key render.hiddenShading).", valueName: "mode"))
    var hiddenShading: HiddenShading?

    @Flag(
        name: .customLong("frame-diagram"), inversion: .prefixedNo,
        help: ArgumentHelp(
            "Draw the network diagram in each frame beside the error curve (key "
                + "render.frameDiagram)."))
    var frameDiagram: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: "Draw the figure's header: run name, epoch, error, legend (key render.header).")
    var header: Bool?

    @Option(
        name: .customLong("error-range"),
        help: ArgumentHelp(
            "The error axis, low,high: one scale shared across runs (key render.errorRange).",
            valueName: "low,high"),
        transform: Parse.errorRange)
    var errorRange: [Double]?

    @OptionGroup var animation: AnimationFlags

    /// Applies every flag given to `settings`, checking each value's range (exit 65).
    func apply(to settings: inout RenderSettings) throws {
        try RangeViolation.checkingFlags {
            if let size { try RenderOptions.check(width: size.width, height: size.height) }
            if let pngCompression { try RenderOptions.check(pngCompression: pngCompression) }
            if let fontSize { try RenderOptions.check(fontSize: fontSize) }
            if let errorRange {
                try RenderOptions.check(errorLow: errorRange[0], high: errorRange[1])
            }
            if let frameLandscape {
                var options = RenderOptions()
                options.frameLandscape = frameLandscape
                try options.validate()
            }
            if let surfaceGrid { try SurfaceOptions.check(gridSize: surfaceGrid) }
            if case .pairs(let pairs) = surfaceSpan {
                settings.options.surface.span = try SurfaceOptions.span(pairs)
            }
        }
        if case .path = surfaceSpan { settings.options.surface.span = .pathExtent }
        if let surfaceGrid { settings.options.surface.gridSize = surfaceGrid }
        if let surfaceAxes { settings.options.surface.axes = surfaceAxes }
        if let size {
            settings.options.width = size.width
            settings.options.height = size.height
        }
        if let figures { settings.figures = figures }
        if let formats { settings.formats = formats }
        if let palette { settings.options.palette = palette }
        if let pngCompression { settings.options.pngCompression = pngCompression }
        if let fontSize { settings.options.fontSize = fontSize }
        if let hiddenLinesOnOutput { settings.options.hiddenLinesOnOutput = hiddenLinesOnOutput }
        if let logScaleError { settings.options.logScaleError = logScaleError }
        if let equations { settings.options.equations = equations }
        if let focus { settings.options.focus = focus }
        if let wish { settings.options.wish = wish }
        if let frameLandscape { settings.options.frameLandscape = frameLandscape }
        if let hiddenShading { settings.options.hiddenShading = hiddenShading }
        if let frameDiagram { settings.options.frameDiagram = frameDiagram }
        if let header { settings.options.header = header }
        if let errorRange { settings.options.errorRange = errorRange[0]...errorRange[1] }
        try animation.apply(to: &settings.animation)
    }
}
