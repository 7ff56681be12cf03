/// A dataset as flat arrays of doubles, as the kernel reads it.
struct TrainingData {
    let x1: [Double]
    let x2: [Double]
    let labels: [Double]
    /// The points as they came, for the reference engine.
    let dataset: Dataset

    init(_ dataset: Dataset) {
        x1 = dataset.points.map(\.x1)
        x2 = dataset.points.map(\.x2)
        labels = dataset.labels.map(Double.init)
        self.dataset = dataset
    }
}
