// Release benchmarks, against the peers in Samples/peers (numpy, matplotlib):
//   swift build -c release && .build/release/errorest-bench [training|frames|peer|surface|pacing|animation|memory|race|all]
// A benchmark that cannot run says why on one line and the process exits 1.
import ArgumentParser
import Figures
import Foundation

/// `errorest-bench`: release benchmarks against the peer, measured in one sitting.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errorest-bench",
        abstract: "Release benchmarks of Errorest against the peers (Samples/peers).",
        subcommands: [
            AllBenchmarks.self, TrainingBenchmark.self, FrameBenchmark.self, PeerBenchmark.self,
            SweepBenchmark.self, TrainingMemory.self, SurfaceBenchmark.self,
            MountainFrameBenchmark.self, PacingBenchmark.self, AnimationBenchmark.self,
            PacingDetail.self, PNGBenchmark.self, LessonBenchmark.self, MemoryBenchmark.self,
            RaceBenchmark.self,
        ],
        defaultSubcommand: AllBenchmarks.self)
}

/// `errorest-bench all`: every benchmark with its defaults.
struct AllBenchmarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run the training, frame, peer, surface, pacing and animation benchmarks.")

    func run() {
        runTrainingBenchmark()
        runFrameBenchmark(FrameBenchmark.Settings())
        runPeerBenchmark()
        runSurfaceBenchmark()
        runPacingBenchmark()
        runAnimationBenchmark()
    }
}

/// `errorest-bench race`: a 3-runner race's training, plane and 60 frames at 1280×720.
struct RaceBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "race",
        abstract: "A 3-runner race: training, 101×101 plane, 60 frames at 1280×720 (bar ≤ 3 s).")

    func run() { runRaceBenchmark() }
}

/// `errorest-bench training`: epochs per second against numpy.
struct TrainingBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training", abstract: "Epochs per second against numpy running the peer.")

    func run() { runTrainingBenchmark() }
}

/// `errorest-bench frames`: drawing against PNG encoding, frames per second, memory.
struct FrameBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames", abstract: "Drawing against PNG encoding, frames/s, memory.")

    /// What the frame benchmark draws.
    struct Settings {
        var run: String?
        var data: String?
        var frames = 50
        var width = 1280
        var height = 720
        var compression = RenderOptions().pngCompression
        var gallery: String?
        var drawOnly: Int?
        var focus: Focus?
        var figure: FigureKind = .frame
        var frameDiagram = false
        var vote = false
    }

    @Option(
        name: .customLong("run"),
        help: ArgumentHelp(
            "Time this run file's frames with its render settings instead (as Samples/lesson.yaml).",
            valueName: "file"))
    var runFile: String?

    @Option(
        help: ArgumentHelp("Train on these points instead of 200 xor points.", valueName: "csv"))
    var data: String?

    @Option(help: "Frames to time.")
    var frames = 50

    @Option(help: ArgumentHelp("Pixels of every frame.", valueName: "WxH"))
    var size = "1280x720"

    @Option(
        help: ArgumentHelp(
            "PNG compression level: 0 stored, 1-3 the row encoder, 4-8 libdeflate's, 9 its 12.",
            valueName: "0…9"))
    var compression = RenderOptions().pngCompression

    @Option(help: ArgumentHelp("Write sample figures here instead of timing.", valueName: "dir"))
    var gallery: String?

    @Option(name: .customLong("draw-only"), help: "Only draw, this many rounds (for profiling).")
    var drawOnly: Int?

    @Option(
        help: ArgumentHelp(
            "Draw this point's wishes: worst, a point's number from 1, or x1,x2.",
            valueName: "point"))
    var focus: String?

    @Option(help: ArgumentHelp("Time this figure instead of the frame.", valueName: "figure"))
    var figure = "frame"

    @Flag(name: .customLong("frame-diagram"), help: "Draw the network diagram in the frames.")
    var frameDiagram = false

    @Flag(help: "Shade the hidden units by their vote.")
    var vote = false

    func validate() throws {
        let sides = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard sides.count == 2 else { throw ValidationError("--size is WxH, as 1280x720.") }
        if let focus, Focus(argument: focus) == nil {
            throw ValidationError("--focus is worst, a point's number from 1, or x1,x2.")
        }
        guard FigureKind(rawValue: figure) != nil else {
            throw ValidationError("--figure is one of the figure kinds, such as frame or diagram.")
        }
    }

    func run() {
        let sides = size.lowercased().split(separator: "x").compactMap { Int($0) }
        runFrameBenchmark(
            Settings(
                run: runFile, data: data, frames: frames, width: sides[0], height: sides[1],
                compression: compression, gallery: gallery, drawOnly: drawOnly,
                focus: focus.flatMap(Focus.init(argument:)),
                figure: FigureKind(rawValue: figure) ?? .frame, frameDiagram: frameDiagram,
                vote: vote))
    }
}

