import Backprop
import Figures
import Foundation

/// Everything that can stop a command, each with a one-line message and its sysexits exit code.
public enum ErrorestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command line itself is wrong (exit 64).
    case usage(String)
    /// A run file, data file or run record is unusable, or training diverged (exit 65).
    case badInput(String)
    /// An input file does not exist or cannot be read (exit 66).
    case inputMissing(String)
    /// A program Errorest needs is not installed, such as ffmpeg for MP4 and GIF (exit 69).
    case unavailable(String)
    /// The output folder cannot be made or written into (exit 73).
    case cannotCreateOutput(String)
    /// Writing a file failed part way (exit 74).
    case writeFailed(String)

    /// The sysexits code the process ends with.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .badInput: return 65
        case .inputMissing: return 66
        case .unavailable: return 69
        case .cannotCreateOutput: return 73
        case .writeFailed: return 74
        }
    }

    public var description: String {
        switch self {
        case .usage(let message), .badInput(let message), .inputMissing(let message),
            .unavailable(let message), .cannotCreateOutput(let message),
            .writeFailed(let message):
            return message
        }
    }

    /// True for the errors of Errorest's own modules, which ``init(_:context:)`` classifies.
    static func handles(_ error: any Error) -> Bool {
        error is ErrorestError || error is BackpropError || error is FiguresError
            || error is RunFileError
    }

    /// Classifies any error a command can meet.
    ///
    /// `context` (a file name, usually) is put in front of messages that do not name their source.
    public init(_ error: any Error, context: String? = nil) {
        func named(_ message: String) -> String {
            guard let context, !message.hasPrefix(context) else { return message }
            return "\(context): \(message)"
        }
        switch error {
        case let error as ErrorestError:
            self = error
        case let error as BackpropError:
            if case .fileMissing = error {
                self = .inputMissing(error.description)
            } else if case .badCSV = error {
                self = .badInput(error.description)
            } else {
                self = .badInput(named(error.description))
            }
        case let error as FiguresError:
            self =
                error.isUsageError
                ? .badInput(named(error.description)) : .writeFailed(named(error.description))
        case let error as RunFileError:
            self = .badInput(error.description)
        case EncodingError.invalidValue(let value, let context):
            let path = context.codingPath.map { key in
                key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
            }.joined().drop { $0 == "." }
            self = .badInput(
                named(
                    "\(value) at \"\(path)\" cannot be written as JSON: it is not a finite "
                        + "number."))
        default:
            self = .badInput(named(String(describing: error)))
        }
    }
}

/// A run file that cannot be read: the file, the line where known, and what is wrong.
public struct RunFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The run file as the user named it.
    public var file: String
    /// The 1-based line of the offending key or value, when it is known.
    public var line: Int?
    /// What is wrong, as a sentence.
    public var problem: String
    /// The file's further mistakes, in line order: a run file's mistakes are reported at once.
    public var more: [RunFileError] = []

    public init(file: String, line: Int?, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// Every mistake in one line, in line order.
    ///
    /// For example `f.yaml, line 3: A. Line 6: B.`
    public var description: String {
        let first = line.map { "\(file), line \($0): \(problem)" } ?? "\(file): \(problem)"
        let rest = more.map { mistake in
            mistake.line.map { "Line \($0): \(mistake.problem)" } ?? mistake.problem
        }
        return ([first] + rest).joined(separator: " ")
    }
}

/// The C library's message for `code`, such as "No such file or directory".
func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
}

/// The system's reason behind a Foundation file error, as ": No such file or directory", or "".
func systemReason(_ error: any Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error {
        return ": " + systemMessage(Int32((underlying as NSError).code))
    }
    return ns.domain == NSPOSIXErrorDomain ? ": " + systemMessage(Int32(ns.code)) : ""
}
