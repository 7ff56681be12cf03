/// A look at a run file's text before YAML or JSON parsing, so that the parser's cost stays
/// bounded by the file's size.
///
/// Two things are refused here. Anchors and aliases (`&name`, `*name`): an alias repeats a
/// whole subtree, so a few hundred bytes of aliases of aliases stand for gigabytes; run files
/// are short enough to write every value out. And nesting beyond ``depthLimit`` levels: the
/// parser and the reader descend recursively, one stack frame a level. The scan over-counts
/// depth (an indented line counts its indentation as levels), so it only refuses what cannot
/// be a run file; the reader then checks the exact depth.
enum RunFileScan {
    /// The deepest nesting the reader accepts; a run file needs four.
    static let depthLimit = 64
    /// The scan's cheap upper bound on depth, well below what the parser's stack can take.
    static let scanLimit = 1_000

    static func check(_ text: String, file: String, format: String) throws {
        var flow = 0  // unclosed [ and {
        var quote: UInt8? = nil  // inside '…' or "…" (which may span lines)
        var blockIndent: Int? = nil  // inside a | or > block scalar indented more than this
        var line = 1
        let bytes = Array(text.utf8)
        var i = 0
        func fail(_ problem: String) -> RunFileError {
            RunFileError(file: file, line: line, problem: problem)
        }
        while i < bytes.count {
            // At the start of a line: indentation, block scalar content, then "- " and "? ".
            var indent = 0
            while i + indent < bytes.count && bytes[i + indent] == UInt8(ascii: " ") {
                indent += 1
            }
            let lineEnd = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let block = blockIndent, quote == nil {
                if indent > block || i + indent == lineEnd {
                    i = lineEnd + 1
                    line += 1
                    continue
                }
                blockIndent = nil
            }
            var markers = 0  // "- " and "? " opening nested nodes on this line
            var j = i + indent
            var nodeStart = quote == nil
            var lastSignificant: UInt8 = 0
            while j < lineEnd {
                let c = bytes[j]
                if let q = quote {
                    if c == UInt8(ascii: "\\") && q == UInt8(ascii: "\"") {
                        j += 2
                        continue
                    }
                    if c == q { quote = nil }
                    j += 1
                    continue
                }
                if nodeStart && (c == UInt8(ascii: "&") || c == UInt8(ascii: "*")) {
                    throw fail(
                        "\(format) anchors and aliases (&name, *name) are not read in run files; "
                            + "write the value out.")
                }
                let next = j + 1 < lineEnd ? bytes[j + 1] : UInt8(ascii: " ")
                let spaced = next == UInt8(ascii: " ") || next == 9
                switch c {
                case UInt8(ascii: "#")
                where j == i || bytes[j - 1] == UInt8(ascii: " ") || bytes[j - 1] == 9:
                    j = lineEnd
                    continue
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if nodeStart { quote = c }
                    nodeStart = false
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flow += 1
                    nodeStart = true
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flow = max(0, flow - 1)
                    nodeStart = false
                case UInt8(ascii: ","):
                    nodeStart = true
                case UInt8(ascii: ":") where spaced || flow > 0:
                    nodeStart = true
                case UInt8(ascii: "-"),
                    UInt8(ascii: "?") where spaced && nodeStart:
                    markers += 1
                case UInt8(ascii: " "), 9, 13:
                    break
                default:
                    nodeStart = false
                }
                if c != UInt8(ascii: " ") && c != 9 && c != 13 { lastSignificant = c }
                if indent + flow + markers > scanLimit {
                    throw fail(
                        "the \(format) nests deeper than \(depthLimit) levels; a run file needs "
                            + "four.")
                }
                j += 1
            }
            if quote == nil && flow == 0
                && (lastSignificant == UInt8(ascii: "|") || lastSignificant == UInt8(ascii: ">")
                    || isBlockIndicator(bytes[(i + indent)..<lineEnd]))
            {
                blockIndent = indent
            }
            i = lineEnd + 1
            line += 1
        }
    }

    /// True for a line ending in a block scalar's header with indicators, such as `key: |-2`.
    private static func isBlockIndicator(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = line.reversed().drop { $0 == UInt8(ascii: " ") || $0 == 13 }
        let header = trimmed.prefix { $0 != UInt8(ascii: " ") }
        guard let first = header.last, first == UInt8(ascii: "|") || first == UInt8(ascii: ">")
        else { return false }
        return header.dropLast().allSatisfy {
            $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+")
                || (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0)
        }
    }
}
