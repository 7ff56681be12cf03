import Backprop
import Figures
import Foundation
import Testing

@testable import ErrorestCLI

/// Reading run files: defaults, YAML and JSON alike, and a message naming the line and key for
/// every mistake.
@Suite struct RunFileTests {
    static let folder = URL(fileURLWithPath: "/samples/here")

    static func yaml(_ text: String) throws -> RunFile {
        try RunFile(
            data: Data(text.utf8), isJSON: false, file: "test.yaml", folder: folder,
            defaultName: "test")
    }

    static func json(_ text: String) throws -> RunFile {
        try RunFile(
            data: Data(text.utf8), isJSON: true, file: "test.json", folder: folder,
            defaultName: "test")
    }

    /// The error a run file's text raises.
    static func problem(_ text: String, json: Bool = false) -> RunFileError? {
        do {
            _ = try json ? Self.json(text) : yaml(text)
            return nil
        } catch {
            return error as? RunFileError
        }
    }

    @Test func emptyFilesAreValidAndTakeEveryDefault() throws {
        var expected = RunFile()
        expected.name = "test"
        #expect(try Self.yaml("") == expected)
        #expect(try Self.yaml("{}") == expected)
        #expect(try Self.json("{}") == expected)
        #expect(expected.effectiveHidden == [2])
        #expect(expected.snapshots == .paced(60))
        #expect(expected.render.options.width == 1280 && expected.render.options.height == 720)
    }

