/// A strict JSON reader (RFC 8259) for run files that keeps each node's line, as the YAML
/// reader does, so JSON mistakes are named by line too.
///
/// Stricter than Foundation's reader on purpose: a trailing comma or a key given twice is an
/// error, not a value silently dropped.
struct RunFileJSON {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1

    /// Parses a whole run file: one value, then nothing but whitespace.
    static func parse(_ bytes: [UInt8], file: String) throws -> RunFileNode {
        var parser = RunFileJSON(bytes: bytes, file: file)
        let root = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.fail("there is more after the end of the top-level value.")
        }
        return root
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func fail(_ problem: String) -> RunFileError {
        RunFileError(file: file, line: line, problem: "the JSON is malformed: " + problem)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
            if c == 0x0A { line += 1 }
            index += 1
        }
    }

    private mutating func expect(_ c: UInt8, _ what: String) throws {
        skipWhitespace()
        guard current == c else { throw fail("expected \(what).") }
        index += 1
    }

    private mutating func value() throws -> RunFileNode {
        skipWhitespace()
        let start = line
        guard let c = current else { throw fail("the file ends where a value should be.") }
        switch c {
        case UInt8(ascii: "{"): return RunFileNode(value: try object(), line: start)
        case UInt8(ascii: "["): return RunFileNode(value: try array(), line: start)
        case UInt8(ascii: "\""): return RunFileNode(value: .string(try string()), line: start)
        case UInt8(ascii: "t"):
            return RunFileNode(value: try word("true", .bool(true)), line: start)
        case UInt8(ascii: "f"):
            return RunFileNode(value: try word("false", .bool(false)), line: start)
        case UInt8(ascii: "n"): return RunFileNode(value: try word("null", .null), line: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return RunFileNode(value: try number(), line: start)
        default:
            throw fail("\"\(Character(Unicode.Scalar(c)))\" cannot start a value.")
        }
    }

    private mutating func object() throws -> RunFileNode.Value {
        index += 1  // {
        var entries: [RunFileNode.Entry] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .map([])
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw fail(
                    entries.isEmpty
                        ? "expected a key in double quotes." : "a comma before \"}\" is not JSON.")
            }
            let keyLine = line
            let key = try string()
            guard !entries.contains(where: { $0.key == key }) else {
                throw RunFileError(
                    file: file, line: keyLine, problem: "the key \"\(key)\" appears twice.")
            }
            try expect(UInt8(ascii: ":"), "\":\" after the key \"\(key)\"")
            entries.append(RunFileNode.Entry(key: key, line: keyLine, value: try value()))
            skipWhitespace()
            guard let c = current else { throw fail("the file ends inside an object.") }
            index += 1
            if c == UInt8(ascii: "}") { return .map(entries) }
            guard c == UInt8(ascii: ",") else { throw fail("expected \",\" or \"}\".") }
        }
    }

    private mutating func array() throws -> RunFileNode.Value {
        index += 1  // [
        var items: [RunFileNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .list([])
        }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") { throw fail("a comma before \"]\" is not JSON.") }
            items.append(try value())
            skipWhitespace()
            guard let c = current else { throw fail("the file ends inside a list.") }
            index += 1
            if c == UInt8(ascii: "]") { return .list(items) }
            guard c == UInt8(ascii: ",") else { throw fail("expected \",\" or \"]\".") }
        }
    }

    private mutating func word(_ text: String, _ result: RunFileNode.Value) throws
        -> RunFileNode.Value
    {
        let word = Array(text.utf8)
        guard index + word.count <= bytes.count, Array(bytes[index..<index + word.count]) == word
        else { throw fail("expected \(text).") }
        index += word.count
        return result
    }

    private mutating func number() throws -> RunFileNode.Value {
        let start = index
        func digits() -> Int {
            let first = index
            while let c = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) {
                index += 1
            }
            return index - first
        }
        if current == UInt8(ascii: "-") { index += 1 }
        let leadingZero = current == UInt8(ascii: "0")
        let whole = digits()
        guard whole > 0, !(leadingZero && whole > 1) else { throw fail("a number is malformed.") }
        var integral = true
        if current == UInt8(ascii: ".") {
            index += 1
            integral = false
            guard digits() > 0 else { throw fail("a number needs digits after its point.") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            integral = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw fail("a number needs digits in its exponent.") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if integral, let n = Int(text) { return .integer(n) }
        guard let x = Double(text) else { throw fail("the number \(text) cannot be read.") }
        return .number(x)
    }

    private mutating func string() throws -> String {
        index += 1  // "
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll(keepingCapacity: true)
        }
        while let c = current {
            index += 1
            switch c {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                scalars.append(try escape())
            case 0..<0x20:
                throw fail("a text value has a raw control character; write it escaped.")
            default:
                run.append(c)
            }
        }
        throw fail("the file ends inside a text value.")
    }

    private mutating func escape() throws -> Unicode.Scalar {
        guard let c = current else { throw fail("the file ends inside a text value.") }
        index += 1
        switch c {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code), bytes[index...].starts(with: Array("\\u".utf8)) {
                index += 2
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw fail("\\u escape \(String(code, radix: 16)) is not a character.")
            }
            return scalar
        default:
            throw fail("\"\\\(Character(Unicode.Scalar(c)))\" is not a JSON escape.")
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw fail("a \\u escape needs four hexadecimal digits.") }
        index += 4
        return code
    }
}
