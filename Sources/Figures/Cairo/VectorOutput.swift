import Foundation

/// Makes Cairo's PDF and SVG output the same bytes for the same figure.
enum VectorOutput {
    /// Renumbers Cairo's SVG image and surface ids from 1, in order of first appearance.
    ///
    /// Cairo names them after a process-wide counter (`image24774`), so the same figure drawn
    /// twice would differ. Both `id="…"` attributes and `#…` references are renumbered (base64
    /// data holds neither `"` nor `#`).
    static func normalizedSVG(_ data: Data) -> Data {
        guard let text = String(data: data, encoding: .utf8),
            let pattern = try? NSRegularExpression(pattern: #"(id="|#)(image|surface)([0-9]+)"#)
        else { return data }
        let whole = NSRange(text.startIndex..., in: text)
        var numbers: [String: Int] = [:]
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var cursor = text.startIndex
        for match in pattern.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text),
                let lead = Range(match.range(at: 1), in: text),
                let kind = Range(match.range(at: 2), in: text),
                let number = Range(match.range(at: 3), in: text)
            else { continue }
            let key = text[kind] + ":" + text[number]
            let renumbered = numbers[String(key)] ?? (numbers.count + 1)
            numbers[String(key)] = renumbered
            out += text[cursor..<range.lowerBound]
            out += text[lead] + text[kind] + String(renumbered)
            cursor = range.upperBound
        }
        out += text[cursor...]
        return Data(out.utf8)
    }
}
