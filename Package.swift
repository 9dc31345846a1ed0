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
        // For the libFuzzer target FuzzFinanceLayers in Fuzz/ (a separate package); not an API.
        .library(name: "FinanceFuzzing", targets: ["FinanceFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `budgeteval serve` only (the Server module): HTTP/1.1 on SwiftNIO, async/await routes, in-process testing.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
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
        .target(name: "FinanceModel", exclude: ["Data"], swiftSettings: swiftSettings),
        .target(
            name: "Recognition", dependencies: ["Spreadsheet", "FinanceModel"], exclude: ["Data"],
            swiftSettings: swiftSettings
        ),
        .target(name: "Reconciliation", dependencies: ["FinanceModel"], swiftSettings: swiftSettings),
        .target(
            name: "EvaluationForms",
            dependencies: ["FinanceModel", "Reconciliation", "Spreadsheet"],
            exclude: ["Data"],
            swiftSettings: swiftSettings
        ),
        .target(name: "ReportCheck", dependencies: ["FinanceModel", "Reconciliation"], swiftSettings: swiftSettings),
        .target(
            name: "Pipeline",
            dependencies: [
                "Spreadsheet", "CSVFormat", "XLSXFormat", "FinanceModel", "Recognition", "Reconciliation",
                "EvaluationForms", "ReportCheck",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Server",
            // `budgeteval serve`: the page and its JSON API, one more view of Pipeline; each job in a child process.
            dependencies: [
                "Pipeline",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            exclude: ["Data"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "budgeteval",
            // Argument parsing only: every command is one call into Pipeline or Server (ExecutableImportsTests keeps it so).
            dependencies: [
                "Pipeline",
                "Server",
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
        .target(
            name: "FinanceFuzzing",
            dependencies: [
                "Spreadsheet", "FinanceModel", "Recognition", "Reconciliation", "EvaluationForms", "ReportCheck",
                "XLSXFormat",
            ],
            path: "Tests/FinanceFuzzing",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FinanceLayersTests",
            dependencies: [
                "FinanceFuzzing", "Recognition", "Reconciliation", "EvaluationForms", "FinanceModel", "Spreadsheet",
                "CSVFormat", "XLSXFormat",
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "FinanceModelTests", dependencies: ["FinanceModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "EmbeddedDataTests", dependencies: ["FinanceModel", "Recognition", "EvaluationForms", "Server", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CSVFormatTests",
            dependencies: ["CSVFormat", "Spreadsheet", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "XLSXFormatTests",
            dependencies: ["XLSXFormat", "Spreadsheet", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EvaluationFormsTests",
            dependencies: ["EvaluationForms", "FinanceModel", "Spreadsheet", "TestSupport"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormsPipelineTests",
            dependencies: ["Pipeline", "EvaluationForms", "FinanceModel", "Spreadsheet", "TestSupport"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HostileTests",
            dependencies: ["XLSXFormat", "CSVFormat", "FinanceModel", "Spreadsheet", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FaultTests",
            dependencies: ["XLSXFormat", "CSVFormat", "Spreadsheet", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BatchTests",
            dependencies: ["Pipeline", "TestSupport", "FinanceModel", "Spreadsheet", "XLSXFormat"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "budgetevalTests", dependencies: ["TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Pipeline", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReconciliationTests", dependencies: ["Reconciliation", "FinanceModel", "TestSupport"], exclude: ["Snapshots"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RecognitionTests",
            dependencies: ["Recognition", "FinanceModel", "Spreadsheet", "TestSupport", "Pipeline"],
            exclude: ["Snapshots"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReconcilePipelineTests",
            dependencies: ["Pipeline", "Reconciliation", "FinanceModel", "Spreadsheet", "TestSupport"],
            exclude: ["Snapshots"], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReportCheckTests",
            dependencies: ["ReportCheck", "FinanceModel", "Pipeline", "XLSXFormat", "CSVFormat", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXFormat", "Spreadsheet", "TestSupport", "CLibZip"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RoundTripTests",
            dependencies: ["XLSXFormat", "CSVFormat", "Pipeline", "Spreadsheet", "TestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
