import Backprop
import Figures
import Foundation

/// A beat of the lesson: one slide, its figure and its caption's claim.
public enum Beat: String, CaseIterable, Sendable, Codable {
    case perceptron, wish, step, mountain, descent
    case kilimanjerror, feedforward, verdict
    case whichIsRight = "which-is-right"
    case listen
    case moveLines = "move-lines"
    case biases, result

    /// The part of the lesson the beat is about.
    var part: String {
        switch self {
        case .perceptron, .wish, .step, .mountain, .descent: return "perceptron"
        default: return "network"
        }
    }

    /// True for the beats told at the network's focus point and epoch.
    var followsNetworkFocus: Bool {
        [.feedforward, .verdict, .whichIsRight, .listen, .moveLines, .biases].contains(self)
    }

    /// The panels the handout prints for the beat's frame, 8 cm wide one under the other: the
    /// hidden units' panels too where the beat is about them; nil for the output panel alone.
    var handoutPanels: [FigureKind]? {
        switch self {
        case .feedforward, .moveLines: return [.panel(.hidden), .panel(.output)]
        default: return nil
        }
    }

    /// The slide's title.
    var title: String {
        switch self {
        case .perceptron: return "A perceptron and a point"
        case .wish: return "What does the point want?"
        case .step: return "One step of the point's own gradient"
        case .mountain: return "A step down Mt. Errorest"
        case .descent: return "Again and again, down the mountain"
        case .kilimanjerror: return "Mt. Kilimanjerror"
        case .feedforward: return "Feedforward"
        case .verdict: return "The model's verdict"
        case .whichIsRight: return "Which hidden model is right?"
        case .listen: return "Listen more to the right one"
        case .moveLines: return "The hidden lines move too"
        case .biases: return "And the biases"
        case .result: return "The result"
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
        case .descent, .result:
            return "The error at the last snapshot is below the error at the first."
        case .kilimanjerror:
            return "The network's training path, drawn over the plane of its two principal "
                + "directions through the last weights; the share of the path's variance that "
                + "plane explains and the largest gap between the drawn height and the true error "
                + "along the path are stated with it."
        default:
            return
                "The snapshot of the network and the focus point at which the point is misclassified, "
                + "one hidden unit classifies it right (its vote v_j·(h_j − g(0)) pushes toward "
                + "the point's label) and one wrong, and along both the small step "
                + "W + 0.01·(−η∇e) and the point's full step W − η∇e(W): the right unit's |v| "
                + "grows and the wrong one's shrinks, the wrong unit's line comes closer to the "
                + "point and the right one's moves away, neither crossing it. Of several right "
                + "(wrong) units, the one with the largest |vote|. Among the snapshots and points "
                + "that satisfy this (every point with focus auto): blue points (y = 1) before red "
                + "ones, then the largest smaller |vote| of the two units, the earliest on a tie."
        }
    }

    /// The step the beat's claim is about.
    var step: String {
        switch self {
        case .perceptron: return "none: the network W at the chosen epoch"
        case .wish: return "the wish −η∇e(W) of the focus point alone (its direction)"
        case .step: return "the full step W′ = W − η∇e(W) of the focus point alone"
        case .mountain: return "the full-batch training step W′ = W − η∇E(W)"
        case .descent, .result, .kilimanjerror:
            return "every training step from the first epoch to the last"
        case .feedforward, .verdict, .whichIsRight: return "none: the network W at the chosen epoch"
        case .listen, .moveLines, .biases:
            return "the full step W′ = W − η∇e(W) of the focus point alone (numbers); the claim's "
                + "direction holds along the small step W + 0.01·(−η∇e) too"
        }
    }
}
