import Foundation
import Testing

/// Every `--help` text fits an 80-column terminal (issue 21, item 10: the `datasets` usage line
/// was 129 columns).
@Suite struct HelpWidthTests {
    @Test(arguments: ["", "run", "train", "render", "datasets", "sweep", "race", "lesson"])
    func helpLinesFitEightyColumns(_ command: String) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let help = try h.errorest((command.isEmpty ? [] : [command]) + ["--help"])
        #expect(help.status == 0)
        let lines = help.stdoutText.split(separator: "\n")
        #expect(lines.count > 5)
        for line in lines {
            #expect(line.count <= 80, "errorest \(command) --help: \(line.count) columns: \(line)")
        }
    }
}
