import Foundation
import Testing

/// Finding 19: divergence advice names its cause.
///
/// An L1 or L2 penalty too strong for the
/// initial weights names that penalty, not the weights; an L2 penalty whose own step overshoots
/// (learning rate × l2 at or past the optimizer's limit) names l2, not the learning rate; a
/// learning rate too large is still named.
@Suite struct DivergenceAdviceTests {
    static let common = ["train", "--epochs", "400", "--out", "o", "--quiet"]

    /// One line on stderr with exit 65, and no output folder.
    static func refused(_ arguments: [String]) throws -> String {
        let h = try Harness()
        defer { h.cleanUp() }
        let result = try h.errorest(Self.common + arguments)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("errorest: ") && result.stderr.hasSuffix("\n"))
        #expect(result.stderr.dropLast().allSatisfy { $0 != "\n" }, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: h.url("o").path))
        return result.stderr
    }

    @Test(arguments: [
        (
            ["--hidden", "8,8", "--l2", "1e308"], "the L2 penalty (l2 = 1e+308)",
            "give a smaller l2"
        ),
        (["--l1", "1e308"], "the L1 penalty (l1 = 1e+308)", "give a smaller l1"),
        (
            ["--l1", "1e308", "--l2", "1e308"], "the L1 and L2 penalty (l1 = 1e+308, l2 = 1e+308)",
            "give a smaller l1 and l2"
        ),
    ])
    func aPenaltyTooStrongForTheInitialWeightsNamesThePenalty(
        flags: [String], penalty: String, advice: String
    ) throws {
        let stderr = try Self.refused(flags)
        #expect(
            stderr.hasSuffix(
                "Training cannot start: with the initial weights \(penalty) is not a finite "
                    + "number; \(advice).\n"), "\(stderr)")
        #expect(!stderr.contains("initial weights;") && !stderr.contains("learning rate"))
    }

    /// An L2 penalty that overshoots names l2 and the bound: with sgd each step multiplies a
    /// weight by 1 − η·λ besides the data's pull (at η·λ = 15, fourteenfold); momentum's limit
    /// is 2 (1 + β).
    @Test(arguments: [
        (
            ["--optimizer", "sgd", "--learning-rate", "0.5", "--l2", "30"], "2", "0.5 × 30", "4",
            "0.0666"
        ),
        (
            [
                "--optimizer", "momentum", "--momentum", "0.5", "--learning-rate", "0.3", "--l2",
                "20",
            ],
            "3", "0.3 × 20", "10", "0.15"
        ),
        (["--l2", "1e308"], "2", "2 × 1e+308", "1", "2e-308"),
    ])
    func anOvershootingL2PenaltyNamesL2AndItsBound(
        flags: [String], limit: String, product: String, l2: String, rate: String
    ) throws {
        let stderr = try Self.refused(flags)
        let pattern =
            #/Training diverged at epoch ([0-9]+): a weight or the error is no longer a finite number\. /#
        let match = try #require(stderr.firstMatch(of: pattern), "\(stderr)")
        #expect((1...400).contains(Int(match.1) ?? 0))
        #expect(
            stderr.hasSuffix(
                "The L2 penalty's own step grows every weight once learning rate × l2 reaches "
                    + "\(limit), and here it is \(product); give an l2 smaller than \(l2) or a "
                    + "learning rate smaller than \(rate).\n"), "\(stderr)")
        #expect(!stderr.contains("Try a learning rate"))
    }

    /// The bound given is true: under it the same runs train to the end.
    @Test(arguments: [
        ["--optimizer", "sgd", "--learning-rate", "0.5", "--l2", "3"],
        ["--optimizer", "momentum", "--momentum", "0.5", "--learning-rate", "0.3", "--l2", "8"],
    ])
    func justUnderTheBoundTrainingEnds(flags: [String]) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let result = try h.errorest(Self.common + flags)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// A learning rate too large, with no l2 or one whose step does not overshoot, is still
    /// what the advice names.
    @Test(arguments: [[String](), ["--l2", "1e-320"]])
    func aLearningRateTooLargeIsStillNamed(flags: [String]) throws {
        let stderr = try Self.refused(["--learning-rate", "1e308"] + flags)
        #expect(stderr.contains("Training diverged at epoch"), "\(stderr)")
        #expect(stderr.hasSuffix("Try a learning rate smaller than 1e+308.\n"), "\(stderr)")
    }
}
