import Foundation
import Testing

/// The same run gives the same bytes: twice in a row, and on any number of threads.
@Suite struct DeterminismTests {
    static let arguments = [
        "run", "--size", "96x64", "--epochs", "40", "--snapshots", "linear 5",
        "--figures", "frame,hidden,output,error", "--format", "png,svg,pdf", "--quiet",
    ]

    /// A vector file with what cairo makes differ between processes taken out: the PDF creation
    /// date, and SVG ids drawn from a process-wide counter (`surface75`, `image104`, …),
    /// renumbered in order of appearance.
    static func normalized(_ data: Data) -> Data {
        guard var text = String(data: data, encoding: .isoLatin1) else { return data }
        text = text.replacingOccurrences(
            of: #"/CreationDate \(D:[0-9]+Z?\)"#, with: "/CreationDate ()",
            options: .regularExpression)
        let pattern = try? NSRegularExpression(
            pattern: #"(surface|image|pattern|clip|mask|source-)([0-9]+)"#)
        var numbers: [String: String] = [:]
        var counts: [String: Int] = [:]
        var result = ""
        var last = text.startIndex
        let whole = NSRange(text.startIndex..., in: text)
        for match in pattern?.matches(in: text, range: whole) ?? [] {
            guard let range = Range(match.range, in: text),
                let prefixRange = Range(match.range(at: 1), in: text)
            else { continue }
            let id = String(text[range])
            let prefix = String(text[prefixRange])
            if numbers[id] == nil {
                numbers[id] = prefix + String(counts[prefix, default: 0])
                counts[prefix, default: 0] += 1
            }
            result += text[last..<range.lowerBound] + (numbers[id] ?? id)
            last = range.upperBound
        }
        result += text[last...]
        return result.data(using: .isoLatin1) ?? data
    }

    /// Compares two output folders: PNGs, run.json and manifest.json byte for byte; PDF and SVG
    /// byte for byte as a known issue of Figures, and after normalizing strictly.
    static func expectSame(_ a: [String: Data], _ b: [String: Data]) {
        #expect(Set(a.keys) == Set(b.keys))
        var rawDifferences: [String] = []
        for (path, data) in a.sorted(by: { $0.key < $1.key }) {
            if path.hasSuffix(".pdf") || path.hasSuffix(".svg") {
                #expect(normalized(data) == normalized(b[path] ?? Data()), "\(path)")
                if data != b[path] { rawDifferences.append(path) }
            } else {
                #expect(data == b[path], "\(path)")
            }
        }
        withKnownIssue(
            "Figures: cairo writes the PDF creation date and process-wide SVG ids",
            isIntermittent: true
        ) {
            #expect(rawDifferences.isEmpty, "vector files differ in raw bytes: \(rawDifferences)")
        }
    }

    @Test func theSameRunTwiceGivesByteIdenticalFiles() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        #expect(try h.errorest(Self.arguments + ["--out", "first"]).status == 0)
        #expect(try h.errorest(Self.arguments + ["--out", "second"]).status == 0)
        let first = try h.files(under: "first")
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

    @Test func normalizingRenumbersIdsAndBlanksDates() {
        let a = Data(
            ##"<g id="surface75"><use xlink:href="#image104"/><image id="image104"/>"##.utf8)
        let b = Data(##"<g id="surface9"><use xlink:href="#image3"/><image id="image3"/>"##.utf8)
        #expect(Self.normalized(a) == Self.normalized(b))
        let c = Data(##"<g id="surface9"><use xlink:href="#image3"/><image id="image4"/>"##.utf8)
        #expect(Self.normalized(a) != Self.normalized(c))
        #expect(
            Self.normalized(Data("/CreationDate (D:20261129073241Z)".utf8))
                == Self.normalized(Data("/CreationDate (D:20250101000000Z)".utf8)))
    }
}
