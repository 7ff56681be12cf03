import Backprop
import Testing

@testable import Figures

/// Issue 21, item 8: `render.hiddenLayout` arranges the hidden units' panels in a row per layer,
/// in a column, or (`auto`) in a column beside the error curve in a portrait frame.
@Suite struct HiddenLayoutTests {
    static func layout(
        _ w: Int, _ h: Int, kind: FigureKind = .frame, hidden: [Int] = [3],
        _ arrangement: HiddenLayout
    ) -> FigureLayout {
        let style = Style(width: w, height: h).withHiddenLayout(arrangement)
        return FigureLayout(kind, width: w, height: h, hidden: hidden, aspect: 1.2, style: style)
    }

    static func units(_ layout: FigureLayout) -> [Rect] {
        layout.panels.filter(\.isUnit).map(\.cell)
    }

    @Test func aPortraitFrameStacksItsUnitsBesideTheErrorCurve() throws {
        for (w, h) in [(720, 1280), (360, 640)] {
            let layout = Self.layout(w, h, .auto)
            let units = Self.units(layout)
            let error = try #require(layout.panels.first { $0.kind == .error }?.cell)
            #expect(units.count == 3)
            #expect(Set(units.map(\.x)).count == 1, "one column at \(w)×\(h): \(units)")
            #expect(zip(units, units.dropFirst()).allSatisfy { $0.maxY <= $1.y })
            #expect(units.allSatisfy { $0.maxX <= error.x }, "the error curve beside them")
            #expect(units.allSatisfy { $0.y >= error.y - 1 && $0.y < error.maxY })
            // Asked for rows, the portrait frame keeps its units side by side.
            let rows = Self.units(Self.layout(w, h, .row))
            #expect(Set(rows.map(\.y)).count == 1 && Set(rows.map(\.x)).count == 3)
        }
    }

    @Test func rowAndColumnHoldInEveryFigureThatShowsUnits() {
        for (w, h) in [(1280, 720), (720, 1280), (1000, 1000)] {
            for kind in [FigureKind.frame, .panel(.hidden)] {
                let rows = Self.units(Self.layout(w, h, kind: kind, hidden: [4, 2], .row))
                #expect(Set(rows.prefix(4).map(\.y)).count == 1, "\(kind) at \(w)×\(h): \(rows)")
                #expect(Set(rows.suffix(2).map(\.y)).count == 1)
                #expect(rows[0].y < rows[4].y, "a row per layer")
                let column = Self.units(Self.layout(w, h, kind: kind, hidden: [4, 2], .column))
                #expect(Set(column.map(\.x)).count == 1, "\(kind) at \(w)×\(h): \(column)")
                #expect(column.count == 6)
            }
        }
    }

    @Test func autoKeepsTheLandscapeFrameAsItWas() {
        let auto = Self.layout(1280, 720, hidden: [2], .auto)
        let best = FigureLayout(
            .frame, width: 1280, height: 720, hidden: [2], aspect: 1.2,
            style: Style(width: 1280, height: 720))
        #expect(auto == best)
    }
}
