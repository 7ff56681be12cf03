import ArgumentParser
import Backprop
import Foundation

/// `errorest datasets`: list the generators, or export their points as CSV.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the data generators, or write their points as CSV files.",
        usage: """
            errorest datasets [--export <name> ...] [--count <n>] [--noise <sigma>]
                              [--data-seed <n>] [--out <dir>] [--json] [--quiet]
            """,
        discussion: """
            The CSV files (x1,x2,label with a header) can be edited and used as `data.file` in a \
            run file, or read by other tools. They go into Output/datasets unless --out names \
            another folder; `--out -` writes one set to stdout. --json prints the list, or the \
            files written, as JSON on stdout.
            """)

    @Option(
        help: ArgumentHelp(
            "Write this generator's points as <name>.csv; repeat or separate with commas.",
            valueName: "name"),
        transform: { try Parse.list($0, of: Generator.self, "generator") })
    var export: [[Generator]] = []

    @OptionGroup(title: "Points")
    var points: GeneratorFlags

    /// The generator's seed under its earlier name; `--data-seed`, as in `run`, is the one shown.
    @Option(name: .customLong("seed"), parsing: .unconditional, help: .hidden)
    var legacySeed: UInt64?

    @OptionGroup(title: "Output")
    var output: DatasetsOutput

    func validate() throws {
        if points.dataSeed != nil && legacySeed != nil {
            throw ValidationError("--seed is the old name of --data-seed; give one of them.")
        }
    }

    func run() throws {
        let generators = export.flatMap { $0 }
        try points.checkRanges()
        guard !generators.isEmpty else { return try list() }
        if output.out == "-" {
            guard generators.count == 1 else {
                throw ErrorestError.usage("--out - writes one set to stdout; export one at a time.")
            }
            try StandardStreams.writeOutput(try csv(generators[0]))
            return
        }
        let (folder, display) = output.folder
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
            if !output.quiet {
                printError("wrote \((display as NSString).appendingPathComponent(name))")
            }
        }
        if output.json { try printJSON(["files": written]) }
    }

    private func list() throws {
        if output.json {
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
        let count = points.count ?? DataSource.defaultCount
        let noise = points.noise ?? DataSource.defaultNoise
        let seed = points.dataSeed ?? legacySeed ?? DataSource.defaultSeed
        let data: Dataset
        do {
            data = try generator.generate(count: count, noise: noise, seed: seed)
        } catch {
            throw ErrorestError(error)
        }
        return "# errorest datasets --export \(generator.rawValue) --count \(count) "
            + "--noise \(noise) --data-seed \(seed)\n" + data.csv
    }

    private func printJSON(_ value: some Encodable) throws {
        try StandardStreams.writeOutput(try JSONText.data(value))
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

/// `datasets`' output flags: its own folder and what `--json` prints.
struct DatasetsOutput: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The folder of the CSV files (default: Output/datasets in the current folder); "
                + "- writes one set to stdout.", valueName: "dir"))
    var out: String?

    @Flag(help: "Print the list of generators, or the files written, as JSON on stdout.")
    var json = false

    @Flag(help: "Print nothing on stderr except errors: no line for each file written.")
    var quiet = false

    func validate() throws {
        if out?.isEmpty == true { throw ValidationError("--out needs a folder.") }
    }

    /// The folder the CSV files go into, and how to show it.
    var folder: (url: URL, display: String) {
        let display = out ?? "Output/datasets"
        return (URL(fileURLWithPath: display).standardizedFileURL, display)
    }
}
