import Backprop
import Testing

@testable import Figures

/// The race legend says where a runner's error went against its start, as ``ErrorTrend``
/// defines it: "E ended at …, above its start" only for an error that ended above its start, and
/// never "diverged" (the word for training that stopped on a number no longer finite).
@Suite struct RaceRunnerTests {
    @Test func anErrorThatEndsAboveItsStartIsAboveFromTheLastEpochAtOrBelowIt() throws {
        // Above the start at 1–2, back below at 3, above for good from 4 on.
        let errors = [0.623, 3.09, 2.0, 0.5, 1.31, 3.106, 2.414]
        let trend = try #require(ErrorTrend(errors: errors))
        #expect(trend.endedAbove && trend.aboveSince == 4)
        #expect(trend.peak == 3.106 && trend.peakEpoch == 5 && trend.last == 2.414)
        #expect(
            RaceRunner.trendLines(trend) == [
                "E ended at 2.414,", "above its start 0.623",
                "from epoch 4 on;", "peak 3.106 (epoch 5)",
            ])
    }

    @Test func aClimbThatCameBackDidNotEndAbove() throws {
        let trend = try #require(ErrorTrend(errors: [0.742, 1.2, 13.245, 0.2]))
        #expect(!trend.endedAbove && trend.climbed)
        #expect(
            RaceRunner.trendLines(trend) == [
                "E rose above its start 0.742,", "peak 13.245 (epoch 2);", "ended at 0.200",
            ])
    }

    /// A step of 1e300 leaves an error of 1e299: written in a few digits, as a colour bar
    /// writes it, not in three hundred.
    @Test func anErrorThatBlewUpIsWrittenInAFewDigits() throws {
        let trend = try #require(ErrorTrend(errors: [0.7113, 2.5e10, 3.189e299]))
        #expect(
            RaceRunner.trendLines(trend) == [
                "E ended at 3e299,", "above its start 0.711", "from epoch 1 on;",
                "peak 3e299 (epoch 2)",
            ])
    }

    @Test func anErrorThatNeverRoseSaysNothing() throws {
        #expect(RaceRunner.trendLines(ErrorTrend(errors: [0.74, 0.5, 0.74, 0.1])) == [])
        #expect(ErrorTrend(errors: []) == nil)
        #expect(RaceRunner.trendLines(nil) == [])
    }
}
