import Backprop
import Foundation

/// Renders figures of one run; immutable and safe to call from many threads at once.
///
/// Each call draws into its own Cairo surface and returns the file's bytes; nothing is shared
/// between calls but read-only tables.
public struct FigureRenderer: Sendable {
    public let run: TrainingRun
    public let options: RenderOptions
    private let series: ErrorSeries
    private let testSeries: ErrorSeries?
    private let sprites: MarkerSprites
    /// The error panel's snapshot-independent pixels, made on first use.
    private let backdrops = ErrorBackdrops()
    /// Error surfaces, computed once per plane.
    let landscapes = Landscapes()

    /// Checks the options (before any allocation) and the run record's shapes.
    public init(run: TrainingRun, options: RenderOptions) throws {
        try options.validate()
        do {
            try run.validate()
        } catch let error as BackpropError {
            throw FiguresError.badRun(
                "The run \"\(run.name)\" cannot be drawn: \(error.description)")
        }
        if case .index(let n) = options.focus, !(1...max(1, run.data.count)).contains(n) {
            throw FiguresError.outOfRange(
                .focus, value: "number \(n)",
                rule: "the data has \(run.data.count) points, numbered from 1")
        }
        if case .visitor(let x1, let x2, let label) = options.focus {
            guard x1.isFinite, x2.isFinite, abs(x1) <= 1e100, abs(x2) <= 1e100,
                label == 0 || label == 1
            else {
                throw FiguresError.outOfRange(
                    .focus, value: "a visitor at (\(x1), \(x2)) with label \(label)",
                    rule: "a visitor needs finite coordinates and the label 0 or 1")
            }
        }
        self.run = run
        self.options = options
        series = ErrorSeries(errors: run.errors)
        testSeries = run.testErrors.map { ErrorSeries(errors: $0) }
        sprites = try FigureRenderer.markerSprites(run: run, options: options)
    }

    /// Sprites for every marker size the figures of this run will use: the layouts depend only
    /// on the options and the network's shape, the same for every snapshot.
    private static func markerSprites(run: TrainingRun, options: RenderOptions) throws
        -> MarkerSprites
    {
        let d = run.domain
        let aspect = (d.x1.upperBound - d.x1.lowerBound) / (d.x2.upperBound - d.x2.lowerBound)
        var radii = Set<Double>()
        for kind in FigureKind.allCases {
            let page = Page(kind, options: options, hidden: run.network.hidden, aspect: aspect)
            for place in page.layout.panels {
                if let r = place.kind.panel.markerRadius(
                    cell: place.cell, aspect: aspect, count: run.data.count, style: page.style)
                {
                    radii.insert(r)
                }
            }
        }
        return try MarkerSprites(radii: radii, palette: Palette.named(options.palette))
    }

    /// Draws `kind` for the snapshot at index `snapshot` of `run.snapshots`.
    public func render(_ kind: FigureKind, snapshot: Int, format: FileFormat) throws
        -> RenderedFigure
    {
        guard !format.isAnimation else {
            throw FiguresError.badAnimation(
                "\(format.rawValue) is an animation of every snapshot, not a figure of one.")
        }
        let encoder = format.encoder(options)
        let drawn = try draw(kind, snapshot: snapshot, for: encoder)
        var figure = RenderedFigure(
            kind: kind, format: format, width: drawn.page.width, height: drawn.page.height,
            epoch: drawn.scene.epoch,
            data: try encoder.encode(drawn.surface, metadata: drawn.metadata),
            panels: drawn.panels)
        figure.stepFraction = drawn.scene.stepFraction
        return figure
    }

    /// Draws `kind` into pixels without encoding them: the drawing half of a PNG, for
    /// benchmarks that time drawing and encoding separately.
    public func raster(_ kind: FigureKind, snapshot: Int) throws -> RasterFigure {
        let encoder = PNGEncoder(level: options.pngCompression)
        let drawn = try draw(kind, snapshot: snapshot, for: encoder)
        return RasterFigure(
            surface: drawn.surface, panels: drawn.panels, metadata: drawn.metadata,
            encoder: encoder)
    }

    /// Draws `kind` of snapshot `index` on a surface that `encoder` makes.
    private func draw(_ kind: FigureKind, snapshot index: Int, for encoder: some FigureEncoder)
        throws -> (
            scene: Scene, page: Page, surface: Surface, metadata: FigureMetadata,
            panels: [PanelInfo]
        )
    {
        var scene = try self.scene(index, for: kind)
        if kind == .surface || kind == .mountain
            || (kind == .frame && options.frameLandscape != nil)
        {
            scene.landscape = try derived {
                try landscapes.view(run: run, snapshot: index, options: options.surface)
            }
        }
        if kind == .hiddenSpace {
            let network = try derived { try run.network(at: run.snapshots[index]) }
            scene.hiddenSpace = try derived { try HiddenSpace(network: network, data: run.data) }
        }
        let metadata = metadata(kind, scene: scene)
        let page = Page(kind, options: options, hidden: scene.hidden, aspect: scene.aspect)
        let (surface, painted) = try encoder.surface(
            width: page.width, height: page.height, background: scene.palette.background,
            metadata: metadata)
        let panels = try draw(kind, scene: scene, page: page, on: surface, painted: painted)
        return (scene, page, surface, metadata, panels)
    }

    /// Runs a Backprop computation, its errors as ``FiguresError/badRun(_:)``.
    func derived<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BackpropError {
            throw FiguresError.badRun(error.description)
        }
    }

    /// What the figures of snapshot `index` show.
    private func scene(_ index: Int, for kind: FigureKind) throws -> Scene {
        guard run.snapshots.indices.contains(index) else {
            throw FiguresError.noSuchSnapshot(index: index, count: run.snapshots.count)
        }
        let snapshot = run.snapshots[index]
        return Scene(
            run: run, snapshot: snapshot,
            derived: DerivedData(
                run: run, snapshot: snapshot, options: options, figure: kind),
            series: series, testSeries: testSeries, options: options, sprites: sprites,
            backdrops: backdrops)
    }

    /// The title `"<name>: <figure> at epoch <N>"` and the PNG text chunks.
    private func metadata(_ kind: FigureKind, scene: Scene) -> FigureMetadata {
        let title = "\(scene.name): \(kind.rawValue) at epoch \(scene.epochLabel)"
        return FigureMetadata(
            title: title,
            texts: [
                ("Software", "Errorest"), ("Title", title), ("Epoch", scene.epochLabel),
                ("Error", String(scene.error)),
            ])
    }

    /// Draws the whole figure on `surface` (whose background is already `painted`, or not) and
    /// returns its panels.
    private func draw(
        _ kind: FigureKind, scene: Scene, page: Page, on surface: Surface, painted: Bool
    ) throws -> [PanelInfo] {
        let context = try Context(surface)
        let canvas = Canvas(context)
        let (style, layout) = (page.style, page.layout)
        if !painted {
            canvas.fill(
                Rect(x: 0, y: 0, width: Double(page.width), height: Double(page.height)),
                scene.palette.background)
        }
        if let header = layout.header {
            Header.draw(kind, in: header, scene: scene, style: style, on: canvas)
        }
        let figure = FigureContext(
            kind: kind, scene: scene, style: style, layout: layout, canvas: canvas)
        let places = layout.panels
        var panels: [PanelInfo] = []
        for panelKind in PanelKind.allCases {
            panels += try panelKind.panel.draw(places.filter { $0.kind == panelKind }, in: figure)
        }
        try context.check(during: "drawing the \(kind.rawValue) figure")
        return panels
    }
}
