import Synchronization

/// The error panel's grid, the mountain's silhouette under the whole curve, the rest of the way
/// faint and the path already walked (through epoch `current`) solid; on pixels from the
/// renderer's cached ``ErrorBackdrop``.
struct ErrorCurve: RasterDrawable {
    let plot: ErrorPlot
    let current: Int
    let palette: Palette
    let backdrops: ErrorBackdrops

    func drawVector(on canvas: Canvas) throws {
        plot.grid(palette, on: canvas)
        canvas.saved {
            canvas.clip(to: plot.rect)
            plot.silhouette(palette, on: canvas)
            plot.stroke(
                plot.points(from: current, through: plot.epochs), walked: false, palette,
                on: canvas)
            plot.stroke(plot.points(from: 0, through: current), walked: true, palette, on: canvas)
        }
    }

    func drawPixels(into surface: Surface, on canvas: Canvas) throws {
        let backdrop = try backdrops.backdrop(for: plot) {
            try ErrorBackdrop(plot: plot, palette: palette)
        }
        backdrop.paint(walkedThrough: current, plot: plot, palette: palette, on: canvas)
    }
}

/// The error panel's pixels that do not depend on the snapshot, drawn once per renderer and
/// figure layout: the grid and the mountain's silhouette under the whole curve, once with the
/// whole curve faint and once with it all walked.
///
/// A frame takes the walked image left of its epoch and the faint one right of it. Only a band
/// a few pixels either side of the epoch, where the walked path ends in its round cap, is
/// stroked again, over the faint image: there the faint curve lies under the walked one, as
/// the faint stroke is the narrower (its edge pixels move by a level or two at most).
struct ErrorBackdrop: Sendable {
    /// The pixels covered: the plot and the row below it, where the lowest grid line can fall.
    let area: (x: Int, y: Int, width: Int, height: Int)
    /// Opaque RGB24 pixels of `area`, row after row.
    private let faint: [UInt32]
    private let walked: [UInt32]
    /// Columns either side of the epoch stroked for each frame: beyond the walked stroke's
    /// half-width, its antialiasing and its cap.
    static let band = 4

    init(plot: ErrorPlot, palette: Palette) throws {
        let r = plot.rect
        let area = (x: Int(r.x), y: Int(r.y), width: Int(r.width), height: Int(r.height) + 1)
        self.area = area
        func image(walked: Bool) throws -> [UInt32] {
            let surface = try Surface.image(width: area.width, height: area.height)
            let context = try Context(surface)
            let canvas = Canvas(context)
            canvas.fill(
                Rect(x: 0, y: 0, width: Double(area.width), height: Double(area.height)),
                palette.background)
            canvas.translate(by: PixelPoint(-r.x, -r.y))
            plot.grid(palette, on: canvas)
            canvas.saved {
                canvas.clip(to: r)
                plot.silhouette(palette, on: canvas)
                plot.stroke(
                    plot.points(from: 0, through: plot.epochs), walked: walked, palette,
                    on: canvas)
            }
            try context.check(during: "drawing the error curve")
            surface.flush()
            guard let pixels = PixelImage(surface) else { return [] }
            var out: [UInt32] = []
            out.reserveCapacity(area.width * area.height)
            for y in 0..<area.height {
                out.append(contentsOf: UnsafeBufferPointer(start: pixels.row(y), count: area.width))
            }
            return out
        }
        faint = try image(walked: false)
        walked = try image(walked: true)
    }

    /// Paints the grid, the silhouette and the curve walked through epoch `current`.
    func paint(walkedThrough current: Int, plot: ErrorPlot, palette: Palette, on canvas: Canvas) {
        let surface = canvas.context.surface
        surface.flush()
        guard let image = PixelImage(surface), faint.count == area.width * area.height else {
            return
        }
        let split = Int(plot.x(current).rounded())
        let x0 = max(0, area.x)
        let x1 = min(image.width, area.x + area.width)
        let lo = min(max(split - ErrorBackdrop.band, x0), x1)
        let hi = min(max(split + ErrorBackdrop.band, lo), x1)
        walked.withUnsafeBufferPointer { walked in
            faint.withUnsafeBufferPointer { faint in
                guard let walked = walked.baseAddress, let faint = faint.baseAddress else { return }
                for y in max(0, area.y)..<min(image.height, area.y + area.height) {
                    let row = image.row(y)
                    let source = (y - area.y) * area.width - area.x
                    (row + x0).update(from: walked + source + x0, count: lo - x0)
                    (row + lo).update(from: faint + source + lo, count: x1 - lo)
                }
            }
        }
        surface.markDirty()
        // The walked path's last few pixels and its cap, inside the band.
        guard hi > lo else { return }
        let tail = plot.points(from: 0, through: current)
        let start = tail.lastIndex { $0.x < Double(lo) - plot.walkedWidth - 2 } ?? 0
        canvas.saved {
            canvas.clip(
                to: Rect(
                    x: Double(lo), y: plot.rect.y, width: Double(hi - lo),
                    height: plot.rect.height))
            plot.stroke(Array(tail[start...]), walked: true, palette, on: canvas)
        }
    }
}

/// Error backdrops of one renderer by plot rectangle, made on first use and then shared by every
/// thread that draws the renderer's figures.
final class ErrorBackdrops: Sendable {
    private let backdrops = Mutex<[[Int]: ErrorBackdrop]>([:])

    /// The backdrop for `plot`, made by `make` the first time.
    func backdrop(for plot: ErrorPlot, make: () throws -> ErrorBackdrop) throws -> ErrorBackdrop {
        let r = plot.rect
        let key = [Int(r.x), Int(r.y), Int(r.width), Int(r.height)]
        return try backdrops.withLock { cache in
            if let backdrop = cache[key] { return backdrop }
            let backdrop = try make()
            cache[key] = backdrop
            return backdrop
        }
    }
}
