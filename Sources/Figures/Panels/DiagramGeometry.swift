import Backprop

/// Where the diagram's nodes and edges go: one column per layer (inputs first, `ŷ` last), the
/// units of a column spread evenly down it, and a bias node under every column but the last.
struct DiagramGeometry {
    enum Role: Equatable {
        case input
        case bias
        case unit(ModelValue)
    }

    struct Node {
        let role: Role
        /// The column (0 is the inputs) and the row within it; a bias node's row is its column's
        /// unit count.
        let column: Int
        let row: Int
        let centre: PixelPoint
        let label: String

        var info: DiagramNodeInfo {
            let kind: String
            switch role {
            case .input: kind = "input"
            case .bias: kind = "bias"
            case .unit: kind = "unit"
            }
            return DiagramNodeInfo(
                kind: kind, column: column, row: row, centre: [centre.x, centre.y], label: label)
        }
    }

    struct Edge {
        /// Layer (from 0, the output last), the unit it feeds, and its input (`nil` for the
        /// bias).
        let layer: Int
        let unit: Int
        let input: Int?
        let from: PixelPoint
        let to: PixelPoint
        let weight: Double
        /// The change asked of the weight.
        let change: Double
        /// Where its mark sits: staggered along the edge so marks of one column do not meet.
        let markCentre: PixelPoint

        var info: DiagramEdgeInfo {
            DiagramEdgeInfo(
                layer: layer + 1, unit: unit + 1, input: input.map { $0 + 1 },
                from: [from.x, from.y], to: [to.x, to.y], weight: weight, change: change)
        }
    }

    let nodes: [Node]
    let edges: [Edge]
    /// The nodes' radius in pixels.
    let radius: Double
    /// The size of the nodes' labels: never under the figure's floor (``Style/textFloor``).
    let labelFont: Double
    /// The smallest mark's half-height: its ▲ is ``Style/glyphFloor`` across.
    let smallestMark: Double
    /// The largest `|w|` (the widest edge) and `|Δw|` (the largest mark).
    let widest: Double
    let largestChange: Double
    let scale: Double
    /// Layers of nodes, inputs included.
    let columns: Int

    init(layers: [Layer], wish: [Layer], in rect: Rect, style: Style) {
        let columns = layers.count + 1
        self.columns = columns
        let units = [Network.inputs] + layers.map(\.units)
        let slots = units.enumerated().map { $1 + ($0 < columns - 1 ? 1 : 0) }
        let tallest = Double(slots.max() ?? 1)
        let step = rect.height / tallest
        let gap = rect.width / Double(columns)
        let room = max(4, min(step * 0.36, gap * 0.22, 34 * style.scale + 6))
        labelFont = max(style.textFloor, min(style.tickFont, room * 0.9))
        // Room under each unit for its label, above the node below.
        radius = max(4, min(room, (step - 1.4 * labelFont) / 2))
        smallestMark = max(2.5, style.glyphFloor / 1.6)
        scale = style.scale
        func centre(_ column: Int, _ row: Int) -> PixelPoint {
            let x = rect.minX + gap * (Double(column) + 0.5)
            let y = rect.midY + (Double(row) - (Double(slots[column]) - 1) / 2) * step
            return PixelPoint(x, y)
        }
        var nodes: [Node] = []
        for column in 0..<columns {
            for row in 0..<units[column] {
                let role: Role
                let label: String
                if column == 0 {
                    (role, label) = (.input, row == 0 ? "x₁" : "x₂")
                } else if column == columns - 1 {
                    (role, label) = (.unit(.output), "ŷ")
                } else {
                    role = .unit(.unit(layer: column - 1, unit: row))
                    label = layers.count > 2 ? "\(column)·\(row + 1)" : "h\(row + 1)"
                }
                nodes.append(
                    Node(
                        role: role, column: column, row: row, centre: centre(column, row),
                        label: label))
            }
            if column < columns - 1 {
                nodes.append(
                    Node(
                        role: .bias, column: column, row: units[column],
                        centre: centre(column, units[column]), label: "1"))
            }
        }
        var edges: [Edge] = []
        for (l, layer) in layers.enumerated() {
            for j in 0..<layer.units {
                let to = centre(l + 1, j)
                for i in 0...layer.inputs {
                    let from = centre(l, i)
                    let t = 0.3 + 0.4 * Double(i + 1) / Double(layer.inputs + 2)
                    edges.append(
                        Edge(
                            layer: l, unit: j, input: i < layer.inputs ? i : nil, from: from,
                            to: to,
                            weight: i < layer.inputs ? layer.weights[j][i] : layer.biases[j],
                            change: i < layer.inputs
                                ? wish[l].weights[j][i] : wish[l].biases[j],
                            markCentre: PixelPoint(
                                from.x + t * (to.x - from.x), from.y + t * (to.y - from.y))))
                }
            }
        }
        self.nodes = nodes
        self.edges = edges
        widest = edges.map { abs($0.weight) }.max() ?? 0
        largestChange = edges.map { abs($0.change) }.max() ?? 0
    }

    /// An edge's width: from a hairline to the widest, in proportion to `|w|`.
    func width(of edge: Edge) -> Double {
        let top = max(2, min(radius * 0.5, 9 * scale))
        return widest > 0 ? max(0.4, top * abs(edge.weight) / widest) : 0.4
    }

    /// The half-height of an edge's mark, larger for a larger `|Δw|` (from the smallest mark
    /// that reads, ``smallestMark``, to twice that or more); 0 for changes too small to show
    /// (under a twentieth of the largest).
    func markSize(of edge: Edge) -> Double {
        guard largestChange > 0 else { return 0 }
        let relative = abs(edge.change) / largestChange
        guard relative >= 0.05 else { return 0 }
        let top = max(2 * smallestMark, min(radius * 0.4, 8 * scale + 2))
        return smallestMark + (top - smallestMark) * (relative - 0.05) / 0.95
    }
}
