import Backprop
import Foundation

extension ErrorTrend {
    /// What the terminal says of a run whose error ended above its start, such as "E ended at
    /// 2.414, above its start 0.6231" (four significant digits), or nil for any other run.
    ///
    /// `errorest run`'s warning and a race's summary line say it in these same words. Training
    /// that *diverged* (stopped on a weight or error no longer finite) is another thing, and
    /// is never called this.
    var endedAboveWords: String? {
        guard endedAbove else { return nil }
        return "E ended at \(Self.number(last)), above its start \(Self.number(start))"
    }

    /// A number as the terminal writes it (an error, a learning rate): four significant digits.
    static func number(_ x: Double) -> String {
        String(format: "%.4g", x)
    }
}
