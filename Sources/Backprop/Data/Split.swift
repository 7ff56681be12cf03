import Foundation

extension Dataset {
    /// The points split into a training set and a held-out test set, stratified by label.
    ///
    /// The test set holds `⌈share × n⌉` of the `n` points, as scikit-learn's `train_test_split`
    /// does, shared between the labels by ``testCounts(share:)``. Which points of a label are
    /// held out is drawn by `seed`. Both sets keep the points' order.
    ///
    /// The same points, share and seed always give the same split, whatever is trained on it.
    public func split(testShare share: Double, seed: UInt64) throws -> (
        train: Dataset, test: Dataset
    ) {
        var random = SeededRandom(seed: seed ^ 0x5445_5354)  // "TEST": not the generator's stream
        let held = try testCounts(share: share, random: &random)
        var isTest = [Bool](repeating: false, count: count)
        for label in [0, 1] {
            var members = labels.indices.filter { labels[$0] == label }
            random.shuffle(&members)
            for k in members.prefix(held[label]) { isTest[k] = true }
        }
        func subset(_ test: Bool) throws -> Dataset {
            let chosen = indices.filter { isTest[$0] == test }
            return try Dataset(points: chosen.map { points[$0] }, labels: chosen.map { labels[$0] })
        }
        return (try subset(false), try subset(true))
    }

    /// How many points of label 0 and of label 1 a split holds out: `⌈share × n⌉` in all,
    /// stratified within that total.
    ///
    /// Each label first gets the whole part of its proportional share, `⌊t × m_c / n⌋` for a
    /// label of `m_c` points and a total `t`; the point left over, if any, goes to the label with
    /// the larger fractional part (scikit-learn's `_approximate_mode`; a tie is drawn by
    /// `random`). Both sets need both labels, so a label keeps at least one point on each side:
    /// where the rule gives it none (or all), one point moves to (or from) the other label.
    func testCounts(share: Double, random: inout SeededRandom) throws -> [Int] {
        guard share.isFinite, share > 0, share < 1 else {
            throw BackpropError.badData(
                "The test share must be above 0 and below 1; got \(share).")
        }
        let members = [0, 1].map { label in labels.filter { $0 == label }.count }
        for label in [0, 1] where members[label] < 2 {
            throw BackpropError.badData(
                "Holding out test points needs at least 2 points of each label; label "
                    + "\(label) has \(members[label]).")
        }
        let total = min(max(Int((share * Double(count)).rounded(.up)), 2), count - 2)
        let exact = members.map { Double($0) * Double(total) / Double(count) }
        var held = exact.map { Int($0.rounded(.down)) }
        if held[0] + held[1] < total {
            let parts = [exact[0] - Double(held[0]), exact[1] - Double(held[1])]
            let label =
                parts[0] == parts[1] ? random.index(below: 2) : (parts[0] > parts[1] ? 0 : 1)
            held[label] += 1
        }
        for label in [0, 1] {
            let other = 1 - label
            if held[label] < 1 {
                held[label] += 1
                held[other] -= 1
            } else if held[label] > members[label] - 1 {
                held[label] -= 1
                held[other] += 1
            }
        }
        return held
    }

    private var indices: Range<Int> { 0..<count }
}
