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
    guard options.seeds > 1 else { return CommandOutput(try Self.train(options)) }
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
      text += try Self.train(run) + "\n"
    }
    return CommandOutput(text)
  }

  /// Trains one run and describes it.
  private static func train(_ options: TrainingOptions) throws(CommandFailure) -> String {
    let clock = ContinuousClock()
    let start = clock.now
    let outcome: PairClassifierTraining.Outcome
    do {
      outcome = try PairClassifierTraining(options: options).run()
    } catch let error as TrainingError {
      switch error {
      case .unreadableData: throw .data(error.description)
      case .unwritableOutput: throw .cannotCreate(error.description)
      }
    } catch {
      throw .cannotCreate("\(error)")
    }
    let seconds = (clock.now - start).components
    let elapsed = Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18
    func format(_ value: Double) -> String { String(format: "%.4f", value) }
    return """
      trained \(outcome.steps) steps (\(options.epochs) epochs of batch \(PairClassifierTraining.batchSize), seed \(options.seed)) in \(String(format: "%.1f", elapsed)) s
      best step \(outcome.best.step) (epoch \(format(outcome.best.epoch))): dev binary F1 \(format(outcome.best.primaryValue)) at threshold \(format(outcome.best.threshold!)) tuned on dev
      test binary F1 \(format(outcome.test.primaryValue)), accuracy \(format(outcome.test["stsb-test_accuracy"]!)), MCC \(format(outcome.test["stsb-test_mcc"]!)) at that frozen threshold
      wrote \(outcome.files.map(\.path).joined(separator: ", "))

      """
  }
}
