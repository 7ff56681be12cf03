import Foundation

/// What one point asks of a network with one hidden layer, unit by unit: the numbers of the
/// lesson's network beats (`feedforward`, `verdict`, `which-is-right`, `listen`, `move-lines`,
/// `biases`).
///
/// Every claim is read along two steps of the point's wish: the small step
/// `W + 0.01·(−η∇e)` (``PointAsks/smallStep``), the direction the point pulls in, and the full
/// step `W′ = W − η∇e(W)` of the point alone, whose numbers the captions print.
package struct UnitsAsked: Sendable {
    package let asks: PointAsks
    /// The hidden units' values `h_j` at the point.
    package let hidden: [Double]
    /// The output weights `v_j`, and after the full and the small step.
    package let v: [Double]
    package let vAfter: [Double]
    package let vSmall: [Double]
    /// Each unit's vote `v_j·(h_j − g(0))`: above 0 it pushes `ŷ` toward blue.
    package let votes: [Double]
    /// The distance from the point to each hidden line after the small step.
    package let distancesSmall: [Double]
    /// The output's bias `c`, and its asked change.
    package let c: Double
    package let dc: Double

    /// The numbers at `x` (label `y`) of `layers`, which must have exactly one hidden layer.
    package init(
        _ layers: [Layer], _ g: Activation, epoch: Int, index: Int?, point x: Point, label y: Int,
        learningRate eta: Double
    ) {
        asks = PointAsks(
            layers, g, epoch: epoch, index: index, point: x, label: y, learningRate: eta)
        hidden = Story.hidden(layers, g, at: x)
        v = Story.outputWeights(layers)
        vAfter = Story.outputWeights(asks.stepped)
        let small = Story.moved(layers, by: asks.wish, times: PointAsks.smallStep)
        vSmall = Story.outputWeights(small)
        votes = v.indices.map { Story.vote(layers, g, at: x, unit: $0) }
        distancesSmall = v.indices.map { Story.distance(from: x, toLineOf: $0, in: small) }
        c = layers[layers.count - 1].biases[0]
        dc = asks.wish[asks.wish.count - 1].biases[0]
    }

    /// The units that classify the point right (their vote pushes toward its label) and wrong.
    package var right: [Int] { votes.indices.filter { (votes[$0] > 0) == (asks.label == 1) } }
    package var wrong: [Int] { votes.indices.filter { (votes[$0] > 0) != (asks.label == 1) } }

    /// True when the output listens more to unit `j` (`|v_j|` grows) along both steps.
    package func listensMore(_ j: Int) -> Bool {
        abs(vAfter[j]) > abs(v[j]) && abs(vSmall[j]) > abs(v[j])
    }

    /// True when the output listens less to unit `j` (`|v_j|` shrinks) along both steps.
    package func listensLess(_ j: Int) -> Bool {
        abs(vAfter[j]) < abs(v[j]) && abs(vSmall[j]) < abs(v[j])
    }

    /// True when unit `j`'s line comes closer to the point along both steps, without crossing
    /// it.
    package func lineComesCloser(_ j: Int) -> Bool {
        asks.lineComesCloser(j) && distancesSmall[j] < asks.distances[j]
    }

    /// True when unit `j`'s line moves away from the point along both steps, without crossing
    /// it.
    package func lineMovesAway(_ j: Int) -> Bool {
        asks.sameSide(j) && asks.distancesAfter[j] > asks.distances[j]
            && distancesSmall[j] > asks.distances[j]
    }
}
