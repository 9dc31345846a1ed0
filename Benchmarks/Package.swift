// swift-tools-version:6.0
import PackageDescription

/// Benchmark programs, kept out of the main package so `swift build` there never compiles them.
/// `xlsx-write-bench` converts a CSV to XLSX with `XLSXWriter` (see write_bench.sh).
let package = Package(
    name: "BudgetEvalBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "BudgetEval", path: "..")],
    targets: [
        .executableTarget(
            name: "xlsx-write-bench",
            dependencies: [
                .product(name: "XLSXFormat", package: "BudgetEval"),
                .product(name: "Spreadsheet", package: "BudgetEval"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
