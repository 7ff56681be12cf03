import Foundation

/// JSON as Errorest writes it: indented, keys sorted, slashes unescaped, and a newline at the
/// end, so the same value always gives the same bytes.
enum JSONText {
    /// The encoder every JSON file and listing of the command line uses.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as a whole JSON document ending in a newline.
    static func data(_ value: some Encodable) throws -> Data {
        var data = try encoder().encode(value)
        data.append(0x0A)
        return data
    }
}
