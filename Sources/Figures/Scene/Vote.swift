import Backprop

extension Scene {
    /// The shading the units of hidden layer `layer` show: their vote when the options ask for
    /// it and they feed `ŷ` directly (the last hidden layer), else their activation.
    func shading(layer: Int) -> HiddenShading {
        options.hiddenShading == .vote && layer == hidden.count - 1 ? .vote : .activation
    }

    /// The weight `v` from unit `unit` of the last hidden layer to the output.
    func outgoingWeight(unit: Int) -> Double {
        net.parameters.weight(layer: net.hiddenLayers, unit: 0, input: unit)
    }

    /// How `target`'s `z` becomes a shade in this scene: a unit's vote `sign(v)·z` where
    /// ``shading(layer:)`` says so, else its activation (or `ŷ`).
    func mapping(_ target: ModelValue, reluScale: Double) -> ShadeMapping {
        var votingWeight: Double?
        if case .unit(let layer, let unit) = target, shading(layer: layer) == .vote {
            votingWeight = outgoingWeight(unit: unit)
        }
        return ShadeMapping.of(
            target, activation: net.activation, reluScale: reluScale, votingWeight: votingWeight)
    }
}
