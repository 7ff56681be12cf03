import Backprop
import CCairo
import Foundation

/// Renders figures of one run; immutable and safe to call from many threads at once.
///
/// Each call draws into its own Cairo surface and returns the file's bytes; nothing is shared
/// between calls but read-only tables.
public struct FigureRenderer: Sendable {
    public let run: TrainingRun
    public let options: RenderOptions
    private let series: ErrorSeries
    private let sprites: MarkerSprites
    /// The error panel's snapshot-independent pixels, made on first use.
    private let backdrops = ErrorBackdrops()

    /// Checks the options (before any allocation) and the run record's shapes.
    public init(run: TrainingRun, options: RenderOptions) throws {
        try options.validate()
        do {
            try run.validate()
        } catch let error as BackpropError {
            throw FiguresError.badRun(
                "The run \"\(run.name)\" cannot be drawn: \(error.description)")
        }
        self.run = run
        self.options = options
        series = ErrorSeries(errors: run.errors)
        sprites = try FigureRenderer.markerSprites(run: run, options: options)
    }

    /// Sprites for every marker size the figures of this run will use: the layouts depend only
    /// on the options and the network's shape, the same for every snapshot.
    private static func markerSprites(run: TrainingRun, options: RenderOptions) throws
        -> MarkerSprites
    {
        let style = Style(width: options.width, height: options.height)
            .withEquations(options.equations)
        let d = run.domain
        let aspect = (d.x1.upperBound - d.x1.lowerBound) / (d.x2.upperBound - d.x2.lowerBound)
        let count = run.data.count
        var radii = Set<Double>()
        for kind in FigureKind.allCases {
            let layout = FigureLayout(
                kind, width: options.width, height: options.height, hidden: run.network.hidden,
                aspect: aspect, style: style)
            for slot in layout.hidden {
                let rect = HiddenPanel.plotRect(cell: slot.cell, aspect: aspect, style: style)
                radii.insert(HiddenPanel.markerRadius(rect, count: count, style: style))
            }
            if let cell = layout.output {
                let rect = OutputPanel.plotRect(cell: cell, aspect: aspect, style: style)
                radii.insert(OutputPanel.markerRadius(rect, count: count, style: style))
            }
        }
        return try MarkerSprites(radii: radii, palette: Palette.named(options.palette))
    }

    /// Draws `kind` for the snapshot at index `snapshot` of `run.snapshots`.
    public func render(_ kind: FigureKind, snapshot: Int, format: FileFormat) throws
        -> RenderedFigure
    {
        let scene = try self.scene(snapshot)
        let data: Data
        let panels: [PanelInfo]
        switch format {
        case .apng, .mp4, .gif:
            throw FiguresError.badOption(
                "\(format.rawValue) is an animation of every snapshot, not a figure of one.")
        case .png:
            let raster = try raster(kind, scene: scene)
            panels = raster.panels
            data = try raster.encodePNG()
        case .pdf, .svg:
            let surface = try Surface.vector(format, width: options.width, height: options.height)
            if format == .pdf {
                cairo_pdf_surface_set_metadata(
                    surface.handle, CAIRO_PDF_METADATA_TITLE, title(kind, scene: scene))
                cairo_pdf_surface_set_metadata(
                    surface.handle, CAIRO_PDF_METADATA_CREATOR, "Errorest")
                // An empty date leaves CreationDate out, so the same figure gives the same bytes.
                cairo_pdf_surface_set_metadata(surface.handle, CAIRO_PDF_METADATA_CREATE_DATE, "")
            }
            panels = try draw(kind, scene: scene, on: surface)
            try surface.finish()
            data =
                format == .svg
                ? VectorOutput.normalizedSVG(surface.streamedBytes) : surface.streamedBytes
        }
        return RenderedFigure(
            kind: kind, format: format, width: options.width, height: options.height,
            epoch: scene.epoch, data: data, panels: panels)
    }

    /// Draws `kind` into pixels without encoding them: the drawing half of a PNG, for
    /// benchmarks that time drawing and libpng separately.
    public func raster(_ kind: FigureKind, snapshot: Int) throws -> RasterFigure {
        try raster(kind, scene: scene(snapshot))
    }

    private func raster(_ kind: FigureKind, scene: Scene) throws -> RasterFigure {
        let surface = try Surface.image(
            width: options.width, height: options.height, filledWith: scene.palette.background)
        let panels = try draw(kind, scene: scene, on: surface, painted: true)
        return RasterFigure(
            surface: surface, panels: panels, texts: texts(kind, scene: scene),
            level: options.pngCompression)
    }

    /// What the figures of snapshot `index` show.
    private func scene(_ index: Int) throws -> Scene {
        guard run.snapshots.indices.contains(index) else {
            throw FiguresError.noSuchSnapshot(index: index, count: run.snapshots.count)
        }
        return Scene(
            run: run, snapshot: run.snapshots[index], series: series, options: options,
            sprites: sprites, backdrops: backdrops)
    }

    /// The PNG text chunks of SPEC §6.
    private func texts(_ kind: FigureKind, scene: Scene) -> [(String, String)] {
        [
            ("Software", "Errorest"), ("Title", title(kind, scene: scene)),
            ("Epoch", String(scene.epoch)), ("Error", String(scene.error)),
        ]
    }

    /// `"<name>: <figure> at epoch <N>"`, the PNG Title chunk and the PDF title.
    private func title(_ kind: FigureKind, scene: Scene) -> String {
        "\(scene.name): \(kind.rawValue) at epoch \(scene.epoch)"
    }

    /// Draws the whole figure on `surface` (whose background is already `painted`, or not) and
    /// returns its panels.
    private func draw(_ kind: FigureKind, scene: Scene, on surface: Surface, painted: Bool = false)
        throws -> [PanelInfo]
    {
        let context = try Context(surface)
        let canvas = Canvas(context)
        let style = Style(width: options.width, height: options.height)
            .withEquations(options.equations)
        let layout = FigureLayout(
            kind, width: options.width, height: options.height, hidden: scene.hidden,
            aspect: scene.aspect, style: style)
        if !painted {
            canvas.fill(
                Rect(x: 0, y: 0, width: Double(options.width), height: Double(options.height)),
                scene.palette.background)
        }
        if let header = layout.header {
            Header.draw(kind, in: header, scene: scene, style: style, on: canvas)
        }
        var panels: [PanelInfo] = []
        let variant = HiddenPanel.titleVariant(
            for: layout.hidden, scene: scene, style: style, on: canvas)
        for slot in layout.hidden {
            panels.append(
                try HiddenPanel.draw(
                    layer: slot.layer, unit: slot.unit, cell: slot.cell, titleVariant: variant,
                    scene: scene, style: style, on: canvas))
        }
        if kind == .hidden && scene.hidden.isEmpty {
            NoHidden.draw(in: layout.body, scene: scene, style: style, on: canvas)
        }
        if let cell = layout.omittedNote {
            NoHidden.omitted(layout.hiddenOmitted, in: cell, scene: scene, style: style, on: canvas)
        }
        if let cell = layout.output {
            panels.append(try OutputPanel.draw(cell: cell, scene: scene, style: style, on: canvas))
        }
        if let cell = layout.error {
            panels.append(try ErrorPanel.draw(cell: cell, scene: scene, style: style, on: canvas))
        }
        try context.check(during: "drawing the \(kind.rawValue) figure")
        return panels
    }
}
