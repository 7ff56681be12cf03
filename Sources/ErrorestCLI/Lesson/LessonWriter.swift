import Backprop
import Figures
import Foundation

/// Trains a lesson's parts, plans its beats and writes its files into the output folder as one
/// generation, as `errorest run` writes a run: all of it or, on any failure, nothing.
struct LessonWriter {
    let lesson: LessonFile
    let source: String
    let output: OutputOptions
    /// The animation's format (nil: none), chosen before anything is trained.
    let movieFormat: FileFormat?

    /// What was written, for the summary line.
    struct Written {
        var beats: Int
        var files: [String]
        var folder: String
    }

    func write() throws -> Written {
        let perceptron = try train(lesson.perceptron, trajectory: true)
        let network = try train(lesson.network, trajectory: true)
        let told =
            try PerceptronBeats(run: perceptron, focus: lesson.perceptron.focus, source: source)
            .plan(lesson.beats, options: lesson.perceptron.run.render.options)
            + NetworkBeats(run: network, focus: lesson.network.focus, source: source)
            .plan(lesson.beats, options: lesson.network.run.render.options)
        let planned = lesson.beats.compactMap { beat in told.first { $0.beat == beat } }
        let runs = ["perceptron": perceptron, "network": network]
        let slides = try planned.map { beat in
            guard let run = runs[beat.part] else {
                throw ErrorestError.badInput("\(source): no run for the beat \(beat.beat).")
            }
            return Slide(
                run: run, options: beat.options, figure: beat.figure, snapshot: beat.snapshot,
                title: beat.beat.title, caption: beat.caption,
                handout: beat.figure == .frame ? beat.beat.handoutPanels : nil)
        }
        let folder = try Pipeline.openFolder(lesson.name, output: output)
        return try Pipeline.staging(folder, source: source) {
            let files = try stage(planned, slides, perceptron, network, into: folder)
            return Written(beats: planned.count, files: files, folder: folder.displayPath)
        }
    }

    /// Trains one part; `trajectory` keeps every epoch's weights (the descent's path).
    private func train(_ part: LessonPart, trajectory: Bool) throws -> TrainingRun {
        var trainer = try Pipeline.prepare(part.run, source: source)
        trainer.recordsTrajectory = trainer.recordsTrajectory || trajectory
        return try Pipeline.train(
            trainer, name: part.run.name ?? "run", domain: part.run.domain, source: source,
            quiet: true)
    }

