import Backprop
import Figures
import Foundation

/// The run file's `render` keys (but `render.domain`, a key of the run), declared once.
extension Keys {
    static let size = Declared<RenderSettings, ImageSize>(
        "render.size", flags: ["size"], valueName: "WxH", help: "Pixels of every figure, WxH",
        doc: "Pixels of every figure (points in PDF), `[width, height]` or `\"WxH\"`; each side "
            + "16 to 16384.", type: .imageSize, library: [.figures(.size)],
        rule: { try RenderOptions.check(width: $0.width, height: $0.height) },
        set: {
            $0.options.width = $1.width
            $0.options.height = $1.height
        }, get: { ImageSize(width: $0.options.width, height: $0.options.height) },
        defaultText: "1280x720")

    static let figures = Declared<RenderSettings, [FigureKind]>(
        "render.figures", flags: ["figures"], valueName: "list",
        help: "Figures to write, comma-separated: "
            + FigureKind.allCases.map(\.rawValue).joined(separator: ", "),
        doc: "The figures written for every snapshot: `frame`, the composite, or one panel on "
            + "its own (see Figures).", type: .list, path: \.figures)

    static let formats = Declared<RenderSettings, [FileFormat]>(
        "render.formats", flags: ["format", "formats"], valueName: "list",
        help: "File formats, comma-separated: png, pdf, svg for each snapshot; apng, mp4, gif "
            + "for one animation of them all; html for a page to scrub and question them",
        doc: "File formats: `png`, `pdf`, `svg` for each snapshot; `apng`, `mp4`, `gif` for one "
            + "animation of them all (see Animations); `html` for one self-contained page of the "
            + "frames with a slider, play and every point's numbers (see The lesson page).",
        type: .formats, path: \.formats)

    static let palette = Declared<RenderSettings, PaletteName>(
        "render.palette", flags: ["palette"], valueName: "name",
        help: "Colours: lesson is blue = 1, red = 0",
        doc: "Colours: `lesson` (blue = 1, red = 0) or `colorblind` (blue and orange, shaped "
            + "markers).", type: .choice, path: \.options.palette)

    static let pngCompression = Declared<RenderSettings, Int>(
        "render.pngCompression", flags: ["png-compression"], valueName: "level",
        help: "PNG compression level, 0 (stored) to 9 (smallest)",
        doc: "The PNG compression level, 0 (stored) to 9 (smallest): 1 to 3 Errorest's row "
            + "encoder (1 and 2 search where pixels start, keeping one and two positions a hash "
            + "bucket; 3 every byte, the smallest and slowest of the three), 4 to 8 libdeflate's "
            + "levels, 9 its 12.",
        type: .integer,
        schema: .within(RenderOptions.compressionRange), library: [.figures(.pngCompression)],
        rule: { try RenderOptions.check(pngCompression: $0) }, path: \.options.pngCompression)

    static let hiddenLinesOnOutput = Declared<RenderSettings, Bool>(
        "render.hiddenLinesOnOutput", flags: ["hidden-lines"],
        help: "Draw the hidden units' lines faintly on the output panel",
        doc: "Draws the first hidden layer's lines faintly on the output panel.", type: .bool,
        path: \.options.hiddenLinesOnOutput)

    static let logScaleError = Declared<RenderSettings, Bool>(
        "render.logScaleError", flags: ["log-error"], help: "Use a logarithmic error axis",
        doc: "A logarithmic error axis.", type: .bool, path: \.options.logScaleError)

    static let equations = Declared<RenderSettings, Bool>(
        "render.equations", flags: ["equations"],
        help: "Print each hidden line's equation w1·x1 + w2·x2 + b = 0",
        doc: "Prints `w1·x1 + w2·x2 + b = 0` on each first-layer hidden panel.", type: .bool,
        path: \.options.equations)

    static let focus = Declared<RenderSettings, Focus>(
        "render.focus", flags: ["focus"], valueName: "point",
        help: "The point whose wish is drawn: worst, a point's number (from 1), or x1,x2",
        doc: "The point the figures follow and whose wish they draw: `worst`, a point's number "
            + "(from 1), or `[x1, x2]` (the nearest point).", type: .focus,
        library: [.figures(.focus)],
        optional: \.options.focus, defaultText: "none")

