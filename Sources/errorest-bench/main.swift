// Release benchmarks. Run from the package folder, beside ../shared:
//   swift build -c release && .build/release/errorest-bench [training|frames|peer|all]
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first ?? "all" {
case "training": runTrainingBenchmark()
case "frames": runFrameBenchmark()
case "peer": runPeerBenchmark()
case "pacing": runPacingBenchmark()
case "animation": runAnimationBenchmark()
case "pacing-detail" where arguments.count > 1: runPacingDetail(arguments[1])
case "train-memory":
    runTrainingMemory(epochs: arguments.count > 1 ? Int(arguments[1]) ?? 1000 : 1000)
case "all":
    runTrainingBenchmark()
    runFrameBenchmark()
    runPeerBenchmark()
    runPacingBenchmark()
    runAnimationBenchmark()
default:
    print("usage: errorest-bench [training|frames|peer|pacing|animation|all]")
}
