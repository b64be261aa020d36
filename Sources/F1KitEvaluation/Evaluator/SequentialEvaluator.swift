import Foundation

/// Runs several evaluators in order as one, such as a development and a
/// second held-out set, the way sentence-transformers' `SequentialEvaluator`
/// does.
///
/// The combined result holds every evaluator's metrics (their names keep
/// the keys apart), and each evaluator appends to its own results log. The
/// primary metric is chosen by ``Aggregation``: by default the last
/// evaluator's primary metric, as in sentence-transformers, so put the set
/// that selects the model last.
public struct SequentialEvaluator: CrossEncoderEvaluating {
  /// How the evaluators' primary metrics become the combined one.
  public enum Aggregation: Hashable, Sendable {
    /// The last evaluator's primary metric, under its own key.
    case last
    /// The primary metric of the evaluator with this name, under its own
    /// key.
    case evaluator(named: String)
    /// The mean of every evaluator's primary metric, under the key
    /// `<name>_mean_primary`; greater is better only if it is for all.
    case mean
  }

  /// The name that prefixes the mean's key.
  public let name: String
  /// The evaluators, run in order.
  public let evaluators: [any CrossEncoderEvaluating]
  /// How the combined primary metric is chosen.
  public let aggregation: Aggregation

  /// Creates a sequential evaluator.
  ///
  /// - Parameters:
  ///   - evaluators: The evaluators to run in order; at least one, with
  ///     distinct names.
  ///   - name: The name for the mean's key; `sequential` by default.
  ///   - aggregation: How the combined primary metric is chosen.
  /// - Throws: ``EvaluationError/noEvaluators`` for no evaluators,
  ///   ``EvaluationError/duplicateEvaluatorName(_:)`` when two share a name
  ///   (such as the default empty one: they would write the same keys and
  ///   log), and ``EvaluationError/unknownEvaluator(_:)`` when a named
  ///   aggregation names none of them.
  /// - Complexity: O(*e*) for *e* evaluators.
  public init(
    _ evaluators: [any CrossEncoderEvaluating], name: String = "sequential",
    aggregation: Aggregation = .last
  ) throws(EvaluationError) {
    guard !evaluators.isEmpty else { throw .noEvaluators }
    var names: Set<String> = []
    for evaluator in evaluators where !names.insert(evaluator.name).inserted {
      throw .duplicateEvaluatorName(evaluator.name)
    }
    if case .evaluator(let chosen) = aggregation, !names.contains(chosen) {
      throw .unknownEvaluator(chosen)
    }
    self.evaluators = evaluators
    self.name = name
    self.aggregation = aggregation
  }

  /// Runs every evaluator and combines their results.
  ///
  /// - Parameters:
  ///   - model: The model to score.
  ///   - outputDirectory: The folder for every evaluator's results log, or
  ///     `nil` to write nothing.
  ///   - epoch: The epoch, fractional within an epoch; -1 when not training.
  ///   - step: The global training step; -1 when not training.
  /// - Returns: Every evaluator's metrics and the aggregated primary metric;
  ///   the threshold is the primary evaluator's (`nil` for the mean).
  /// - Throws: The first ``EvaluationError`` an evaluator throws, and
  ///   ``EvaluationError/metricKeyClash(key:first:second:)`` when two
  ///   evaluators give the same key (evaluators named `nli` and
  ///   `nli_balanced` both give `nli_balanced_accuracy`), after each has
  ///   logged its own results.
  @discardableResult
  public func evaluate(
    _ model: some CrossEncoder, outputDirectory: URL? = nil, epoch: Double = -1, step: Int = -1
  ) throws(EvaluationError) -> EvaluationResult {
    var results: [EvaluationResult] = []
    for evaluator in evaluators {
      results.append(
        try evaluator.evaluate(model, outputDirectory: outputDirectory, epoch: epoch, step: step))
    }
    // A name followed by `_` and the start of a metric name is another
    // evaluator's key: refuse rather than keep one value under both.
    var owners: [String: String] = [:]
    for (evaluator, result) in zip(evaluators, results) {
      for key in result.metricKeys {
        if let owner = owners.updateValue(evaluator.name, forKey: key) {
          throw .metricKeyClash(key: key, first: owner, second: evaluator.name)
        }
      }
    }
    var metrics = results.flatMap { result in result.metricKeys.map { ($0, result.metrics[$0]!) } }
    let primary: EvaluationResult
    switch aggregation {
    case .last:
      primary = results.last!
    case .evaluator(let chosen):
      primary = results[evaluators.firstIndex { $0.name == chosen }!]
    case .mean:
      let key = "\(name)_mean_primary"
      if let owner = owners[key] {
        throw .metricKeyClash(key: key, first: owner, second: name)
      }
      let mean = results.map(\.primaryValue).reduce(0, +) / Double(results.count)
      metrics.append((key, mean))
      return try EvaluationResult(
        metrics: metrics, primaryMetricKey: key,
        isGreaterBetter: results.allSatisfy(\.isGreaterBetter), epoch: epoch, step: step)
    }
    return try EvaluationResult(
      metrics: metrics, primaryMetricKey: primary.primaryMetricKey,
      isGreaterBetter: primary.isGreaterBetter, threshold: primary.threshold, epoch: epoch,
      step: step)
  }
}