    @Test func yamlAndJSONWithTheSameKeysGiveTheSameRun() throws {
        let yaml = try Self.yaml(
            """
            name: both
            data: { generator: xor, count: 50, noise: 0.2, seed: 3 }
            network:
              hidden: [4, 3]
              activation: tanh
              init: { seed: 9 }
            training: { epochs: 10, learningRate: 0.5, batchSize: 8, shuffle: true, seed: 4 }
            snapshots: every 5
            render:
              size: [320, 200]
              figures: [frame, error]
              formats: [png, svg]
              palette: colorblind
              domain: [[-2, 2], [-1, 1]]
              pngCompression: 9
              hiddenLinesOnOutput: false
              logScaleError: true
              equations: true
            """)
        let json = try Self.json(
            """
            {"name": "both", "data": {"generator": "xor", "count": 50, "noise": 0.2, "seed": 3},
             "network": {"hidden": [4, 3], "activation": "tanh", "init": {"seed": 9}},
             "training": {"epochs": 10, "learningRate": 0.5, "batchSize": 8, "shuffle": true,
                          "seed": 4},
             "snapshots": "every 5",
             "render": {"size": [320, 200], "figures": ["frame", "error"],
                        "formats": ["png", "svg"], "palette": "colorblind",
                        "domain": [[-2, 2], [-1, 1]], "pngCompression": 9,
                        "hiddenLinesOnOutput": false, "logScaleError": true, "equations": true}}
            """)
        #expect(yaml == json)
        #expect(yaml.data == .generator(.xor, count: 50, noise: 0.2, seed: 3))
        #expect(yaml.hidden == [4, 3] && yaml.activation == .tanh)
        #expect(yaml.initialization == .seed(9))
        #expect(
            yaml.training
                == TrainingOptions(
                    epochs: 10, learningRate: 0.5, batchSize: .size(8), shuffle: true, seed: 4))
        #expect(
            yaml.render.figures == [.frame, .panel(.error)] && yaml.render.formats == [.png, .svg])
        #expect(yaml.render.options.palette == .colorblind && yaml.render.options.equations)
        #expect(yaml.domain == Domain(x1: -2...2, x2: -1...1))
    }

    @Test func explicitLayersSetTheHiddenShape() throws {
        let run = try Self.yaml(
            """
            network:
              hidden: []
              init:
                layers:
                  - weights: [[-0.5307647566300506, 0.9308051907683095]]
                    biases: [0]
            """)
        #expect(run.effectiveHidden == [])
        let network = try run.network()
        #expect(network.layers[0].weights[0] == [-0.5307647566300506, 0.9308051907683095])
        let mismatch = try Self.yaml(
            "network: {hidden: [3], init: {layers: [{weights: [[1, 2]], biases: [0]}]}}")
        #expect(throws: BackpropError.self) { try mismatch.network() }
    }

    @Test func relativeDataFilesResolveAgainstTheRunFilesFolder() throws {
        let run = try Self.yaml("data: {file: points/set.csv}")
        guard case .file(let url, _) = run.data else {
            Issue.record("expected a file source")
            return
        }
        #expect(url.path == "/samples/here/points/set.csv")
        let absolute = try Self.yaml("data: {file: /data/set.csv}")
        #expect(
            absolute.data == .file(URL(fileURLWithPath: "/data/set.csv"), display: "/data/set.csv"))
    }

    @Test func unknownKeysAreNamedWithTheirLine() throws {
        let error = try #require(Self.problem("name: a\ntraining:\n  epochs: 5\n  epoch: 3\n"))
        #expect(error.line == 4)
        #expect(error.problem.contains("unknown key \"epoch\" in \"training\""))
        #expect(error.description.hasPrefix("test.yaml, line 4: "))
        let top = try #require(Self.problem("nmae: a\n"))
        #expect(top.line == 1 && top.problem.contains("\"nmae\""))
        let json = try #require(
            Self.problem("{\n  \"render\": {\n    \"colour\": 1\n  }\n}", json: true))
        #expect(json.line == 3 && json.problem.contains("\"colour\" in \"render\""))
    }

    @Test(arguments: [
        ("training:\n  epochs: many\n", 2, "\"training.epochs\" should be a whole number"),
        ("training:\n  epochs: -1\n", 2, "\"training.epochs\" is -1"),
        ("training:\n  learningRate: .nan\n", 2, "must be a finite number"),
        ("training:\n  learningRate: 0\n", 2, "must be above 0"),
        ("training:\n  shuffle: 1\n", 2, "should be true or false"),
        ("training:\n  batchSize: half\n", 2, "\"full\" or a whole number"),
        ("data:\n  generator: blob\n", 2, "one of: wedge, xor"),
        ("data:\n  count: 2\n", 2, "\"data.count\" is 2"),
        ("data:\n  file: a.csv\n  count: 5\n", 3, "belongs to a generator"),
        ("network:\n  hidden: [2, 0]\n", 2, "\"network.hidden\" is 0"),
        ("network:\n  activation: softmax\n", 2, "sigmoid, tanh, relu"),
        ("network:\n  init: {seed: 1, layers: []}\n", 2, "either \"seed\" or \"layers\""),
        ("render:\n  size: [0, 720]\n", 2, "each side must be 16 to 16384"),
        ("render:\n  size: [99999, 720]\n", 2, "each side must be 16 to 16384"),
        ("render:\n  figures: [frame, movie]\n", 2, "frame, hidden, output, error"),
        ("render:\n  formats: []\n", 2, "at least one of png, pdf, svg"),
        ("render:\n  domain: [[1, -1], [0, 1]]\n", 2, "min below max"),
        ("snapshots: often\n", 1, "every N"),
        ("name: ../up\n", 1, "letters, digits"),
        ("training: [1, 2]\n", 1, "should be a mapping"),
        ("training:\n  epochs: [1\n", 3, "the YAML is malformed"),
        ("name: a\n  bad: indent\n", 2, "the YAML is malformed"),
        ("name: a\nname: b\n", 1, "appears twice"),
    ])
    func everyMistakeNamesItsLineAndKey(text: String, line: Int, message: String) throws {
        let error = try #require(Self.problem(text), "no error for \(text)")
        #expect(error.line == line, "\(error)")
        #expect(error.problem.contains(message), "\(error)")
    }

    @Test func malformedJSONIsReported() throws {
        let error = try #require(Self.problem("{\"name\": \"a\"", json: true))
        #expect(error.problem.hasPrefix("the JSON is malformed"))
        let cases: [(String, Int, String)] = [
            ("{\"name\": \"a\",\n \"name\": \"b\"}", 1, "the key \"name\" appears twice."),
            ("{name: \"a\"}", 1, "the JSON is malformed: the key name must be in double quotes."),
            ("{\"name\": 'a'}", 1, "the JSON is malformed: text must be in double quotes."),
            (
                "{\"training\": {\"epochs\": 05}}", 1,
                "the JSON is malformed: 05 is not a JSON value; text must be in double quotes."
            ),
            (
                "{\"a\": yes}", 1,
                "the JSON is malformed: yes is not a JSON value; text must be in double quotes."
            ),
            (
                "{}\n{}", 2,
                "the JSON is malformed: did not find expected <document start>."
            ),
            (
                "{\"name\": \"a\\q\"}", 1,
                "the JSON is malformed: found unknown escape character (while parsing a quoted scalar)."
            ),
            (
                "{\"training\": {\"epochs\": 5}", 2,
                "the JSON is malformed: did not find expected ',' or '}' (while parsing a flow mapping)."
            ),
            ("\nname: a\n", 2, "the JSON is malformed: a run file is an object in { and }."),
            ("", 1, "the JSON is malformed: the file is empty."),
            ("{\"a\": &x 1, \"b\": *x}", 1, "JSON anchors and aliases (&name, *name) are not read"),
        ]
        for (text, line, message) in cases {
            let problem = try #require(Self.problem(text, json: true), "accepted \(text)")
            #expect(problem.line == line, "\(text)")
            #expect(problem.problem.hasPrefix(message), "\(problem.problem)")
        }
        // A trailing comma is accepted, as YAML's flow style allows.
        #expect(try Self.json("{\"name\": \"a\",\n}").name == "a")
        #expect(try Self.json("{\"snapshots\": [0, 5,\n]}").snapshots == .list([0, 5]))
        let escaped = try Self.json(
            #"{"data": {"file": "d\u00e9j\u00e0-\ud83d\ude00.csv"}, "training": {"learningRate": 1e-2}}"#
        )
        guard case .file(_, let display) = escaped.data else {
            Issue.record("no data file")
            return
        }
        #expect(display.hasSuffix("déjà-😀.csv") && escaped.training.learningRate == 0.01)
        let type = try #require(Self.problem("{\"training\": {\"epochs\": \"5\"}}", json: true))
        #expect(type.problem.contains("\"training.epochs\" should be a whole number"))
    }

    @Test func theNameDefaultsToTheFileName() {
        #expect(RunName.fromFile(URL(fileURLWithPath: "/x/spiral.yaml")) == "spiral")
        #expect(RunName.fromFile(URL(fileURLWithPath: "/x/my run.yaml")) == "run")
        #expect(!RunName.isValid("..") && !RunName.isValid("a/b") && RunName.isValid("lr-0.5"))
    }

    @Test func theBuiltInLessonIsSamplesLessonYAML() throws {
        let sample = try String(
            contentsOf: Harness.samples.appendingPathComponent("lesson.yaml"), encoding: .utf8)
        #expect(BuiltInLesson.yaml == sample)
        let lesson = try Self.yaml(BuiltInLesson.yaml)
        #expect(lesson.name == "lesson")
        #expect(lesson.data == .generator(.wedge, count: 200, noise: 0.05, seed: 3))
        #expect(lesson.effectiveHidden == [2] && lesson.activation == .sigmoid)
        #expect(lesson.snapshots == .paced(60))
        #expect(lesson.render.options.width == 1280 && lesson.render.options.height == 720)
    }
}
