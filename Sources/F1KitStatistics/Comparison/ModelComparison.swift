import F1Kit
import F1KitReading

/// Several models scored on the same items, with an interval for each and
/// paired tests between every pair: the numbers behind "B beats A on
/// macro-F1 by 0.031, 95% CI [0.012, 0.049], p = 0.002".
///
/// Every model is scored over the same label set (the union of all labels,
/// or the caller's), so a class one model never predicts still counts in
/// every model's average.
public struct ModelComparison: Sendable {
  /// One model's score.
  public struct Model: Hashable, Sendable {
    /// The model's name, usually its file name.
    public var name: String
    /// The model's value of the compared metric.
    public var value: Double
    /// The bootstrap interval of the value.
    public var interval: ConfidenceInterval
  }

  /// The comparison of two models: the second minus the first.
  public struct Pair: Hashable, Sendable {
    /// The index of the first model (A).
    public var first: Int
    /// The index of the second model (B).
    public var second: Int
    /// B − A with its bootstrap interval.
    public var difference: ConfidenceInterval
    /// The permutation test, if run.
    public var permutation: PermutationTest?
    /// The paired bootstrap test, if run.
    public var pairedBootstrap: PairedBootstrapTest?
    /// McNemar's test, if run.
    public var mcnemar: McNemarTest?
    /// Each test's p-value adjusted over all pairs; equal to the raw p-value
    /// when only two models are compared.
    public var adjustedPValues: [ComparisonOptions.Test: Double]

    /// The raw p-value of a test, if it was run.
    ///
    /// - Parameter test: The test.
    /// - Returns: Its two-sided p-value.
    public func pValue(of test: ComparisonOptions.Test) -> Double? {
      switch test {
      case .permutation: permutation?.pValue
      case .bootstrap: pairedBootstrap?.pValue
      case .mcnemar: mcnemar?.pValue
      }
    }
  }

  /// The number of items.
  public let itemCount: Int
  /// The labels scored, evaluated labels first.
  public let labels: [String]
  /// The options the comparison ran with.
  public let options: ComparisonOptions
  /// Each model's score, in input order.
  public let models: [Model]
  /// Every pair (A, B) with A before B in input order.
  public let pairs: [Pair]

  /// Scores and compares aligned models.
  ///
  /// - Parameters:
  ///   - aligned: The models' predictions for the same items.
  ///   - names: A name for each model.
  ///   - evaluation: The labels, positive label and zero-division rule.
  ///   - options: The metric, tests, resampling and seed.
  ///   - progress: Called as resampling advances, with the work done and
  ///     the total over the whole comparison.
  /// - Throws: ``MetricsError`` when the evaluation options do not fit the
  ///   data, ``StatisticsError`` when the resampling options are invalid.
  /// - Complexity: O(*R* × cells) per model and pair for *R* resamples,
  ///   independent of the number of items once the cells are counted.
  public init(
    aligned: AlignedPredictions, names: [String], evaluation: EvaluationOptions = .init(),
    options: ComparisonOptions = .init(), progress: ResamplingProgress? = nil
  ) throws {
    try self.init(
      counts: ComparisonCounts(aligned), names: names, evaluation: evaluation, options: options,
      progress: progress)
  }

  /// Scores and compares models from their counts.
  ///
  /// - Parameters:
  ///   - counts: Each model's confusion matrix and each pair's joint counts.
  ///   - names: A name for each model.
  ///   - evaluation: The labels, positive label and zero-division rule.
  ///   - options: The metric, tests, resampling and seed.
  ///   - progress: Called as resampling advances.
  /// - Throws: ``MetricsError`` when the evaluation options do not fit the
  ///   data, ``StatisticsError`` when the resampling options are invalid.
  /// - Complexity: O(*R* × cells) per model and pair for *R* resamples, with
  ///   no dependence on the number of items.
  public init(
    counts: ComparisonCounts, names: [String], evaluation: EvaluationOptions = .init(),
    options: ComparisonOptions = .init(), progress: ResamplingProgress? = nil
  ) throws {
    precondition(names.count == counts.matrices.count)
    let scope = try ClassificationMetrics(
      confusionMatrix: counts.matrices[0], options: evaluation
    ).scope
    var generator = Xoshiro256StarStar(seed: options.seed)
    let bootstrap = Bootstrap(options: options.bootstrap)
    let stepsPerPair = 1 + (options.tests.contains(.permutation) ? 1 : 0)
    let totalSteps = (names.count + counts.pairs.count * stepsPerPair) * options.bootstrap.resamples
    var completedSteps = 0
    func stepProgress() -> ResamplingProgress? {
      guard let progress else { return nil }
      let offset = completedSteps
      return { done, _ in progress(offset + done, totalSteps) }
    }

    var models: [Model] = []
    for (index, name) in names.enumerated() {
      let interval = try bootstrap.intervals(
        for: [options.metric], in: counts.matrices[index], scope: scope,
        progress: stepProgress(),
        using: &generator)[options.metric]!
      completedSteps += options.bootstrap.resamples
      models.append(Model(name: name, value: interval.estimate, interval: interval))
    }

    var pairs: [Pair] = []
    for (first, second, predictions) in counts.pairs {
      let comparison = try PairedComparison(predictions: predictions, scope: scope)
      let bootstrapTest = try comparison.bootstrap(
        for: [options.metric], options: options.bootstrap, progress: stepProgress(),
        using: &generator)[options.metric]!
      completedSteps += options.bootstrap.resamples
      var permutation: PermutationTest?
      if options.tests.contains(.permutation) {
        permutation = try comparison.permutationTest(
          for: [options.metric], resamples: options.bootstrap.resamples,
          progress: stepProgress(), using: &generator)[options.metric]!
        completedSteps += options.bootstrap.resamples
      }
      pairs.append(
        Pair(
          first: first, second: second, difference: bootstrapTest.difference,
          permutation: permutation,
          pairedBootstrap: options.tests.contains(.bootstrap) ? bootstrapTest : nil,
          mcnemar: options.tests.contains(.mcnemar)
            ? comparison.mcnemar(method: options.mcnemarMethod) : nil,
          adjustedPValues: [:]))
    }
    try Self.adjust(&pairs, tests: options.tests, by: options.adjustment)

    self.itemCount = counts.itemCount
    self.labels = counts.labels
    self.options = options
    self.models = models
    self.pairs = pairs
  }

  /// Adjusts each test's p-values over all pairs, keeping input order.
  private static func adjust(
    _ pairs: inout [Pair], tests: [ComparisonOptions.Test], by adjustment: PValueAdjustment
  ) throws {
    for test in tests {
      let raw = pairs.compactMap { $0.pValue(of: test) }
      guard raw.count == pairs.count else { continue }
      let adjusted = try adjustment.adjusted(raw)
      for index in pairs.indices { pairs[index].adjustedPValues[test] = adjusted[index] }
    }
  }

  /// The test whose p-value headlines a verdict: the permutation test when
  /// it ran, then the paired bootstrap, then McNemar.
  public var primaryTest: ComparisonOptions.Test? {
    [.permutation, .bootstrap, .mcnemar].first { options.tests.contains($0) }
  }
}
