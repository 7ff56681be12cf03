import ArgumentParser
import Backprop
import Foundation

/// `errorest datasets`: list the generators, or export their points as CSV.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the data generators, or write their points as CSV files.",
        discussion: """
            The CSV files (x1,x2,label with a header) can be edited and used as `data.file` in a \
            run file, or read by other tools.
            """)

    @Option(
        help: ArgumentHelp(
            "Write this generator's points as <name>.csv; repeat or separate with commas.",
            valueName: "name"),
        transform: { try Parse.many($0, "generator") as [Generator] })
    var export: [[Generator]] = []

    @Option(parsing: .unconditional, help: "Points per exported set.")
    var count = 200

    @Option(parsing: .unconditional, help: "Standard deviation of the noise added to each point.")
    var noise = 0.1

    @Option(parsing: .unconditional, help: "Seed of the generator.")
    var seed: UInt64 = 7

    @Option(
        help: ArgumentHelp(
            "Folder for the CSV files (default: Output/datasets); `-` writes one set to stdout.",
            valueName: "dir"))
    var out: String?

    @Flag(help: "Print the list, or the files written, as JSON on stdout.")
    var json = false

    @Flag(help: "Print nothing on stderr except errors.")
    var quiet = false

    func run() throws {
        let generators = export.flatMap { $0 }
        guard !generators.isEmpty else { return try list() }
        if out == "-" {
            guard generators.count == 1 else {
                throw ErrorestError.usage("--out - writes one set to stdout; export one at a time.")
            }
            try StandardStreams.writeOutput(try csv(generators[0]))
            return
        }
        let display = out ?? "Output/datasets"
        let folder = URL(fileURLWithPath: display).standardizedFileURL
        try OutputFolder.makeFolder(folder, displayPath: display)
        var written: [[String: String]] = []
        for generator in generators {
            let text = try csv(generator)
            let name = "\(generator.rawValue).csv"
            try writeWhole(
                Data(text.utf8), to: folder.appendingPathComponent(name),
                display: (display as NSString).appendingPathComponent(name))
            written.append([
                "generator": generator.rawValue,
                "path": (display as NSString).appendingPathComponent(name),
            ])
            if !quiet { printError("wrote \((display as NSString).appendingPathComponent(name))") }
        }
        if json { try printJSON(["files": written]) }
    }

    private func list() throws {
        if json {
            try printJSON([
                "generators": Generator.allCases.map {
                    ["name": $0.rawValue, "summary": $0.summary]
                }
            ])
            return
        }
        let width = Generator.allCases.map(\.rawValue.count).max() ?? 0
        for generator in Generator.allCases {
            let pad = String(repeating: " ", count: width - generator.rawValue.count)
            try StandardStreams.writeOutput("\(generator.rawValue)\(pad)  \(generator.summary)\n")
        }
    }

    /// The set as CSV with a comment saying how it was made.
    private func csv(_ generator: Generator) throws -> String {
        let data: Dataset
        do {
            data = try generator.generate(count: count, noise: noise, seed: seed)
        } catch {
            throw ErrorestError(error)
        }
        return "# errorest datasets --export \(generator.rawValue) --count \(count) "
            + "--noise \(noise) --seed \(seed)\n" + data.csv
    }

    private func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try StandardStreams.writeOutput(try encoder.encode(value) + Data("\n".utf8))
    }
}

/// Writes a whole file under a temporary name in the same folder, then renames it into place.
func writeWhole(_ data: Data, to url: URL, display: String) throws {
    let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).errorest-\(getpid())")
    do {
        try data.write(to: temporary)
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw ErrorestError.writeFailed("Cannot write \(display)\(systemReason(error)).")
    }
    guard rename(temporary.path, url.path) == 0 else {
        let code = errno
        try? FileManager.default.removeItem(at: temporary)
        throw ErrorestError.writeFailed("Cannot write \(display): \(systemMessage(code)).")
    }
}
