import Foundation
import Testing

/// The lesson on paper: each slide's PDF page is its PNG, and the handout prints every beat's
/// panels (the hidden units' where the beat is about them) with no text under 7 pt.
@Suite struct LessonPrintTests {
    /// The words of a PDF as `pdftotext -bbox` places them: page, text and box in points.
    struct Word {
        var page: Int
        var text: String
        var x0, y0, x1, y1: Double
    }

    static func words(_ h: Harness, _ path: String) throws -> [Word] {
        let pdftotext = try #require(LessonCommandTests.tool("pdftotext"))
        let html = try h.run(pdftotext, ["-bbox", h.url(path).path, "-"]).stdoutText
        var words: [Word] = []
        var page = 0
        for line in html.split(separator: "\n") {
            if line.contains("<page ") { page += 1 }
            guard line.contains("<word "), let open = line.firstIndex(of: ">"),
                let close = line.range(of: "</word>")
            else { continue }
            func value(_ name: String) -> Double {
                guard let start = line.range(of: name + "=\"") else { return .nan }
                return Double(line[start.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            words.append(
                Word(
                    page: page, text: String(line[line.index(after: open)..<close.lowerBound]),
                    x0: value("xMin"), y0: value("yMin"), x1: value("xMax"), y1: value("yMax")))
        }
        return words
    }

    @Test func theHandoutPrintsTheHiddenPanelsWhereTheBeatIsAboutThemAndNoTextUnder7pt() throws {
        let (h, result) = try #require(LessonCommandTests.builtIn)
        #expect(result.status == 0, "\(result.stderr)")
        let beats = try #require(try h.json("out/storyboard.json")["beats"] as? [[String: Any]])
        for beat in beats {
            let printed = beat["handout"] as? [String]
            switch beat["beat"] as? String {
            case "feedforward", "move-lines": #expect(printed == ["hidden", "output"])
            case "step", "perceptron", "result": #expect(printed == ["output"])
            default: #expect(printed == [try #require(beat["figure"] as? String)])
            }
        }
        let words = try Self.words(h, "out/handout.pdf")
        #expect(!words.isEmpty)
        // Every word is DejaVu Sans (pdffonts), whose box is 1.164 em high (ascender 1901 and
        // descender 483 of 2048 units): the box's height gives the text's size in points.
        let pdffonts = try #require(LessonCommandTests.tool("pdffonts"))
        let fonts = try h.run(pdffonts, [h.url("out/handout.pdf").path]).stdoutText
        #expect(fonts.split(separator: "\n").dropFirst(2).allSatisfy { $0.contains("DejaVuSans") })
        let smallest = try #require(words.map { ($0.y1 - $0.y0) / 1.164 }.min())
        #expect(smallest >= 7 - 0.01, "text of \(smallest) pt")
        #expect(smallest < 7.5, "the figures' smallest text is 7 pt, here \(smallest)")
        // Beat 11's row: its figures (left of the text column, 42 + 8 cm + 14 pt) include both
        // hidden units' panels, titled h1 and h2, above the next beat's row.
        let title = try #require(words.first { $0.text == "11." })
        let next = words.first { $0.text == "12." && $0.page == title.page }
        let row = words.filter {
            $0.page == title.page && $0.y0 >= title.y0 - 4 && $0.y0 < (next?.y0 ?? 842)
                && $0.x1 <= 42 + 226.8 + 1
        }
        #expect(row.contains { $0.text == "h1" } && row.contains { $0.text == "h2" }, "\(row)")
        #expect(row.contains { $0.text == "Output" })
    }

    @Test func eachSlidesPDFPageIsItsPNG() throws {
        let (h, result) = try #require(LessonCommandTests.builtIn)
        #expect(result.status == 0, "\(result.stderr)")
        let beats = try #require(try h.json("out/storyboard.json")["beats"] as? [[String: Any]])
        let pdftoppm = try #require(LessonCommandTests.tool("pdftoppm"))
        // 960×540 pt pages at 144 dpi are the slides' 1920×1080 pixels.
        let pages = h.url("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        let made = try h.run(
            pdftoppm,
            [
                "-r", "144", "-png", h.url("out/slides.pdf").path,
                pages.appendingPathComponent("p").path,
            ])
        #expect(made.status == 0, "\(made.stderr)")
        let script = """
            import sys, glob
            from PIL import Image, ImageChops
            pages = sorted(glob.glob(sys.argv[1] + "/p-*.png"))
            for page, slide in zip(pages, sys.argv[2:]):
                a = Image.open(page).convert("L"); b = Image.open(slide).convert("L")
                if a.size != b.size:
                    print(slide, "size", a.size, b.size); continue
                a, b = a.reduce(16), b.reduce(16)
                hist = ImageChops.difference(a, b).histogram()
                n = a.size[0] * a.size[1]
                mean = sum(i * c for i, c in enumerate(hist)) / n
                far = sum(hist[32:]) / n
                print(slide, round(mean, 3), round(far, 4), len(pages))
            """
        let slides = try beats.map { h.url("out/" + (try #require($0["slide"] as? String))).path }
        let compared = try h.run(
            "/usr/bin/env", ["python3", "-c", script, pages.path] + slides)
        #expect(compared.status == 0, "\(compared.stderr)")
        let rows = compared.stdoutText.split(separator: "\n")
        #expect(rows.count == beats.count, "\(compared.stdoutText)")
        for row in rows {
            let parts = row.split(separator: " ")
            // Compared in blocks of 16×16 pixels: Cairo's image surface hints glyph advances
            // and pixel-snaps markers, poppler does not, so edges and long lines of text drift
            // by a pixel or two. The same slide stays within 3.6 grey levels on average and
            // 3% of blocks off by 32; slide 3 against page 1 (the same frame but W′ and the
            // caption) is 4.3 and 3.7%.
            let mean = parts.count == 4 ? Double(parts[1]) ?? 99 : 99
            let far = parts.count == 4 ? Double(parts[2]) ?? 1 : 1
            #expect(mean < 3.6 && far < 0.03, "\(row)")
            #expect(parts.last.map(String.init) == "\(beats.count)")
        }
    }
}
