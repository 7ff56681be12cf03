import Foundation
import Testing

@testable import Backprop

/// A surface's points are taken a tile at a time, so its memory does not grow with the points,
/// and the tiles change no bit of its heights.
@Suite struct SurfaceTileTests {
    /// A plane through `network` on `data`, with random directions.
    static func plane(_ network: Network) -> ParameterPlane {
        let p = network.parameters.count
        var random = SeededRandom(seed: 11)
        let raw = (0..<2).map { _ in (0..<p).map { _ in random.gaussian() } }
        let first = raw[0].map { $0 / dot(raw[0], raw[0]).squareRoot() }
        return ParameterPlane(origin: network.parameters.values, first: first, second: raw[1])
    }

    /// 701 points are 176 vectors of four, across the 128-vector fold of the logarithm: cut
    /// into tiles of one vector, of seven and of all of them, the heights are the same bits,
    /// with split exponentials (sigmoid, small span) and without (tanh; a span of 200).
    @Test(arguments: [
        ([3, 4, 2], Activation.sigmoid, 0.5), ([5], .tanh, 2), ([8], .sigmoid, 1),
        ([6], .sigmoid, 200),
    ])
    func tilesChangeNoBitOfTheHeights(hidden: [Int], activation: Activation, span: Double) throws {
        let data = TrainingData(try Generator.moons.generate(count: 701, noise: 0.2, seed: 9))
        let network = try Network(hidden: hidden, activation: activation, seed: 4)
        let plane = Self.plane(network)
        let u = SurfaceGrid.lattice(-span...span, count: 7)
        let v = SurfaceGrid.lattice((-span / 3)...span, count: 5)
        let whole = NetworkGrid(network: network, data: data, plane: plane, tileBytes: .max)
        #expect(whole.tileVectors(columns: u.count) == 176)
        let reference = whole.heights(u: u, v: v).map(\.bitPattern)
        #expect(reference.count == 35)
        let perVector = (u.count + 4) * hidden[0] * 32
        for (bytes, vectors) in [(1, 1), (7 * perVector + 5, 7), (40 * perVector, 40)] {
            let tiled = NetworkGrid(network: network, data: data, plane: plane, tileBytes: bytes)
            #expect(tiled.tileVectors(columns: u.count) == vectors)
            #expect(tiled.heights(u: u, v: v).map(\.bitPattern) == reference, "\(vectors)")
        }
    }

    /// The default tile keeps its terms and factors within 256 MiB for any number of points,
    /// at the largest grid and the widest first layer alike: a tile's vectors do not grow with
    /// the points past what fits.
    @Test(arguments: [
        (4, 301, 2), (1_000_000, 301, 8), (10_000_000, 1001, 8), (1_000_000, 101, 500),
        (Int.max / 8, 1001, Network.maximumUnits),
    ])
    func aTileStaysWithinItsBytes(points: Int, grid: Int, units: Int) throws {
        let budget = 256 << 20
        let data = TrainingData(try Generator.xor.generate(count: 8, noise: 0.1, seed: 1))
        let network = try Network(hidden: [2], activation: .sigmoid, seed: 1)
        #expect(
            NetworkGrid(network: network, data: data, plane: Self.plane(network)).tileBytes
                == budget)
        let vectors = (points + 3) / 4
        let tile = NetworkGrid.tileVectors(
            columns: grid, units: units, vectors: vectors, tileBytes: budget)
        #expect(tile >= 1 && tile <= vectors)
        let bytes = (grid + 4) * units * 32 * tile
        #expect(bytes <= budget, "\(tile) vectors take \(bytes) bytes")
        if points >= 1_000_000 { #expect(tile < vectors) }
    }
}
