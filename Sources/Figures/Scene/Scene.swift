import Backprop

/// Everything the figures of one snapshot show: plain values, and the model evaluation they
/// are read from (the panels never evaluate the network themselves).
struct Scene: Sendable {
    let name: String
    let epoch: Int
    let epochs: Int
    let error: Double
    let accuracy: Double
    /// The snapshot's network, evaluated through Backprop.
    let net: ModelEvaluator
    let points: [Point]
    let labels: [Int]
    /// True for each point on the wrong side of `ŷ = 0.5`.
    let mistakes: [Bool]
    let domain: Domain
    let series: ErrorSeries
    let palette: Palette
    let options: RenderOptions
    let sprites: MarkerSprites
    /// The error panel's images that every snapshot shares.
    let backdrops: ErrorBackdrops

    init(
        run: TrainingRun, snapshot: Snapshot, derived: DerivedData, series: ErrorSeries,
        options: RenderOptions,
        sprites: MarkerSprites = MarkerSprites(), backdrops: ErrorBackdrops = ErrorBackdrops()
    ) {
        name = run.name
        epoch = snapshot.epoch
        epochs = run.training.epochs
        error = snapshot.error
        accuracy = snapshot.accuracy
        net = derived.model
        points = run.data.points
        labels = run.data.labels
        mistakes = derived.mistakes
        domain = run.domain
        self.series = series
        palette = Palette.named(options.palette)
        self.options = options
        self.sprites = sprites
        self.backdrops = backdrops
    }

    /// The domain's width over its height.
    var aspect: Double {
        (domain.x1.upperBound - domain.x1.lowerBound)
            / (domain.x2.upperBound - domain.x2.lowerBound)
    }

    /// Units per hidden layer.
    var hidden: [Int] { Array(net.sizes.dropFirst().dropLast()) }
}
