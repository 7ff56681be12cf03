/// Which figure to draw: the composite frame, or one kind of panel on a page of its own.
///
/// The raw value is the figure's name in run files, flags, file names and the manifest: `frame`,
/// or the panel kind's own (`hidden`, `output`, `error`, `surface`, `mountain`, `hiddenSpace`,
/// `diagram`, `step`). A new ``PanelKind`` is a new figure with nothing added here.
public enum FigureKind: Hashable, Sendable {
    /// The composite: header, hidden units, output and error curve, and the landscape and
    /// diagram panels where the options ask for them.
    case frame
    /// One panel filling the page (the hidden units of every layer in a grid).
    case panel(PanelKind)
}

extension FigureKind: RawRepresentable, CaseIterable, Codable {
    /// `frame`, then every panel kind in ``PanelKind``'s order.
    public static var allCases: [FigureKind] { [.frame] + PanelKind.allCases.map { .panel($0) } }

    public init?(rawValue: String) {
        if rawValue == "frame" {
            self = .frame
        } else if let kind = PanelKind(rawValue: rawValue) {
            self = .panel(kind)
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .frame: return "frame"
        case .panel(let kind): return kind.rawValue
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let kind = FigureKind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(name)\" is not a figure kind.")
        }
        self = kind
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension FigureKind {
    /// The figures a network with hidden layers of `hidden` units has: every kind but the
    /// hidden space when its last hidden layer has fewer than two units (a perceptron has
    /// none), whose points the hidden space would place.
    public static func drawn(hidden: [Int]) -> [FigureKind] {
        allCases.filter { $0 != .panel(.hiddenSpace) || (hidden.last ?? 0) >= 2 }
    }
}

extension FigureKind: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The figure's name, as in run files and file names.
    public var description: String { rawValue }

    /// `Figures.FigureKind.output`: the figure named as one case, as when each figure was a case
    /// of its own (a sweep's content hash, made with `dump`, stays the same).
    public var debugDescription: String { String(reflecting: FigureKind.self) + "." + rawValue }

    /// One value without parts, as `dump` showed it when each figure was a case of its own.
    public var customMirror: Mirror { Mirror(self, children: []) }
}
