import Backprop
import Foundation

extension FigureRenderer {
    /// The numbers a `surface`, `mountain` or `hiddenSpace` figure of snapshot `index` draws, as
    /// CSV for scripts to re-plot them; `nil` for other figures.
    ///
    /// Surfaces: `kind,epoch,u,v,height,error` rows, `grid` for every node (row by row from the
    /// bottom), `path` for each epoch walked so far (its recorded error beside the height under
    /// it), then `current` (W) and `next` (W′). Hidden space: `point,label,u,v,logit`, the output's
    /// boundary being `logit = 0`. Numbers are written so that they read back bit-identically.
    public func data(_ kind: FigureKind, snapshot index: Int) throws -> Data? {
        switch kind {
        case .surface, .mountain:
            let view = try derived {
                try landscapes.view(run: run, snapshot: index, options: options.surface)
            }
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
            return Data(text.utf8)
        case .hiddenSpace:
            let network = try derived { try run.network(at: run.snapshots[index]) }
            let space = try derived { try HiddenSpace(network: network, data: run.data) }
            let (a, b, c) = space.boundary
            var text = "point,label,u,v,logit\n"
            for (p, label) in run.data.labels.enumerated() {
                let logit = a * space.u[p] + b * space.v[p] + c
                text += "\(p + 1),\(label),\(space.u[p]),\(space.v[p]),\(logit)\n"
            }
            return Data(text.utf8)
        case .frame, .hidden, .output, .error, .diagram, .step:
            return nil
        }
    }
}
