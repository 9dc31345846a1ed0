// swift-tools-version:6.0
import PackageDescription

/// Language settings shared by every Swift target, declared once.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "BudgetEval",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "budgeteval", targets: ["budgeteval"]),
        .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
        .library(name: "CSVFormat", targets: ["CSVFormat"]),
        .library(name: "XLSXFormat", targets: ["XLSXFormat"]),
        .library(name: "FinanceModel", targets: ["FinanceModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"]), .brew(["libzip"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "Spreadsheet", swiftSettings: swiftSettings),
        .target(name: "CSVFormat", dependencies: ["Spreadsheet"], swiftSettings: swiftSettings),
        .target(
            name: "XLSXFormat",
            dependencies: ["Spreadsheet", "CLibXML2", "CLibZip", "CZlib"],
            swiftSettings: swiftSettings
        ),
        .target(name: "FinanceModel", swiftSettings: swiftSettings),
        .executableTarget(
            name: "budgeteval",
            dependencies: [
                "Spreadsheet", "CSVFormat", "XLSXFormat", "FinanceModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Spreadsheet"],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXFormat", "Spreadsheet", "TestSupport", "CLibZip"], swiftSettings: swiftSettings),
    ]
)
