import Backprop

/// Everything the figures of one snapshot show: plain values, and the model evaluation they
/// are read from (the panels never evaluate the network themselves).
struct Scene: Sendable {
    let name: String
    let epoch: Int
    /// How far along the step after `epoch` the weights are, for a snapshot part-way along one.
    let stepFraction: Double?
    /// The snapshot's place on the epoch axis (``Snapshot/time``).
    let time: Double
    /// `289`, or `4.35` part-way (``Snapshot/epochLabel``).
    let epochLabel: String
    let epochs: Int
    let error: Double
    let accuracy: Double
    /// The snapshot's network, evaluated through Backprop.
    let net: ModelEvaluator
    let points: [Point]
    let labels: [Int]
    /// True for each point on the wrong side of `ŷ = 0.5`.
    let mistakes: [Bool]
    /// Held-out points, drawn hollow: measured every epoch, never trained on.
    let testPoints: [Point]
    let testLabels: [Int]
    /// The held-out points' error at this epoch, when the run has them.
    let testError: Double?
    /// The snapshot's derived values: the focus point, its wish, the ghost network.
    let derived: DerivedData
    /// The snapshot's weights and biases.
    let layers: [Layer]
    let domain: Domain
    let series: ErrorSeries
    /// The held-out points' error curve, when the run has them.
    let testSeries: ErrorSeries?
    let palette: Palette
    let options: RenderOptions
    let sprites: MarkerSprites
    /// The error panel's images that every snapshot shares.
    let backdrops: ErrorBackdrops
    /// The error surface as this snapshot sees it, when a panel needs it.
    var landscape: LandscapeView?
    /// The points in the last hidden layer, when a panel needs them.
    var hiddenSpace: HiddenSpace?
    /// The network after one training step and its error, when a panel needs it.
    var step: TrainingStep?

    init(
        run: TrainingRun, snapshot: Snapshot, derived: DerivedData, series: ErrorSeries,
        testSeries: ErrorSeries? = nil, options: RenderOptions,
        sprites: MarkerSprites = MarkerSprites(), backdrops: ErrorBackdrops = ErrorBackdrops()
    ) {
        name = run.name
        epoch = snapshot.epoch
        stepFraction = snapshot.stepFraction
        time = snapshot.time
        epochLabel = snapshot.epochLabel
        epochs = run.training.epochs
        error = snapshot.error
        accuracy = snapshot.accuracy
        net = derived.model
        points = run.data.points
        labels = run.data.labels
        mistakes = derived.mistakes
        testPoints = run.test?.points ?? []
        testLabels = run.test?.labels ?? []
        testError =
            snapshot.stepFraction == nil ? run.testErrors?[snapshot.epoch] : snapshot.testError
        self.testSeries = testSeries
        self.derived = derived
        layers = snapshot.layers
        domain = run.domain
        self.series = series
        palette = Palette.named(options.palette)
        self.options = options
        self.sprites = sprites
        self.backdrops = backdrops
    }

    /// `1,234`, or `4.35` part-way along the step from epoch 4 to 5.
    var epochText: String { Ticks.grouped(epoch) + Snapshot.fractionDigits(stepFraction) }

    /// The domain's width over its height.
    var aspect: Double { domain.aspect }

    /// Units per hidden layer.
    var hidden: [Int] { Array(net.sizes.dropFirst().dropLast()) }
}
