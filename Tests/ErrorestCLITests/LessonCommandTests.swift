import Foundation
import Testing

/// `errorest lesson`: the slides' pages are its beats, every caption comes out of the PDF, and
/// every number in a caption is worked out again here from the run record by hand (not through
/// Backprop or the code that wrote the caption), its direction words checked against it.
@Suite struct LessonCommandTests {
    /// The built-in lesson, written once into a folder of its own.
    static let builtIn: (h: Harness, result: Harness.Result)? = {
        guard let h = try? Harness() else { return nil }
        let result = try? h.errorest(["lesson", "--quiet", "--out", "out"])
        return result.map { (h, $0) }
    }()

    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Two or three decimals with a true minus sign, written out here again.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", x)
        if Double(text) == 0 { return text.replacingOccurrences(of: "-", with: "") }
        return text.replacingOccurrences(of: "-", with: "−")
    }

    /// Checks that `caption` says `name` goes `higher` or `lower` by |delta| as printed: the
    /// printed number read back, within half its last digit.
    static func saysChange(_ caption: String, _ name: String, _ delta: Double) {
        let word = delta > 0 ? "higher" : "lower"
        let lead = "\(name) \(word) by "
        guard let range = caption.range(of: lead) else {
            Issue.record("\(caption) does not say \(lead)")
            return
        }
        let digits = caption[range.upperBound...].prefix { $0.isNumber || $0 == "." }
        let printed = String(digits.hasSuffix(".") ? digits.dropLast() : digits)
        let decimals = printed.split(separator: ".").last.map { $0.count } ?? 0
        let value = Double(printed) ?? -1
        #expect(
            abs(value - abs(delta)) <= 0.5 * pow(10, -Double(decimals)) + 1e-12,
            "\(name): \(printed) against \(delta)")
        #expect(
            decimals >= 2
                && (value >= 0.1 || printed.filter(\.isNumber).drop { $0 == "0" }.count >= 2))
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func slidesArePagesAndEveryCaptionIsInThePDF() throws {
        let (h, result) = try #require(Self.builtIn)
        #expect(result.status == 0, "\(result.stderr)")
        let board = try h.json("out/storyboard.json")
        let beats = try #require(board["beats"] as? [[String: Any]])
        #expect(beats.count == 13)
        let pdfinfo = try #require(Self.tool("pdfinfo"), "pdfinfo (poppler-utils) is missing")
        let info = try h.run(pdfinfo, [h.url("out/slides.pdf").path]).stdoutText
        #expect(info.contains("Pages:           \(beats.count)\n"), "\(info)")
        #expect(info.contains("960 x 540 pts"), "\(info)")
        let pdftotext = try #require(Self.tool("pdftotext"))
        let text = Self.collapsed(
            try h.run(pdftotext, [h.url("out/slides.pdf").path, "-"]).stdoutText)
        let captions = try String(contentsOf: h.url("out/captions.txt"), encoding: .utf8)
        let handout = try h.run(pdfinfo, [h.url("out/handout.pdf").path]).stdoutText
        #expect(handout.contains("595 x 842 pts (A4)"), "\(handout)")
        let handoutText = Self.collapsed(
            try h.run(pdftotext, [h.url("out/handout.pdf").path, "-"]).stdoutText)
        let sheet = try String(contentsOf: h.url("out/index.html"), encoding: .utf8)
        // Each caption is in the slides, captions.txt and the handout; each slide is a file,
        // shown on the contact sheet.
        for beat in beats {
            let caption = try #require(beat["caption"] as? String)
            #expect(text.contains(Self.collapsed(caption)), "page lacks: \(caption)")
            #expect(captions.contains(caption))
            #expect(handoutText.contains(Self.collapsed(caption)), "handout lacks: \(caption)")
            let slide = try #require(beat["slide"] as? String)
            #expect(FileManager.default.fileExists(atPath: h.url("out/" + slide).path))
            #expect(sheet.contains("<img src=\"\(slide)\""))
        }
        let pdffonts = try #require(Self.tool("pdffonts"))
        let fonts = try h.run(pdffonts, [h.url("out/slides.pdf").path]).stdoutText
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" yes yes ") }, "\(fonts)")
    }

    @Test func perceptronNumbersAndWordsFollowFromTheRecord() throws {
        let (h, result) = try #require(Self.builtIn)
        #expect(result.status == 0, "\(result.stderr)")
        let checked = try Self.checkPerceptron(h, "out")
        #expect(checked == ["perceptron", "wish", "step", "mountain", "descent"])
    }

    /// Checks every perceptron beat of the lesson in `folder` against `perceptron.json`;
    /// returns the beats checked.
    static func checkPerceptron(_ h: Harness, _ folder: String) throws -> [String] {
        let board = try h.json(folder + "/storyboard.json")
        let beats = try #require(board["beats"] as? [[String: Any]]).filter {
            $0["part"] as? String == "perceptron"
        }
        let record = try h.json(folder + "/perceptron.json")
        let eta = try #require((record["training"] as? [String: Any])?["learningRate"] as? Double)
        let data = try #require(record["data"] as? [String: Any])
        let points = try #require(data["points"] as? [[Double]])
        let labels = try #require(data["labels"] as? [Int])
        let snapshots = try #require(record["snapshots"] as? [[String: Any]])
        func weights(at epoch: Int) throws -> (w: [Double], b: Double) {
            let snapshot = try #require(snapshots.first { $0["epoch"] as? Int == epoch })
            let layer = try #require((snapshot["layers"] as? [[String: Any]])?.first)
            let w = try #require((layer["weights"] as? [[Double]])?.first)
            let b = try #require((layer["biases"] as? [Double])?.first)
            return (w, b)
        }
        func sigma(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        func output(_ w: [Double], _ b: Double, _ x: [Double]) -> Double {
            sigma(w[0] * x[0] + w[1] * x[1] + b)
        }
        func meanError(_ w: [Double], _ b: Double) -> Double {
            zip(points, labels).map { x, y in
                let p = output(w, b, x)
                return y == 1 ? -log(p) : -log(1 - p)
            }.reduce(0, +) / Double(points.count)
        }
        func distance(_ w: [Double], _ b: Double, _ x: [Double]) -> Double {
            abs(w[0] * x[0] + w[1] * x[1] + b) / (w[0] * w[0] + w[1] * w[1]).squareRoot()
        }
        var checked: [String] = []
        for beat in beats {
            let caption = try #require(beat["caption"] as? String)
            checked.append(try #require(beat["beat"] as? String))
            let epoch = try #require(beat["epoch"] as? Int)
            let (w, b) = try weights(at: epoch)
            let name = try #require(beat["beat"] as? String)
            func says(_ x: Double, _ decimals: Int = 2) {
                #expect(
                    caption.contains(Self.fixed(x, decimals)),
                    "\(name): \(Self.fixed(x, decimals)) missing in \(caption)")
            }
            if ["perceptron", "wish", "step"].contains(name) {
                let focus = try #require(beat["focus"] as? [String: Any])
                let x = try #require(focus["point"] as? [Double])
                let y = Double(try #require(focus["label"] as? Int))
                if let n = focus["index"] as? Int {
                    #expect(points[n - 1] == x && Double(labels[n - 1]) == y)
                }
                let p = output(w, b, x)
                #expect((p >= 0.5) != (y == 1), "\(name): the focus point is classified right")
                let dw = [-eta * (p - y) * x[0], -eta * (p - y) * x[1]]
                let db = -eta * (p - y)
                let w2 = [w[0] + dw[0], w[1] + dw[1]]
                let b2 = b + db
                switch name {
                case "perceptron":
                    for v in [w[0], w[1], b, p, x[0], x[1]] { says(v) }
                    #expect(caption.contains(y == 1 ? "sits in the red region" : "in the blue"))
                case "wish":
                    for (label, d) in [("w1", dw[0]), ("w2", dw[1]), ("b", db)] {
                        saysChange(caption, label, d)
                    }
                case "step":
                    for v in [w2[0], w2[1], b2] { says(v) }
                    let (d1, d2) = (distance(w, b, x), distance(w2, b2, x))
                    says(d1)
                    says(d2)
                    #expect(d2 < d1 && caption.contains("is closer"))
                    // The slide draws W′ where the step puts it: its dashed line is as far
                    // from the point as the caption says.
                    if beat["slide"] != nil {
                        let ghost = try #require(beat["ghost"] as? [String: Any])
                        let line = try #require(ghost["line"] as? [Double])
                        #expect(ghost["magnification"] as? Double == 1)
                        #expect(abs(distance([line[0], line[1]], line[2], x) - d2) < 1e-9)
                        #expect(caption.contains("drawn where that step puts it (×1)"))
                    }
                    let p2 = output(w2, b2, x)
                    #expect(caption.contains((p2 > p ? "rises" : "falls") + " from"))
                    says(p2)
                default: Issue.record("unexpected beat \(name)")
                }
            }
            if name == "mountain" {
                let e = meanError(w, b)
                let grad = zip(points, labels).reduce(into: [0.0, 0.0, 0.0]) { g, item in
                    let r = output(w, b, item.0) - Double(item.1)
                    g[0] += r * item.0[0]
                    g[1] += r * item.0[1]
                    g[2] += r
                }.map { $0 / Double(points.count) }
                let e2 = meanError([w[0] - eta * grad[0], w[1] - eta * grad[1]], b - eta * grad[2])
                says(e, 3)
                says(e2, 3)
                #expect(e2 < e && caption.contains("down to"))
            }
            if name == "descent" {
                let errors = snapshots.compactMap { $0["error"] as? Double }
                says(errors[0], 3)
                #expect(abs(meanError(w, b) - (errors.last ?? 0)) < 1e-9)
                says(errors.last ?? 0, 3)
            }
        }
        return checked
    }

    @Test func aMistakeInALessonFileNamesItsLine() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "perceptron:\n  network: {hidden: []}\nnetwork:\n  focus: {point: [0, 0], label: 3}\n"
                + "beats: [wish, sing]\n", to: "bad.yaml")
        let result = try h.errorest(["lesson", "bad.yaml", "--out", "out"])
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("bad.yaml, line 4: \"network.focus\""), "\(result.stderr)")
        #expect(result.stderr.contains("Line 5: \"sing\" is not a beat"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: h.url("out").path))
    }
}
