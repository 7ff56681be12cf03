import Foundation
import Testing

@testable import ErrorestCLI

/// `formats: [html]`: the lesson page, one self-contained file of the renderer's own PNG frames
/// and the numbers of the run record, checked here without a browser (`.ci/browser-test` drives
/// one).
@Suite struct PageTests {
    static let runFile = """
        name: page
        data: {generator: wedge, count: 24, noise: 0.05, seed: 3}
        network: {hidden: [2], activation: sigmoid}
        training: {epochs: 40, learningRate: 2.0}
        snapshots: linear 4
        render: {size: [160, 96], formats: [png, html], focus: 5, animation: {fps: 7}}
        """

    /// The page's bytes, its frames' texts by number, and its JSON.
    struct Page {
        var bytes: Data
        var frames: [Int: Data] = [:]
        var json: [String: Any] = [:]

        init(_ bytes: Data) throws {
            self.bytes = bytes
            let open = Data("<script type=\"application/x-errorest-png\" id=\"f".utf8)
            let close = Data("</script>".utf8)
            var from = bytes.startIndex
            while let start = bytes.range(of: open, in: from..<bytes.endIndex) {
                let quote = try #require(
                    bytes.range(of: Data("\">".utf8), in: start.upperBound..<bytes.endIndex))
                let number = try #require(
                    Int(String(decoding: bytes[start.upperBound..<quote.lowerBound], as: UTF8.self))
                )
                let end = try #require(
                    bytes.range(of: close, in: quote.upperBound..<bytes.endIndex))
                frames[number] = bytes[quote.upperBound..<end.lowerBound]
                from = end.upperBound
            }
            let dataOpen = Data("<script type=\"application/json\" id=\"data\">".utf8)
            let start = try #require(bytes.range(of: dataOpen))
            let end = try #require(bytes.range(of: close, in: start.upperBound..<bytes.endIndex))
            json = try #require(
                try JSONSerialization.jsonObject(with: bytes[start.upperBound..<end.lowerBound])
                    as? [String: Any])
        }

        /// Everything but the frames' bytes.
        var text: String {
            var rest = bytes
            for frame in frames.values { rest.removeSubrange(rest.range(of: frame) ?? 0..<0) }
            return String(decoding: rest, as: UTF8.self)
        }
    }

    func make(_ h: Harness, formats: String = "[png, html]") throws -> Page {
        try h.write(
            Self.runFile.replacingOccurrences(of: "[png, html]", with: formats), to: "page.yaml")
        let result = try h.errorest(["run", "page.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return try Page(try Data(contentsOf: h.url("Output/page/frames/frames.html")))
    }

    @Test func everyByteSurvivesTheEscapeAndTheEscapedTextHasNoNULCRLessThanOrEscape() {
        let all = Data((0...255).map(UInt8.init) + (0...255).reversed().map(UInt8.init))
        let escaped = PageSink.escaped(all)
        #expect(PageSink.unescaped(escaped) == all)
        // The key comes first and is not one of the four; then only ESC starts a pair, and the
        // byte after it is never one of the four.
        var bytes = Array(escaped)
        #expect(![0x00, 0x0D, 0x3C, 0x1B].contains(bytes[0]))
        var k = 1
        while k < bytes.count {
            if bytes[k] == PageSink.escape {
                #expect(![0x00, 0x0D, 0x3C, 0x1B].contains(bytes[k + 1]))
                bytes[k + 1] = 0x41
                k += 2
            } else {
                #expect(![0x00, 0x0D, 0x3C].contains(bytes[k]))
                k += 1
            }
        }
        // Four values in 256 take two bytes, whatever the key: 1/64 more, and the key.
        #expect(escaped.count == all.count + 8 + 1)
    }

    @Test func theKeyLeavesTheFewestBytesToEscape() {
        // NUL-rich bytes, as PNG streams are: with no key each NUL would take two bytes.
        let bytes = Data([UInt8](repeating: 0, count: 500) + [0x0D, 0x3C, 0x1B, 0x41, 0x94, 0x99])
        let escaped = PageSink.escaped(bytes)
        #expect(PageSink.unescaped(escaped) == bytes)
        // The key 0x01, the smallest a key can be, maps every byte here to a safe value.
        #expect(escaped.first == 0x01)
        #expect(escaped.count == bytes.count + 1)
        // Every key's escapes, counted here from the definition: none is fewer than the key's.
        let unsafe: [UInt8] = [0x00, 0x0D, 0x3C, 0x1B]
        func escapes(_ key: UInt8) -> Int { bytes.filter { unsafe.contains($0 ^ key) }.count }
        let chosen = escapes(PageSink.key(for: bytes))
        #expect(
            (0...255).map(UInt8.init).filter { !unsafe.contains($0) }.allSatisfy {
                escapes($0) >= chosen
            })
    }

    @Test func thePageHoldsTheRenderersOwnPNGFramesAndIsListedInTheManifest() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let page = try make(h)
        #expect(page.frames.count == 4)
        for k in 0..<4 {
            let png = try Data(contentsOf: h.url("Output/page/frames/frame-000\(k).png"))
            #expect(PageSink.unescaped(try #require(page.frames[k])) == png, "frame \(k)")
        }
        let manifest = try h.json("Output/page/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        let entry = try #require(files.first { $0["path"] as? String == "frames/frames.html" })
        #expect(entry["format"] as? String == "html")
        #expect(entry["epochs"] as? [Int] == [0, 13, 27, 40])
        #expect((entry["panels"] as? [Any])?.isEmpty == false)
        #expect(
            files.filter { ($0["path"] as? String)?.hasPrefix("frames/frame-") == true }.count == 4)
    }

    @Test func thePageIsSelfContainedASCIIAroundItsFramesWithNoAddressToFetch() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let text = try make(h).text
        #expect(text.unicodeScalars.allSatisfy { $0.value < 0x80 })
        #expect(
            text.hasPrefix(
                "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"windows-1252\">"))
        for word in ["http:", "https:", "//fonts", "src=\"", "href=", "@import", "url("] {
            #expect(!text.contains(word), "\(word)")
        }
        #expect(text.contains("default-src 'none'"))
    }

    @Test func htmlAloneWritesThePageAndNoPNGFrames() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let page = try make(h, formats: "[html]")
        #expect(page.frames.count == 4)
        let names = try FileManager.default.contentsOfDirectory(
            atPath: h.url("Output/page/frames").path)
        #expect(names == ["frames.html"])
    }

    /// ŷ and each point's wish `−η ∂e/∂θ` of a 2-2-1 sigmoid network, written out by hand.
    static func forward(_ w: [Double], _ x: [Double], _ y: Double, η: Double) -> (
        Double, Double, [Double]
    ) {
        func σ(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        let h1 = σ(w[0] * x[0] + w[1] * x[1] + w[2])
        let h2 = σ(w[3] * x[0] + w[4] * x[1] + w[5])
        let out = σ(w[6] * h1 + w[7] * h2 + w[8])
        let e = -y * log(out) - (1 - y) * log(1 - out)
        let d = out - y
        let d1 = d * w[6] * h1 * (1 - h1)
        let d2 = d * w[7] * h2 * (1 - h2)
        let gradient = [d1 * x[0], d1 * x[1], d1, d2 * x[0], d2 * x[1], d2, d * h1, d * h2, d]
        return (out, e, gradient.map { -η * $0 })
    }

    static func close(_ a: Double, _ b: Double, digits: Int) -> Bool {
        abs(a - b) <= 0.6 * pow(10, Double(1 - digits)) * abs(b) + 1e-15
    }

    @Test func theNumbersAreTheRunRecordsToTheDigitsShown() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let json = try make(h).json
        let record = try h.json("Output/page/run.json")
        let data = try #require(record["data"] as? [String: Any])
        let points = try #require(data["points"] as? [[Double]])
        let labels = try #require(data["labels"] as? [Int])
        let snapshots = try #require(record["snapshots"] as? [[String: Any]])
        #expect(json["fps"] as? Int == 7)
        #expect(json["focus"] as? Int == 5)
        #expect(json["sizes"] as? [Int] == [2, 2, 1])
        #expect(json["labels"] as? [Int] == labels)
        let frames = try #require(json["frames"] as? [[String: Any]])
        #expect(frames.count == snapshots.count)
        for (frame, snapshot) in zip(frames, snapshots) {
            #expect(frame["epoch"] as? Int == snapshot["epoch"] as? Int)
            let error = try #require(frame["E"] as? Double)
            #expect(Self.close(error, try #require(snapshot["error"] as? Double), digits: 6))
            let layers = try #require(snapshot["layers"] as? [[String: Any]])
            let w = layers.flatMap { layer -> [Double] in
                let weights = layer["weights"] as? [[Double]] ?? []
                let biases = layer["biases"] as? [Double] ?? []
                return zip(weights, biases).flatMap { $0 + [$1] }
            }
            let shown = try #require(frame["W"] as? [Double])
            #expect(zip(shown, w).allSatisfy { Self.close($0, $1, digits: 6) } && shown.count == 9)
            let outputs = try #require(frame["output"] as? [Double])
            let errors = try #require(frame["error"] as? [Double])
            let wishes = try #require(frame["wish"] as? [Double])
            #expect(wishes.count == 9 * points.count)
            for (i, point) in points.enumerated() {
                let (out, e, wish) = Self.forward(
                    w, point, Double(labels[i]), η: 2.0)
                #expect(Self.close(outputs[i], out, digits: 4))
                #expect(Self.close(errors[i], e, digits: 4))
                for k in 0..<9 {
                    #expect(
                        Self.close(wishes[9 * i + k], wish[k], digits: 3), "point \(i + 1), \(k)")
                }
            }
            let alt = try #require(frame["alt"] as? String)
            #expect(alt.hasPrefix("Epoch \(snapshot["epoch"] as? Int ?? -1): E(W) = "))
            #expect(
                alt.contains("Hidden unit 1's line: ") && alt.contains("Hidden unit 2's line: "))
        }
    }

    @Test func aUnitsLineInWordsSaysWhereTheUnitIsOn() {
        #expect(
            PageAlt.line(w1: 1, w2: 2, b: -1)
                == "x2 = -0.5·x1 + 0.5, falling; the unit is on above it")
        #expect(
            PageAlt.line(w1: 2, w2: 0, b: 1) == "x1 = -0.5, upright; the unit is on to its right")
        #expect(PageData.number(0.000012345, 3) == "1.23e-5")
        #expect(PageData.number(-2.5, 4) == "-2.5")
        #expect(PageData.string("ŷ</") == "\"\\u0177\\u003c\\/\"")
    }
}