    static let wish = Declared<RenderSettings, WishSource>(
        "render.wish", flags: ["wish"], valueName: "who",
        help: "Whose wish is drawn: point, batch or none",
        doc: "Whose wish is drawn: `point` (the focus point's), `batch` (the step training "
            + "takes, on the diagram's edges) or `none` (the focus point without any wish, as a "
            + "lesson's feedforward).", type: .choice, optional: \.options.wish,
        defaultText: "point with a focus, else batch")

    static let surfaceGrid = Declared<RenderSettings, Int>(
        "render.surface.grid", flags: ["surface-grid"], valueName: "n",
        help: "Nodes per side of the error surface's grid, 2 to 1001",
        doc: "Nodes per side of the error surface's grid, 2 to 1001.", type: .integer,
        schema: .within(SurfaceOptions.gridSizes), library: [.backprop(.surfaceGrid)],
        rule: { try SurfaceOptions.check(gridSize: $0) }, path: \.options.surface.gridSize)

    static let surfaceSpan = Declared<RenderSettings, SurfaceSpan>(
        "render.surface.span", flags: ["surface-span"], valueName: "span",
        help: "The plane coordinates the error surface covers: u low,u high,v low,v high, or "
            + "path (the path's extent plus a quarter)",
        doc:
            "The plane coordinates the surface covers: `path` (the path's extent plus a quarter) or "
            + "`[[u low, u high], [v low, v high]]`.",
        type: .span, library: [.backprop(.surfaceSpan)], path: \.options.surface.span)

    static let surfaceAxes = Declared<RenderSettings, SurfaceAxes>(
        "render.surface.axes", flags: ["surface-axes"], valueName: "axes",
        help: "The error surface's axes: w1,w2 (a perceptron's weights) or pca (the training "
            + "path's principal plane, any network)",
        doc: "The surface's axes: `w1,w2` (a perceptron's weights, the bias held) or `pca` (the "
            + "training path's top two principal directions, any network).", type: .choice,
        library: [.backprop(.surfaceAxes)], optional: \.options.surface.axes,
        defaultText: "w1,w2 for a perceptron, else pca")

    static let frameLandscape = Declared<RenderSettings, PanelKind>(
        "render.frameLandscape", flags: ["frame-landscape"], valueName: "panel",
        help: "A landscape panel in each frame beside the error curve: surface or mountain",
        doc: "A landscape panel in each frame, beside the error curve: `surface` or `mountain`.",
        type: .landscape, library: [.figures(.frameLandscape)],
        rule: {
            var options = RenderOptions()
            options.frameLandscape = $0
            try options.validate()
        }, optional: \.options.frameLandscape, defaultText: "none")

    static let fontSize = Declared<RenderSettings, Double>(
        "render.fontSize", flags: ["font-size"], valueName: "pt",
        help: "The smallest text in points (pixels in PNG); by default a frame's scales with its "
            + "size, a panel on its own is at least 7 pt placed 8 cm wide",
        doc: "The smallest text of every figure in points (pixels in PNG), 4 to 200 (see "
            + "Figures for print).", type: .number, schema: .within(RenderOptions.fontSizeRange),
        library: [.figures(.fontSize)], rule: { try RenderOptions.check(fontSize: $0) },
        optional: \.options.fontSize, defaultText: "chosen by the figure")

    static let hiddenShading = Declared<RenderSettings, HiddenShading>(
        "render.hiddenShading", flags: ["hidden-shading"], valueName: "mode",
        help: "Hidden units shaded by their activation, or by their vote: side × sign of the "
            + "outgoing weight",
        doc: "How hidden units are shaded: `activation`, or `vote`, their side × the sign of "
            + "their weight to ŷ (units that feed ŷ directly).", type: .choice,
        library: [.figures(.hiddenShading)], optional: \.options.hiddenShading,
        defaultText: "activation")

