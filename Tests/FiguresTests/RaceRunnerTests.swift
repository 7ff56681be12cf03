import Testing

@testable import Figures

/// The race legend says when a runner's error climbed above its start, and where.
@Suite struct RaceRunnerTests {
    @Test func aClimbAboveTheStartIsSaidWithItsPeakAndEpoch() {
        #expect(RaceRunner.climb([0.74, 1.2, 13.245, 0.2]) == "E climbed to 13.245 (epoch 2)")
        #expect(RaceRunner.climb([0.74, 0.5, 0.74, 0.1]) == nil)
        #expect(RaceRunner.climb([]) == nil)
    }
}