/// `slides.formats: [.., html]`: `errorest lesson` writes `lesson.html`, its slides' own PNG bytes
/// with the storyboard's titles and captions.
@Suite struct LessonPageTests {
    @Test func lessonHTMLHoldsEverySlideAndItsCaption() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let sample = try String(
            contentsOf: Harness.samples.appendingPathComponent("lessons/backpropagation.yaml"),
            encoding: .utf8)
        let lesson = sample.replacingOccurrences(
            of: "formats: [png, pdf]", with: "formats: [png, html]"
        )
        .replacingOccurrences(of: "\nanimation: mp4", with: "\nanimation: none")
        #expect(lesson.contains("[png, html]"))
        try h.write(lesson, to: "bp.yaml")
        let result = try h.errorest(["lesson", "bp.yaml", "--quiet", "--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try PageTests.Page(try Data(contentsOf: h.url("out/lesson.html")))
        let board = try h.json("out/storyboard.json")
        let beats = try #require(board["beats"] as? [[String: Any]])
        let slides = try #require(page.json["slides"] as? [[String: Any]])
        #expect(page.frames.count == beats.count && slides.count == beats.count)
        for (k, beat) in beats.enumerated() {
            let png = try Data(contentsOf: h.url("out/" + (beat["slide"] as? String ?? "")))
            #expect(PageSink.unescaped(try #require(page.frames[k])) == png, "slide \(k + 1)")
            #expect(slides[k]["caption"] as? String == beat["caption"] as? String)
            #expect(slides[k]["title"] as? String == beat["title"] as? String)
        }
        #expect(page.text.unicodeScalars.allSatisfy { $0.value < 0x80 })
        #expect(!page.text.contains("http:") && !page.text.contains("https:"))
    }
}
