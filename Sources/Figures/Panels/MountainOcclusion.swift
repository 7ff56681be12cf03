import Backprop
import Foundation

/// The mountain's depth test and the camera it chooses: whether the surface, as the mesh draws
/// it, stands between a viewer and a point, and the first view of a fixed list from which no
/// ridge hides the ball or the path's last stretch.
struct MountainOcclusion {
    typealias Point = (x: Double, y: Double, z: Double)

    /// The mesh's cells in box coordinates, the same quads ``MountainMesh`` draws.
    let quads: [[Point]]
    /// Each cell's footprint on the floor, widened by its own size on every side: the cells
    /// that carry a point inside it.
    private let near: [(x: ClosedRange<Double>, y: ClosedRange<Double>)]

    /// The cells of `grid`'s mesh.
    init(grid: SurfaceGrid) {
        let (domain, range) = (grid.domain, grid.range)
        quads = MountainMesh.cells(of: grid).map { cell in
            cell.map { i, j in
                MountainCamera.world(
                    grid.u[j], grid.v[i], grid[row: i, column: j], domain: domain, range: range)
            }
        }
        near = quads.map { quad in
            let (xs, ys) = (quad.map(\.x), quad.map(\.y))
            let (x0, x1, y0, y1) = (xs.min() ?? 0, xs.max() ?? 0, ys.min() ?? 0, ys.max() ?? 0)
            let (w, h) = (x1 - x0, y1 - y0)
            return ((x0 - w)...(x1 + w), (y0 - h)...(y1 + h))
        }
    }

    /// The views tried, in order: the usual one; then the box turned by eighths of a turn,
    /// nearest first; then the same turns seen from higher up (52° and 63° above the floor
    /// instead of 30°).
    static let candidates: [MountainCamera.Angles] = {
        let turns = [0.0, 1, -1, 2, -2, 3, -3, 4].map { $0 * Double.pi / 4 }
        let standard = MountainCamera.Angles.standard
        return [standard.elevation, 0.9, 1.1].flatMap { elevation in
            turns.map {
                MountainCamera.Angles(azimuth: standard.azimuth + $0, elevation: elevation)
            }
        }
    }()

    /// How much nearer than the point a surface must be to hide it, in box units (the box is
    /// 2 wide): a margin for rounding, far under the lift at which paths and balls float.
    static let tolerance = 1e-3

    /// The points of `points` that the surface hides from a viewer at `angles`.
    ///
    /// A point is hidden when a cell whose projection covers the point's projection is nearer
    /// the viewer there (depth along the view, interpolated over the cell's two triangles as
    /// perspective does). The cells under the point and their neighbours carry it, so they are
    /// left out: only a ridge farther off can stand in front. A cell whose box on the screen
    /// does not hold the point's projection cannot cover it and is skipped unlooked at.
    func hidden(_ points: [Point], from angles: MountainCamera.Angles) -> [Int] {
        hidden(points, from: angles, boxed: true)
    }

    /// ``hidden(_:from:)`` with the screen boxes (`boxed`), or the plain path that tests both
    /// triangles of every cell for every point; the tests hold the two equal.
    func hidden(_ points: [Point], from angles: MountainCamera.Angles, boxed: Bool) -> [Int] {
        let projected = quads.map { quad in
            quad.map { MountainCamera.view($0.x, $0.y, $0.z, angles) }
        }
        let boxes = boxed ? projected.map(Self.box) : []
        return points.indices.filter { index in
            let point = points[index]
            let (px, py, pd) = MountainCamera.view(point.x, point.y, point.z, angles)
            for (k, corners) in projected.enumerated() {
                if boxed {
                    guard let box = boxes[k], box.x.contains(px), box.y.contains(py) else {
                        continue
                    }
                }
                if near[k].x.contains(point.x) && near[k].y.contains(point.y) { continue }
                for (a, b, c) in [(0, 1, 2), (0, 2, 3)] {
                    guard
                        let depth = Self.depth(
                            at: (px, py), in: (corners[a], corners[b], corners[c]))
                    else { continue }
                    if depth < pd - Self.tolerance { return true }
                }
            }
            return false
        }
    }

