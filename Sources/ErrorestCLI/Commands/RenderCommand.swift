import ArgumentParser
import Backprop
import Figures
import Foundation

/// `errorest render RUN.json`: draw a saved run record without training.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render figures from a saved run record (run.json) without training.",
        discussion: """
            The record may come from `errorest run` or `errorest train`, or from another tool \
            that writes the same format (the Run Record article of the documentation; see \
            Samples/numpy_run.py). Any figure, format and subset of the record's snapshots can \
            be drawn.

            A record written by `errorest run` keeps the run file's render block it was drawn             with (size, figures, focus, shading, diagram, …): it is drawn the same way again,             and each flag given changes only what it names.

            A record named run.json is drawn into its own folder (beside it) unless --out says \
            otherwise; any other record into Output/<name>. Drawing every snapshot as PNG frames \
            makes the sequence frames/frame-NNNN.png; drawing some of them makes stills, \
            figures/frame-epoch-NNNNNN.png, and leaves the sequence alone.

            Rendering into the folder that already holds the same run keeps its other figures \
            (PNG frames are replaced as a set, so the sequence stays whole); rendering a \
            different run there replaces everything the previous manifest listed.
            """)

    @Argument(help: "The run record to draw (run.json).")
    var record: String

    @Option(
        help: ArgumentHelp(
            "Which of the record's snapshots to draw: all, first, last, or epochs such as "
                + "0,120,2000 (0.35: a paced frame part-way through epoch 0).",
            valueName: "epochs"))
    var snapshots = "all"

    @Option(help: "The run's name in the output (default: the record's name).")
    var name: String?

    @OptionGroup var drawing: DrawingOptions

    func run() throws {
        let (render, output, jobs) = (drawing.render, drawing.output, drawing.jobs)
        let started = ContinuousClock.now
        let input = URL(fileURLWithPath: record).standardizedFileURL
        let bytes = try readInput(input, what: "run record", display: record, limit: 1 << 30)
        var run: TrainingRun
        do {
            run = try TrainingRun(jsonData: bytes, source: record)
        } catch {
            if let command = RenderCommand.command(reading: bytes, path: input) {
                throw ErrorestError.badInput(
                    "\(record) is a \(command) file, not a run record (run.json); give it to "
                        + "`errorest \(command) \(record)`.")
            }
            throw ErrorestError(error)
        }
        if let name {
            guard RunName.isValid(name) else {
                throw ErrorestError.usage("--name: " + RunName.problem(name))
            }
            run.name = name
        } else if output.out == nil && !RenderCommand.isRunFolder(input)
            && !RunName.isValid(run.name)
        {
            throw ErrorestError.badInput(
                "\(record): " + RunName.problem(run.name) + " Give --name or --out.")
        }
        // The look the run was drawn with, then the flags given over it.
        var settings = RenderSettings()
        if let block = run.render {
            do {
                settings = try RenderSettings(recorded: block, source: record)
            } catch {
                throw ErrorestError(error)
            }
        }
        try render.apply(to: &settings)
        try Pipeline.check(
            settings, hidden: run.network.hidden, domain: run.domain, points: run.data.count,
            source: record)
        let chosen = try RenderCommand.select(snapshots, in: run, source: record)

        let (url, display) =
            output.out == nil && RenderCommand.isRunFolder(input)
            ? (input.deletingLastPathComponent(), RenderCommand.folderDisplay(of: record))
            : output.folder(for: run.name)
        let folder = try OutputFolder(url: url, displayPath: display)
        let existing = url.appendingPathComponent("run.json")
        let isInput = existing.resolvingSymlinksInPath() == input.resolvingSymlinksInPath()
        let fresh = try StreamedJSON.record(run)
        let sameRun = isInput || FileManager.default.contents(atPath: existing.path) == fresh
        var kept: [Manifest.Entry] = []
        if sameRun, let previous = folder.previousManifest {
            let redrawsFrames =
                settings.figures.contains(.frame) && settings.formats.contains(.png)
                && FigureWriter.isSequence(chosen, of: run)
            kept = previous.files.filter {
                !(redrawsFrames && $0.path.hasPrefix("frames/"))
                    && FileManager.default.fileExists(
                        atPath: url.appendingPathComponent($0.path).path)
            }
        }
        let manifest = try Pipeline.write(
            run: run, stageRecord: !sameRun, settings: settings, snapshots: chosen,
            folder: folder, keeping: kept, jobs: jobs.count, quiet: output.quiet, source: record)
        try Pipeline.report(manifest, run: run, folder: folder, output: output, started: started)
    }

    /// The command that reads `bytes` when they are a run, sweep or race file (a mapping of run
    /// file keys, with `sweep` or `race` for those), else `nil`.
    static func command(reading bytes: Data, path: URL) -> String? {
        let isJSON = path.pathExtension.lowercased() == "json"
        guard let root = try? RunFileNode.parse(bytes, isJSON: isJSON, file: path.path),
            case .map(let entries) = root.value, !entries.isEmpty
        else { return nil }
        let keys = Set(entries.map(\.key))
        guard keys.isSubset(of: SettingCatalog.names(in: "") + ["sweep", "race"]) else {
            return nil
        }
        return keys.contains("sweep") ? "sweep" : keys.contains("race") ? "race" : "run"
    }

    /// True when `record` is a run folder's own record, `run.json`: drawn beside it by default.
    static func isRunFolder(_ record: URL) -> Bool {
        record.lastPathComponent == "run.json"
    }

    /// The folder of `record` as the user wrote it: `runs/spiral` for `runs/spiral/run.json`.
    static func folderDisplay(of record: String) -> String {
        let folder = (record as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// The indices of the snapshots `text` names: all, first, last, or a list of epochs (`4.35`
    /// names a snapshot part-way through epoch 4, as its header and file name write it).
    static func select(_ text: String, in run: TrainingRun, source: String) throws -> [Int] {
        let labels = run.snapshots.map(\.epochLabel)
        switch text.trimmingCharacters(in: .whitespaces) {
        case "all": return Array(labels.indices)
        case "first": return [0]
        case "last": return [labels.count - 1]
        default: break
        }
        let items = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        // An epoch as its label writes it: `0120` is 120, `4.50` is 4.5.
        func label(_ item: String) -> String? {
            guard let value = Double(item), value >= 0, value.isFinite,
                item.allSatisfy({ $0.isNumber || $0 == "." })
            else { return nil }
            // Beyond any run's epochs (and Int's): no snapshot has it.
            guard value < 1e15 else { return item }
            let epoch = Int(value.rounded(.down))
            let fraction = value - Double(epoch)
            return Snapshot.label(epoch: epoch, fraction: fraction > 0 ? fraction : nil)
        }
        let wanted = items.map(label)
        guard !items.isEmpty, wanted.allSatisfy({ $0 != nil }) else {
            throw ErrorestError.usage(
                "--snapshots is all, first, last, or a list of epochs such as 0,120,2000; "
                    + "got \"\(text)\".")
        }
        var indices: [Int] = []
        for epoch in wanted.compactMap({ $0 }) {
            guard let index = labels.firstIndex(of: epoch) else {
                let known =
                    labels.count <= 12
                    ? labels.joined(separator: ", ")
                    : "\(labels.count) epochs from \(labels[0]) to \(labels[labels.count - 1])"
                throw ErrorestError.badInput(
                    "\(source) has no snapshot at epoch \(epoch); its snapshots are at \(known).")
            }
            if !indices.contains(index) { indices.append(index) }
        }
        return indices.sorted()
    }
}
