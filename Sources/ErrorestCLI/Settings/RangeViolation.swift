import Backprop
import Figures

/// A value the library refused as out of range, told where the user gave it.
///
/// The library owns every range rule and names the setting it refuses (``Setting``,
/// ``RenderSetting``); the setting's declaration (``SettingCatalog``) turns that name into the
/// run file's key or the command line's flag, so each rule is written once.
struct RangeViolation {
    /// The run file's key, as `data.count`.
    var key: String
    /// The flag, as `--count`.
    var flag: String
    /// The refused value as text.
    var value: String
    /// The rule it breaks, as a clause: "it must be between 4 and 1000000".
    var rule: String

    /// The violation an error reports, or `nil` for any other error.
    init?(_ error: any Error) {
        let name: LibraryName
        switch error {
        case BackpropError.outOfRange(let setting, let value, let rule):
            (name, self.value, self.rule) = (.backprop(setting), value, rule)
        case FiguresError.outOfRange(let setting, let value, let rule):
            (name, self.value, self.rule) = (.figures(setting), value, rule)
        default:
            return nil
        }
        guard let setting = SettingCatalog.setting(name) else { return nil }
        key = setting.key
        flag = setting.flag ?? setting.key
    }

    /// The problem as a run file states it: `"data.count" is 2; it must be …`.
    var keyProblem: String { "\"\(key)\" is \(value); \(rule)." }

    /// The problem as a flag states it: `--count is 2; it must be …`.
    var flagProblem: String { "\(flag) is \(value); \(rule)." }

    /// Runs `body` (the library's checks of flag values), naming the flag of a refused value.
    static func checkingFlags(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            guard let violation = RangeViolation(error) else { throw error }
            throw ErrorestError.badInput(violation.flagProblem)
        }
    }
}
