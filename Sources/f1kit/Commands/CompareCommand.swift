import F1Kit
import F1KitReading
import F1KitStatistics
import Foundation

/// `f1kit compare`: paired significance tests between models scored on the
/// same items.
enum CompareCommand {
  static let specification = CommandSpecification(
    name: "compare",
    abstract: "Compare models on the same items with intervals and paired significance tests.",
    discussion: """
      Reads two or more prediction files for the same items (aligned by id when every \
      file has an id column, row by row otherwise; gold labels must agree item by item), \
      scores each on one metric with a bootstrap interval, and tests every pair: \
      approximate randomization (permutation), the paired bootstrap, and McNemar's test on \
      per-item correctness. With more than two models the p-values are adjusted for \
      multiplicity (Holm by default). Resampling works on the counts of (gold, A, B) \
      cells, so its cost does not grow with the number of items.
      """,
    arguments: [
      .init(
        name: "files",
        help: "Two or more prediction files (CSV, TSV or JSON Lines) for the same items.",
        isRepeating: true)
    ],
    options: [
      .value(
        "format", "format", help: "Output format.", allowed: ["text", "json"], default: "text"),
      .value(
        "metric", "metric",
        help:
          "The metric to compare on; by default binary_f1 for binary problems and macro_f1 otherwise.",
        allowed: Metric.allCases.map(\.rawValue)),
      .value(
        "test", "test", help: "The paired tests to run.",
        allowed: ["all", "permutation", "bootstrap", "mcnemar"], default: "all"),
      .value(
        "mcnemar", "method", help: "How McNemar's p-value is computed.",
        allowed: ["mid-p", "exact", "chi2", "chi2-uncorrected"], default: "mid-p"),
      .value(
        "adjustment", "method", help: "Multiplicity adjustment with more than two models.",
        allowed: ["holm", "bh"], default: "holm"),
      .flag(
        "timings",
        help:
          "Print how long reading and counting, and scoring and resampling, took on standard error."
      ),
    ] + ScoringOptions.specifications + ResamplingOptions.specifications
      + InputOptions.specifications
  )

  static func run(_ parsed: ParsedArguments) throws -> String {
    let command = specification
    guard parsed.positionals.count >= 2 else {
      throw UsageError(
        message: "Expected at least two files to compare, found \(parsed.positionals.count)")
    }
    let inputs = try parsed.positionals.indices.map { index throws(UsageError) in
      try InputOptions(parsed, in: command, fileIndex: index)
    }
    let names = modelNames(parsed.positionals)
    let clock = ContinuousClock()
    let readingStart = clock.now
    let aligned = try align(inputs, names: names)
    let counts = try ComparisonCounts(aligned)
    let readingTime = clock.now - readingStart
    let evaluation = try ScoringOptions.evaluationOptions(
      parsed, in: command, labels: inputs[0].labels)
    let options = try comparisonOptions(parsed, counts: counts, evaluation: evaluation)
    let bar = ProgressBar(label: "resampling", isQuiet: parsed.has("quiet"))
    let comparison: ModelComparison
    let resamplingStart = clock.now
    do {
      defer { bar.finish() }
      comparison = try ModelComparison(
        counts: counts, names: names, evaluation: evaluation, options: options,
        progress: bar.handler)
    } catch let error as MetricsError {
      throw UsageError(message: error.description)
    }
    if parsed.has("timings") {
      Console.writeError(
        "timings: reading, aligning and counting \(seconds(readingTime)) s, scoring and resampling \(seconds(clock.now - resamplingStart)) s\n"
      )
    }
    if parsed.value("format", in: command) == "json" {
      return comparison.jsonDocument().serialized() + "\n"
    }
    return comparison.textSummary()
  }

  private static func seconds(_ duration: Duration) -> String {
    let (whole, attoseconds) = duration.components
    return String(format: "%.4f", Double(whole) + Double(attoseconds) * 1e-18)
  }

  /// File names, or whole paths when two files share a name.
  static func modelNames(_ paths: [String]) -> [String] {
    let names = paths.map { $0 == "-" ? "stdin" : URL(fileURLWithPath: $0).lastPathComponent }
    return Set(names).count == names.count ? names : paths
  }

  static func align(_ inputs: [InputOptions], names: [String]) throws -> AlignedPredictions {
    let items = try inputs.map { try $0.readItems() }
    do {
      return try AlignedPredictions(items, names: names, labels: inputs[0].labels)
    } catch {
      throw CommandFailure.data(error.description)
    }
  }

  private static func comparisonOptions(
    _ parsed: ParsedArguments, counts: ComparisonCounts, evaluation: EvaluationOptions
  ) throws -> ComparisonOptions {
    let command = specification
    let problem = try ClassificationMetrics(
      confusionMatrix: counts.matrices[0], options: evaluation
    ).problem
    let metric =
      parsed.value("metric", in: command).flatMap(Metric.init(rawValue:))
      ?? Metric.primary(for: problem)
    if metric.isFBeta && evaluation.beta == nil {
      throw UsageError(
        message: "The metric '\(metric.rawValue)' needs --beta, the F-beta's beta")
    }
    if metric.isBinaryOnly && problem != .binary {
      throw UsageError(
        message:
          "The metric '\(metric.rawValue)' needs a binary problem; this one has \(counts.labels.count) labels"
      )
    }
    let tests: [ComparisonOptions.Test] =
      switch parsed.value("test", in: command) {
      case "permutation": [.permutation]
      case "bootstrap": [.bootstrap]
      case "mcnemar": [.mcnemar]
      default: ComparisonOptions.Test.allCases
      }
    let mcnemar: McNemarTest.Method =
      switch parsed.value("mcnemar", in: command) {
      case "exact": .exact
      case "chi2": .chiSquare
      case "chi2-uncorrected": .chiSquareUncorrected
      default: .midP
      }
    return ComparisonOptions(
      metric: metric, tests: tests,
      bootstrap: try ResamplingOptions.bootstrapOptions(parsed, in: command),
      mcnemarMethod: mcnemar,
      adjustment: parsed.value("adjustment", in: command) == "bh" ? .benjaminiHochberg : .holm,
      seed: try ResamplingOptions.seed(parsed, in: command))
  }
}
