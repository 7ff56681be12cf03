import Foundation

/// Finds the number that made a run record fail to decode, for a message that names it.
///
/// Foundation's decoder reports a number that does not fit its field (a seed of -1, an epoch of
/// 0.5 or 2^64, a label of 0.5) as "not valid JSON"; this walks the parsed JSON instead and names
/// the first whole-number field that holds something else.
enum RecordNumbers {
    /// Fields that hold whole numbers, and the smallest value each allows.
    private static let wholeFields: [String: Double] = [
        "seed": 0, "epoch": 0, "epochs": 0, "labels": -Double(Int.max), "units": -Double(Int.max),
        "version": -Double(Int.max), "batchSize": -Double(Int.max), "hidden": -Double(Int.max),
        "inputs": -Double(Int.max),
    ]

    /// A sentence naming the first misfit number in `data`, or `nil` if there is none (or the
    /// bytes are not JSON at all).
    static func problem(in data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) else { return nil }
        return problem(object, path: "", field: nil)
    }

    private static func problem(_ value: Any, path: String, field: String?) -> String? {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let next = path.isEmpty ? key : "\(path).\(key)"
                if let found = problem(object[key]!, path: next, field: key) { return found }
            }
        case let list as [Any]:
            for (index, item) in list.enumerated() {
                if let found = problem(item, path: "\(path)[\(index)]", field: field) {
                    return found
                }
            }
        case let number as NSNumber where !(value is Bool):
            guard let field, let least = wholeFields[field] else { return nil }
            let x = number.doubleValue
            let upper = field == "seed" ? 18_446_744_073_709_551_615.0 : Double(Int.max)
            if x != x.rounded() || x < least || x > upper {
                let range =
                    field == "seed"
                    ? "from 0 to 2^64-1" : least == 0 ? "from 0 to 2^63-1" : "within ±2^63"
                return "\"\(path)\" is \(number); it must be a whole number \(range)."
            }
        default:
            break
        }
        return nil
    }
}
