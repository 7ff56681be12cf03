import Foundation
import Testing

/// `training.engine` and `--engine`: the reference engine gives the fast engine's record to 1e-12.
@Suite struct EngineOptionTests {
    static func errors(_ h: Harness, _ folder: String) throws -> [Double] {
        try h.json("\(folder)/run.json")["errors"] as? [Double] ?? []
    }

    @Test func theReferenceEngineGivesTheSameRecordAsTheFastOne() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "name: e\nnetwork: {hidden: [3], activation: tanh}\n"
                + "training: {epochs: 30, batchSize: 9, shuffle: true, engine: reference}\n"
                + "snapshots: [0, 30]\n", to: "e.yaml")
        let reference = try h.errorest(["train", "e.yaml", "--quiet", "--out", "reference"])
        #expect(reference.status == 0, "\(reference.stderr)")
        let fast = try h.errorest(
            ["train", "e.yaml", "--quiet", "--out", "fast", "--engine", "fast"])
        #expect(fast.status == 0, "\(fast.stderr)")
        let a = try Self.errors(h, "fast")
        let b = try Self.errors(h, "reference")
        #expect(a.count == 31 && b.count == 31)
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-12 * max(1, abs(y))) }
        let training = { (folder: String) in
            (try h.json("\(folder)/run.json")["training"] as? [String: Any]) ?? [:]
        }
        #expect(try training("reference")["engine"] as? String == "reference")
        #expect(try training("fast")["engine"] == nil)  // the default is not written
    }

    @Test func anUnknownEngineIsRefused() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write("training: {epochs: 3}\n", to: "good.yaml")
        let flag = try h.errorest(["train", "good.yaml", "--engine", "slow", "--quiet"])
        #expect(flag.status == 64)
        #expect(
            flag.stderr.contains("\"slow\" is not a training engine; use one of: fast, reference."),
            "\(flag.stderr)")
        try h.write("training: {engine: slow}\n", to: "bad.yaml")
        let key = try h.errorest(["train", "bad.yaml", "--quiet"])
        #expect(key.status == 65)
        #expect(
            key.stderr.contains(
                "\"training.engine\" is the text \"slow\"; it must be one of: fast, reference."),
            "\(key.stderr)")
    }
}