    static let frameDiagram = Declared<RenderSettings, Bool>(
        "render.frameDiagram", flags: ["frame-diagram"],
        help: "Draw the network diagram in each frame beside the error curve",
        doc: "Draws the network diagram in each frame, beside the error curve, where it fits.",
        type: .bool, path: \.options.frameDiagram)

    static let hiddenLayout = Declared<RenderSettings, HiddenLayout>(
        "render.hiddenLayout", flags: ["hidden-layout"], valueName: "layout",
        help: "How the hidden units' panels are arranged: row (a row per layer), column, or auto "
            + "(a column in portrait frames)",
        doc: "How the hidden units' panels are arranged in a frame and the `hidden` figure: `row` "
            + "(each layer's units side by side), `column` (one above the other) or `auto` (in a "
            + "portrait frame a column beside the error curve, else the arrangement with the "
            + "largest plots).", type: .choice, path: \.options.hiddenLayout)

    static let fps = Declared<RenderSettings, Int>(
        "render.animation.fps", flags: ["fps"], valueName: "n",
        help: "Frames a second of apng, mp4, gif and the html page's play, 1 to 60",
        doc: "Frames a second of `apng`, `mp4`, `gif` and the `html` page's play, 1 to 60; each "
            + "snapshot is one frame.",
        type: .integer, schema: .within(AnimationOptions.fpsRange), library: [.figures(.fps)],
        rule: { try AnimationOptions.check(fps: $0) }, path: \.animation.fps)

    static let holdFirst = Declared<RenderSettings, Double>(
        "render.animation.holdFirst", flags: ["hold-first"], valueName: "s",
        help: "Seconds an animation holds its first snapshot",
        doc: "Seconds an animation holds its first snapshot, 0 to 60.", type: .number,
        schema: .within(0...AnimationOptions.longestHold), library: [.figures(.holdFirst)],
        rule: { try AnimationOptions.check(seconds: $0, .holdFirst) }, path: \.animation.holdFirst)

    static let holdLast = Declared<RenderSettings, Double>(
        "render.animation.holdLast", flags: ["hold-last"], valueName: "s",
        help: "Seconds an animation holds its last snapshot",
        doc: "Seconds an animation holds its last snapshot, 0 to 60.", type: .number,
        schema: .within(0...AnimationOptions.longestHold), library: [.figures(.holdLast)],
        rule: { try AnimationOptions.check(seconds: $0, .holdLast) }, path: \.animation.holdLast)

    static let title = Declared<RenderSettings, Double>(
        "render.animation.title", flags: ["title-card"], valueName: "s",
        help: "Seconds of a title card before an animation's first frame: run name, data, "
            + "network, η; 0 for none",
        doc: "A title card before an animation's first frame (run name, data, network, η): "
            + "seconds, 0 to 60, or `true` (2 s) or `false` (none).", type: .titleCard,
        library: [.figures(.title)], rule: { try AnimationOptions.check(seconds: $0, .title) },
        path: \.animation.title)

    static let errorRange = Declared<RenderSettings, ClosedRange<Double>>(
        "render.errorRange", flags: ["error-range"], valueName: "low,high",
        help: "The error axis, low,high: one scale shared across runs",
        doc: "The error axis `[low, high]`, 0 ≤ low < high: one scale shared across runs (see "
            + "The error axis).", type: .errorRange, library: [.figures(.errorRange)],
        optional: \.options.errorRange, defaultText: "from the run, a few spikes clipped")

    static let header = Declared<RenderSettings, Bool>(
        "render.header", flags: ["header"],
        help: "Draw the figure's header: run name, epoch, error, legend",
        doc: "Draws the header strip (name, epoch, E, legend); `false` for print.", type: .bool,
        path: \.options.header)

    static let legend = Declared<RenderSettings, Bool>(
        "render.legend", flags: ["legend"],
        help: "Draw a legend strip under a print panel drawn without its header",
        doc: "Draws a legend strip (classes, wish factor, marks) under a print panel drawn with "
            + "`header: false`; `false` leaves it out for a printed caption, which must then say "
            + "what the legend would.", type: .bool, path: \.options.legend)
}
