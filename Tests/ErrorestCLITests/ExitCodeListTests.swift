import Foundation
import Testing

@testable import ErrorestCLI

/// Every exit code a command can end with is listed in `errorest --help` and in the Command line
/// article (issue 21, item 10: 69 was missing from the help).
@Suite struct ExitCodeListTests {
    static let codes: [Int32] = [
        ErrorestError.usage(""), .badInput(""), .inputMissing(""), .unavailable(""),
        .cannotCreateOutput(""), .writeFailed(""),
    ].map(\.exitCode)

    /// The codes named in a text's exit-code sentence: every "NN " after `marker` up to the
    /// sentence's end.
    static func listed(in text: String, after marker: String) throws -> Set<Int32> {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let start = try #require(flat.range(of: marker))
        let rest = flat[start.upperBound...]
        let sentence = rest.prefix { $0 != "." }
        let numbers = sentence.split(whereSeparator: { !$0.isNumber }).compactMap { Int32($0) }
        return Set(numbers.filter { $0 == 0 || (64...78).contains($0) })
    }

    @Test func theHelpListsEveryExitCode() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let help = try h.errorest(["--help"])
        #expect(help.status == 0)
        let listed = try Self.listed(in: help.stdoutText, after: "Exit codes:")
        #expect(listed == Set([0] + Self.codes))
    }

    @Test func theCommandLineArticleListsEveryExitCode() throws {
        let article = try FormatDocsTests.article("CommandLine.md")
        let listed = try Self.listed(in: article, after: "Exit codes (sysexits):")
        #expect(listed == Set([0] + Self.codes))
    }
}
