import Figures

/// Frame drawing against libpng encoding (written with issue 3).
func runFrameBenchmark() {
    print("frame benchmark: not yet written")
}