    /// The screen box of a projected cell's corners (those that are numbers), a hair wider so
    /// that rounding never leaves out a point its triangles cover; `nil` for a cell with no
    /// corner that is a number, which covers nothing.
    static func box(_ corners: [(Double, Double, Double)]) -> (
        x: ClosedRange<Double>, y: ClosedRange<Double>
    )? {
        let placed = corners.filter { !$0.0.isNaN && !$0.1.isNaN }
        guard let first = placed.first else { return nil }
        var (x0, x1, y0, y1) = (first.0, first.0, first.1, first.1)
        var size = 1.0
        for (x, y, _) in placed {
            (x0, x1, y0, y1) = (min(x0, x), max(x1, x), min(y0, y), max(y1, y))
            if x.isFinite { size = max(size, abs(x)) }
            if y.isFinite { size = max(size, abs(y)) }
        }
        let slack = 1e-9 * size
        return ((x0 - slack)...(x1 + slack), (y0 - slack)...(y1 + slack))
    }

    /// What must stay in sight on the mountain of `grid`: the ball at `ball` and the last
    /// stretch of the drawn `path` (``MountainMesh/lastStretch(_:)``), floating where they are
    /// drawn.
    static func shown(grid: SurfaceGrid, ball: PathPoint, path: [PathPoint]) -> [Point] {
        floating([ball] + MountainMesh.lastStretch(path), grid: grid)
    }

    /// `points` in box coordinates, floating above the surface of `grid` where paths and balls
    /// are drawn.
    static func floating(_ points: [PathPoint], grid: SurfaceGrid) -> [Point] {
        let (domain, range) = (grid.domain, grid.range)
        return points.map {
            MountainCamera.world(
                $0.u, $0.v, $0.height, lift: MountainMesh.lift, domain: domain, range: range)
        }
    }

    /// Whether the surface hides `point` from a viewer at `angles`.
    func hides(_ point: Point, from angles: MountainCamera.Angles) -> Bool {
        !hidden([point], from: angles).isEmpty
    }

    /// The first view of ``candidates`` from which none of `points` is hidden, and whether
    /// there was one; when none clears them, the usual view.
    func camera(showing points: [Point]) -> (angles: MountainCamera.Angles, clear: Bool) {
        for angles in Self.candidates where hidden(points, from: angles).isEmpty {
            return (angles, true)
        }
        return (.standard, false)
    }

    /// The depth of the triangle `t` (screen x, screen y, depth) at the screen point `p`.
    ///
    /// `nil` where the triangle does not cover it. The inverse of depth is linear in screen
    /// position, so that is what is interpolated.
    static func depth(
        at p: (Double, Double),
        in t: ((Double, Double, Double), (Double, Double, Double), (Double, Double, Double))
    ) -> Double? {
        let (a, b, c) = t
        let det = (b.1 - c.1) * (a.0 - c.0) + (c.0 - b.0) * (a.1 - c.1)
        guard abs(det) > 1e-15 else { return nil }
        let l1 = ((b.1 - c.1) * (p.0 - c.0) + (c.0 - b.0) * (p.1 - c.1)) / det
        let l2 = ((c.1 - a.1) * (p.0 - c.0) + (a.0 - c.0) * (p.1 - c.1)) / det
        let l3 = 1 - l1 - l2
        guard l1 >= 0, l2 >= 0, l3 >= 0 else { return nil }
        return 1 / (l1 / a.2 + l2 / b.2 + l3 / c.2)
    }
}

/// The mountain's camera, for the manifest.
public struct MountainCameraInfo: Sendable, Equatable, Codable {
    /// The box's turn about its vertical axis and the view's height above the floor, degrees.
    public var azimuth: Double
    public var elevation: Double
    /// Whether no ridge hides the ball or the path's last stretch from it; when `false`, no view
    /// tried shows them and they are drawn over the surface with a halo.
    public var clear: Bool

    init(_ angles: MountainCamera.Angles, clear: Bool) {
        azimuth = angles.azimuth * 180 / Double.pi
        elevation = angles.elevation * 180 / Double.pi
        self.clear = clear
    }
}
