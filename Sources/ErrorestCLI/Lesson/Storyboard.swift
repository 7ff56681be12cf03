import Backprop
import Figures
import Foundation

/// `storyboard.json`: the lesson's beats in order, the rule that chose each beat's point and
/// epoch, the step each claim is about, every number each caption uses and the files written
/// (see the "The lesson file" article).
struct Storyboard: Codable, Equatable {
    static let format = "errorest-lesson"
    static let version = 1

    /// One beat: its slide, its claim and the numbers the claim is made of.
    struct Entry: Codable, Equatable {
        /// From 1, the slide's and the PDF page's number.
        var number: Int
        var beat: String
        var title: String
        /// `perceptron` or `network`: whose run record (`runs`) the numbers come from.
        var part: String
        var figure: String
        var epoch: Int
        /// The focus point: its number in the data (from 1; absent for a visitor), coordinates
        /// and label.
        var focus: Focus?
        var rule: String
        var step: String
        var caption: String
        var numbers: [String: Double]
        /// The slide's PNG, when slides are written as PNG.
        var slide: String?
        /// The perceptron's dashed line W′ as the slide's figure drew it, when it draws one.
        var ghost: Ghost?
        /// The figures the handout prints for the beat, one under the other, when there is one.
        var handout: [String]?
    }

    /// The line `W′` a perceptron's output panel draws dashed: `[w1′, w2′, b′]` and the factor
    /// the wish was magnified by to draw it (1: where the point's own full step puts it).
    struct Ghost: Codable, Equatable {
        var line: [Double]
        var magnification: Double

        /// The ghost line of the output panel among `panels`, if it draws one.
        init?(_ panels: [PanelInfo]) {
            guard let panel = panels.first(where: { $0.kind == .output && $0.ghost != nil }),
                let line = panel.ghost, let focus = panel.focus
            else { return nil }
            self.line = line
            magnification = focus.magnification
        }
    }

    struct Focus: Codable, Equatable {
        var index: Int?
        var point: [Double]
        var label: Int
    }

    /// The course animation: the slides in order, each held for `holds[i]` frames.
    struct Animation: Codable, Equatable {
        /// `lesson.mp4`, `lesson.gif` or `lesson.png` (an animated PNG).
        var path: String
        /// `mp4`, `gif` or `apng`.
        var format: String
        /// Frames a second.
        var fps: Int
        /// The frames of the whole animation at `fps` (the video's frame count).
        var frames: Int
        /// The pictures in it: one per slide (the animated PNG's frames).
        var slides: Int
        /// Frames each slide stays on screen, in the beats' order; they add up to `frames`.
        var holds: [Int]
    }

    var format = Storyboard.format
    var version = Storyboard.version
    var name: String
    /// The run record of each part, by part.
    var runs: [String: String]
    var beats: [Entry]
    /// The other files: `slides.pdf`, `captions.txt`, … by what they are.
    var files: [String: String]
    /// The course animation, unless the lesson asks for none.
    var animation: Animation?

    /// The storyboard as JSON, keys sorted, so the same lesson gives the same bytes.
    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// `captions.txt`: each beat's number, title and caption, a blank line between beats.
    var captions: String {
        beats.map { "\($0.number). \($0.title)\n\($0.caption)\n" }.joined(separator: "\n")
    }
}
