// swift-tools-version:6.0
// libFuzzer targets for BudgetEval's readers and finance layers. A separate package, so the main `swift build` /
// `swift test` never compiles them; build and run with scripts/fuzz.sh (see README.md).
import Foundation
import PackageDescription

/// The main package, one folder up; its identity is that folder's name (the worktree may be called anything).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let main = root.lastPathComponent

let swiftSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "BudgetEvalFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzXLSXPackage",
            dependencies: ["FuzzSupport", .product(name: "XLSXFormat", package: main),
                           .product(name: "Spreadsheet", package: main)],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzXLSXParts",
            dependencies: ["FuzzSupport", .product(name: "XLSXFormat", package: main),
                           .product(name: "Spreadsheet", package: main)],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["FuzzSupport", .product(name: "CSVFormat", package: main),
                           .product(name: "Spreadsheet", package: main)],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzFinanceLayers",
            dependencies: ["FuzzSupport", .product(name: "FinanceFuzzing", package: main)],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzFinanceParsers",
            dependencies: ["FuzzSupport", .product(name: "FinanceModel", package: main)],
            swiftSettings: swiftSettings),
    ]
)
