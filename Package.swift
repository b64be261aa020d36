// swift-tools-version:6.0
//===----------------------------------------------------------------------===//
//
// F1Kit: scikit-learn-exact classification metrics, bootstrap intervals,
// paired significance tests and reports for classifiers, in Swift.
//
//===----------------------------------------------------------------------===//

import PackageDescription

let package = Package(
  name: "F1Kit",
  // The oldest releases with every API used: String(validating:as:) (macOS 15,
  // iOS 18), ContinuousClock and Duration (macOS 13), String.replacing (13).
  platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
  products: [
    // MARK: - Public API
    .library(name: "F1Kit", targets: ["F1Kit"]),
    .library(name: "F1KitReading", targets: ["F1KitReading"]),
    .library(name: "F1KitStatistics", targets: ["F1KitStatistics"]),
    .library(name: "F1KitEvaluation", targets: ["F1KitEvaluation"]),
    .library(name: "F1KitAdvice", targets: ["F1KitAdvice"]),
    .library(name: "F1KitReport", targets: ["F1KitReport"]),
    .executable(name: "f1kit", targets: ["f1kit"]),
    .executable(name: "train-pair-classifier", targets: ["train-pair-classifier"]),
  ],
  targets: [
    // MARK: - Libraries
    .target(
      name: "F1Kit", dependencies: ["F1KitSupport"],
      linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
    .target(name: "F1KitReading", dependencies: ["F1Kit", "F1KitSupport"]),
    .target(name: "F1KitStatistics", dependencies: ["F1Kit", "F1KitReading", "F1KitSupport"]),
    .target(name: "F1KitEvaluation", dependencies: ["F1Kit", "F1KitSupport"]),
    .target(name: "F1KitAdvice", dependencies: ["F1Kit", "F1KitStatistics", "F1KitSupport"]),
    .target(
      name: "F1KitReport",
      dependencies: ["F1Kit", "F1KitReading", "F1KitStatistics", "F1KitAdvice", "F1KitSupport"]
    ),

    // MARK: - Internal support (no product: `package` access only)
    .target(name: "F1KitSupport"),

    // MARK: - Internal
    .target(name: "CommandLineSupport", dependencies: ["F1KitSupport"]),

    // MARK: - Command-line tool
    .executableTarget(
      name: "f1kit",
      dependencies: [
        "CommandLineSupport", "F1Kit", "F1KitReading", "F1KitStatistics", "F1KitEvaluation",
        "F1KitAdvice", "F1KitReport", "F1KitSupport",
      ]
    ),

    // MARK: - Examples
    .executableTarget(
      name: "train-pair-classifier",
      dependencies: ["CommandLineSupport", "F1Kit", "F1KitEvaluation", "F1KitSupport"]),

    // MARK: - Benchmarks
    .executableTarget(
      name: "results-log-benchmark", dependencies: ["F1KitEvaluation"],
      path: "Benchmarks/ResultsLogBenchmark"),

    // MARK: - Unit test bundles
    .target(name: "_TestSupport", dependencies: ["F1Kit"], path: "Tests/_TestSupport"),
    .executableTarget(
      name: "write-probe", dependencies: ["F1KitEvaluation", "F1KitSupport"],
      path: "Tests/WriteProbe"),
    .testTarget(
      name: "F1KitSupportTests",
      dependencies: ["F1KitSupport", "write-probe", "_TestSupport"]),
    .testTarget(name: "F1KitTests", dependencies: ["F1Kit", "_TestSupport"]),
    .testTarget(name: "F1KitReadingTests", dependencies: ["F1KitReading", "_TestSupport"]),
    .testTarget(name: "F1KitStatisticsTests", dependencies: ["F1KitStatistics", "_TestSupport"]),
    .testTarget(
      name: "F1KitEvaluationTests",
      dependencies: ["F1KitEvaluation", "F1KitSupport", "write-probe", "_TestSupport"]),
    .testTarget(
      name: "F1KitAdviceTests", dependencies: ["F1KitAdvice", "F1KitReading", "_TestSupport"]),
    .testTarget(
      name: "F1KitReportTests", dependencies: ["F1KitReport", "F1KitAdvice", "_TestSupport"]),
    .testTarget(name: "CommandLineSupportTests", dependencies: ["CommandLineSupport"]),
    .testTarget(
      name: "F1KitCLITests",
      dependencies: ["f1kit", "train-pair-classifier", "F1KitSupport", "_TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
