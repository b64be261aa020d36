import CommandLineSupport
import F1Kit
import F1KitAdvice
import F1KitSupport
import Foundation

/// `f1kit advise`: prints metric advice for one prediction file.
struct AdviseCommand: ParsableCommand {
  static let format = Option<TextOrJSONFormat>(
    name: "format", help: "Output format.", default: .text)

  static let configuration = CommandConfiguration(
    name: "advise",
    abstract: "Advise which metrics to trust for one prediction file, citing the numbers.",
    discussion: """
      Scores the file as 'f1kit evaluate' does, then applies F1Kit's metric advice rules: \
      class imbalance, micro-F1 equal to accuracy, weighted-F1 hiding minority classes, \
      classes with few gold items, classes never predicted, balanced binary classes and \
      no-skill baselines. Each item names its rule id, its severity and the numbers that \
      triggered it. 'f1kit report' shows the same advice.
      """,
    arguments: [InputOptions.file],
    options: [format] + ScoringOptions.declarations + InputOptions.declarations)

  var path: String
  var format: TextOrJSONFormat
  var scoring: ScoringOptions
  var input: InputOptions

  init(parsing values: ParsedValues) throws(UsageError) {
    path = values[InputOptions.file]
    format = values[Self.format]
    scoring = ScoringOptions(values)
    input = try InputOptions(values)
  }

  func run() throws(CommandFailure) -> CommandOutput {
    try InputOptions.checkNotDirectories([path])
    try input.refuseLabelSetsAndWeights(
      in: "advise", paths: [path], problem: scoring.problem, allowsWeights: true)
    let metrics: ClassificationMetrics
    do {
      if input.isWeighted {
        metrics = try ClassificationMetrics(
          weightedConfusionMatrix: try input.readWeighted(path), options: scoring.evaluation)
      } else {
        metrics = try ClassificationMetrics(
          confusionMatrix: try input.readConfusionMatrix(path), options: scoring.evaluation)
      }
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw .usage("\(error)")
    }
    let advice = MetricAdvisor().advice(for: metrics)
    switch format {
    case .json:
      var document = advice.jsonDocument(positiveLabel: metrics.positiveLabel)
      if metrics.isWeighted, case .object(let members) = document {
        document = .object(
          [("weighted", .bool(true)), ("total_weight", .number(metrics.totalWeight))] + members)
      }
      return CommandOutput(document.serialized() + "\n")
    case .text:
      let note =
        metrics.isWeighted
        ? "weighted: the scores cited use sample weights (total weight \(NumberText.shortestBare(metrics.totalWeight)) over \(metrics.itemCount) items); class sizes count items\n\n"
        : ""
      return CommandOutput(note + advice.text(positiveLabel: metrics.positiveLabel))
    }
  }
}
