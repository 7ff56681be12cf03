import Foundation
import Testing

/// Lessons other than the built-in: a visitor point asked and drawn but never trained on, and
/// the shipped variant on other data (`Samples/lessons/xor.yaml`).
@Suite struct LessonVariantTests {
    /// The perceptron's and the network's data, weights and errors as the records hold them.
    static func trained(_ h: Harness, _ folder: String) throws -> [String: Data] {
        var parts: [String: Data] = [:]
        for record in ["perceptron.json", "run.json"] {
            let json = try h.json(folder + "/" + record)
            for key in ["data", "snapshots", "errors"] {
                parts[record + key] = try JSONSerialization.data(
                    withJSONObject: try #require(json[key]), options: [.sortedKeys])
            }
        }
        return parts
    }

    @Test func aVisitorIsAskedAndDrawnButNeverTrainedOn() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let small = LessonAnimationTests.small("none")
        try h.write(small, to: "auto.yaml")
        let auto = try h.errorest(["lesson", "auto.yaml", "--quiet", "--out", "auto"])
        #expect(auto.status == 0, "\(auto.stderr)")
        // The visitors stand where the automatic lesson's focus points stood, with their labels:
        // not in the data, so the runs are the same and the rules hold for them.
        let beats = try #require(try h.json("auto/storyboard.json")["beats"] as? [[String: Any]])
        func focus(_ beat: String) throws -> (point: [Double], label: Int) {
            let entry = try #require(beats.first { $0["beat"] as? String == beat })
            let focus = try #require(entry["focus"] as? [String: Any])
            return (try #require(focus["point"] as? [Double]), try #require(focus["label"] as? Int))
        }
        let (p, n) = (try focus("step"), try focus("listen"))
        func visitor(_ f: (point: [Double], label: Int)) -> String {
            "  focus: {point: [\(f.point[0]), \(f.point[1])], label: \(f.label)}\n"
        }
        let file = small.replacingOccurrences(
            of: "network:\n", with: visitor(p) + "network:\n"
        ).replacingOccurrences(of: "slides:", with: visitor(n) + "slides:")
        try h.write(file, to: "visitor.yaml")
        let result = try h.errorest(["lesson", "visitor.yaml", "--quiet", "--out", "visitor"])
        #expect(result.status == 0, "\(result.stderr)\n\(file)")
        guard result.status == 0 else { return }
        // Not trained on: the records' data, weights and errors are those without it.
        #expect(try Self.trained(h, "visitor") == Self.trained(h, "auto"))
        let board = try #require(try h.json("visitor/storyboard.json")["beats"] as? [[String: Any]])
        for beat in board {
            guard let focus = beat["focus"] as? [String: Any] else { continue }
            let f = beat["part"] as? String == "perceptron" ? p : n
            #expect(focus["index"] == nil, "\(beat["beat"] ?? "")")
            #expect(focus["point"] as? [Double] == f.point && focus["label"] as? Int == f.label)
        }
        // Its numbers worked out again from the records at the visitor, and the step slide's
        // W′ drawn where the visitor's own step puts it.
        #expect(try LessonCommandTests.checkPerceptron(h, "visitor").count == 5)
        #expect(try LessonNetworkTests.check(h, "visitor").count == 8)
        let step = try #require(board.first { $0["beat"] as? String == "step" })
        #expect(step["ghost"] != nil)
        let wording = try String(contentsOf: h.url("visitor/captions.txt"), encoding: .utf8)
        #expect(wording.contains("A point coming in at"), "\(wording)")
        #expect(!wording.contains("The ringed point"))
    }

    @Test func theXORVariantIsToldAndItsNumbersFollowFromTheRecords() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let file = Harness.samples.appendingPathComponent("lessons/xor.yaml").path
        let result = try h.errorest(["lesson", file, "--quiet", "--out", "xor"])
        #expect(result.status == 0, "\(result.stderr)")
        guard result.status == 0 else { return }
        #expect(
            try LessonCommandTests.checkPerceptron(h, "xor")
                == ["perceptron", "wish", "step", "mountain", "descent"])
        #expect(try LessonNetworkTests.check(h, "xor").count == 8)
        let pdfinfo = try #require(LessonCommandTests.tool("pdfinfo"))
        let info = try h.run(pdfinfo, [h.url("xor/slides.pdf").path]).stdoutText
        #expect(info.contains("Pages:           13\n") && info.contains("640 x 360 pts"), "\(info)")
        #expect(try h.files(under: "xor/slides").count == 13)
        #expect(try h.json("xor/storyboard.json")["animation"] == nil)
    }
}
