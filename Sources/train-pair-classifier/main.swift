import F1Kit
import F1KitEvaluation
import F1KitSupport
import Foundation

/// Writes a line to standard error.
func printError(_ text: String) {
  StandardStream.note(text + "\n")
}

let request: TrainingOptions.Request
do {
  request = try TrainingOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
  printError("Error: \(error)")
  printError("Usage: \(TrainingOptions.usage)")
  printError("  See 'train-pair-classifier --help' for more information.")
  exit(64)
}

guard case .train(let options) = request else {
  print(TrainingOptions.help, terminator: "")
  exit(0)
}

let clock = ContinuousClock()
let start = clock.now
do {
  let outcome = try PairClassifierTraining(options: options).run()
  let seconds = (clock.now - start).components
  let elapsed = Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18
  func format(_ value: Double) -> String { String(format: "%.4f", value) }
  print(
    """
    trained \(outcome.steps) steps (\(options.epochs) epochs of batch \(PairClassifierTraining.batchSize), seed \(options.seed)) in \(String(format: "%.1f", elapsed)) s
    best step \(outcome.best.step) (epoch \(format(outcome.best.epoch))): dev binary F1 \(format(outcome.best.primaryValue)) at threshold \(format(outcome.best.threshold!)) tuned on dev
    test binary F1 \(format(outcome.test.primaryValue)), accuracy \(format(outcome.test["stsb-test_accuracy"]!)), MCC \(format(outcome.test["stsb-test_mcc"]!)) at that frozen threshold
    wrote \(outcome.files.map(\.path).joined(separator: ", "))
    """)
} catch {
  printError("Error: \(error)")
  exit(1)
}
