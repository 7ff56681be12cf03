import Testing

@testable import Backprop

@Suite struct ScheduleTests {
    @Test func parsingEveryForm() throws {
        #expect(try SnapshotSchedule(parsing: "all") == .all)
        #expect(try SnapshotSchedule(parsing: " every 10 ") == .every(10))
        #expect(try SnapshotSchedule(parsing: "linear 100") == .linear(100))
        #expect(try SnapshotSchedule(parsing: "log 60") == .log(60))
        #expect(try SnapshotSchedule(parsing: "[0, 5, 10]") == .list([0, 5, 10]))
        #expect(try SnapshotSchedule(parsing: "7") == .list([7]))
        for text in [
            "", "every", "every 0", "log -3", "linear x", "sometimes", "[1, two]", "all 3",
        ] {
            #expect(throws: BackpropError.self, "\(text)") { try SnapshotSchedule(parsing: text) }
        }
    }

    @Test func descriptionParsesBack() throws {
        for schedule in [SnapshotSchedule.all, .every(3), .linear(9), .log(60), .list([0, 4, 9])] {
            #expect(try SnapshotSchedule(parsing: schedule.description) == schedule)
        }
    }

    @Test func everyIncludesTheFirstAndLastEpoch() throws {
        #expect(try SnapshotSchedule.every(10).epochs(through: 35) == [0, 10, 20, 30, 35])
        #expect(try SnapshotSchedule.every(10).epochs(through: 30) == [0, 10, 20, 30])
        #expect(try SnapshotSchedule.every(50).epochs(through: 0) == [0])
    }

    @Test func linearIsEvenlySpaced() throws {
        #expect(try SnapshotSchedule.linear(5).epochs(through: 100) == [0, 25, 50, 75, 100])
        #expect(try SnapshotSchedule.linear(3).epochs(through: 2001) == [0, 1001, 2001])
        #expect(try SnapshotSchedule.linear(50).epochs(through: 9) == Array(0...9))
        #expect(try SnapshotSchedule.linear(1).epochs(through: 9) == [0])
    }

    @Test func logIsDenseEarlyAndHasExactlyNDistinctEpochs() throws {
        let epochs = try SnapshotSchedule.log(60).epochs(through: 2000)
        #expect(epochs.count == 60)
        #expect(epochs.first == 0 && epochs.last == 2000)
        #expect(zip(epochs, epochs.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Array(epochs.prefix(5)) == [0, 1, 2, 3, 4])
        let gaps = zip(epochs, epochs.dropFirst()).map { $1 - $0 }
        #expect(gaps.last! > 10 * gaps.first!)
        #expect(try SnapshotSchedule.log(60).epochs(through: 10) == Array(0...10))
    }

    @Test func listsAreTakenAsGivenInEpochOrder() throws {
        #expect(try SnapshotSchedule.list([10, 0, 5, 5]).epochs(through: 10) == [0, 5, 10])
        #expect(throws: BackpropError.self) {
            try SnapshotSchedule.list([0, 11]).epochs(through: 10)
        }
        #expect(throws: BackpropError.self) { try SnapshotSchedule.list([-1]).epochs(through: 10) }
    }

    @Test func tooManySnapshotsAreRefused() throws {
        #expect(try SnapshotSchedule.all.epochs(through: 9_999).count == 10_000)
        do {
            _ = try SnapshotSchedule.all.epochs(through: 20_000)
            Issue.record("20,001 snapshots were accepted")
        } catch {
            #expect(
                "\(error)"
                    == "The schedule \"all\" asks for 20001 snapshots; at most 10000 are allowed.")
        }
    }
}
