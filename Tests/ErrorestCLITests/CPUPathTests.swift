import Foundation
import Testing

/// The same run gives the same bytes on x86-64 CPUs with different vector units.
///
/// libdeflate picks code by CPU (CPUID) for its checksums, and Cairo's pixman for compositing;
/// here `errorest` runs three times: under qemu emulating an x86-64 with SSE2 only (the baseline)
/// and a Haswell (AVX2), and on this machine's own CPU; every file must be the same.
@Suite struct CPUPathTests {
    static let qemu: String? = ["/usr/bin/qemu-x86_64", "/usr/bin/qemu-x86_64-static"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    #if arch(x86_64)
        static let x86 = true
    #else
        static let x86 = false
    #endif

    /// The x86-64 levels (x86-64-v2, -v3, -v4) glibc's loader finds supported, on the emulated
    /// `cpu` or (nil) on this machine.
    static func levels(_ h: Harness, cpu: String?) throws -> [String] {
        let loader = "/lib64/ld-linux-x86-64.so.2"
        let result =
            try cpu.map { try h.run(try #require(qemu), ["-cpu", $0, loader, "--help"]) }
            ?? h.run(loader, ["--help"])
        return result.stdoutText.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard let level = words.first, level.hasPrefix("x86-64-v"), line.contains("supported")
            else { return nil }
            return String(level)
        }
    }

    @Test(
        .enabled(
            if: x86 && (qemu != nil || Harness.inCI), "needs qemu-user (apt-get install qemu-user)")
    )
    func theSameRunGivesTheSameBytesWithSSE2OnlyWithAVX2AndOnThisCPU() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let qemu = try #require(Self.qemu)
        // The emulated CPUs are what they claim: the baseline, and x86-64-v3 without AVX-512.
        #expect(try Self.levels(h, cpu: "qemu64") == [])
        #expect(try Self.levels(h, cpu: "Haswell") == ["x86-64-v3", "x86-64-v2"])
        let binary = try #require(Harness.binary).path
        let lesson = Harness.samples.appendingPathComponent("lesson.yaml").path
        let arguments = [
            "run", lesson, "--size", "640x360", "--epochs", "300", "--snapshots", "0,300",
            "--format", "png,apng", "--quiet", "--out",
        ]
        let native = try h.run(binary, arguments + ["native"])
        #expect(native.status == 0, "\(native.stderr)")
        let files = try h.files(under: "native")
        #expect(files.keys.filter { $0.hasSuffix(".png") }.count == 3)
        for cpu in ["qemu64", "Haswell"] {
            let result = try h.run(qemu, ["-cpu", cpu, binary] + arguments + [cpu])
            #expect(result.status == 0, "\(cpu): \(result.stderr)")
            let emulated = try h.files(under: cpu)
            #expect(Set(emulated.keys) == Set(files.keys))
            let different = files.keys.filter { files[$0] != emulated[$0] }.sorted()
            #expect(different.isEmpty, "\(cpu): files that differ: \(different)")
        }
    }
}
