// Release benchmarks. Run: swift run -c release errorest-bench [training|frames|all]
let which = CommandLine.arguments.dropFirst().first ?? "all"
switch which {
case "training": runTrainingBenchmark()
case "frames": runFrameBenchmark()
case "all":
    runTrainingBenchmark()
    runFrameBenchmark()
default:
    print("usage: errorest-bench [training|frames|all]")
}
