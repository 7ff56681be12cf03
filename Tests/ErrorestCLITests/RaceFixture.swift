/// The tiny race every race test runs.
///
/// Xor's 40 points, one hidden layer of 3, η = 0.5, a snapshot every 10 epochs, drawn at
/// 160×120, and `tail` (a `sweep` block, a `figures` list) after it. The tests that name a
/// line count on it: `tail` starts at line 13.
enum RaceFixture {
    static func file(epochs: Int, tail: String = "") -> String {
        """
        name: tiny
        data:
          generator: xor
          count: 40
        network:
          hidden: [3]
        training:
          epochs: \(epochs)
          learningRate: 0.5
        snapshots: every 10
        render:
          size: [160, 120]
        \(tail)
        """
    }
}
