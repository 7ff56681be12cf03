import CPNG
import CPNGCandidates
import Figures
import Foundation

/// The PNG writers measured on the Samples' figures (issue 25): which row filter and which
/// deflate library Errorest writes its PNGs with.
///
/// `errorest-bench png [--images N] [--rounds N] [--level L]` runs `errorest` on the Samples
/// (the lesson's frames, the wish's frames and figures, the mountain's, the sweep's grid and
/// error figures, the print set's panels as PNG), decodes every PNG back to its pixels, and for
/// up to N images of each set times, per image, filtering the rows and compressing them as one
/// zlib stream (the thread's CPU time, the best of the rounds), and adds up the streams' bytes.
/// The candidates: every filter type and libpng's adaptive choice, zlib (what libpng uses),
/// libdeflate and ISA-L (where libisal-dev is installed) at several levels, Errorest's row
/// encoder at its three efforts (PNG levels 1 to 3), and libpng's whole writer as Errorest used
/// it before.
func runPNGBenchmark(images: Int, rounds: Int, level: Int) {
    do {
        let sets = try renderSamples()
        print("PNG writers on the Samples' figures: ms per image (thread CPU, best of \(rounds))")
        print(
            "and KiB per image (the zlib stream; libpng rows: the whole file); load \(loadAverage())"
        )
        print("")
        var header = "| candidate |"
        var rule = "|---|"
        var decoded: [[Image]] = []
        for set in sets {
            let chosen = evenly(set.files, images)
            let pictures = try chosen.map { try Image(png: Data(contentsOf: $0)) }
            decoded.append(pictures)
            let size = pictures.first.map { "\($0.width)×\($0.height)" } ?? "-"
            header += " \(set.name) (\(pictures.count) of \(set.files.count), \(size)) |"
            rule += "---|"
        }
        print(header)
        print(rule)
        for candidate in candidates(level: level) {
            guard candidate.available else {
                print("| \(candidate.name) | not installed (apt-get install libisal-dev) |")
                continue
            }
            var row = "| \(candidate.name) |"
            for pictures in decoded {
                var time = 0.0
                var bytes = 0
                for picture in pictures {
                    let (seconds, size) = candidate.measure(picture, rounds: rounds)
                    time += seconds
                    bytes += size
                }
                let n = Double(max(1, pictures.count))
                row += String(
                    format: " %.2f ms, %.0f KiB |", time / n * 1000, Double(bytes) / n / 1024)
            }
            print(row)
        }
    } catch {
        print("PNG benchmark failed: \(error)")
    }
}

/// One set of figures: its name and PNG files.
private struct SampleSet {
    var name: String
    var files: [URL]
}

