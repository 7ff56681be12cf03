import Backprop
import Foundation

/// The numbers a figure draws, as CSV for scripts to re-plot them: the file's name stem and its
/// bytes.
public struct FigureTable: Sendable, Equatable {
    /// The table's name in file names: `surface` (for the surface and the mountain alike) or
    /// `hiddenSpace`.
    public let name: String
    public let data: Data
}

/// What panels declared they need (``Panel/needs``), gathered for one snapshot: nothing more.
struct PanelData: Sendable {
    var landscape: LandscapeView?
    var hiddenSpace: HiddenSpace?
    var step: TrainingStep?

    /// The table of `need`'s numbers, when it has one and was gathered.
    ///
    /// Surfaces: `kind,epoch,u,v,height,error` rows, `grid` for every node (row by row from the
    /// bottom), `path` for each epoch walked so far (its recorded error beside the height under
    /// it), then `current` (W) and `next` (W′). Hidden space: `point,label,u,v,logit`, the output's
    /// boundary being `logit = 0`. Numbers are written so that they read back bit-identically.
    func table(_ need: PanelNeed, run: TrainingRun) -> FigureTable? {
        switch need {
        case .landscape:
            guard let view = landscape else { return nil }
            var text = "kind,epoch,u,v,height,error\n"
            let grid = view.surface.grid
            for (i, v) in grid.v.enumerated() {
                for (j, u) in grid.u.enumerated() {
                    text += "grid,,\(u),\(v),\(grid[row: i, column: j]),\n"
                }
            }
            for p in view.walked {
                text += "path,\(p.epoch),\(p.u),\(p.v),\(p.height),\(p.error)\n"
            }
            for (name, p) in [("current", view.current), ("next", view.next)] {
                text += "\(name),\(p.epoch),\(p.u),\(p.v),\(p.height),\(p.error)\n"
            }
            return FigureTable(name: "surface", data: Data(text.utf8))
        case .hiddenSpace:
            guard let space = hiddenSpace else { return nil }
            let (a, b, c) = space.boundary
            var text = "point,label,u,v,logit\n"
            for (p, label) in run.data.labels.enumerated() {
                let logit = a * space.u[p] + b * space.v[p] + c
                text += "\(p + 1),\(label),\(space.u[p]),\(space.v[p]),\(logit)\n"
            }
            return FigureTable(name: "hiddenSpace", data: Data(text.utf8))
        case .trajectory, .step:
            return nil
        }
    }
}

extension FigureRenderer {
    /// Gathers what `needs` names for the snapshot at `index`.
    func gather(_ needs: Set<PanelNeed>, snapshot index: Int) throws -> PanelData {
        var data = PanelData()
        if needs.contains(.landscape) {
            data.landscape = try derived {
                try landscapes.view(run: run, snapshot: index, options: options.surface)
            }
        }
        if needs.contains(.hiddenSpace) {
            let network = try derived { try run.network(at: run.snapshots[index]) }
            data.hiddenSpace = try derived { try HiddenSpace(network: network, data: run.data) }
        }
        if needs.contains(.step) {
            data.step = TrainingStep(run: run, snapshot: run.snapshots[index])
        }
        return data
    }

    /// The numbers figure `kind` of snapshot `index` draws, as CSV (``PanelData/table(_:run:)``);
    /// nil for a figure that writes none.
    ///
    /// A panel on its own writes the table of the data it needs (a surface or mountain, the
    /// landscape; hidden space, its points); a frame writes none.
    public func table(_ kind: FigureKind, snapshot index: Int) throws -> FigureTable? {
        let composition = kind.composition(options)
        let tabulated = PanelNeed.allCases.filter { composition.tables.contains($0) }
        guard let need = tabulated.first(where: { $0.hasTable }) else { return nil }
        guard run.snapshots.indices.contains(index) else {
            throw FiguresError.noSuchSnapshot(index: index, count: run.snapshots.count)
        }
        return try gather([need], snapshot: index).table(need, run: run)
    }
}

extension PanelNeed {
    /// True for the data whose numbers a figure can write beside it.
    var hasTable: Bool { self == .landscape || self == .hiddenSpace }
}
