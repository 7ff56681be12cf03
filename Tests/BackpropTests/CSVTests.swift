import Foundation
import Testing

@testable import Backprop

@Suite struct CSVTests {
    @Test func headerCommentsBlankLinesAndCarriageReturnsAreAccepted() throws {
        let text =
            "# the lesson's points\r\nx1,x2,label\r\n\r\n0.5, -1.25, 1\r\n  # a comment\n2e-3,4,0 # trailing\n-1,1,1.0\n"
        let data = try Dataset(csv: text, source: "points.csv")
        #expect(data.points == [Point(0.5, -1.25), Point(0.002, 4), Point(-1, 1)])
        #expect(data.labels == [1, 0, 1])
    }

    @Test func noHeaderIsFine() throws {
        let data = try Dataset(csv: "1,2,0\n3,4,1", source: "a.csv")
        #expect(data.count == 2)
    }

    @Test func csvRoundTripsExactly() throws {
        let data = try Generator.spiral.generate(count: 50, noise: 0.05, seed: 4)
        #expect(try Dataset(csv: data.csv, source: "x") == data)
    }

    @Test(arguments: [
        ("1,2,0\n3,abc,1\n", "f.csv, line 2: x2 is \"abc\", which is not a number."),
        ("1,2,0\n3,4\n", "f.csv, line 2: expected 3 fields (x1,x2,label) but found 2."),
        ("1,2,0\n3,4,1,5\n", "f.csv, line 2: expected 3 fields (x1,x2,label) but found 4."),
        ("1,2,0\n\n3,4,2\n", "f.csv, line 3: the label is 2; labels are 0 (red) or 1 (blue)."),
        ("1,2,0\n3,4,0.5\n", "f.csv, line 2: the label is 0.5; labels are 0 (red) or 1 (blue)."),
        ("1,2,0\nnan,4,1\n", "f.csv, line 2: x1 is nan; every value must be a finite number."),
        ("1,2,0\n3,inf,1\n", "f.csv, line 2: x2 is inf; every value must be a finite number."),
        ("1,2,0\n3,4,\n", "f.csv, line 2: label is \"\", which is not a number."),
        ("x1,x2,label\n# nothing\n", "f.csv has no data points."),
        ("", "f.csv has no data points."),
        (
            "1,2,1\n3,4,1\n",
            "f.csv: The data has only one class (every label is 1); it needs both 0 and 1."
        ),
        ("x1,x2,label\nx1,x2,label\n", "f.csv, line 2: x1 is \"x1\", which is not a number."),
    ])
    func badLinesAreNamedWithFileLineAndProblem(text: String, message: String) {
        do {
            _ = try Dataset(csv: text, source: "f.csv")
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func aMissingFileIsReportedAsMissing() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("errorest-\(UUID().uuidString)/none.csv")
        #expect(throws: BackpropError.fileMissing(url.path)) { try Dataset(contentsOf: url) }
    }

    @Test func aFileIsReadFromDisk() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("p.csv")
        try "0,0,0\n1,1,1\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(try Dataset(contentsOf: url).count == 2)
        try Data([0xFF, 0xFE, 0x00]).write(to: url)
        #expect(
            throws: BackpropError.badCSV(
                file: url.path, line: 1, problem: "the file is not UTF-8 text.")
        ) {
            try Dataset(contentsOf: url)
        }
    }
}

/// A folder of one's own for a test, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("errorest-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
