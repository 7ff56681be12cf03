import ArgumentParser
import Foundation
import Testing

@testable import ErrorestCLI

/// The README's commands, as a reader copies them: every `errorest …` line of its shell blocks
/// (```sh) parses and validates with today's flags, and every run file it names ships in the
/// package. (Plain blocks hold synopses and output, not commands.)
@Suite struct ReadmeCommandTests {
    /// The `errorest` command lines of the README's shell blocks, comments removed.
    static func commands() throws -> [[String]] {
        let readme = try String(
            contentsOf: Harness.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var inBlock = false
        var inShell = false
        var lines: [[String]] = []
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock.toggle()
                inShell = inBlock && line == "```sh"
                continue
            }
            guard inShell else { continue }
            // `errorest …`, also after `swift run -c release` or `parallel`, up to a `&&` or a
            // continued line's backslash.
            var words = Self.words(withoutComment(line.trimmingCharacters(in: .whitespaces)))
            guard let start = words.firstIndex(where: { $0 == "errorest" || $0 == "&&" }) else {
                continue
            }
            words = Array(words[start...].drop { $0 == "&&" })
            if let end = words.firstIndex(where: { $0 == "&&" || $0 == "\\" || $0 == ":::" }) {
                words = Array(words[..<end])
            }
            if words.first == "errorest" { lines.append(words) }
        }
        return lines
    }

    /// `text` up to a `#` that starts a shell comment (outside quotes).
    static func withoutComment(_ text: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in text.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && previous == " " {
                return String(text.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return text
    }

    /// The words a shell makes of `line`: split at spaces, quotes removed.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var started = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                started = true
            } else if character == " " {
                if started || !word.isEmpty { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(character)
            }
        }
        if started || !word.isEmpty { words.append(word) }
        return words
    }

    @Test func theReadmeShowsCommandsOfEveryKind() throws {
        let commands = try Self.commands()
        for sub in ["run", "train", "render", "sweep", "datasets"] {
            #expect(commands.contains { $0.dropFirst().first == sub }, "\(sub)")
        }
    }

    @Test func everyReadmeCommandParsesWithTodaysFlags() throws {
        for line in try Self.commands() {
            let arguments = Array(line.dropFirst())
            do {
                _ = try ErrorestCommand.parseAsRoot(arguments)
            } catch {
                // Help and version requests "fail" with success.
                if ErrorestCommand.exitCode(for: error) == .success { continue }
                Issue.record("README: \(line)\n  \(ErrorestCommand.message(for: error))")
            }
        }
    }

    @Test func everyRunFileTheReadmeNamesShips() throws {
        for line in try Self.commands() {
            for word in line
            where word.hasPrefix("Samples/") && !word.contains("*") {
                let url = Harness.packageRoot.appendingPathComponent(word)
                #expect(FileManager.default.fileExists(atPath: url.path), "README: \(line)")
            }
        }
    }

    @Test func wordsAndCommentsAreReadAsAShellWould() {
        #expect(
            Self.words(#"errorest run --snapshots "[0, 300]" x"#) == [
                "errorest", "run", "--snapshots", "[0, 300]", "x",
            ])
        #expect(
            Self.withoutComment(#"errorest run a.yaml   # train "now""#) == "errorest run a.yaml")
        #expect(
            Self.withoutComment(#"errorest run --name "a # b""#) == #"errorest run --name "a # b""#)
    }
}