/// Runs `errorest` on the Samples into a temporary folder and lists each set's PNG files.
private func renderSamples() throws -> [SampleSet] {
    let errorest = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("errorest").path
    guard FileManager.default.isExecutableFile(atPath: errorest) else {
        throw BenchmarkError("build errorest first (swift build -c release)")
    }
    let samples = samplesFolder().path
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("errorest-png-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let out = folder.path
    try shell([errorest, "run", "\(samples)/lesson.yaml", "--out", "\(out)/lesson", "--quiet"])
    try shell([errorest, "run", "\(samples)/wish.yaml", "--out", "\(out)/wish", "--quiet"])
    try shell([errorest, "run", "\(samples)/mountain.yaml", "--out", "\(out)/mountain", "--quiet"])
    try shell([errorest, "sweep", "\(samples)/sweep.yaml", "--out", "\(out)/sweep", "--quiet"])
    try shell([
        errorest, "run", "\(samples)/print.yaml", "--out", "\(out)/print", "--format", "png",
        "--quiet",
    ])
    func pngs(_ path: String, _ subfolders: [String]) -> [URL] {
        subfolders.flatMap { sub -> [URL] in
            let url = URL(fileURLWithPath: "\(out)/\(path)/\(sub)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".png") }.sorted().map {
                url.appendingPathComponent($0)
            }
        }
    }
    return [
        SampleSet(name: "lesson frames", files: pngs("lesson", ["frames"])),
        SampleSet(name: "wish", files: pngs("wish", ["frames", "figures"])),
        SampleSet(name: "mountain", files: pngs("mountain", ["frames", "figures"])),
        SampleSet(name: "sweep grid", files: pngs("sweep", ["figures"])),
        SampleSet(name: "print panels", files: pngs("print", ["figures"])),
    ]
}

/// Up to `count` items spread evenly over `items`, first and last included.
private func evenly<T>(_ items: [T], _ count: Int) -> [T] {
    guard items.count > count, count > 1 else { return Array(items.prefix(max(count, 1))) }
    return (0..<count).map { items[$0 * (items.count - 1) / (count - 1)] }
}

/// A figure's pixels as packed 8-bit RGB.
private struct Image {
    var width: Int
    var height: Int
    var rgb: [UInt8]

    init(png: Data) throws {
        let image = try PNGCodec.decode(png)
        (width, height) = (image.width, image.height)
        rgb = [UInt8](repeating: 0, count: width * height * 3)
        for k in 0..<(width * height) {
            rgb[3 * k] = image.rgba[4 * k]
            rgb[3 * k + 1] = image.rgba[4 * k + 1]
            rgb[3 * k + 2] = image.rgba[4 * k + 2]
        }
    }
}

/// One way of writing the image data: a filter and a library at a level, or libpng whole.
private struct Candidate {
    enum Kind {
        case stream(cand_filter, cand_library, Int32)
        case libpng(level: Int32, filters: Int32)
        case rows(effort: Int32)
    }
    var name: String
    var kind: Kind

    var available: Bool {
        if case .stream(_, let library, _) = kind { return cand_available(library) != 0 }
        return true
    }

    /// The best of `rounds` CPU times of writing `image`, and the bytes written.
    func measure(_ image: Image, rounds: Int) -> (seconds: Double, bytes: Int) {
        let count = image.height * (1 + 3 * image.width)
        var lines = [UInt8](repeating: 0, count: count)
        var out = [UInt8](
            repeating: 0, count: max(cand_bound(count), cpng_row_deflate_bound(count)))
        var work = [UInt8](repeating: 0, count: cpng_row_work_size())
        var best = Double.infinity
        var bytes = 0
        for _ in 0..<max(1, rounds) {
            let start = threadCPUSeconds()
            switch kind {
            case .stream(let filter, let library, let level):
                cand_filter_rows(image.rgb, Int32(image.width), Int32(image.height), filter, &lines)
                bytes = cand_compress(library, level, lines, count, &out, out.count)
            case .rows(let effort):
                cand_filter_rows(
                    image.rgb, Int32(image.width), Int32(image.height), CAND_FILTER_NONE, &lines)
                bytes = cpng_row_deflate(
                    lines, count, 1 + 3 * image.width, 3, effort, &work, &out, out.count)
            case .libpng(let level, let filters):
                bytes = cand_libpng(
                    image.rgb, Int32(image.width), Int32(image.height), level, filters)
            }
            best = min(best, threadCPUSeconds() - start)
        }
        return (best, bytes)
    }
}

/// The candidates, libdeflate at `level` for the filter comparison.
private func candidates(level: Int) -> [Candidate] {
    let none = CAND_FILTER_NONE
    var list = [
        Candidate(
            name: "libpng, None, zlib 3 (Errorest before)", kind: .libpng(level: 3, filters: 0x08)),
        Candidate(name: "libpng, adaptive, zlib 3", kind: .libpng(level: 3, filters: 0xF8)),
    ]
    for z in [1, 3, 6] {
        list.append(Candidate(name: "None, zlib \(z)", kind: .stream(none, CAND_ZLIB, Int32(z))))
    }
    for d in [1, 2, 3, 4, 6, 12] {
        list.append(
            Candidate(name: "None, libdeflate \(d)", kind: .stream(none, CAND_LIBDEFLATE, Int32(d)))
        )
    }
    for i in 0...3 {
        list.append(Candidate(name: "None, ISA-L \(i)", kind: .stream(none, CAND_ISAL, Int32(i))))
    }
    for effort in 1...3 {
        list.append(
            Candidate(name: "None, row encoder \(effort)", kind: .rows(effort: Int32(effort))))
    }
    let filters: [(String, cand_filter)] = [
        ("Sub", CAND_FILTER_SUB), ("Up", CAND_FILTER_UP), ("Average", CAND_FILTER_AVERAGE),
        ("Paeth", CAND_FILTER_PAETH), ("adaptive", CAND_FILTER_ADAPTIVE),
    ]
    for (name, filter) in filters {
        list.append(Candidate(name: "\(name), zlib 3", kind: .stream(filter, CAND_ZLIB, 3)))
        list.append(
            Candidate(
                name: "\(name), libdeflate \(level)",
                kind: .stream(filter, CAND_LIBDEFLATE, Int32(level))))
    }
    return list
}
