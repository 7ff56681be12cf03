import Foundation
import Testing

/// The same run gives the same bytes: twice in a row, and on any number of threads, in every
/// format.
@Suite struct DeterminismTests {
    static let arguments = [
        "run", "--size", "96x64", "--epochs", "40", "--snapshots", "linear 5",
        "--figures", "frame,hidden,output,error", "--format", "png,svg,pdf", "--quiet",
    ]

    /// Two output folders hold the same files with the same bytes.
    static func expectSame(_ a: [String: Data], _ b: [String: Data]) {
        #expect(Set(a.keys) == Set(b.keys))
        let different = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(different.isEmpty, "files that differ: \(different)")
    }

    @Test func theSameRunTwiceGivesByteIdenticalFiles() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        #expect(try h.errorest(Self.arguments + ["--out", "first"]).status == 0)
        #expect(try h.errorest(Self.arguments + ["--out", "second"]).status == 0)
        let first = try h.files(under: "first")
        // run.json, manifest.json, 5 PNG frames, and per snapshot 4 figures in 3 formats less
        // the PNG frame already counted.
        #expect(first.count == 2 + 5 + 5 * 11)
        Self.expectSame(first, try h.files(under: "second"))
        // A re-run into the same folder rewrites the same bytes.
        #expect(try h.errorest(Self.arguments + ["--out", "first"]).status == 0)
        Self.expectSame(first, try h.files(under: "first"))
    }

    @Test func oneThreadAndTwoThreadsGiveIdenticalFiles() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        #expect(try h.errorest(Self.arguments + ["--out", "one", "--jobs", "1"]).status == 0)
        #expect(try h.errorest(Self.arguments + ["--out", "two", "--jobs", "2"]).status == 0)
        Self.expectSame(try h.files(under: "one"), try h.files(under: "two"))
    }

    /// The lesson's frames at their full size (image data of several deflate blocks) and its
    /// animated PNG: the same bytes on one thread and on two, and in another time zone.
    @Test func theLessonAtFullSizeGivesTheSameBytesOnOneThreadTwoThreadsAndInAnotherTimeZone()
        throws
    {
        let h = try Harness()
        defer { h.cleanUp() }
        let lesson = Harness.samples.appendingPathComponent("lesson.yaml").path
        let arguments = [
            "run", lesson, "--epochs", "300", "--snapshots", "0,40,300", "--format", "png,apng",
            "--quiet", "--out",
        ]
        #expect(try h.errorest(arguments + ["one", "--jobs", "1"]).status == 0)
        #expect(try h.errorest(arguments + ["two", "--jobs", "2"]).status == 0)
        let away = try h.errorest(
            arguments + ["away", "--jobs", "2"], environment: ["TZ": "Asia/Kathmandu"])
        #expect(away.status == 0)
        let one = try h.files(under: "one")
        #expect(one.keys.filter { $0.hasSuffix(".png") }.count == 4)
        #expect(one["frames/frame-0000.png"].map { $0.count > 20_000 } == true)
        Self.expectSame(one, try h.files(under: "two"))
        Self.expectSame(one, try h.files(under: "away"))
    }
}
