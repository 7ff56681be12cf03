import ArgumentParser
import Backprop
import Figures
import Foundation

/// Flags that choose what is drawn and how (the run file's `render` keys).
struct RenderFlags: ParsableArguments {
    @Option(name: .setting(Keys.size), help: .setting(Keys.size))
    var size: ImageSize?

    @Option(
        name: .setting(Keys.figures), help: .setting(Keys.figures),
        transform: { try Parse.list($0, of: FigureKind.self, "figure") })
    var figures: [FigureKind]?

    @Option(
        name: .setting(Keys.formats), help: .setting(Keys.formats),
        transform: { try Parse.list($0, of: FileFormat.self, "format") })
    var formats: [FileFormat]?

    @Option(name: .setting(Keys.palette), help: .setting(Keys.palette))
    var palette: PaletteName?

    @Option(
        name: .setting(Keys.pngCompression), parsing: .unconditional,
        help: .setting(Keys.pngCompression))
    var pngCompression: Int?

    @Option(name: .setting(Keys.fontSize), help: .setting(Keys.fontSize))
    var fontSize: Double?

    @Flag(
        name: .setting(Keys.hiddenLinesOnOutput), inversion: .prefixedNo,
        help: .setting(Keys.hiddenLinesOnOutput))
    var hiddenLinesOnOutput: Bool?

    @Flag(
        name: .setting(Keys.logScaleError), inversion: .prefixedNo,
        help: .setting(Keys.logScaleError))
    var logScaleError: Bool?

    @Flag(name: .setting(Keys.equations), inversion: .prefixedNo, help: .setting(Keys.equations))
    var equations: Bool?

    @Option(
        name: .setting(Keys.focus), parsing: .unconditional, help: .setting(Keys.focus),
        transform: {
            guard let focus = Focus(argument: $0) else {
                throw ValidationError(
                    "\"\($0)\" is not a focus point; use worst, a point's number, or x1,x2.")
            }
            return focus
        })
    var focus: Focus?

    @Option(name: .setting(Keys.wish), help: .setting(Keys.wish))
    var wish: WishSource?

    @Option(
        name: .setting(Keys.frameLandscape), help: .setting(Keys.frameLandscape),
        transform: {
            guard let kind = PanelKind(rawValue: $0) else {
                throw ValidationError("\"\($0)\" is not a panel; use surface or mountain.")
            }
            return kind
        })
    var frameLandscape: PanelKind?

    @Option(
        name: .setting(Keys.surfaceGrid), parsing: .unconditional,
        help: .setting(Keys.surfaceGrid))
    var surfaceGrid: Int?

    @Option(
        name: .setting(Keys.surfaceSpan), parsing: .unconditional,
        help: .setting(Keys.surfaceSpan),
        transform: { try Parse.span($0).map { .pairs($0) } ?? .path })
    var surfaceSpan: SpanFlag?

    @Option(name: .setting(Keys.surfaceAxes), help: .setting(Keys.surfaceAxes))
    var surfaceAxes: SurfaceAxes?

    /// `--surface-span`'s value: the path's extent, or pairs the library checks.
    enum SpanFlag {
        case path
        case pairs([[Double]])
    }

    @Option(name: .setting(Keys.hiddenShading), help: .setting(Keys.hiddenShading))
    var hiddenShading: HiddenShading?

    @Flag(
        name: .setting(Keys.frameDiagram), inversion: .prefixedNo,
        help: .setting(Keys.frameDiagram))
    var frameDiagram: Bool?

    @Option(name: .setting(Keys.hiddenLayout), help: .setting(Keys.hiddenLayout))
    var hiddenLayout: HiddenLayout?

    @Flag(name: .setting(Keys.header), inversion: .prefixedNo, help: .setting(Keys.header))
    var header: Bool?

    @Flag(name: .setting(Keys.legend), inversion: .prefixedNo, help: .setting(Keys.legend))
    var legend: Bool?

    @Option(
        name: .setting(Keys.errorRange), parsing: .unconditional,
        help: .setting(Keys.errorRange), transform: Parse.errorRange)
    var errorRange: [Double]?

    @OptionGroup var animation: AnimationFlags

    /// Applies every flag given to `settings`, checking each value's range (exit 65).
    func apply(to settings: inout RenderSettings) throws {
        try Keys.size.apply(size, to: &settings)
        try Keys.figures.apply(figures, to: &settings)
        try Keys.formats.apply(formats, to: &settings)
        try Keys.palette.apply(palette, to: &settings)
        try Keys.pngCompression.apply(pngCompression, to: &settings)
        try Keys.fontSize.apply(fontSize, to: &settings)
        try Keys.hiddenLinesOnOutput.apply(hiddenLinesOnOutput, to: &settings)
        try Keys.logScaleError.apply(logScaleError, to: &settings)
        try Keys.equations.apply(equations, to: &settings)
        try Keys.focus.apply(focus, to: &settings)
        try Keys.wish.apply(wish, to: &settings)
        try Keys.frameLandscape.apply(frameLandscape, to: &settings)
        try Keys.surfaceGrid.apply(surfaceGrid, to: &settings)
        try Keys.surfaceAxes.apply(surfaceAxes, to: &settings)
        switch surfaceSpan {
        case .pairs(let pairs):
            try RangeViolation.checkingFlags {
                settings.options.surface.span = try SurfaceOptions.span(pairs)
            }
        case .path: settings.options.surface.span = .pathExtent
        case nil: break
        }
        try Keys.hiddenShading.apply(hiddenShading, to: &settings)
        try Keys.frameDiagram.apply(frameDiagram, to: &settings)
        try Keys.header.apply(header, to: &settings)
        try Keys.legend.apply(legend, to: &settings)
        try Keys.hiddenLayout.apply(hiddenLayout, to: &settings)
        if let errorRange {
            try RangeViolation.checkingFlags {
                try RenderOptions.check(errorLow: errorRange[0], high: errorRange[1])
            }
            settings.options.errorRange = errorRange[0]...errorRange[1]
        }
        try animation.apply(to: &settings)
    }
}
