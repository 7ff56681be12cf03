import Backprop
import Figures
import Foundation

/// Frames with the mountain panel against PNG encoding: `Samples/mountain.yaml`'s run (the
/// lab's perceptron, 100 epochs, 25 frames at 1280×720, a 101×101 surface per snapshot).
///
/// Each round uses a fresh renderer, so every whole frame includes computing its snapshot's
/// surface once; then the same frame is drawn again (its surface cached) and encoded alone by
/// the PNG encoder. The fastest of three rounds counts; the bar is whole frame ≤ 2× the encode.
func runMountainFrameBenchmark() {
    do {
        let data = try Dataset(
            contentsOf: samplesFolder().appendingPathComponent("udacity-gradient-descent.csv"))
        var trainer = Trainer(
            network: try Network(
                layers: [Layer(weights: [[-0.5307647566300506, 0.9308051907683095]], biases: [0])]),
            data: data,
            options: TrainingOptions(epochs: 100, learningRate: 0.01, batchSize: .size(1)),
            schedule: .linear(25))
        trainer.recordsTrajectory = true
        let run = try trainer.train(name: "mountain")
        var options = RenderOptions()
        options.frameLandscape = .mountain
        var best = (whole: Double.infinity, draw: Double.infinity, encode: Double.infinity)
        for _ in 0..<3 {
            let renderer = try FigureRenderer(run: run, options: options)
            var round = (whole: 0.0, draw: 0.0, encode: 0.0)
            for k in run.snapshots.indices {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try renderer.render(.frame, snapshot: k, format: .png)
                let drawn = DispatchTime.now().uptimeNanoseconds
                let raster = try renderer.raster(.frame, snapshot: k)
                let encoding = DispatchTime.now().uptimeNanoseconds
                _ = try raster.encodePNG()
                let end = DispatchTime.now().uptimeNanoseconds
                round.whole += Double(drawn - start) / 1e9
                round.draw += Double(encoding - drawn) / 1e9
                round.encode += Double(end - encoding) / 1e9
            }
            best = (
                min(best.whole, round.whole), min(best.draw, round.draw),
                min(best.encode, round.encode)
            )
        }
        let n = Double(run.snapshots.count)
        print("Mountain frames: \(run.snapshots.count) of 1280×720, the lab's perceptron.")
        print(String(format: "whole PNG frame (with its surface)  %7.2f ms", best.whole / n * 1e3))
        print(String(format: "drawing only (surface cached)       %7.2f ms", best.draw / n * 1e3))
        print(String(format: "encode only                         %7.2f ms", best.encode / n * 1e3))
        print(
            String(
                format: "frame / encode                      %7.2f    (bar: ≤ 2)",
                best.whole / best.encode))
    } catch {
        fail("mountain frame", error)
    }
}
