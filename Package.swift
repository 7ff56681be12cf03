// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Errorest",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Backprop", targets: ["Backprop"]),
        .library(name: "Figures", targets: ["Figures"]),
        .library(name: "ErrorestCLI", targets: ["ErrorestCLI"]),
        .executable(name: "errorest", targets: ["errorest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `swift package generate-documentation` builds the articles on the file formats.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // ffmpeg, run for the MP4 and GIF animations.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // Pure Swift maths: datasets, the network, backpropagation, the run record.
        .target(name: "Backprop"),

        // C: Cairo (system library); PNG files written through libdeflate (system library: one
        // zlib stream of scanlines, the same bytes on every x86-64 CPU) and read through libpng.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .target(
            name: "CPNG",
            dependencies: ["CDeflate"],
            linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("z")]
        ),

        // C: starts ffmpeg and ffprobe with Linux's parent-death signal (no Swift API sets it),
        // so a killed errorest leaves no program running.
        .target(name: "CSpawn"),

        // Cairo drawing of snapshots: panels, frames, PNG/PDF/SVG writers.
        .target(name: "Figures", dependencies: ["Backprop", "CCairo", "CPNG"]),

        // Commands, run files, output folder and manifest.
        .target(
            name: "ErrorestCLI",
            dependencies: [
                "Backprop", "Figures", "CSpawn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            // The built-in run and lesson: links to Samples/lesson.yaml and
            // Samples/lessons/backpropagation.yaml, compiled in.
            resources: [
                .embedInCode("RunFile/lesson.yaml"), .embedInCode("Lesson/backpropagation.yaml"),
            ]
        ),
        .executableTarget(name: "errorest", dependencies: ["ErrorestCLI"]),

        // The PNG writers `errorest-bench png` compares (ISA-L too where libisal-dev is installed).
        .target(
            name: "CPNGCandidates",
            dependencies: ["CDeflate"],
            linkerSettings: [
                .linkedLibrary("png16"), .linkedLibrary("z"), .linkedLibrary("dl"),
            ]
        ),

        // Release benchmarks: `swift run -c release errorest-bench`.
        .executableTarget(
            name: "errorest-bench",
            dependencies: [
                "Backprop", "Figures", "ErrorestCLI", "CPNGCandidates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "BackpropTests", dependencies: ["Backprop"]),
        .testTarget(
            name: "FiguresTests", dependencies: ["Figures", "Backprop"],
            exclude: ["Golden"]  // reference images, read from the source tree
        ),
        .testTarget(
            name: "ErrorestCLITests",
            dependencies: ["ErrorestCLI", "Backprop", "Figures"]
        ),
    ]
)
