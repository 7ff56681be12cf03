import Backprop
import Foundation
import Testing

@testable import Figures

/// The figures a network has, as ``FigureKind/drawn(hidden:)`` names them.
///
/// What `errorest-bench frames --gallery` draws of each of its networks: each kind it names
/// renders, and each kind it leaves out is one the renderer refuses with a message. The gallery
/// drew every kind and stopped at the perceptron's hidden space.
@Suite struct DrawnKindsTests {
    @Test(arguments: [[], [1], [2], [3, 1], [2, 3]])
    func everyKindNamedRendersAndEveryOtherIsRefused(hidden: [Int]) throws {
        let run = try Fixtures.run(
            .gauss, hidden: hidden, epochs: 30, learningRate: 0.5, count: 20, name: "kinds")
        let renderer = try FigureRenderer(run: run, options: RenderOptions(width: 160, height: 90))
        let drawn = FigureKind.drawn(hidden: hidden)
        for kind in FigureKind.allCases {
            if drawn.contains(kind) {
                let figure = try renderer.render(kind, snapshot: 1, format: .png)
                #expect(try PNGCodec.decode(figure.data).width > 0, "\(hidden): \(kind)")
            } else {
                let error = #expect(throws: (any Error).self, "\(hidden): \(kind)") {
                    try renderer.render(kind, snapshot: 1, format: .png)
                }
                #expect("\(error.map { $0 } as Any)".contains("at least 2 units"), "\(kind)")
            }
        }
        // Only the hidden space is ever left out, and only where fewer than two units are last.
        let left = Set(FigureKind.allCases).subtracting(drawn)
        #expect(left.count == ((hidden.last ?? 0) < 2 ? 1 : 0), "\(left)")
    }
}
