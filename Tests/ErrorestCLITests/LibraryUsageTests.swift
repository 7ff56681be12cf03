import Backprop
import Figures
import Foundation
import Testing

/// The example of the "Using the library from Swift" article, kept compiling and working
/// (smaller).
@Suite struct LibraryUsageTests {
    @Test func theReadmeExampleWorks() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let data = try Generator.xor.generate(count: 200, noise: 0.1, seed: 7)
        let network = try Network(hidden: [4], activation: .sigmoid, seed: 1)
        let trainer = Trainer(
            network: network, data: data,
            options: TrainingOptions(epochs: 200, learningRate: 2), schedule: .log(6))
        let run = try trainer.train(name: "xor")
        try run.jsonData().write(to: h.url("xor-run.json"))

        var options = RenderOptions()
        options.width = 64
        options.height = 36
        let renderer = try FigureRenderer(run: run, options: options)
        let frame = try renderer.render(.frame, snapshot: run.snapshots.count - 1, format: .png)
        try frame.data.write(to: h.url("xor-last.png"))

        #expect(frame.epoch == 200 && pngSize(frame.data).map { $0 == (64, 36) } == true)
        // What the library wrote, the command line draws.
        let drawn = try h.errorest(["render", "xor-run.json", "--size", "32x32", "--quiet"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        #expect(try h.files(under: "Output/xor/frames").count == run.snapshots.count)
    }
}
