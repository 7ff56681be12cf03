import Foundation

/// Where a panel sits in a figure: for the manifest (SPEC §8).
public struct PanelInfo: Sendable, Equatable, Codable {
    /// The panel's kind, written as `"hidden"`, `"output"`, `"error"`, ….
    public var kind: PanelKind
    /// Hidden panels: the hidden layer, counted from 1; nil otherwise.
    public var layer: Int?
    /// Hidden panels: the unit, counted from 1; nil otherwise.
    public var unit: Int?
    /// The plot area `[x, y, w, h]` in pixels from the figure's top-left corner.
    public var rect: [Double]
    /// The data range shown: `[[x1min, x1max], [x2min, x2max]]`, x1 left to right and x2 bottom
    /// to top; for the error panel `[[epoch0, epochN], [Elow, Ehigh]]`.
    public var domain: [[Double]]

    public init(kind: PanelKind, layer: Int?, unit: Int?, rect: [Double], domain: [[Double]]) {
        self.kind = kind
        self.layer = layer
        self.unit = unit
        self.rect = rect
        self.domain = domain
    }

    private enum CodingKeys: String, CodingKey { case kind, layer, unit, rect, domain }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(PanelKind.self, forKey: .kind)
        layer = try container.decodeIfPresent(Int.self, forKey: .layer)
        unit = try container.decodeIfPresent(Int.self, forKey: .unit)
        rect = try container.decode([Double].self, forKey: .rect)
        domain = try container.decode([[Double]].self, forKey: .domain)
    }

    /// Encodes every key, writing `null` for a missing layer or unit.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(layer, forKey: .layer)
        try container.encode(unit, forKey: .unit)
        try container.encode(rect, forKey: .rect)
        try container.encode(domain, forKey: .domain)
    }
}

/// One drawn figure: the whole file's bytes and where its panels are.
public struct RenderedFigure: Sendable {
    public var kind: FigureKind
    public var format: FileFormat
    public var width: Int
    public var height: Int
    /// The epoch of the snapshot drawn.
    public var epoch: Int
    /// The file: PNG through libpng, PDF and SVG through Cairo's stream surfaces.
    public var data: Data
    public var panels: [PanelInfo]

    public init(
        kind: FigureKind, format: FileFormat, width: Int, height: Int, epoch: Int, data: Data,
        panels: [PanelInfo]
    ) {
        self.kind = kind
        self.format = format
        self.width = width
        self.height = height
        self.epoch = epoch
        self.data = data
        self.panels = panels
    }
}
