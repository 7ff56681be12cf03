import Backprop
import Figures
import Foundation
import Testing

@testable import ErrorestCLI

/// The smaller points of the lesson author's report: what users read is about this repository
/// only, in good grammar, and every print setting has its key and flag.
@Suite struct SmallerPointsTests {
    /// No help text cites a document users do not have.
    @Test func noHelpCitesAnUnpublishedDocument() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        for command in [[], ["run"], ["train"], ["render"], ["sweep"], ["datasets"]] {
            let help = try h.errorest(command + ["--help"])
            #expect(help.status == 0)
            #expect(!help.stdoutText.isEmpty)
            #expect(!help.stdoutText.contains("SPEC"), "\(command)")
            #expect(!help.stdoutText.contains("§"), "\(command)")
        }
        let readme = try String(
            contentsOf: Harness.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(!readme.contains("§"))
    }

    /// A name that is not one of a list's values is "not an activation", "not a figure".
    @Test func aWrongNameIsNamedWithTheRightArticle() throws {
        #expect(throws: (any Error).self) {
            try Parse.list("foo", of: Activation.self, "activation")
        }
        do {
            _ = try Parse.list("foo", of: Activation.self, "activation")
        } catch {
            #expect("\(error)".contains("\"foo\" is not an activation; use one of: sigmoid"))
        }
        do {
            _ = try Parse.list("frame,blob", of: FigureKind.self, "figure")
        } catch {
            #expect("\(error)".contains("\"blob\" is not a figure;"))
        }
        #expect(Parse.article("engine") == "an" && Parse.article("format") == "a")
    }

    /// `render.fontSize` and `--font-size` set the text size, checked by the library's range.
    @Test func fontSizeIsAKeyAndAFlag() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let flags = ["--epochs", "5", "--snapshots", "0,5", "--size", "320x180", "--quiet"]
        let bad = try h.errorest(["run", "--font-size", "300"] + flags)
        #expect(bad.status == 65)
        #expect(
            bad.stderr == "errorest: --font-size is 300; it must be between 4 and 200 points.\n")
        _ = try h.write("render:\n  fontSize: 2\n", to: "small.yaml")
        let key = try h.errorest(["run", "small.yaml"] + flags)
        #expect(key.status == 65)
        #expect(
            key.stderr
                == "errorest: small.yaml, line 2: \"render.fontSize\" is 2; it must be between 4 "
                + "and 200 points.\n")
        // A figure drawn with a set size differs from one drawn without.
        let plain = try h.errorest(["run", "--out", "plain", "--figures", "output"] + flags)
        let set = try h.errorest(
            ["run", "--out", "set", "--figures", "output", "--font-size", "14"] + flags)
        #expect(plain.status == 0 && set.status == 0, "\(plain.stderr) \(set.stderr)")
        let a = try h.files(under: "plain/figures")
        let b = try h.files(under: "set/figures")
        #expect(a.keys.sorted() == b.keys.sorted() && !a.isEmpty)
        #expect(a != b)
    }
}
