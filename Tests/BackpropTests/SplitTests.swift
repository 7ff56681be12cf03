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
        // Stratified: each label's share of the test set is its share of the data, to one point.
        for label in [0, 1] {
            let all = data.labels.filter { $0 == label }.count
            let held = test.labels.filter { $0 == label }.count
            #expect(abs(Double(held) - share * Double(all)) <= 0.5, "label \(label)")
        }
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
