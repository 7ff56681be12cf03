extension Dataset {
    /// The points split into a training set and a held-out test set, stratified by label.
    ///
    /// `share` of each label's points (rounded, at least one, and at least one left to train on)
    /// go to the test set, drawn by `seed`. Both sets keep the points' order.
    ///
    /// The same points, share and seed always give the same split, whatever is trained on it.
    public func split(testShare share: Double, seed: UInt64) throws -> (
        train: Dataset, test: Dataset
    ) {
        guard share.isFinite, share > 0, share < 1 else {
            throw BackpropError.badData(
                "The test share must be above 0 and below 1; got \(share).")
        }
        var random = SeededRandom(seed: seed ^ 0x5445_5354)  // "TEST": not the generator's stream
        var isTest = [Bool](repeating: false, count: count)
        for label in [0, 1] {
            var members = labels.indices.filter { labels[$0] == label }
            guard members.count >= 2 else {
                throw BackpropError.badData(
                    "Holding out test points needs at least 2 points of each label; label "
                        + "\(label) has \(members.count).")
            }
            random.shuffle(&members)
            let held = min(
                max(Int((share * Double(members.count)).rounded()), 1), members.count - 1)
            for k in members.prefix(held) { isTest[k] = true }
        }
        func subset(_ test: Bool) throws -> Dataset {
            let chosen = indices.filter { isTest[$0] == test }
            return try Dataset(points: chosen.map { points[$0] }, labels: chosen.map { labels[$0] })
        }
        return (try subset(false), try subset(true))
    }

    private var indices: Range<Int> { 0..<count }
}
