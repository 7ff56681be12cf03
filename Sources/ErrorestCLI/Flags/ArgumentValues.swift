import ArgumentParser
import Backprop
import Figures
import Foundation

/// A picture's size in pixels, written `WxH`, as in `1280x720`.
public struct ImageSize: Equatable, Sendable, ExpressibleByArgument {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses `WxH` (also `W×H`); the range is checked later, with the other render options.
    public init?(argument: String) {
        let parts = argument.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else { return nil }
        self.init(width: w, height: h)
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}

// The library's enumerations, named on the command line by their raw values.
extension Generator: ExpressibleByArgument {}
extension Activation: ExpressibleByArgument {}
extension Engine: ExpressibleByArgument {}
extension OptimizerKind: ExpressibleByArgument {}
extension WishSource: ExpressibleByArgument {}
extension HiddenShading: ExpressibleByArgument {}
extension HiddenLayout: ExpressibleByArgument {}
extension PaletteName: ExpressibleByArgument {}
extension FigureKind: ExpressibleByArgument {}
extension FileFormat: ExpressibleByArgument {}
extension SurfaceAxes: ExpressibleByArgument {}

/// Conversions of option values that are more than one word, for `@Option(transform:)`.
enum Parse {
    /// A comma-separated list of an enumeration's names, repeats dropped.
    static func list<T: ExpressibleByArgument & Equatable>(
        _ text: String, of _: T.Type, _ what: String
    ) throws -> [T] {
        var result: [T] = []
        for item in text.split(separator: ",") {
            let name = item.trimmingCharacters(in: .whitespaces)
            guard let value = T(argument: name) else {
                throw ValidationError(
                    "\"\(name)\" is not \(article(what)) \(what); use one of: "
                        + T.allValueStrings.joined(separator: ", ") + ".")
            }
            if !result.contains(value) { result.append(value) }
        }
        guard !result.isEmpty else { throw ValidationError("Give at least one \(what).") }
        return result
    }

    /// "a" or "an", as the word's sound begins (by its first letter: "an activation").
    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    /// An error surface's span: `path` (the default), or `u low,u high,v low,v high` as the pairs
    /// the library checks.
    static func span(_ text: String) throws -> [[Double]]? {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
        if trimmed == "path" { return nil }
        let numbers = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
            Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")))
        }
        guard numbers.count == 4, numbers.allSatisfy({ $0 != nil }) else {
            throw ValidationError(
                "\"\(text)\" is not a span; write u low,u high,v low,v high (e.g. -4,2,-3,3) or "
                    + "path.")
        }
        let values = numbers.compactMap { $0 }
        return [Array(values[0..<2]), Array(values[2..<4])]
    }

    /// Hidden layer sizes: `4`, `4,4`, or `none` (also `[]`) for the single perceptron.
    static func hidden(_ text: String) throws -> [Int] {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
        if ["", "none"].contains(trimmed) { return [] }
        if trimmed == "0" {
            throw ValidationError(
                "A hidden layer of 0 units is not a network; write --hidden none for the single "
                    + "perceptron.")
        }
        let sizes = trimmed.split(separator: ",").map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 != nil }) else {
            throw ValidationError(
                "\"\(text)\" is not a list of hidden layer sizes; write e.g. 4 or 8,8, or none.")
        }
        return sizes.compactMap { $0 }
    }

    /// `full` or a whole number of points.
    static func batchSize(_ text: String) throws -> BatchSize {
        if text == "full" { return .full }
        guard let n = Int(text) else {
            throw ValidationError("The batch size is \"full\" or a whole number; got \"\(text)\".")
        }
        return .size(n)
    }

    /// A snapshot schedule as the run file writes it.
    static func schedule(_ text: String) throws -> SnapshotSchedule {
        do {
            return try SnapshotSchedule(parsing: text)
        } catch let error as BackpropError {
            throw ValidationError(error.description)
        }
    }

    /// `x1min,x1max,x2min,x2max`.
    static func domain(_ text: String) throws -> [Double] {
        let numbers = text.split(separator: ",").map {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard numbers.count == 4, numbers.allSatisfy({ $0 != nil }) else {
            throw ValidationError(
                "The domain is four numbers x1min,x1max,x2min,x2max; got \"\(text)\".")
        }
        return numbers.compactMap { $0 }
    }

    /// `low,high`: two errors; the library checks their range
    /// (``RenderOptions/check(errorLow:high:)``).
    static func errorRange(_ text: String) throws -> [Double] {
        let numbers = text.split(separator: ",").map {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard numbers.count == 2, numbers.allSatisfy({ $0 != nil }) else {
            throw ValidationError(
                "The error range is two numbers low,high, such as 0,0.8; got \"\(text)\".")
        }
        return numbers.compactMap { $0 }
    }
}

/// How many threads draw figures.
struct JobsOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Figures drawn at once (default: the number of active cores); the files do not "
                + "depend on it.", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, !(1...256).contains(jobs) {
            throw ValidationError("--jobs must be between 1 and 256; got \(jobs).")
        }
    }

    /// The number of worker threads to use.
    var count: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// Figures to draw, where they go and how many are drawn at once: what `run` and `render` share.
struct DrawingOptions: ParsableArguments {
    @OptionGroup(title: "Figures")
    var render: RenderFlags

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup(title: "Output")
    var jobs: JobsOption
}

/// Where results go and what is said about them.
struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The output folder (default: Output/<name> in the current folder).",
            valueName: "dir"))
    var out: String?

    @Flag(help: "Print the manifest (every file written, and what it shows) as JSON on stdout.")
    var json = false

    @Flag(
        help: "Print nothing on stderr except errors and warnings: no progress bar, no summary.")
    var quiet = false

    func validate() throws {
        if out?.isEmpty == true { throw ValidationError("--out needs a folder.") }
    }

    /// The folder for a run called `name`.
    func folder(for name: String) -> (url: URL, display: String) {
        let display = out ?? "Output/\(name)"
        let url = URL(fileURLWithPath: display).standardizedFileURL
        return (url, display)
    }
}
