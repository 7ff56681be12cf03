import Backprop

/// Epochs per second of full-batch training (written with issue 2).
func runTrainingBenchmark() {
    print("training benchmark: not yet written")
}
