extension DecodingError {
    /// The error as a sentence naming the key path, for a run record's reader.
    var sentence: String {
        func path(_ context: Context) -> String {
            let keys = context.codingPath.map {
                $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)"
            }
            return keys.isEmpty
                ? "the top level" : "\"" + keys.joined().drop(while: { $0 == "." }) + "\""
        }
        switch self {
        case .keyNotFound(let key, let context):
            let at = context.codingPath.isEmpty ? "" : " in \(path(context))"
            return "the key \"\(key.stringValue)\" is missing\(at)."
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context)) should be \(Self.describe(type))."
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "the file is not valid JSON."
                : context.debugDescription.hasPrefix("Cannot initialize")
                    ? context.codingPath.last?.stringValue == "activation"
                        ? "\(path(context)) is not one of "
                            + Activation.allCases.map(\.rawValue).joined(separator: ", ") + "."
                        : "\(path(context)) is not one of the values it may take."
                    : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "the record cannot be read."
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type, is UInt64.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default: return "a list or an object of the documented shape"
        }
    }
}
