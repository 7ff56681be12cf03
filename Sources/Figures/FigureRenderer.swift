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
    /// The one factor every wish of the run is drawn magnified by, when a point is followed.
    let wishMagnification: Double?

    /// Refuses a focus point's number beyond the run's `points`.
    public static func check(focus: Focus?, points: Int) throws {
        if case .index(let n) = focus, !(1...max(1, points)).contains(n) {
            throw FiguresError.outOfRange(
                .focus, value: "number \(n)", rule: "the data has \(points) points, numbered from 1"
            )
        }
    }

    /// Checks the options (before any allocation) and the run record's shapes.
    public init(run: TrainingRun, options: RenderOptions) throws {
        try options.validate()
        do {
            try run.validate()
        } catch let error as BackpropError {
            throw FiguresError.badRun(
                "The run \"\(run.name)\" cannot be drawn: \(error.description)")
        }
        try FigureRenderer.check(focus: options.focus, points: run.data.count)
        if case .visitor(let x1, let x2, let label) = options.focus {
            guard x1.isFinite, x2.isFinite, abs(x1) <= 1e100, abs(x2) <= 1e100,
                label == 0 || label == 1
            else {
                throw FiguresError.outOfRange(
                    .focus, value: "a visitor at (\(x1), \(x2)) with label \(label)",
                    rule: "a visitor needs finite coordinates and the label 0 or 1")
            }
        }
        if let k = options.wishMagnification, !(k.isFinite && k > 0 && k <= 1e12) {
            throw FiguresError.outOfRange(
                .focus, value: "a wish magnified \(k) times",
                rule: "the magnification must be a number above 0 and at most 1e12")
        }
        self.run = run
        self.options = options
        series = ErrorSeries(errors: run.errors)
        testSeries = run.testErrors.map { ErrorSeries(errors: $0) }
        sprites = try FigureRenderer.markerSprites(run: run, options: options)
        wishMagnification =
            options.wish == WishSource.none
            ? nil
            : options.focus.map {
                options.wishMagnification ?? FocusPoint.runMagnification($0, run: run)
            }
    }

    /// Sprites for every marker size the figures of this run will use: the layouts depend only
    /// on the options and the network's shape, the same for every snapshot.
    private static func markerSprites(run: TrainingRun, options: RenderOptions) throws
        -> MarkerSprites
    {
        let aspect = run.domain.aspect
        var radii = Set<Double>()
        for kind in FigureKind.allCases {
            let page = Page(kind, options: options, hidden: run.network.hidden, aspect: aspect)
            for place in page.layout.panels {
                if let r = place.kind.panel.markerRadius(
                    place, aspect: aspect, count: run.data.count, style: page.style)
                {
                    radii.insert(r)
                }
            }
        }
        return try MarkerSprites(radii: radii, palette: Palette.named(options.palette))
    }

    /// What `kind` leaves out for lack of room, as one sentence, or nil.
    ///
    /// Today the frame's network diagram (``RenderOptions/frameDiagram``) where its cell would be under
    /// `FrameComposition.diagramMinimum`. The figure itself is drawn without it.
    public func leftOut(_ kind: FigureKind) -> String? {
        guard kind == .frame, options.frameDiagram else { return nil }
        let page = Page(
            kind, options: options, hidden: run.network.hidden, aspect: run.domain.aspect)
        guard !page.layout.panels.contains(where: { $0.kind == .diagram }) else { return nil }
        let minimum = FrameComposition.diagramMinimum
        return "a \(page.width)×\(page.height) frame has no room for the network diagram (it "
            + "needs \(Int(minimum.width))×\(Int(minimum.height)) px beside the error curve), so "
            + "the frames are drawn without it; draw it with a larger size or as figure diagram."
    }

    /// Draws `kind` for the snapshot at index `snapshot` of `run.snapshots`.
    public func render(_ kind: FigureKind, snapshot: Int, format: FileFormat) throws
        -> RenderedFigure
    {
        try render(kind.composition(options), kind: kind, snapshots: [snapshot], format: format)
    }

    /// Draws `composition` for the snapshots at indices `snapshots` of `run.snapshots` (its
    /// panels' ``PlacedPanel/scene`` index into them; the first is the figure's own, named in
    /// its header and title), reported as figure `kind`.
    func render(
        _ composition: any Composition, kind: FigureKind, snapshots: [Int], format: FileFormat
    ) throws -> RenderedFigure {
        guard !format.isAnimation else {
            throw FiguresError.badAnimation(
                "\(format.rawValue) is an animation of every snapshot, not a figure of one.")
        }
        let encoder = format.encoder(options)
        let drawn = try draw(composition, snapshots: snapshots, for: encoder)
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
    package func raster(_ kind: FigureKind, snapshot: Int) throws -> RasterFigure {
        let encoder = PNGEncoder(level: options.pngCompression)
        let drawn = try draw(kind.composition(options), snapshots: [snapshot], for: encoder)
        return RasterFigure(
            surface: drawn.surface, panels: drawn.panels, metadata: drawn.metadata,
            encoder: encoder)
    }

    /// Draws `composition` of the snapshots at `indices` on a surface that `encoder` makes: lays
    /// out the page, gathers for each snapshot what the panels placed on it need, draws.
    private func draw(
        _ composition: any Composition, snapshots indices: [Int], for encoder: some FigureEncoder
    ) throws -> (
        scene: Scene, page: Page, surface: Surface, metadata: FigureMetadata, panels: [PanelInfo]
    ) {
        let page = Page(
            composition, options: options, hidden: run.network.hidden, aspect: run.domain.aspect)
        let scenes = try indices.indices.map { i in
            try scene(indices[i], needs: page.layout.needs(scene: i))
        }
        guard let scene = scenes.first else {
            throw FiguresError.noSuchSnapshot(index: 0, count: 0)
        }
        let metadata = metadata(composition.name, scene: scene)
        let (surface, painted) = try encoder.surface(
            width: page.width, height: page.height, background: scene.palette.background,
            metadata: metadata)
        let panels = try draw(
            composition, scenes: scenes, page: page, on: surface, painted: painted)
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

    /// What the figures of snapshot `index` show, with what `needs` names gathered.
    func scene(_ index: Int, needs: Set<PanelNeed>) throws -> Scene {
        guard run.snapshots.indices.contains(index) else {
            throw FiguresError.noSuchSnapshot(index: index, count: run.snapshots.count)
        }
        let snapshot = run.snapshots[index]
        var scene = Scene(
            run: run, snapshot: snapshot,
            derived: DerivedData(
                run: run, snapshot: snapshot, options: options, magnification: wishMagnification),
            series: series, testSeries: testSeries, options: options, sprites: sprites,
            backdrops: backdrops)
        let data = try gather(needs, snapshot: index)
        scene.landscape = data.landscape
        scene.hiddenSpace = data.hiddenSpace
        scene.step = data.step
        return scene
    }

    /// The title `"<name>: <figure> at epoch <N>"` and the PNG text chunks.
    private func metadata(_ figure: String, scene: Scene) -> FigureMetadata {
        let title = "\(scene.name): \(figure) at epoch \(scene.epochLabel)"
        return FigureMetadata(
            title: title,
            texts: [
                ("Software", "Errorest"), ("Title", title), ("Epoch", scene.epochLabel),
                ("Error", String(scene.error)),
            ])
    }

    /// Draws the whole figure on `surface` (whose background is already `painted`, or not) and
    /// returns its panels: the header, then the placed panels kind by kind, in the order each
    /// kind (on each snapshot) was first placed.
    func draw(
        _ composition: any Composition, scenes: [Scene], page: Page, on surface: Surface,
        painted: Bool
    ) throws -> [PanelInfo] {
        let context = try Context(surface)
        let canvas = Canvas(context)
        let (style, layout, scene) = (page.style, page.layout, scenes[0])
        if !painted {
            canvas.fill(
                Rect(x: 0, y: 0, width: Double(page.width), height: Double(page.height)),
                scene.palette.background)
        }
        var groups: [(kind: PanelKind, scene: Int, places: [PlacedPanel])] = []
        for place in layout.panels {
            if let g = groups.firstIndex(where: { $0.kind == place.kind && $0.scene == place.scene }
            ) {
                groups[g].places.append(place)
            } else {
                groups.append((place.kind, place.scene, [place]))
            }
        }
        var panels: [PanelInfo] = []
        for group in groups {
            let figure = FigureContext(scene: scenes[group.scene], style: style, canvas: canvas)
            panels += try group.kind.panel.draw(group.places, in: figure)
        }
        // The header last: its legend keys the marks the panels drew.
        let offView = panels.contains { $0.offView != nil }
        if let header = layout.header {
            Header.draw(
                composition.legend, in: header, offView: offView, scene: scene, style: style,
                on: canvas)
        }
        if let strip = layout.legendStrip {
            Header.legendStrip(
                composition.legend, in: strip, offView: offView, scene: scene, style: style,
                on: canvas)
        }
        try context.check(during: "drawing the \(composition.name) figure")
        return panels
    }
}

extension Domain {
    /// The view's width over its height: the plots' aspect.
    var aspect: Double {
        (x1.upperBound - x1.lowerBound) / (x2.upperBound - x2.lowerBound)
    }
}
