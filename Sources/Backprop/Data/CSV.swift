import Foundation

extension Dataset {
    /// Reads `x1,x2,label` rows from a CSV file (the format `errorest datasets` writes).
    ///
    /// Errors name the file, the line and the problem.
    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BackpropError.fileMissing(url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BackpropError.badCSV(
                file: url.path, line: 1, problem: "the file is not UTF-8 text.")
        }
        try self.init(csv: text, source: url.path)
    }

    /// Parses `x1,x2,label` CSV text with labels 0 or 1.
    ///
    /// A header, `#` comments and blank lines are allowed; `source` names the text in messages.
    public init(csv text: String, source: String) throws {
        var points: [Point] = []
        var labels: [Int] = []
        var sawContent = false
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if fields.allSatisfy(\.isEmpty) { continue }
            let isFirst = !sawContent
            sawContent = true
            func fail(_ problem: String) -> BackpropError {
                .badCSV(file: source, line: lineNumber, problem: problem)
            }
            guard fields.count == 3 else {
                throw fail("expected 3 fields (x1,x2,label) but found \(fields.count).")
            }
            let numbers = fields.map { Double($0) }
            if isFirst && numbers.allSatisfy({ $0 == nil }) { continue }  // a header
            for (index, name) in ["x1", "x2", "label"].enumerated() {
                guard let value = numbers[index] else {
                    throw fail(
                        "\(name) is \"\(Dataset.shownField(fields[index]))\", which is not a number."
                    )
                }
                guard value.isFinite else {
                    throw fail(
                        "\(name) is \(Dataset.shownField(fields[index])); every value must be a finite number."
                    )
                }
            }
            guard let x1 = numbers[0], let x2 = numbers[1], let label = numbers[2],
                label == 0 || label == 1
            else {
                throw fail(
                    "the label is \(Dataset.shownField(fields[2])); labels are 0 (red) or 1 (blue)."
                )
            }
            points.append(Point(x1, x2))
            labels.append(label == 1 ? 1 : 0)
        }
        guard !points.isEmpty else {
            throw BackpropError.badData("\(source) has no data points.")
        }
        do {
            try self.init(points: points, labels: labels)
        } catch BackpropError.badData(let message) {
            throw BackpropError.badData("\(source): \(message)")
        }
    }

    /// The dataset as CSV text with a header, numbers written so they read back exactly.
    public var csv: String {
        var text = "x1,x2,label\n"
        for (p, label) in zip(points, labels) {
            text += "\(p.x1),\(p.x2),\(label)\n"
        }
        return text
    }
}

extension Dataset {
    /// A field as an error message shows it: at most 40 characters, then how long it is.
    static func shownField(_ field: String) -> String {
        field.count <= 40 ? field : "\(field.prefix(40))… (\(field.count) characters)"
    }
}
