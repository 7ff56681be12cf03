import Foundation
import Testing

@testable import ErrorestCLI

/// A manifest's entries encoded on every core are put together in their order, byte for byte
/// what one `JSONEncoder` call writes.
@Suite struct ParallelJSONTests {
    static func entries(_ count: Int) -> [Manifest.Entry] {
        (0..<count).map { n in
            var entry = OutputFolderTests.entry(
                "frames/frame-" + String(1000 + n).dropFirst() + ".png", epoch: 7 * n)
            entry.error = 1 / Double(n + 3)
            entry.panels = (0..<(n % 3)).map { k in
                Manifest.Panel(
                    kind: .hidden, layer: 1, unit: k + 1, rect: [Double(k), 2, 3, Double(n)],
                    domain: [[-1, 1], [0, Double(n)]])
            }
            return entry
        }
    }

    @Test(arguments: [0, 1, 2, 3, 7, 50])
    func entriesEncodedOnEveryCoreAreTheManifestEncodedWhole(count: Int) throws {
        let manifest = Manifest(name: "t", files: Self.entries(count))
        #expect(try manifest.jsonData() == (try StreamedJSONTests.oneShot(manifest)))
        let parallel = try StreamedJSON.encodedOnEveryCore("files", manifest.files)
        let plain = StreamedJSON.list("files", manifest.files)
        #expect(parallel.count == count)
        for index in 0..<count {
            var (a, b) = (Data(), Data())
            try parallel.append(index, &a)
            try plain.append(index, &b)
            #expect(a == b, "entry \(index)")
        }
    }
}
