import Foundation

/// A figure drawn into pixels and not yet encoded.
///
/// ``encodePNG()`` is exactly what ``FigureRenderer/render(_:snapshot:format:)`` does to make a
/// PNG, so a benchmark can time libpng alone on the same pixels and settings.
public struct RasterFigure {
    let surface: Surface
    public let panels: [PanelInfo]
    let texts: [(String, String)]
    /// The zlib level the PNG is written with.
    public let level: Int

    init(surface: Surface, panels: [PanelInfo], texts: [(String, String)], level: Int) {
        self.surface = surface
        self.panels = panels
        self.texts = texts
        self.level = level
    }

    public var width: Int { surface.width }
    public var height: Int { surface.height }

    /// Encodes the pixels through libpng with the figure's text chunks and compression level.
    public func encodePNG() throws -> Data {
        try PNGCodec.encode(surface, level: level, texts: texts)
    }
}
