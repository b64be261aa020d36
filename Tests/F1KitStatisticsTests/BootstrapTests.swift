import F1Kit
import Testing
import _TestSupport

@testable import F1KitStatistics

@Suite("Bootstrap intervals")
struct BootstrapTests {
  /// A 3-class matrix of 200 items.
  static let counts = [60, 8, 4, 7, 45, 6, 5, 9, 56]
  static let scope = MetricScope(classCount: 3)

  static func intervals(
    _ metrics: [Metric], options: BootstrapOptions = BootstrapOptions(resamples: 1_999),
    counts: [Int] = counts, scope: MetricScope = scope, seed: UInt64 = 9
  ) throws -> [Metric: ConfidenceInterval] {
    var generator = Xoshiro256StarStar(seed: seed)
    return try Bootstrap(options: options).intervals(
      for: metrics, counts: counts, scope: scope, using: &generator)
  }

  @Test("defaults to 9,999 resamples, 95% confidence, BCa and the seed 42")
  func defaults() {
    let options = BootstrapOptions()
    #expect(options.resamples == 9_999)
    #expect(options.confidence == 0.95)
    #expect(options.method == .bca)
    #expect(options.strategy == .automatic)
    #expect(Xoshiro256StarStar.defaultSeed == 42)
  }

  @Test("gives the same intervals for the same seed and different ones for another")
  func reproducible() throws {
    let first = try Self.intervals([.macroF1])
    let second = try Self.intervals([.macroF1])
    let other = try Self.intervals([.macroF1], seed: 10)
    #expect(first == second)
    #expect(first[.macroF1]!.lower != other[.macroF1]!.lower)
  }

  @Test("scores several metrics in one pass with the same draws as one at a time")
  func onePass() throws {
    let together = try Self.intervals([.macroF1, .accuracy, .matthewsCorrelation])
    #expect(together.count == 3)
    for metric in [Metric.macroF1, .accuracy, .matthewsCorrelation] {
      #expect(together[metric] == (try Self.intervals([metric]))[metric])
    }
  }

