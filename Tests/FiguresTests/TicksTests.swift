import Backprop
import Foundation
import Testing

@testable import Figures

@Suite struct TicksTests {
    @Test func roundStepsOfOneTwoOrFive() {
        #expect(Ticks.niceStep(0.13) == 0.2)
        #expect(Ticks.niceStep(0.3) == 0.5)
        #expect(Ticks.niceStep(7) == 10)
        #expect(Ticks.niceStep(400) == 500)
        #expect(Ticks.niceStep(1) == 1)
    }

    @Test func epochAxis() {
        #expect(Ticks.linear(0, 2000, target: 5) == [0, 500, 1000, 1500, 2000])
        #expect(Ticks.linear(0, 300, target: 6) == [0, 50, 100, 150, 200, 250, 300])
    }

    @Test func ticksStayInsideTheRangeAndHitZeroExactly() {
        let ticks = Ticks.linear(-1.37, 1.22, target: 5)
        #expect(ticks == [-1, -0.5, 0, 0.5, 1])
        #expect(ticks.allSatisfy { (-1.37...1.22).contains($0) })
        let small = Ticks.linear(-0.3, 0.31, target: 6)
        #expect(small.contains(0))
        #expect(!small.contains(where: { $0 != 0 && abs($0) < 1e-12 }))
    }

    @Test func degenerateRanges() {
        #expect(Ticks.linear(1, 1) == [1])
        #expect(Ticks.linear(2, 1) == [2])
        #expect(Ticks.linear(.nan, 1).isEmpty)
    }

    @Test func logarithmicTicksArePowersOfTen() {
        #expect(Ticks.logarithmic(0.0007, 2) == [0.001, 0.01, 0.1, 1])
        let narrow = Ticks.logarithmic(0.15, 0.9)
        #expect(narrow == [0.2, 0.5])
        #expect(Ticks.logarithmic(-1, 1).isEmpty)
    }

    @Test func labels() {
        #expect(Ticks.label(0.5, step: 0.5) == "0.5")
        #expect(Ticks.label(0.25, step: 0.05) == "0.25")
        #expect(Ticks.label(1500, step: 500) == "1500")
        #expect(Ticks.label(0, step: 0.1) == "0")
        #expect(Ticks.label(20000, step: 5000) == "20\u{2009}000")
        #expect(Ticks.label(0.00001, step: 0.00001) == "1e-5")
        #expect(Ticks.grouped(1_234_567) == "1\u{2009}234\u{2009}567")
    }

    @Test func fixedDecimalsReadAsPrintfWrites() {
        var random = SeededRandom(seed: 4)
        var values: [Double] = [0, -0.0, 0.125, 0.375, 2.5, -0.004, 0.0049999, 99.995, 1e17, -3]
        for _ in 0..<3000 {
            let magnitude = pow(10, Double(random.index(below: 12)) - 6)
            values.append((random.uniform() * 2 - 1) * magnitude)
        }
        for v in values {
            for decimals in 0...4 {
                #expect(Ticks.fixed(v, decimals: decimals) == String(format: "%.\(decimals)f", v))
            }
        }
    }
}
