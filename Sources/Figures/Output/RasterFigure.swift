import Foundation

/// A figure drawn into pixels and not yet encoded.
///
/// ``encodePNG()`` is exactly what ``FigureRenderer/render(_:snapshot:format:)`` does to make a
/// PNG, so a benchmark can time the encoding alone on the same pixels and settings.
package struct RasterFigure {
    let surface: Surface
    package let panels: [PanelInfo]
    let metadata: FigureMetadata
    let encoder: PNGEncoder

    init(surface: Surface, panels: [PanelInfo], metadata: FigureMetadata, encoder: PNGEncoder) {
        self.surface = surface
        self.panels = panels
        self.metadata = metadata
        self.encoder = encoder
    }

    /// The PNG compression level the PNG is written with.
    package var level: Int { encoder.level }

    package var width: Int { surface.width }
    package var height: Int { surface.height }

    /// Encodes the pixels as a PNG with the figure's text chunks and compression level.
    package func encodePNG() throws -> Data {
        try encoder.encode(surface, metadata: metadata)
    }
}
