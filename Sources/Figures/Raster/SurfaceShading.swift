import Backprop

/// The error surface's heights shaded at the centre of every pixel of its plot, interpolated
/// bilinearly between the grid's nodes (as the level curves traced on the same grid are): on
/// pixels straight into the figure, on PDF and SVG as an image of the plot.
///
/// Smooth where the surface is steep, however coarse the grid: one flat colour per grid cell
/// showed the cells as blocks there.
struct SurfaceShading: RasterDrawable {
    let grid: SurfaceGrid
    /// The plot: the grid's first node at its bottom-left corner, its last at the top-right.
    let rect: Rect

    func drawPixels(into surface: Surface, on canvas: Canvas) throws {
        // The pixels whose centres lie in the plot.
        let left = max(0, Int((rect.minX - 0.5).rounded(.up)))
        let right = min(surface.width, Int((rect.maxX - 0.5).rounded(.down)) + 1)
        let top = max(0, Int((rect.minY - 0.5).rounded(.up)))
        let bottom = min(surface.height, Int((rect.maxY - 0.5).rounded(.down)) + 1)
        shade(into: surface, columns: left..<right, rows: top..<bottom, origin: (0, 0))
    }

    func drawVector(on canvas: Canvas) throws {
        let width = max(1, Int(rect.width.rounded(.up)))
        let height = max(1, Int(rect.height.rounded(.up)))
        let image = try Surface.image(width: width, height: height)
        shade(into: image, columns: 0..<width, rows: 0..<height, origin: (rect.x, rect.y))
        canvas.paint(image: image, at: PixelPoint(rect.x, rect.y), size: rect)
    }

    /// Colours `surface`'s pixels in `columns` × `rows`, whose pixel `(c, r)` has its centre at
    /// `origin + (c + ½, r + ½)` in the figure.
    private func shade(
        into surface: Surface, columns: Range<Int>, rows: Range<Int>,
        origin: (x: Double, y: Double)
    ) {
        let nu = grid.u.count
        let nv = grid.v.count
        guard nu > 1, nv > 1, !columns.isEmpty, !rows.isEmpty, rect.width > 0, rect.height > 0,
            let base = surface.pixels
        else { return }
        surface.flush()
        let range = grid.range
        let span = max(range.upperBound - range.lowerBound, 1e-12)
        let levels = 1024
        let ramp = (0..<levels).map {
            HeightRamp.colour(Double($0) / Double(levels - 1)).pixel
        }
        let heights = grid.heights
        let stride = surface.stride
        // Each column's place between the grid's columns, found once for every row.
        let across = columns.map { c in
            SurfaceShading.node((origin.x + Double(c) + 0.5 - rect.minX) / rect.width, of: nu)
        }
        for r in rows {
            // Grid rows count up the plot (row 0 is v's first value, at the bottom).
            let (i, fy) = SurfaceShading.node(
                (rect.maxY - (origin.y + Double(r) + 0.5)) / rect.height, of: nv)
            let pixels =
                UnsafeMutableRawPointer(base + r * stride).assumingMemoryBound(to: UInt32.self)
            for (c, (j, fx)) in zip(columns, across) {
                let below = heights[i * nu + j] * (1 - fx) + heights[i * nu + j + 1] * fx
                let above =
                    heights[(i + 1) * nu + j] * (1 - fx) + heights[(i + 1) * nu + j + 1] * fx
                let t = ((below * (1 - fy) + above * fy) - range.lowerBound) / span
                let level = t.isFinite ? min(1, max(0, t)) : 0
                pixels[c] = ramp[Int((level * Double(levels - 1)).rounded())]
            }
        }
        surface.markDirty()
    }

    /// The grid node before `position` (0 at the first of `nodes`, 1 at the last, clamped) and
    /// how far it is toward the next.
    private static func node(_ position: Double, of nodes: Int) -> (Int, Double) {
        let g = min(Double(nodes - 1), max(0, position * Double(nodes - 1)))
        let k = min(nodes - 2, Int(g))
        return (k, g - Double(k))
    }
}
