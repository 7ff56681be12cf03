import Backprop
import Foundation

/// Where a panel sits in a figure: for the manifest.
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
    /// The focus point, where the panel marks it.
    public var focus: FocusInfo?
    /// Hidden panels of the first layer and the perceptron's output: the focus point's wish for
    /// the line's `[Δw₁, Δw₂, Δb]`, and the ghost line drawn, `[w₁′, w₂′, b′]` (magnified).
    public var wish: [Double]?
    public var ghost: [Double]?
    /// Hidden panels, when the options name a shading: `activation` or `vote`, the shading
    /// shown (absent: the activation).
    public var shading: HiddenShading?
    /// The diagram's nodes and edges.
    public var nodes: [DiagramNodeInfo]?
    public var edges: [DiagramEdgeInfo]?
    /// The step figure: the network `W′` after one training step, and `E(W′)`.
    public var after: [Layer]?
    public var errorAfter: Double?
    /// Hidden panels whose line (or curve) is outside the view: the marker on the border.
    public var offView: OffViewInfo?
    /// First-layer hidden panels with `render.equations`: the equation written under the plot.
    public var equation: EquationInfo?
    /// Last-layer hidden panels with a focus point: the unit's weight to the output, the change
    /// the point asks of it, and the ▲ or ▼ its title shows.
    public var outputWeight: OutputWeightInfo?
    /// Surface and mountain panels: the colour bar of `E`, and `W` and `W′` with their errors.
    public var landscape: LandscapeScaleInfo?
    /// Mountain panels: where the camera stands, and whether it shows the ball and the path's
    /// last stretch.
    public var camera: MountainCameraInfo?

    public init(kind: PanelKind, layer: Int?, unit: Int?, rect: [Double], domain: [[Double]]) {
        self.kind = kind
        self.layer = layer
        self.unit = unit
        self.rect = rect
        self.domain = domain
    }

    private enum CodingKeys: String, CodingKey {
        case kind, layer, unit, rect, domain, focus, wish, ghost, shading, nodes, edges, after
        case errorAfter, offView, equation, outputWeight, landscape, camera
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(PanelKind.self, forKey: .kind)
        layer = try container.decodeIfPresent(Int.self, forKey: .layer)
        unit = try container.decodeIfPresent(Int.self, forKey: .unit)
        rect = try container.decode([Double].self, forKey: .rect)
        domain = try container.decode([[Double]].self, forKey: .domain)
        focus = try container.decodeIfPresent(FocusInfo.self, forKey: .focus)
        wish = try container.decodeIfPresent([Double].self, forKey: .wish)
        ghost = try container.decodeIfPresent([Double].self, forKey: .ghost)
        shading = try container.decodeIfPresent(HiddenShading.self, forKey: .shading)
        nodes = try container.decodeIfPresent([DiagramNodeInfo].self, forKey: .nodes)
        edges = try container.decodeIfPresent([DiagramEdgeInfo].self, forKey: .edges)
        after = try container.decodeIfPresent([Layer].self, forKey: .after)
        errorAfter = try container.decodeIfPresent(Double.self, forKey: .errorAfter)
        offView = try container.decodeIfPresent(OffViewInfo.self, forKey: .offView)
        equation = try container.decodeIfPresent(EquationInfo.self, forKey: .equation)
        outputWeight = try container.decodeIfPresent(
            OutputWeightInfo.self, forKey: .outputWeight)
        landscape = try container.decodeIfPresent(LandscapeScaleInfo.self, forKey: .landscape)
        camera = try container.decodeIfPresent(MountainCameraInfo.self, forKey: .camera)
    }

    /// Encodes every key, writing `null` for a missing layer or unit.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(layer, forKey: .layer)
        try container.encode(unit, forKey: .unit)
        try container.encode(rect, forKey: .rect)
        try container.encode(domain, forKey: .domain)
        try container.encodeIfPresent(focus, forKey: .focus)
        try container.encodeIfPresent(wish, forKey: .wish)
        try container.encodeIfPresent(ghost, forKey: .ghost)
        try container.encodeIfPresent(shading, forKey: .shading)
        try container.encodeIfPresent(nodes, forKey: .nodes)
        try container.encodeIfPresent(edges, forKey: .edges)
        try container.encodeIfPresent(after, forKey: .after)
        try container.encodeIfPresent(errorAfter, forKey: .errorAfter)
        try container.encodeIfPresent(offView, forKey: .offView)
        try container.encodeIfPresent(equation, forKey: .equation)
        try container.encodeIfPresent(outputWeight, forKey: .outputWeight)
        try container.encodeIfPresent(landscape, forKey: .landscape)
        try container.encodeIfPresent(camera, forKey: .camera)
    }
}

/// A hidden line's equation as written under its plot.
public struct EquationInfo: Sendable, Equatable, Codable {
    /// `−1.52·x₁ − 9.33·x₂ + 4.49 = 0`.
    public var text: String
    /// Its text size, the same for every unit of a figure.
    public var fontSize: Double
}

/// The focus point as a panel shows it.
public struct FocusInfo: Sendable, Equatable, Codable {
    /// Its index in the data, from 1; `null` for a visitor, a point that is not in the data.
    public var index: Int?
    public var point: [Double]
    public var label: Int
    /// `ŷ` and the point's error `e` at the snapshot.
    public var output: Double
    public var error: Double
    /// Where it is drawn, in pixels; nil where the panel has no plane.
    public var pixel: [Double]?
    /// The factor its wish is drawn magnified by.
    public var magnification: Double
}

/// A node of the network diagram.
public struct DiagramNodeInfo: Sendable, Equatable, Codable {
    /// `"input"`, `"bias"` or `"unit"` (the output is the unit of the last column).
    public var kind: String
    public var column: Int
    public var row: Int
    public var centre: [Double]
    public var label: String
}

/// An edge of the network diagram: one weight or bias.
public struct DiagramEdgeInfo: Sendable, Equatable, Codable {
    /// The layer (from 1; the output is the last), the unit it feeds (from 1) and its input
    /// (from 1; nil for the bias).
    public var layer: Int
    public var unit: Int
    public var input: Int?
    public var from: [Double]
    public var to: [Double]
    public var weight: Double
    /// The change asked of it: the focus point's wish or the batch's step, `−η ∂E/∂w`.
    public var change: Double
    /// The ▲ or ▼ drawn on the edge for ``change``; absent when the change is too small to draw
    /// (under a twentieth of the largest).
    public var marker: MarkerInfo?
}

/// One drawn figure: the whole file's bytes and where its panels are.
public struct RenderedFigure: Sendable {
    public var kind: FigureKind
    public var format: FileFormat
    public var width: Int
    public var height: Int
    /// The epoch of the snapshot drawn.
    public var epoch: Int
    /// How far along the step after `epoch` the snapshot's weights are, for one part-way.
    public var stepFraction: Double?
    /// The file: PNG through ``PNGCodec``, PDF and SVG through Cairo's stream surfaces.
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
