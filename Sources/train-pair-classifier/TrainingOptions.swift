import Foundation

/// The command line of `train-pair-classifier`, parsed in
/// swift-argument-parser's conventions.
struct TrainingOptions {
  static let usage =
    "train-pair-classifier --output <directory> [--epochs <count>] [--evaluation-steps <count>] [--seed <seed>] [--data <directory>]"

  static let help = """
    OVERVIEW: Train a pure-Swift sentence-pair classifier on STS-B and evaluate it with F1Kit.

    Trains a logistic regression over word-overlap, hashed word and word-pair
    features on the training split, evaluates it on the development split
    every few steps (threshold tuned on the development split), keeps the best
    step, and scores the test split at the threshold frozen from development.

    USAGE: \(usage)

    OPTIONS:
      --output <directory>    Where to write stsb-dev_results.csv, stsb-test_results.csv
                              and test-predictions.csv.
      --epochs <count>        Passes over the training split. (default: 4)
      --evaluation-steps <count>
                              Evaluate on the development split every this many
                              steps. (default: 60)
      --seed <seed>           Seed of the shuffling. (default: 42)
      --data <directory>      The folder with train.csv, dev.csv and test.csv.
                              (default: the package's fixtures/stsb)
      -h, --help              Show help information.

    """

  /// What the command line asks for.
  enum Request {
    case help
    case train(TrainingOptions)
  }

  var output: URL
  var epochs = 4
  var evaluationSteps = 60
  var seed: UInt64 = 42
  var data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("fixtures/stsb")

  /// Parses arguments, without the program name.
  ///
  /// - Throws: ``TrainingError/usage(_:)`` for anything it cannot parse.
  static func parse(_ arguments: [String]) throws(TrainingError) -> Request {
    var values: [String: String] = [:]
    var remaining = arguments[...]
    let known = ["--output", "--epochs", "--evaluation-steps", "--seed", "--data"]
    while let argument = remaining.popFirst() {
      if argument == "-h" || argument == "--help" { return .help }
      let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
      let name = parts[0]
      guard known.contains(name) else {
        throw .usage(
          argument.hasPrefix("-") ? "Unknown option '\(name)'" : "Unexpected argument '\(argument)'"
        )
      }
      guard let value = parts.count == 2 ? parts[1] : remaining.popFirst() else {
        throw .usage(
          "Missing value for '\(name) <\(name == "--output" || name == "--data" ? "directory" : "count")>'"
        )
      }
      values[name] = value
    }
    guard let output = values["--output"], !output.isEmpty else {
      throw .usage("Missing expected argument '--output <directory>'")
    }
    var options = TrainingOptions(output: URL(fileURLWithPath: output))
    if let text = values["--epochs"] { options.epochs = try positive(text, for: "--epochs") }
    if let text = values["--evaluation-steps"] {
      options.evaluationSteps = try positive(text, for: "--evaluation-steps")
    }
    if let text = values["--seed"] {
      guard let seed = UInt64(text) else {
        throw .usage(
          "The value '\(text)' is invalid for '--seed <seed>': expected a whole number from 0")
      }
      options.seed = seed
    }
    if let data = values["--data"] { options.data = URL(fileURLWithPath: data) }
    return .train(options)
  }

  private static func positive(_ text: String, for name: String) throws(TrainingError) -> Int {
    guard let value = Int(text), value >= 1 else {
      throw .usage(
        "The value '\(text)' is invalid for '\(name) <count>': expected a whole number from 1")
    }
    return value
  }
}

/// A reason training cannot run.
enum TrainingError: Error, CustomStringConvertible {
  /// The command line is wrong; exit 64.
  case usage(String)
  /// A data file is missing or malformed.
  case unreadableData(String, reason: String)
  /// Writing the predictions failed.
  case unwritableOutput(String, reason: String)

  var description: String {
    switch self {
    case .usage(let message): message
    case .unreadableData(let path, let reason): "cannot read \(path): \(reason)"
    case .unwritableOutput(let path, let reason): "cannot write \(path): \(reason)"
    }
  }
}
