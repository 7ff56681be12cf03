/// The built-in lesson, run by `errorest run` without a run file.
///
/// The same text is `Samples/lesson.yaml`; a test keeps the two identical.
enum BuiltInLesson {
    static let yaml = """
        # The built-in lesson: `errorest run` without a run file runs exactly this.
        #
        # Blue points sit above a V; no single line separates them from the red ones, but two
        # lines do. Each of the two sigmoid hidden units turns its line onto one edge of the V,
        # and the output unit combines the two linear models into the nonlinear one. Snapshots
        # are paced: each frame changes the picture by about as much as the one before.
        name: lesson
        data:
          generator: wedge
          count: 200
          noise: 0.05
          seed: 3
        network:
          hidden: [2]
          activation: sigmoid
          init: { seed: 31 }
        training:
          epochs: 2000
          learningRate: 2.0
          batchSize: full
          shuffle: false
          seed: 1
        snapshots: paced 60
        render:
          size: [1280, 720]
          figures: [frame]
          formats: [png]
          palette: lesson

        """
}
