import F1Kit
import F1KitReport
import Foundation

/// `f1kit advise`: prints metric advice for one prediction file.
enum AdviseCommand {
  static let specification = CommandSpecification(
    name: "advise",
    abstract: "Advise which metrics to trust for one prediction file, citing the numbers.",
    discussion: """
      Scores the file as 'f1kit evaluate' does, then applies F1Kit's metric advice rules: \
      class imbalance, micro-F1 equal to accuracy, weighted-F1 hiding minority classes, \
      classes with few gold items, classes never predicted, balanced binary classes and \
      no-skill baselines. Each item names its rule id, its severity and the numbers that \
      triggered it. 'f1kit report' shows the same advice.
      """,
    arguments: [InputOptions.fileArgument],
    options: [
      .value(
        "format", "format", help: "Output format.", allowed: ["text", "json"], default: "text")
    ] + ScoringOptions.specifications + InputOptions.specifications
  )

  static func run(_ parsed: ParsedArguments) throws -> String {
    let command = specification
    let input = try InputOptions(parsed, in: command)
    let options = try ScoringOptions.evaluationOptions(parsed, in: command, labels: input.labels)
    let matrix = try input.readConfusionMatrix()
    let metrics: ClassificationMetrics
    do {
      metrics = try ClassificationMetrics(confusionMatrix: matrix, options: options)
    } catch {
      throw UsageError(message: error.description)
    }
    let advice = MetricAdvisor().advice(for: metrics)
    switch parsed.value("format", in: command) {
    case "json": return advice.jsonDocument().serialized() + "\n"
    default: return advice.text()
    }
  }
}
