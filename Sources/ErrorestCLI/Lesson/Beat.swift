import Backprop
import Figures
import Foundation

/// A beat of the lesson: one slide, its figure and its caption's claim.
public enum Beat: String, CaseIterable, Sendable, Codable {
    case perceptron, wish, step, mountain, descent

    /// The part of the lesson the beat is about.
    var part: String { "perceptron" }

    /// The slide's title.
    var title: String {
        switch self {
        case .perceptron: return "A perceptron and a point"
        case .wish: return "What does the point want?"
        case .step: return "One step of the point's own gradient"
        case .mountain: return "A step down Mt. Errorest"
        case .descent: return "Again and again, down the mountain"
        }
    }

    /// The rule that picks the beat's point and epoch, as `storyboard.json` states it.
    var rule: String {
        switch self {
        case .perceptron, .wish, .step:
            return "The first snapshot at which the focus point is misclassified (ŷ on the wrong "
                + "side of 0.5) and its own full step W′ = W − η∇e(W) brings the line closer to it "
                + "without crossing it; with focus auto, among the points that satisfy this, the "
                + "one with the largest error e(W)."
        case .mountain:
            return "At the perceptron's chosen epoch, the full-batch training step W′ = W − η∇E(W) "
                + "lowers the error: E(W′) < E(W)."
        case .descent:
            return "The error at the last snapshot is below the error at the first."
        }
    }

    /// The step the beat's claim is about.
    var step: String {
        switch self {
        case .perceptron: return "none: the network W at the chosen epoch"
        case .wish: return "the wish −η∇e(W) of the focus point alone (its direction)"
        case .step: return "the full step W′ = W − η∇e(W) of the focus point alone"
        case .mountain: return "the full-batch training step W′ = W − η∇E(W)"
        case .descent: return "every training step from the first epoch to the last"
        }
    }
}
