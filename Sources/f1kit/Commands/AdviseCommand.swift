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
    arguments: [
      .init(
        name: "file",
        help:
          "A CSV, TSV or JSON Lines file of gold labels and predictions; '-' reads standard input.")
    ],
    options: [
      .value("format", "format", help: "Output format.", allowed: ["text", "json"], default: "text"),
      .value(
        "labels", "labels",
        help:
          "Labels to evaluate, in order, separated by commas (or a JSON array); may name labels that never occur."
      ),
      .value("positive", "label", help: "The positive label of a binary problem."),
      .value(
        "problem", "problem",
        help: "The kind of problem; inferred from the number of labels when omitted.",
        allowed: ["binary", "multiclass"]),
      .value(
        "zero-division", "value",
        help: "The score of a precision, recall or F1 whose denominator is zero.",
        allowed: ["0", "1", "nan"], default: "0"),
    ] + InputOptions.specifications
  )

  static func run(_ parsed: ParsedArguments) throws -> String {
    let command = specification
    let input = try InputOptions(parsed, in: command)
    let options = EvaluationOptions(
      labels: input.labels,
      positiveLabel: parsed.value("positive", in: command),
      problem: parsed.value("problem", in: command).flatMap(ProblemKind.init(rawValue:)),
      zeroDivision: parsed.value("zero-division", in: command).flatMap(ZeroDivision.init(rawValue:))
        ?? .zero)
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
