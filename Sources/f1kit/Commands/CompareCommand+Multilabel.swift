import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics
import F1KitSupport

extension CompareCommand {
  /// Whether the files are compared as a multilabel problem: `--problem
  /// multilabel`, or no `--problem` and label sets in a file's first
  /// records.
  var isMultilabelComparison: Bool {
    if let problem = scoring.problem { return problem == .multilabel }
    return paths.contains {
      input.isMultilabel($0, problem: nil, predictionColumns: predictionColumns)
    }
  }

  /// The multilabel metric to compare on: `--metric`, or samples-F1.
  ///
  /// - Throws: A usage failure for a metric multilabel problems do not
  ///   have, or an F-beta without `--beta`.
  func multilabelMetric() throws(CommandFailure) -> MultilabelMetric {
    guard let metricName else { return .samplesF1 }
    guard let metric = MultilabelMetric(rawValue: metricName) else {
      let names = MultilabelMetric.allCases.map(\.rawValue).joined(separator: ", ")
      let hint = metricName == "accuracy" ? " (subset_accuracy is the exact-match accuracy)" : ""
      throw .usage(
        "the metric '\(metricName)' is not a multilabel metric\(hint); expected one of \(names)")
    }
    if metric.isFBeta && scoring.evaluation.beta == nil {
      throw .usage("the metric '\(metric.rawValue)' needs --beta, the F-beta's beta")
    }
    return metric
  }

  /// Refuses a multilabel-only `--metric` (such as `hamming_loss`) for
  /// files with one label per item, which would otherwise be compared on
  /// the default metric.
  ///
  /// - Parameter command: The command's name, for the message.
  /// - Throws: A usage failure naming the single-label metrics.
  func refuseMultilabelOnlyMetric(in command: String) throws(CommandFailure) {
    guard metric == nil, scoreMetric == nil, let metricName,
      let multilabel = MultilabelMetric(rawValue: metricName)
    else { return }
    throw multilabel.singleLabelRefusal(in: command)
  }

  /// Refuses a `--beta` that a single-label comparison would not use: with
  /// a metric that is not an F-beta (the default, or a score metric), the
  /// comparison would otherwise go ahead on that metric as if `--beta`
  /// were not there.
  ///
  /// - Parameter command: The command's name, for the message.
  /// - Throws: A usage failure naming the F-beta metrics.
  func refuseUnusedBeta(in command: String) throws(CommandFailure) {
    guard let beta = scoring.evaluation.beta, !(metric?.isFBeta ?? false) else { return }
    let compared = metricName.map { "'\($0)'" } ?? "its default metric (binary_f1, or macro_f1)"
    let value = NumberText.shortestBare(beta)
    throw .usage(
      "'--beta \(value)' applies to the F-beta metrics, but \(command) compares on \(compared); give --metric binary_fbeta (or micro_fbeta, macro_fbeta, weighted_fbeta) --beta \(value) to compare F-beta"
    )
  }

  /// Reads and aligns multilabel files and compares them with the engine's
  /// ``MultilabelComparison``, as `compare` and `gate` do.
  ///
  /// - Parameters:
  ///   - metrics: The metrics compared, headline first.
  ///   - intervalMetrics: Further metrics each model gets an interval for.
  ///   - tests: The tests to run.
  ///   - includesLabelIntervals: Whether each label's F1 gets an interval.
  /// - Returns: The comparison.
  /// - Throws: A usage failure for options multilabel comparisons do not
  ///   take; a data failure when the files do not describe the same items.
  func multilabelComparison(
    metrics: [MultilabelMetric], intervalMetrics: [MultilabelMetric] = [],
    tests: [ComparisonOptions.Test], includesLabelIntervals: Bool = false
  ) throws(CommandFailure) -> MultilabelComparison {
    if design != nil || groupColumn != nil {
      throw .usage(
        "multilabel files cannot yet be compared over runs, groups or strata; compare one file per model"
      )
    }
    if predictionColumns != nil {
      throw input.multilabelColumnsRefusal(in: "compare")
    }
    if scoreMetric != nil {
      throw .usage(
        "score metrics are not available for multilabel files; use a multilabel metric such as samples_f1"
      )
    }
    let aligned = try input.alignedLabelSets(paths)
    var tests = tests
    if aligned.weights != nil, tests.contains(.mcnemar) {
      guard tests.count > 1 else {
        throw .usage(
          "McNemar's test counts exact matches and cannot carry sample weights; use --test permutation or bootstrap"
        )
      }
      tests.removeAll { $0 == .mcnemar }
    }
    var options = MultilabelComparison.Options(
      metrics: metrics, additionalIntervalMetrics: intervalMetrics, tests: tests,
      bootstrap: resampling.bootstrap, mcnemarMethod: mcnemar.method,
      adjustment: adjustment.adjustment, seed: resampling.seed)
    options.includesLabelIntervals = includesLabelIntervals
    let bar = ProgressBar(label: "resampling", isQuiet: resampling.isQuiet)
    do {
      defer { bar.finish() }
      return try MultilabelComparison(
        gold: aligned.gold, predictions: aligned.predictions, labels: aligned.labels,
        weights: aligned.weights, names: names, evaluation: scoring.evaluation,
        options: options, progress: bar.handler)
    } catch let error as MetricsError {
      throw .usage(error.description)
    } catch {
      throw .usage("\(error)")
    }
  }

  /// Compares multilabel files on a multilabel metric: intervals over
  /// items, the paired bootstrap, the permutation test and McNemar's test
  /// on exact matches.
  ///
  /// - Returns: The comparison as text, JSON, or Markdown or LaTeX tables.
  /// - Throws: As ``multilabelComparison(metrics:intervalMetrics:tests:)``.
  func runMultilabelComparison() throws(CommandFailure) -> CommandOutput {
    let comparison = try multilabelComparison(
      metrics: [try multilabelMetric()], tests: test.tests,
      includesLabelIntervals: format == .json)
    switch format {
    case .json: return CommandOutput(comparison.jsonDocument().serialized() + "\n")
    case .text: return CommandOutput(comparison.textSummary())
    case .markdown, .latex:
      let tables = ResultTable.multilabelComparisonTables(comparison, digits: digits)
      return CommandOutput(tables.rendered(as: format == .latex ? .latex : .markdown))
    }
  }
}