    /// Stages the records, storyboard, captions and slides, and commits them; returns the
    /// files' names for the summary.
    private func stage(
        _ planned: [PlannedBeat], _ slides: [Slide], _ perceptron: TrainingRun,
        _ network: TrainingRun, into folder: OutputFolder
    ) throws -> [String] {
        let deck = try SlideDeck(width: lesson.slideSize.width, height: lesson.slideSize.height)
        var staged = ["run.json", "perceptron.json"]
        try folder.stage(try StreamedJSON.record(network), at: "run.json")
        try folder.stage(try StreamedJSON.record(perceptron), at: "perceptron.json")
        var entries: [Manifest.Entry] = []
        var board: [Storyboard.Entry] = []
        var pages: [SlidePage.Slide] = []
        let movie = try movieFormat.map {
            try LessonMovie(format: $0, captions: planned.map(\.caption), folder: folder)
        }
        for (i, (beat, slide)) in zip(planned, slides).enumerated() {
            let number = i + 1
            let name = (number < 10 ? "0" : "") + "\(number)-\(beat.beat.rawValue).png"
            var path: String?
            let html = lesson.slideFormats.contains(.html)
            let drawn =
                html || lesson.slideFormats.contains(.png) || movie != nil
                ? try deck.drawn(slide, number: number, of: slides.count) : nil
            let png = drawn?.png
            if let movie, let png {
                try movie.add(
                    slide: i, png: png, width: deck.width, height: deck.height,
                    figure: slide.figure)
            }
            if html, let png {
                pages.append(
                    SlidePage.Slide(png: png, title: beat.beat.title, caption: beat.caption))
            }
            if lesson.slideFormats.contains(.png), let png {
                try folder.stage(png, at: "slides/" + name)
                path = "slides/" + name
                staged.append("slides/" + name)
                let snapshot = slide.run.snapshots[slide.snapshot]
                entries.append(
                    Manifest.Entry(
                        path: "slides/" + name, figure: slide.figure, format: .png,
                        epoch: snapshot.epoch, error: snapshot.error, width: deck.width,
                        height: deck.height, panels: []))
            }
            board.append(
                Storyboard.Entry(
                    number: number, beat: beat.beat.rawValue, title: beat.beat.title,
                    part: beat.part, figure: beat.figure.rawValue, epoch: beat.epoch,
                    focus: focus(beat.options.focus, slide.run), rule: beat.beat.rule,
                    step: beat.beat.step, caption: beat.caption, numbers: beat.numbers,
                    slide: path, ghost: Storyboard.Ghost(drawn?.panels ?? []),
                    handout: lesson.handout ? slide.printed.map(\.rawValue) : nil))
        }
        var files = ["captions": "captions.txt"]
        if let movie {
            try movie.finish()
            files["animation"] = movie.path
            let last = slides.last.map { $0.run.snapshots[$0.snapshot] }
            entries.append(
                Manifest.Entry(
                    path: movie.path, figure: slides.last?.figure ?? .frame,
                    format: movie.format, epoch: last?.epoch ?? 0, error: last?.error ?? 0,
                    width: deck.width & (movie.format == .mp4 ? ~1 : ~0),
                    height: deck.height & (movie.format == .mp4 ? ~1 : ~0), panels: [],
                    epochs: slides.map { Double($0.run.snapshots[$0.snapshot].epoch) }))
        }
        if lesson.slideFormats.contains(.pdf) {
            try folder.stage(try deck.pdf(slides, title: lesson.name), at: "slides.pdf")
            files["slides"] = "slides.pdf"
        }
        if lesson.slideFormats.contains(.html) {
            try folder.stage(SlidePage.html(name: lesson.name, slides: pages), at: "lesson.html")
            files["page"] = "lesson.html"
        }
        if lesson.handout {
            try folder.stage(try Handout.pdf(slides, title: lesson.name), at: "handout.pdf")
            files["handout"] = "handout.pdf"
        }
        if lesson.slideFormats.contains(.png) {
            try folder.stage(Data(ContactSheet.html(lesson.name, board).utf8), at: "index.html")
            files["contactSheet"] = "index.html"
        }
        let storyboard = Storyboard(
            name: lesson.name, runs: ["perceptron": "perceptron.json", "network": "run.json"],
            beats: board, files: files.merging(["storyboard": "storyboard.json"]) { $1 },
            animation: movie?.storyboard)
        try folder.stage(Data(storyboard.captions.utf8), at: "captions.txt")
        try folder.stage(try storyboard.jsonData(), at: "storyboard.json")
        staged += files.values.sorted() + ["storyboard.json"]
        let manifest = Manifest(name: lesson.name, files: entries)
        try folder.commit(manifest, staged: staged)
        let stills = entries.count - (movie == nil ? 0 : 1)
        return ["\(stills) slides"] + files.values.sorted() + ["storyboard.json"]
    }

    /// The storyboard's description of a beat's focus point.
    private func focus(_ focus: Focus?, _ run: TrainingRun) -> Storyboard.Focus? {
        switch focus {
        case .index(let n):
            let p = run.data.points[n - 1]
            return Storyboard.Focus(index: n, point: [p.x1, p.x2], label: run.data.labels[n - 1])
        case .visitor(let x1, let x2, let label):
            return Storyboard.Focus(index: nil, point: [x1, x2], label: label)
        default: return nil
        }
    }
}
