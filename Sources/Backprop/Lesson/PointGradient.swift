extension Network {
    /// The gradient of one point's error `e` with respect to every weight and bias, in the shapes
    /// of ``layers``: the lesson's backward pass (``Lesson/backward(_:_:a:z:y:)``) at that point.
    ///
    /// Each point pulls the weights its own way; the mean of these gradients over a data set is
    /// the full-set gradient `∇E` that a full-batch step follows.
    public func gradient(at point: Point, label: Int) -> [Layer] {
        let (a, z) = Lesson.forward(layers, activation, at: point)
        return Lesson.backward(layers, activation, a: a, z: z, y: Double(label))
    }

    /// Every point's gradient (``gradient(at:label:)``), in the order of the data's points.
    public func pointGradients(on data: Dataset) -> [[Layer]] {
        zip(data.points, data.labels).map { gradient(at: $0, label: $1) }
    }
}
