import CommandLineSupport
import Foundation

/// What a training run uses: where to write, how long to train, how often
/// to evaluate, the seed and the data.
struct TrainingOptions {
  static let output = Option<FilePath>(
    name: "output", valueName: "directory",
    help:
      "Where to write stsb-dev_results.csv, stsb-test_results.csv and test-predictions.csv.")
  static let epochs = Option<Int>(
    name: "epochs", valueName: "count", help: "Passes over the training split.", default: 4,
    in: 1...)
  static let evaluationSteps = Option<Int>(
    name: "evaluation-steps", valueName: "count",
    help: "Evaluate on the development split every this many steps.", default: 60, in: 1...)
  static let seed = Option<UInt64>(name: "seed", help: "Seed of the shuffling.", default: 42)
  static let seeds = Option<Int>(
    name: "seeds", valueName: "count",
    help:
      "Train this many runs with seeds --seed, --seed + 1, ...; each run writes to <output>/seed-<seed>.",
    default: 1, in: 1...100)
  /// Greater than 0 (0 never learns, a negative rate climbs the loss) and
  /// at most 1000, below which the weights cannot overflow into NaN scores.
  static let learningRate = Option<Double>(
    name: "learning-rate", valueName: "rate", help: "The AdaGrad learning rate.", default: 0.2,
    defaultDescription: "0.2", rangeDescription: "greater than 0, at most 1000",
    expectation: "a number greater than 0 and at most 1000",
    convert: { Double(argument: $0).flatMap { $0 > 0 && $0 <= 1000 ? $0 : nil } })
  static let data = Option<FilePath?>(
    name: "data", valueName: "directory", help: "The folder with train.csv, dev.csv and test.csv.",
    default: .some(nil), defaultDescription: "the package's fixtures/stsb",
    expectation: FilePath.valueExpectation, convert: { FilePath(argument: $0).map { .some($0) } })

  /// The declarations, in help order.
  static let declarations: [any OptionDeclaration] = [
    output, epochs, evaluationSteps, seed, seeds, learningRate, data,
  ]

  /// The package's `fixtures/stsb`, found from this file's path.
  static let packageData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("fixtures/stsb")

  var output: URL
  var epochs = 4
  var evaluationSteps = 60
  var seed: UInt64 = 42
  var seeds = 1
  var learningRate = 0.2
  var data = Self.packageData

  /// Creates options with the defaults.
  ///
  /// - Parameter output: Where to write the logs and predictions.
  init(output: URL) {
    self.output = output
  }

  /// Reads the options from a parsed command line.
  ///
  /// - Parameter values: The parsed command line.
  init(_ values: ParsedValues) {
    output = URL(fileURLWithPath: values[Self.output].path)
    epochs = values[Self.epochs]
    evaluationSteps = values[Self.evaluationSteps]
    seed = values[Self.seed]
    seeds = values[Self.seeds]
    learningRate = values[Self.learningRate]
    data = values[Self.data].map { URL(fileURLWithPath: $0.path) } ?? Self.packageData
  }
}

/// A reason training cannot run.
enum TrainingError: Error, CustomStringConvertible {
  /// A data file does not exist.
  case missingData(String)
  /// A data file cannot be read or is malformed.
  case unreadableData(String, reason: String)
  /// Writing the predictions failed.
  case unwritableOutput(String, reason: String)

  var description: String {
    switch self {
    case .missingData(let path): "cannot read \(path): no such file"
    case .unreadableData(let path, let reason): "cannot read \(path): \(reason)"
    case .unwritableOutput(let path, let reason): "cannot write \(path): \(reason)"
    }
  }
}