/// `errorest-bench peer`: `errorest run` against the peer's frames, whole process.
struct PeerBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peer", abstract: "errorest run against peer_frames.py, whole process.")

    func run() { runPeerBenchmark() }
}

/// `errorest-bench sweep`: a 45-run sweep through the binary, and the grid figure alone.
struct SweepBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: "A 45-run sweep: runs/s and CPU; the grid figure alone.")

    func run() { runSweepBenchmark() }
}

/// `errorest-bench train-memory N`: the peak resident memory of training, for the training
/// benchmark, which runs it in a process of its own.
struct TrainingMemory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-memory", abstract: "Print the peak memory of training N epochs.",
        shouldDisplay: false)

    @Argument(help: "Epochs to train.")
    var epochs = 1000

    func run() { runTrainingMemory(epochs: epochs) }
}

/// `errorest-bench surface`: the error surface against numpy, then frames with the mountain.
struct SurfaceBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "surface",
        abstract: "Error surfaces and PCA against numpy; frames with the mountain panel.")

    func run() {
        runSurfaceBenchmark()
        runMountainFrameBenchmark()
    }
}

/// `errorest-bench mountain-frames`: frames with the mountain panel against their PNG encode.
struct MountainFrameBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mountain-frames",
        abstract: "Frames with the mountain panel against their PNG encode.")

    func run() { runMountainFrameBenchmark() }
}

/// `errorest-bench pacing`: how evenly `paced`, `log` and `linear` frames change, and what
/// pacing adds to training.
struct PacingBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pacing",
        abstract: "Largest / median frame change of paced, log and linear 60 on the Samples.")

    func run() { runPacingBenchmark() }
}

/// `errorest-bench animation`: assembling the animated PNG against drawing its PNG frames.
struct AnimationBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "animation", abstract: "APNG assembly time and size against the PNG frames.")

    func run() { runAnimationBenchmark() }
}

/// `errorest-bench png`: row filters and deflate libraries on the Samples' figures.
struct PNGBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "png",
        abstract: "Row filters and deflate libraries (zlib, libdeflate, ISA-L) on the Samples.")

    @Option(help: "Images of each Sample to time, spread evenly.")
    var images = 8

    @Option(help: "Rounds per image; the fastest counts.")
    var rounds = 3

    @Option(help: ArgumentHelp("libdeflate level the filters are compared at.", valueName: "0…12"))
    var level = 2

    func run() { runPNGBenchmark(images: images, rounds: rounds, level: level) }
}

/// `errorest-bench pacing-detail SAMPLE`: one Sample's paced frames, change by change.
struct PacingDetail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pacing-detail", abstract: "One Sample's paced frames and their changes.",
        shouldDisplay: false)

    @Argument(help: "A file of Samples/, such as xor.yaml.")
    var sample: String

    func run() { runPacingDetail(sample) }
}

BenchCommand.main()
// A benchmark that could not run (its peer missing, say) has said so on one line.
exit(failures.isEmpty ? 0 : 1)
