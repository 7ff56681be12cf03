import Backprop
import Foundation
import Testing

@testable import Figures

/// Issue 21, item 6: the mountain's depth test against surfaces made by hand, and the camera it
/// chooses from them.
@Suite struct MountainOcclusionTests {
    /// A ridge along `u = v` over the square `[-1, 1]²`, height 1 on its crest and about 0 far
    /// from it: the usual camera looks at it from the side of `u > v`.
    static let ridge: SurfaceGrid = {
        let axis = SurfaceGrid.lattice(-1...1, count: 41)
        let heights = axis.flatMap { v in axis.map { u in exp(-pow((u - v) / 0.3, 2)) } }
        return SurfaceGrid(u: axis, v: axis, heights: heights)
    }()

    /// A point of the plane at height `e`, floating as the ball does.
    static func point(_ u: Double, _ v: Double, _ e: Double) -> MountainOcclusion.Point {
        MountainCamera.world(
            u, v, e, lift: MountainMesh.lift, domain: ridge.domain, range: ridge.range)
    }

    @Test func aRidgeBetweenTheCameraAndAPointHidesItAndNothingHidesAPointInFront() {
        let mesh = MountainOcclusion(grid: Self.ridge)
        let standard = MountainCamera.Angles.standard
        // Behind the ridge, on the floor: hidden.
        #expect(mesh.hides(Self.point(-0.6, 0.6, 0), from: standard))
        // The same point moved in front of the ridge: visible.
        #expect(!mesh.hides(Self.point(0.6, -0.6, 0), from: standard))
        // Behind the ridge but on a tower above its crest: visible.
        #expect(!mesh.hides(Self.point(-0.6, 0.6, 1.4), from: standard))
        // On the crest itself, the cells it rests on do not hide it.
        #expect(!mesh.hides(Self.point(0, 0, 1), from: standard))
        // Turned half round, the viewer stands on the other side: the roles swap.
        let opposite = MountainCamera.Angles(
            azimuth: standard.azimuth + Double.pi, elevation: standard.elevation)
        #expect(!mesh.hides(Self.point(-0.6, 0.6, 0), from: opposite))
        #expect(mesh.hides(Self.point(0.6, -0.6, 0), from: opposite))
    }

    @Test func aFlatSurfaceHidesNothing() {
        let axis = SurfaceGrid.lattice(-1...1, count: 11)
        let flat = SurfaceGrid(
            u: axis, v: axis, heights: axis.flatMap { v in axis.map { u in 0.1 * u + 0.05 * v } })
        let mesh = MountainOcclusion(grid: flat)
        let points = [(-0.9, 0.9), (0.9, -0.9), (0, 0), (0.5, 0.7)].map { u, v in
            MountainCamera.world(
                u, v, 0.1 * u + 0.05 * v, lift: MountainMesh.lift, domain: flat.domain,
                range: flat.range)
        }
        for angles in MountainOcclusion.candidates {
            #expect(mesh.hidden(points, from: angles).isEmpty, "\(angles)")
        }
    }

    @Test func theCameraStaysWhereNothingIsHiddenAndTurnsToTheFirstViewThatShowsTheBall() {
        let mesh = MountainOcclusion(grid: Self.ridge)
        #expect(MountainOcclusion.candidates.first == .standard)
        #expect(Set(MountainOcclusion.candidates.map { "\($0)" }).count == 24)
        let front = [Self.point(0.6, -0.6, 0), Self.point(0.5, -0.7, 0.01)]
        let kept = mesh.camera(showing: front)
        #expect(kept.angles == .standard && kept.clear)
        let behind = [Self.point(-0.6, 0.6, 0), Self.point(-0.5, 0.7, 0.01)]
        let turned = mesh.camera(showing: behind)
        #expect(turned.clear && turned.angles != .standard)
        #expect(mesh.hidden(behind, from: turned.angles).isEmpty)
        // It is the first such view in the list: every earlier one hides a point.
        let index = MountainOcclusion.candidates.firstIndex(of: turned.angles) ?? 0
        #expect(index > 0)
        for earlier in MountainOcclusion.candidates.prefix(index) {
            #expect(!mesh.hidden(behind, from: earlier).isEmpty, "\(earlier)")
        }
    }

    /// The screen-box test skips only cells that cannot cover a point: the points hidden are
    /// the plain path's (every cell's triangles tried) for 150 points scattered over and around
    /// three surfaces (the ridge, bumps, bumps with holes of NaN and ∞) from all 24 views.
    @Test func theScreenBoxesSkipOnlyCellsThatCannotCoverAPoint() {
        let axis = SurfaceGrid.lattice(-1...1, count: 31)
        let bumps = axis.flatMap { v in axis.map { u in sin(4 * u) * cos(3 * v) + u * v } }
        var holes = bumps
        for k in stride(from: 7, to: holes.count, by: 53) {
            holes[k] = k % 2 == 0 ? .nan : .infinity
        }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        var hiddenSomewhere = 0
        for grid in [
            Self.ridge, SurfaceGrid(u: axis, v: axis, heights: bumps),
            SurfaceGrid(u: axis, v: axis, heights: holes),
        ] {
            let mesh = MountainOcclusion(grid: grid)
            let range = grid.range
            let span = range.upperBound - range.lowerBound
            let points = (0..<150).map { _ in
                MountainCamera.world(
                    2.4 * random() - 1.2, 2.4 * random() - 1.2,
                    range.lowerBound + (1.4 * random() - 0.2) * span,
                    lift: MountainMesh.lift, domain: grid.domain, range: range)
            }
            for angles in MountainOcclusion.candidates {
                let boxed = mesh.hidden(points, from: angles, boxed: true)
                #expect(boxed == mesh.hidden(points, from: angles, boxed: false), "\(angles)")
                hiddenSomewhere += boxed.count
            }
        }
        #expect(hiddenSomewhere > 1000, "\(hiddenSomewhere) points hidden in all")
    }
}
