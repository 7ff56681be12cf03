import Backprop
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
    }

    struct Focus: Codable, Equatable {
        var index: Int?
        var point: [Double]
        var label: Int
    }

    var format = Storyboard.format
    var version = Storyboard.version
    var name: String
    /// The run record of each part, by part.
    var runs: [String: String]
    var beats: [Entry]
    /// The other files: `slides.pdf`, `captions.txt`, … by what they are.
    var files: [String: String]

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
