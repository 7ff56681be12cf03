import Foundation
import Testing

/// The same run gives the same bytes: twice in a row, and on any number of threads.
@Suite struct DeterminismTests {
    static let arguments = [
        "run", "--size", "96x64", "--epochs", "40", "--snapshots", "linear 6",
        "--figures", "frame,hidden,output,error", "--format", "png,svg", "--quiet",
    ]

    @Test func theSameRunTwiceGivesByteIdenticalFiles() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        #expect(try h.errorest(Self.arguments + ["--out", "first"]).status == 0)
        #expect(try h.errorest(Self.arguments + ["--out", "second"]).status == 0)
        let first = try h.files(under: "first")
        #expect(first.count == 2 + 6 + 6 * 7)
        #expect(first == (try h.files(under: "second")))
        // A re-run into the same folder rewrites the same bytes.
        #expect(try h.errorest(Self.arguments + ["--out", "first"]).status == 0)
        #expect(first == (try h.files(under: "first")))
    }

    @Test func oneThreadAndTwoThreadsGiveIdenticalFiles() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        #expect(try h.errorest(Self.arguments + ["--out", "one", "--jobs", "1"]).status == 0)
        #expect(try h.errorest(Self.arguments + ["--out", "two", "--jobs", "2"]).status == 0)
        #expect(try h.files(under: "one") == (try h.files(under: "two")))
    }
}
