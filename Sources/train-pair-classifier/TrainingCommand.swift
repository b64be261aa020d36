import CommandLineSupport
import F1Kit
import F1KitEvaluation
import Foundation

/// `train-pair-classifier`: trains the example classifier and evaluates it
/// with F1Kit while it trains.
struct TrainingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "train-pair-classifier",
    abstract: "Train a pure-Swift sentence-pair classifier on STS-B and evaluate it with F1Kit.",
    discussion: """
      Trains a logistic regression over word-overlap, hashed word and word-pair \
      features on the training split, evaluates it on the development split \
      every few steps (threshold tuned on the development split), keeps the best \
      step, and scores the test split at the threshold frozen from development.
      """,
    options: TrainingOptions.declarations)

  var options: TrainingOptions

  init(parsing values: ParsedValues) {
    options = TrainingOptions(values)
  }

  func run() throws(CommandFailure) -> CommandOutput {
    try Self.checkOutputFolder(options.output)
    let seeds = (0..<UInt64(options.seeds)).map { options.seed &+ $0 }
    if let warning = Self.earlierRunWarning(
      in: options.output, seeds: options.seeds > 1 ? seeds : nil)
    {
      Console.writeError(warning)
    }
    guard options.seeds > 1 else { return CommandOutput(try Self.train(options).summary) }
    var text = ""
    for offset in 0..<options.seeds {
      var run = options
      run.seed = options.seed &+ UInt64(offset)
      run.output = options.output.appendingPathComponent("seed-\(run.seed)")
      do {
        try FileManager.default.createDirectory(at: run.output, withIntermediateDirectories: true)
      } catch {
        throw .cannotCreate("cannot create \(run.output.path): \(error.localizedDescription)")
      }
      let (summary, outcome) = try Self.train(run)
      text += summary + "\n"
      // Standard output is written whole at the end; a line per finished
      // run on standard error shows progress through a long --seeds.
      Console.writeError(
        "seed \(run.seed) done (run \(offset + 1) of \(options.seeds)): test binary F1 "
          + String(format: "%.4f", outcome.test.primaryValue) + ", wrote \(run.output.path)\n")
    }
    return CommandOutput(text)
  }

  /// Refuses, before any training, an `--output` that is a file or lies
  /// under one, which would otherwise fail only at the first results log
  /// write (or, with `--seeds`, with Foundation's bare error number).
  ///
  /// - Parameter output: The `--output` folder.
  /// - Throws: ``CommandFailure`` with status 73 naming the file in the way.
  static func checkOutputFolder(_ output: URL) throws(CommandFailure) {
    var ancestor = output.standardizedFileURL
    var isFolder: ObjCBool = false
    while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
      let parent = ancestor.deletingLastPathComponent()
      guard parent.path != ancestor.path else { return }
      ancestor = parent
    }
    guard !isFolder.boolValue else { return }
    throw .cannotCreate(
      ancestor == output.standardizedFileURL
        ? "cannot write to \(output.path): it is a file; expected a folder"
        : "cannot create the folder \(output.path): \(ancestor.path) is a file")
  }

  /// The warning for an output folder that already holds an earlier run's
  /// files: this run appends its rows to that run's results logs, and with
  /// `--seeds` the earlier run's other `seed-*` folders stay beside this
  /// run's, where a `seed-*` pattern given to `f1kit compare` picks them up
  /// as if they were runs of this configuration.
  ///
  /// - Parameters:
  ///   - output: The `--output` folder.
  ///   - seeds: This run's seeds with `--seeds`, or `nil` for one run
  ///     written to the folder itself.
  /// - Returns: One `warning:` line, or `nil` when the folder holds no
  ///   earlier run.
  static func earlierRunWarning(in output: URL, seeds: [UInt64]?) -> String? {
    let fileManager = FileManager.default
    let log = ResultsLog.fileName(name: "stsb-dev")
    guard let seeds else {
      guard fileManager.fileExists(atPath: output.appendingPathComponent(log).path) else {
        return nil
      }
      return "warning: \(output.path) holds an earlier run's results logs, to which this run "
        + "appends its rows (f1kit report --training-log draws each run as its own line); "
        + "use a new --output folder to keep runs apart\n"
    }
    let ownFolders = Set(seeds.map { "seed-\($0)" })
    let folders = ((try? fileManager.contentsOfDirectory(atPath: output.path)) ?? [])
      .filter { $0.hasPrefix("seed-") }
      .sorted { (UInt64($0.dropFirst(5)) ?? .max, $0) < (UInt64($1.dropFirst(5)) ?? .max, $1) }
    let stale = folders.filter {
      !ownFolders.contains($0)
        && fileManager.fileExists(
          atPath: output.appendingPathComponent("\($0)/test-predictions.csv").path)
    }
    let appended = folders.filter {
      ownFolders.contains($0)
        && fileManager.fileExists(atPath: output.appendingPathComponent("\($0)/\(log)").path)
    }
    var parts: [String] = []
    if !appended.isEmpty {
      parts.append(
        "this run appends its rows to the results logs in \(appended.joined(separator: ", "))")
    }
    if !stale.isEmpty {
      parts.append(
        "\(stale.joined(separator: ", ")) \(stale.count == 1 ? "is" : "are") left from it, and a "
          + "'seed-*' pattern given to f1kit compare or report picks \(stale.count == 1 ? "it" : "them") up "
          + "as runs of this configuration")
    }
    guard !parts.isEmpty else { return nil }
    return "warning: \(output.path) holds an earlier run's files: "
      + parts.joined(separator: "; ") + "; use a new --output folder to keep runs apart\n"
  }

  /// Trains one run and describes it.
  ///
  /// - Returns: The run's summary for standard output, and its outcome.
  private static func train(_ options: TrainingOptions) throws(CommandFailure) -> (
    summary: String, outcome: PairClassifierTraining.Outcome
  ) {
    let clock = ContinuousClock()
    let start = clock.now
    let outcome: PairClassifierTraining.Outcome
    do {
      outcome = try PairClassifierTraining(options: options).run()
    } catch let error as TrainingError {
      switch error {
      case .missingData: throw .noInput(error.description)
      case .unreadableData: throw .data(error.description)
      case .unwritableOutput: throw .cannotCreate(error.description)
      }
    } catch {
      throw .cannotCreate("\(error)")
    }
    let seconds = (clock.now - start).components
    let elapsed = Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18
    func format(_ value: Double) -> String { String(format: "%.4f", value) }
    let summary = """
      trained \(outcome.steps) step\(outcome.steps == 1 ? "" : "s") (\(options.epochs) epoch\(options.epochs == 1 ? "" : "s") of batch \(PairClassifierTraining.batchSize), seed \(options.seed)) in \(String(format: "%.1f", elapsed)) s
      best step \(outcome.best.step) (epoch \(format(outcome.best.epoch))): dev binary F1 \(format(outcome.best.primaryValue)) at threshold \(format(outcome.best.threshold!)) tuned on dev
      test binary F1 \(format(outcome.test.primaryValue)), accuracy \(format(outcome.test["stsb-test_accuracy"]!)), MCC \(format(outcome.test["stsb-test_mcc"]!)) at that frozen threshold
      wrote \(outcome.files.map(\.path).joined(separator: ", "))

      """
    return (summary, outcome)
  }
}
