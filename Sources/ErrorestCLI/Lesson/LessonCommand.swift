import ArgumentParser
import Backprop
import Figures
import Foundation

/// `errorest lesson [LESSON]`: the whole backpropagation lesson from one lesson file.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Train a lesson's runs and write its slides, handout, animation and storyboard.",
        discussion: """
            Reads a lesson file (YAML or JSON; see "The lesson file", \
            Sources/ErrorestCLI/ErrorestCLI.docc/LessonFileFormat.md), trains its perceptron and \
            network parts, chooses each beat's point and epoch by the beat's rule and writes \
            storyboard.json, captions.txt, slides/NN-<beat>.png, slides.pdf, handout.pdf and \
            the course animation (lesson.mp4; lesson.png, an animated PNG, without ffmpeg) into \
            the output folder. Without a file it tells the built-in lesson \
            (Samples/lessons/backpropagation.yaml). A beat whose rule no point and epoch \
            satisfy stops the lesson with exit 65, naming the beat and the claim.
            """)

    @Argument(
        help: ArgumentHelp("A lesson file (.yaml, .yml or .json); without one, the built-in."))
    var lessonFile: String?

    @OptionGroup(title: "Output")
    var output: OutputOptions

    func run() throws {
        let started = ContinuousClock.now
        let (lesson, source) = try LessonCommand.load(lessonFile)
        let (movie, note) = LessonMovie.format(lesson.animation)
        if let note, !output.quiet { printError(note) }
        let written = try LessonWriter(
            lesson: lesson, source: source, output: output, movieFormat: movie
        ).write()
        guard !output.quiet else { return }
        let seconds = Pipeline.seconds(since: started)
        printError(
            "\(lesson.name): \(written.beats) beats; "
                + written.files.joined(separator: ", ") + " in \(written.folder) "
                + String(format: "(%.1f s)", seconds))
    }

    /// Reads a lesson file, or the built-in lesson when `path` is `nil`.
    static func load(_ path: String?) throws -> (LessonFile, source: String) {
        do {
            guard let path else {
                let source = "the built-in lesson"
                let lesson = try LessonFile(
                    data: BuiltInLesson.backpropagation, isJSON: false, file: source,
                    folder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                    defaultName: "backpropagation")
                return (lesson, source)
            }
            let url = URL(fileURLWithPath: path)
            return (try LessonFile(contentsOf: url, displayName: path), path)
        } catch {
            throw ErrorestError(error)
        }
    }
}