  @Test("reflects the percentile interval about the estimate for the basic interval")
  func basicIsReflectedPercentile() throws {
    let percentile = try #require(
      try Self.intervals(
        [.macroF1], options: BootstrapOptions(resamples: 999, method: .percentile))[
          .macroF1])
    let basic = try #require(
      try Self.intervals([.macroF1], options: BootstrapOptions(resamples: 999, method: .basic))[
        .macroF1])
    #expect(agrees(basic.lower, 2 * percentile.estimate - percentile.upper))
    #expect(agrees(basic.upper, 2 * percentile.estimate - percentile.lower))
    #expect(basic.method == .basic && percentile.method == .percentile)
  }

  @Test(
    "brackets the estimate and reports the interval's settings",
    arguments: IntervalMethod.bootstrapMethods)
  func bracketsEstimate(_ method: IntervalMethod) throws {
    let options = BootstrapOptions(resamples: 999, confidence: 0.9, method: method)
    let interval = try #require(try Self.intervals([.macroF1], options: options)[.macroF1])
    #expect(interval.lower < interval.estimate && interval.estimate < interval.upper)
    #expect(interval.method == method)
    #expect(interval.confidence == 0.9)
    #expect(interval.resamples == 999)
    #expect(interval.undefinedResamples == 0)
    #expect(interval.standardError > 0.01 && interval.standardError < 0.1)
  }

  @Test("widens with the confidence level")
  func widensWithConfidence() throws {
    let narrow = try Self.intervals(
      [.accuracy], options: BootstrapOptions(resamples: 999, confidence: 0.8))
    let wide = try Self.intervals(
      [.accuracy], options: BootstrapOptions(resamples: 999, confidence: 0.99))
    #expect(narrow[.accuracy]!.width < wide[.accuracy]!.width)
  }

  @Test("takes the label set and estimate from ClassificationMetrics")
  func classificationMetrics() throws {
    let matrix = try ConfusionMatrix(
      labels: ["cat", "dog", "eel"], counts: [[60, 8, 4], [7, 45, 6], [5, 9, 56]])
    let metrics = try ClassificationMetrics(confusionMatrix: matrix)
    let intervals = try Bootstrap(options: BootstrapOptions(resamples: 499)).intervals(
      for: metrics.reportedMetrics, of: metrics, seed: 1)
    #expect(intervals.count == metrics.reportedMetrics.count)
    for metric in metrics.reportedMetrics {
      #expect(agrees(intervals[metric]!.estimate, metrics.value(of: metric)))
    }
  }

  @Test("reports progress about a hundred times, ending at the total")
  func progress() throws {
    nonisolated(unsafe) var calls: [(Int, Int)] = []
    _ = try Bootstrap(options: BootstrapOptions(resamples: 1_000)).intervals(
      for: [.accuracy], counts: Self.counts, scope: Self.scope,
      progress: { calls.append(($0, $1)) },
      using: &SystemRandomNumberGenerator.shared)
    #expect(calls.count == 100)
    #expect(calls.last! == (1_000, 1_000))
    #expect(zip(calls, calls.dropFirst()).allSatisfy { $0.0 < $1.0 })
  }

  @Test(
    "rejects invalid options",
    arguments: [
      (BootstrapOptions(resamples: 0), StatisticsError.invalidResampleCount(0)),
      (BootstrapOptions(confidence: 1), .invalidConfidence(1)),
      (BootstrapOptions(confidence: 0), .invalidConfidence(0)),
      (BootstrapOptions(method: .wilson), .notABootstrapMethod(.wilson)),
    ])
  func invalidOptions(_ options: BootstrapOptions, _ error: StatisticsError) {
    #expect(throws: error) { try Self.intervals([.accuracy], options: options) }
  }

  @Test("rejects counts that do not fit the scope, negative counts and no items")
  func invalidCounts() {
    #expect(throws: StatisticsError.countShapeMismatch(expected: 9, found: 4)) {
      try Self.intervals([.accuracy], counts: [1, 2, 3, 4])
    }
    #expect(throws: StatisticsError.negativeCount(-1)) {
      try Self.intervals([.accuracy], counts: [1, 2, 3, 4, -1, 0, 0, 0, 0])
    }
    #expect(throws: StatisticsError.noItems) {
      try Self.intervals([.accuracy], counts: Array(repeating: 0, count: 9))
    }
  }

  @Test("only basic intervals past their range draw the caution, which names the first one")
  func basicRangeCaution() {
    func interval(_ lower: Double, _ upper: Double, _ method: IntervalMethod = .basic)
      -> ConfidenceInterval
    {
      ConfidenceInterval(
        lower: lower, upper: upper, estimate: (lower + upper) / 2, method: method,
        confidence: 0.95, standardError: 0.01, resamples: 999)
    }
    func caution(_ intervals: [(String, ConfidenceInterval, ClosedRange<Double>)]) -> String? {
      ConfidenceInterval.basicRangeCaution(
        intervals.map { (subject: $0.0, interval: $0.1, range: $0.2) },
        number: { String(format: "%.3f", $0) })
    }
    #expect(caution([("accuracy", interval(0.9, 1.0), 0...1)]) == nil)
    #expect(caution([("accuracy", interval(0.97, 1.005, .percentile), 0...1)]) == nil)
    // MCC's range is [−1, 1]: −0.5 is inside it.
    #expect(caution([("mcc", interval(-0.5, 0.2), -1...1)]) == nil)
    #expect(
      caution([("accuracy", interval(0.97, 1.005), 0...1)])
        == "the basic interval [0.970, 1.005] of accuracy reaches past the metric's range [0, 1]: a basic interval reflects the estimate about the bootstrap percentiles, so its ends can pass the range; percentile or BCa intervals stay within it."
    )
    let two = caution([
      ("accuracy", interval(0.9, 0.99), 0...1), ("macro_f1", interval(-0.01, 0.2), 0...1),
      ("mcc", interval(-1.02, 0.1), -1...1),
    ])
    #expect(
      two?.hasPrefix(
        "2 basic intervals reach past their metric's range, such as macro_f1 [-0.010, 0.200] past [0, 1]: "
      ) == true, "\(two ?? "nil")")
  }

  @Test("differences are held to a difference's range, [-1, 1] or [-2, 2], and say so")
  func basicDifferenceRangeCaution() {
    func interval(_ lower: Double, _ upper: Double) -> ConfidenceInterval {
      ConfidenceInterval(
        lower: lower, upper: upper, estimate: (lower + upper) / 2, method: .basic,
        confidence: 0.95, standardError: 0.01, resamples: 999)
    }
    #expect(ConfidenceInterval.differenceRange(of: 0...1) == -1...1)
    #expect(ConfidenceInterval.differenceRange(of: -1...1) == -2...2)
    // Log loss has no upper bound; only a basic end below 0 passes it.
    let logLoss = ConfidenceInterval.basicRangeCaution(
      [
        (subject: "log loss", interval: interval(-0.01, 0.3), range: ScoreMetric.logLoss.valueRange)
      ],
      number: { String(format: "%.3f", $0) })
    #expect(
      logLoss?.hasPrefix(
        "the basic interval [-0.010, 0.300] of log loss reaches past the metric's range [0, ∞]")
        == true, "\(logLoss ?? "nil")")
    #expect(
      ConfidenceInterval.basicRangeCaution(
        [(subject: "log loss", interval: interval(0.1, 9), range: ScoreMetric.logLoss.valueRange)],
        number: { String($0) }) == nil)
    let cautions = ConfidenceInterval.basicRangeCautions(
      models: [("A", interval(0.1, 0.4)), ("B", nil)],
      differences: [("A", "B", interval(0.9, 1.05)), ("A", "C", interval(-0.5, 0.99))],
      metricName: "accuracy", range: 0...1, number: { String(format: "%.3f", $0) })
    #expect(
      cautions == [
        "the basic interval [0.900, 1.050] of B − A on accuracy reaches past a difference's range [-1, 1]: a basic interval reflects the estimate about the bootstrap percentiles, so its ends can pass the range; percentile or BCa intervals stay within it."
      ])
    // The report's and Markdown's numbers use U+2212, and so do the bounds.
    let typographic = ConfidenceInterval.basicRangeCautions(
      models: [], differences: [("A", "B", interval(-1.05, -0.9))], metricName: "accuracy",
      range: 0...1, number: { ($0 < 0 ? "−" : "") + String(format: "%.3f", abs($0)) },
      style: .typographic)
    #expect(
      typographic.first?.hasPrefix(
        "the basic interval [−1.050, −0.900] of B − A on accuracy reaches past a difference's range [−1, 1]:"
      ) == true, "\(typographic)")
    // MCC's differences run from −2 to 2: −1.5 is inside.
    #expect(
      ConfidenceInterval.basicRangeCautions(
        models: [], differences: [("A", "B", interval(-1.5, 0.2))], metricName: "MCC",
        range: -1...1, number: { String($0) }
      ).isEmpty)
    let two = ConfidenceInterval.basicRangeCaution(
      [
        (subject: "B − A on accuracy", interval: interval(0.9, 1.05), range: -1...1),
        (subject: "C − A on accuracy", interval: interval(-1.01, 0.2), range: -1...1),
      ], areDifferences: true, number: { String(format: "%.3f", $0) })
    #expect(
      two?.hasPrefix(
        "2 basic intervals reach past a difference's range, such as B − A on accuracy [0.900, 1.050] past [-1, 1]: "
      ) == true, "\(two ?? "nil")")
  }
}

/// A shared system generator for tests that do not care about the draws.
extension SystemRandomNumberGenerator {
  nonisolated(unsafe) static var shared = SystemRandomNumberGenerator()
}
