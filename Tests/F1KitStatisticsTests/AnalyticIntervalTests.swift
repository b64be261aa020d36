import F1Kit
import Testing
import _TestSupport

@testable import F1KitStatistics

@Suite("Analytic intervals")
struct AnalyticIntervalTests {
  @Test("the delta method for accuracy is the Wald interval")
  func accuracyIsWald() throws {
    let counts = [50, 10, 5, 8, 40, 2, 3, 7, 75]
    let interval = try AnalyticInterval.deltaMethod(
      for: .accuracy, counts: counts, scope: MetricScope(classCount: 3))
    let accuracy = 165.0 / 200
    let standardError = (accuracy * (1 - accuracy) / 200).squareRoot()
    #expect(agrees(interval.estimate, accuracy))
    #expect(abs(interval.standardError / standardError - 1) < 1e-6)
    #expect(abs(interval.upper - (accuracy + 1.959_963_984_540_054 * standardError)) < 1e-8)
    #expect(interval.method == .deltaMethod && interval.resamples == 0)
  }

  /// On N = 20,000 items the first-order variance is accurate, and the
  /// bootstrap standard error from 4,000 resamples has a relative Monte
  /// Carlo error of 1/√(2 × 4,000) ≈ 1.1%; 4% is over three of those.
  @Test(
    "the delta-method standard error agrees with the bootstrap's on a large sample",
    arguments: [
      (Metric.binaryF1, 2), (.macroF1, 2), (.macroF1, 4), (.microF1, 4), (.weightedF1, 4),
      (.matthewsCorrelation, 4), (.cohenKappa, 4), (.balancedAccuracy, 4), (.macroPrecision, 4),
    ])
  func agreesWithBootstrap(_ metric: Metric, _ classCount: Int) throws {
    let shares = classCount == 2 ? [0.85, 0.15] : [0.45, 0.3, 0.2, 0.05]
    let population = Population.classifier(goldShares: shares, accuracy: 0.8)
    var generator = Xoshiro256StarStar(seed: 31)
    let counts = population.sample(items: 20_000, using: &generator)
    let scope = MetricScope(classCount: classCount, positiveClass: classCount == 2 ? 1 : nil)
    let delta = try AnalyticInterval.deltaMethod(for: metric, counts: counts, scope: scope)
    let bootstrap = try #require(
      try Bootstrap(options: BootstrapOptions(resamples: 4_000, method: .percentile)).intervals(
        for: [metric], counts: counts, scope: scope, using: &generator)[metric])
    #expect(
      abs(delta.standardError / bootstrap.standardError - 1) < 0.04,
      "delta \(delta.standardError), bootstrap \(bootstrap.standardError)")
    #expect(abs(delta.lower - bootstrap.lower) < 0.15 * bootstrap.standardError)
  }

  /// The report asks for one class's F1 interval per class; from the
  /// non-empty cells each costs O(cells + classes), and must equal the
  /// interval from the full table (which costs O(cells × classes²)).
  @Test(
    "from the non-empty cells, the delta method gives the full table's interval",
    arguments: [
      (Metric.binaryF1, 0, 1.0, nil), (.binaryF1, 3, 2.0, nil), (.binaryF1, 5, 0.5, 4),
      (.macroF1, 0, 1.0, nil), (.weightedF1, 0, 1.0, 5), (.matthewsCorrelation, 0, 1.0, nil),
    ] as [(Metric, Int, Double, Int?)])
  func cellsAgreeWithTable(
    _ metric: Metric, _ positiveClass: Int, _ beta: Double, _ evaluated: Int?
  ) throws {
    let classCount = 6
    var generator = Xoshiro256StarStar(seed: 17)
    // Some empty cells, as a real matrix has.
    let counts = (0..<(classCount * classCount)).map { cell in
      let draw = Int(generator.next() % 60)
      return cell % classCount == cell / classCount ? 200 + draw : (draw < 20 ? 0 : draw)
    }
    let scope = MetricScope(
      classCount: classCount, evaluatedClassCount: evaluated, positiveClass: positiveClass,
      beta: beta)
    let table = try AnalyticInterval.deltaMethod(for: metric, counts: counts, scope: scope)
    let cells = counts.indices.filter { counts[$0] > 0 }.map {
      ConfusionMatrix.Cell(
        gold: $0 / classCount, predicted: $0 % classCount, count: counts[$0])
    }
    let fromCells = try AnalyticInterval.deltaMethod(for: metric, cells: cells, scope: scope)
    #expect(abs(fromCells.estimate - table.estimate) < 1e-12)
    #expect(
      abs(fromCells.standardError / table.standardError - 1) < 1e-6,
      "cells \(fromCells.standardError), table \(table.standardError)")
    #expect(abs(fromCells.lower - table.lower) < 1e-8 && abs(fromCells.upper - table.upper) < 1e-8)
  }

  @Test("an undefined metric gives a NaN interval")
  func undefinedMetric() throws {
    let interval = try AnalyticInterval.deltaMethod(
      for: .binaryF1, counts: [5, 1, 2, 6], scope: MetricScope(classCount: 2))
    #expect(interval.estimate.isNaN && interval.lower.isNaN && interval.upper.isNaN)
  }

  @Test("the delta-method interval stays inside the metric's range")
  func clipped() throws {
    let interval = try AnalyticInterval.deltaMethod(
      for: .macroF1, counts: [9, 1, 0, 10], scope: MetricScope(classCount: 2))
    #expect(interval.upper <= 1 && interval.lower >= 0)
  }

  @Test("Wilson's interval for accuracy counts the diagonal of the whole matrix")
  func wilsonForAccuracy() throws {
    let matrix = try ConfusionMatrix(labels: ["a", "b"], counts: [[40, 10], [5, 45]])
    let metrics = try ClassificationMetrics(
      confusionMatrix: matrix, options: EvaluationOptions(positiveLabel: "b"))
    let interval = try AnalyticInterval.wilson(accuracyOf: metrics)
    #expect(interval == (try AnalyticInterval.wilson(successes: 85, trials: 100)))
    #expect(interval.contains(0.85) && interval.method == .wilson)
  }

  @Test("Wilson's interval rejects impossible proportions and confidence levels")
  func wilsonErrors() {
    #expect(throws: StatisticsError.noItems) {
      try AnalyticInterval.wilson(successes: 0, trials: 0)
    }
    #expect(throws: StatisticsError.invalidProportion(successes: 5, trials: 4)) {
      try AnalyticInterval.wilson(successes: 5, trials: 4)
    }
    #expect(throws: StatisticsError.invalidConfidence(1.5)) {
      try AnalyticInterval.wilson(successes: 1, trials: 4, confidence: 1.5)
    }
  }
}
