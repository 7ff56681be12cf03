import Testing

@testable import Backprop

/// Held-out points: stratified by label, seeded, disjoint, and in the data's order.
@Suite struct SplitTests {
    @Test(arguments: [0.1, 0.3, 0.5])
    func theSplitIsStratifiedDisjointAndWhole(share: Double) throws {
        let data = try Generator.wedge.generate(count: 200, noise: 0.1, seed: 7)
        let (train, test) = try data.split(testShare: share, seed: 7)
        #expect(train.count + test.count == data.count)
        // Disjoint and whole: every point lands in exactly one set, each set in the data's order.
        var k = 0
        var (i, j) = (0, 0)
        while k < data.count {
            let inTrain = i < train.count && train.points[i] == data.points[k]
            let inTest = j < test.count && test.points[j] == data.points[k]
            #expect(inTrain != inTest, "point \(k)")
            if inTrain {
                #expect(train.labels[i] == data.labels[k])
                i += 1
            } else {
                #expect(test.labels[j] == data.labels[k])
                j += 1
            }
            k += 1
        }
        // ⌈share × n⌉ held out in all, as scikit-learn's train_test_split does.
        let total = Int((share * Double(data.count)).rounded(.up))
        #expect(test.count == total)
        // Stratified within that total: each label holds out its proportional part of it,
        // rounded down or up.
        for label in [0, 1] {
            let all = data.labels.filter { $0 == label }.count
            let held = test.labels.filter { $0 == label }.count
            let part = Double(total) * Double(all) / Double(data.count)
            #expect(
                held == Int(part.rounded(.down)) || held == Int(part.rounded(.up)),
                "label \(label)")
        }
    }

    /// The counts against numbers worked out by hand (scikit-learn's rule: ⌈share × n⌉ in all,
    /// each label its share of that rounded down, the point left over to the larger fraction).
    @Test func theTotalIsTheCeilingAndTheLeftoverGoesToTheLargerFraction() throws {
        // 103 points of label 0 and 97 of label 1; 0.3 × 200 = 60: 30.9 and 29.1, so 31 and 29.
        func counts(_ zeros: Int, _ ones: Int, _ share: Double) throws -> [Int] {
            let data = try Dataset(
                points: (0..<(zeros + ones)).map { Point(Double($0), 0) },
                labels: [Int](repeating: 0, count: zeros) + [Int](repeating: 1, count: ones))
            let (_, test) = try data.split(testShare: share, seed: 1)
            return [0, 1].map { label in test.labels.filter { $0 == label }.count }
        }
        #expect(try counts(103, 97, 0.3) == [31, 29])
        #expect(try counts(101, 99, 0.3) == [30, 30])  // 30.3 and 29.7
        // 105 and 95: 31.5 and 28.5, a tie drawn by the seed; rounding each label's share on its
        // own, the earlier rule, held out 32 + 29 = 61.
        let tie = try counts(105, 95, 0.3)
        #expect(tie == [32, 28] || tie == [31, 29])
        #expect(try counts(100, 100, 0.3) == [30, 30])
        #expect(try counts(10, 5, 0.5) == [5, 3])  // ⌈7.5⌉ = 8: 5.33 and 2.67, so 5 and 3
        #expect(try counts(3, 97, 0.1) == [1, 9])  // 0.3 and 9.7: label 0 keeps one
    }

    @Test func theSplitIsSeeded() throws {
        let data = try Generator.xor.generate(count: 100, noise: 0.1, seed: 1)
        let a = try data.split(testShare: 0.3, seed: 5)
        let b = try data.split(testShare: 0.3, seed: 5)
        let c = try data.split(testShare: 0.3, seed: 6)
        #expect(a.train == b.train && a.test == b.test)
        #expect(a.test != c.test)
    }

    @Test func badSharesAndTinyClassesAreRefused() throws {
        let data = try Generator.xor.generate(count: 20, noise: 0.1, seed: 1)
        for share in [0, 1, -0.5, Double.nan] {
            #expect(throws: BackpropError.self) { try data.split(testShare: share, seed: 1) }
        }
        let tiny = try Dataset(
            points: [Point(0, 0), Point(1, 1), Point(2, 2)], labels: [0, 0, 1])
        #expect(
            throws: BackpropError.badData(
                "Holding out test points needs at least 2 points of each label; label 1 has 1.")
        ) { try tiny.split(testShare: 0.3, seed: 1) }
        // Tiny shares still hold out one point of each label, and leave one to train on.
        let (train, test) = try data.split(testShare: 0.01, seed: 1)
        #expect(test.count == 2 && train.count == 18)
    }
}
