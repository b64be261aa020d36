import F1Kit
import F1KitStatistics
import Foundation

/// `f1kit evaluate`: scores one prediction file.
enum EvaluateCommand {
  static let specification = CommandSpecification(
    name: "evaluate",
    abstract: "Score one prediction file with scikit-learn-exact metrics.",
    discussion: """
      Reads gold labels and predictions (or scores) from a CSV, TSV or JSON Lines \
      file and prints a classification report: per-class precision, recall, F1 and \
      support, accuracy, macro and weighted averages, micro-F1, balanced accuracy, \
      Matthews correlation, Cohen's kappa and the confusion matrix. Two labels make a \
      binary problem whose positive label is the later one in label order.
      """,
    arguments: [InputOptions.fileArgument],
    options: [
      .value(
        "format", "format", help: "Output format.", allowed: ["text", "json", "csv"],
        default: "text"),
      .value("digits", "digits", help: "Decimal places in the text report.", default: "4"),
      .flag("ci", help: "Add bootstrap and analytic confidence intervals for every metric."),
    ] + ScoringOptions.specifications + ResamplingOptions.specifications
      + InputOptions.specifications
  )

  static func run(_ parsed: ParsedArguments) throws -> String {
    let command = specification
    let input = try InputOptions(parsed, in: command)
    let options = try ScoringOptions.evaluationOptions(parsed, in: command, labels: input.labels)
    let digits = try parsed.integer("digits", in: command, within: 0...17) ?? 4
    let matrix = try input.readConfusionMatrix()
    let metrics: ClassificationMetrics
    do {
      metrics = try ClassificationMetrics(confusionMatrix: matrix, options: options)
    } catch {
      throw UsageError(message: error.description)
    }
    if parsed.values["zero-division"] == nil { warnAboutUndefinedScores(metrics) }
    let intervals = parsed.has("ci") ? try intervals(for: metrics, parsed) : nil
    switch parsed.value("format", in: command) {
    case "json":
      return JSONValue.object(metrics.jsonDocument() + (intervals?.jsonMembers() ?? []))
        .serialized() + "\n"
    case "csv":
      return intervals?.csvTable(for: metrics) ?? metrics.csvTable()
    default:
      let report = metrics.textReport(digits: digits)
      return intervals.map { report + "\n" + $0.textTable(digits: digits) } ?? report
    }
  }

  private static func intervals(for metrics: ClassificationMetrics, _ parsed: ParsedArguments)
    throws -> MetricIntervals
  {
    let options = try ResamplingOptions.bootstrapOptions(parsed, in: specification)
    let seed = try ResamplingOptions.seed(parsed, in: specification)
    let bar = ProgressBar(label: "bootstrap", isQuiet: parsed.has("quiet"))
    defer { bar.finish() }
    return try MetricIntervals(for: metrics, options: options, seed: seed, progress: bar.handler)
  }

  /// One warning line naming the classes whose scores were set to 0, as
  /// scikit-learn's `UndefinedMetricWarning` does under its default.
  static func warnAboutUndefinedScores(_ metrics: ClassificationMetrics) {
    let undefined = metrics.undefinedScores()
    guard !undefined.isEmpty else { return }
    var parts: [String] = []
    let neverPredicted = undefined.filter(\.isPrecisionUndefined).map(\.label)
    let neverOccurring = undefined.filter(\.isRecallUndefined).map(\.label)
    if !neverPredicted.isEmpty {
      parts.append("precision is undefined for labels never predicted (\(list(neverPredicted)))")
    }
    if !neverOccurring.isEmpty {
      parts.append("recall is undefined for labels with no gold items (\(list(neverOccurring)))")
    }
    Console.writeError(
      "warning: \(parts.joined(separator: " and ")); scored as 0. Use --zero-division 0, 1 or nan to choose.\n"
    )
  }

  private static func list(_ labels: [String]) -> String {
    labels.map { "\"\($0)\"" }.joined(separator: ", ")
  }
}
