import F1Kit
import Testing
import _TestSupport

@testable import F1KitStatistics

@Suite("Paired comparisons")
struct PairedComparisonTests {
  /// 3 classes, 6 items: the second model fixes two of the first's errors
  /// and makes one new one.
  static let gold: [Int32] = [0, 1, 2, 0, 1, 2]
  static let first: [Int32] = [0, 2, 2, 1, 1, 2]
  static let second: [Int32] = [0, 1, 2, 0, 1, 0]

  static func comparison(
    gold: [Int32] = gold, first: [Int32] = first, second: [Int32] = second, classCount: Int = 3
  ) throws -> PairedComparison {
    try PairedComparison(
      predictions: try PairedPredictions(
        gold: gold, first: first, second: second, classCount: classCount),
      scope: MetricScope(classCount: classCount))
  }

  /// Items drawn from two models of accuracy 0.6 and 0.8 on 3 classes.
  static func separatedModels(items: Int) throws -> PairedComparison {
    let population = Population.pair(
      goldShares: [0.4, 0.35, 0.25], firstAccuracy: 0.6, secondAccuracy: 0.8, agreement: 0.3)
    var generator = Xoshiro256StarStar(seed: 77)
    let counts = population.sample(items: items, using: &generator)
    return try PairedComparison(
      predictions: try PairedPredictions(classCount: 3, counts: counts),
      scope: MetricScope(classCount: 3))
  }

  @Test("the paired bootstrap exposes the distribution its percentile interval is cut from")
  func exposesResampledDifferences() throws {
    let comparison = try Self.separatedModels(items: 400)
    let options = BootstrapOptions(resamples: 999, method: .percentile)
    let test = try #require(
      try comparison.bootstrap(for: [.macroF1], options: options, seed: 5)[.macroF1])
    let differences = test.resampledDifferences
    #expect(differences.count == 999 - test.difference.undefinedResamples)
    #expect(zip(differences, differences.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(test.differenceQuantile(0.025) == test.difference.lower)
    #expect(test.differenceQuantile(0.975) == test.difference.upper)
  }

  @Test("counts joint cells, both confusion matrices and the discordant items")
  func jointCounts() throws {
    let pairs = try PairedPredictions(
      gold: Self.gold, first: Self.first, second: Self.second, classCount: 3)
    #expect(pairs.itemCount == 6)
    #expect(pairs.counts[pairs.cell(1, 2, 1)] == 1)
    #expect(pairs.count(gold: 1, first: 2, second: 1) == 1)
    #expect(pairs.count(gold: 1, first: 1, second: 2) == 0)
    #expect(pairs.counts.reduce(0, +) == 6)
    #expect(pairs.cells.count == pairs.counts.filter { $0 > 0 }.count)
    #expect(pairs.firstCounts == [1, 1, 0, 0, 1, 1, 0, 0, 2])
    #expect(pairs.secondCounts == [2, 0, 0, 0, 2, 0, 1, 0, 1])
    #expect(pairs.discordantCounts == (firstOnlyCorrect: 1, secondOnlyCorrect: 2))
  }

  @Test("rejects predictions of different lengths, unknown classes and a mismatched scope")
  func invalidInput() throws {
    #expect(throws: StatisticsError.lengthMismatch(gold: 2, first: 1, second: 2)) {
      try PairedPredictions(gold: [0, 1], first: [0], second: [0, 1], classCount: 2)
    }
    #expect(throws: StatisticsError.classOutOfRange(2, classCount: 2)) {
      try PairedPredictions(gold: [0, 1], first: [0, 2], second: [0, 1], classCount: 2)
    }
    #expect(throws: StatisticsError.classOutOfRange(-1, classCount: 2)) {
      try PairedPredictions(gold: [-1], first: [0], second: [0], classCount: 2)
    }
    #expect(throws: StatisticsError.countShapeMismatch(expected: 8, found: 4)) {
      try PairedPredictions(classCount: 2, counts: [1, 2, 3, 4])
    }
    let pairs = try PairedPredictions(gold: [0], first: [0], second: [0], classCount: 2)
    #expect(throws: StatisticsError.classCountMismatch(data: 2, scope: 3)) {
      try PairedComparison(predictions: pairs, scope: MetricScope(classCount: 3))
    }
    let empty = try PairedPredictions(gold: [], first: [], second: [], classCount: 2)
    #expect(throws: StatisticsError.noItems) {
      try PairedComparison(predictions: empty, scope: MetricScope(classCount: 2))
    }
  }

  @Test("reports the difference as second minus first")
  func differenceSign() throws {
    let comparison = try Self.comparison()
    #expect(agrees(comparison.firstValue(of: .accuracy), 4.0 / 6))
    #expect(agrees(comparison.secondValue(of: .accuracy), 5.0 / 6))
    #expect(agrees(comparison.difference(of: .accuracy), 1.0 / 6))
    let test = try #require(
      try comparison.bootstrap(for: [.accuracy], options: BootstrapOptions(resamples: 99))[
        .accuracy])
    #expect(agrees(test.difference.estimate, 1.0 / 6))
    #expect(agrees(test.secondEstimate - test.firstEstimate, 1.0 / 6))
  }

  @Test("identical models get difference 0, interval [0, 0] and p = 1 from every test")
  func identicalModels() throws {
    let comparison = try Self.comparison(second: Self.first)
    let metrics: [Metric] = [.macroF1, .accuracy, .matthewsCorrelation]
    let permutation = try comparison.permutationTest(for: metrics, resamples: 999)
    let bootstrap = try comparison.bootstrap(
      for: metrics, options: BootstrapOptions(resamples: 999))
    for metric in metrics {
      #expect(permutation[metric]!.difference == 0)
      #expect(permutation[metric]!.pValue == 1)
      #expect(bootstrap[metric]!.pValue == 1)
      #expect(bootstrap[metric]!.difference.lower == 0)
      #expect(bootstrap[metric]!.difference.upper == 0)
    }
    for method in McNemarTest.Method.allCases {
      #expect(comparison.mcnemar(method: method).pValue == 1)
    }
  }

  @Test("a clearly better second model gets small p-values and an interval above 0")
  func clearDifference() throws {
    let comparison = try Self.separatedModels(items: 1_000)
    let permutation = try #require(
      try comparison.permutationTest(for: [.macroF1], resamples: 999)[.macroF1])
    let bootstrap = try #require(
      try comparison.bootstrap(for: [.macroF1], options: BootstrapOptions(resamples: 999))[.macroF1]
    )
    #expect(permutation.difference > 0.1)
    #expect(permutation.pValue == 1.0 / 1_000)
    #expect(bootstrap.pValue == 1.0 / 1_000)
    #expect(bootstrap.difference.lower > 0.05)
    #expect(bootstrap.difference.contains(bootstrap.difference.estimate))
    #expect(comparison.mcnemar().pValue < 1e-6)
  }

  /// For accuracy, a swap changes only discordant items, so the
  /// permutation distribution of Δ is the exact conditional binomial of
  /// McNemar's test, and the permutation p-value estimates the exact
  /// McNemar p-value; the paired bootstrap approximates the same
  /// large-sample z-test as the uncorrected chi-square test.
  @Test("permutation and bootstrap p-values for accuracy agree with McNemar's")
  func moderateDifference() throws {
    let population = Population.pair(
      goldShares: [0.4, 0.35, 0.25], firstAccuracy: 0.7, secondAccuracy: 0.76, agreement: 0.5)
    var generator = Xoshiro256StarStar(seed: 8)
    let comparison = try PairedComparison(
      predictions: try PairedPredictions(
        classCount: 3, counts: population.sample(items: 800, using: &generator)),
      scope: MetricScope(classCount: 3))
    let resamples = 4_999
    let permutation = try #require(
      try comparison.permutationTest(for: [.accuracy], resamples: resamples)[.accuracy])
    let bootstrap = try #require(
      try comparison.bootstrap(
        for: [.accuracy], options: BootstrapOptions(resamples: resamples, strategy: .cells))[
          .accuracy])
    let exact = comparison.mcnemar(method: .exact).pValue
    let chiSquare = comparison.mcnemar(method: .chiSquareUncorrected).pValue
    let monteCarlo =
      5 * (exact * (1 - exact) / Double(resamples)).squareRoot() + 1 / Double(resamples)
    #expect(exact > 0.001 && exact < 0.5, "exact \(exact)")
    #expect(abs(permutation.pValue - exact) < monteCarlo, "\(permutation.pValue) vs \(exact)")
    #expect(
      abs(bootstrap.pValue - chiSquare) < 0.1 * chiSquare + monteCarlo,
      "\(bootstrap.pValue) vs \(chiSquare)")
  }

  @Test("runs on a million items in time independent of the number of items")
  func millionItems() throws {
    let population = Population.pair(
      goldShares: [0.4, 0.35, 0.25], firstAccuracy: 0.7, secondAccuracy: 0.71, agreement: 0.5)
    var generator = Xoshiro256StarStar(seed: 9)
    let counts = population.sample(items: 1_000_000, using: &generator)
    let comparison = try PairedComparison(
      predictions: try PairedPredictions(classCount: 3, counts: counts),
      scope: MetricScope(classCount: 3))
    let permutation = try comparison.permutationTest(for: [.macroF1], resamples: 199)
    let bootstrap = try comparison.bootstrap(
      for: [.macroF1], options: BootstrapOptions(resamples: 199))
    #expect(permutation[.macroF1]!.pValue < 0.01)
    #expect(bootstrap[.macroF1]!.difference.width < 0.01)
  }

  @Test("reports progress of both resampling tests")
  func progress() throws {
    nonisolated(unsafe) var last = (0, 0)
    nonisolated(unsafe) var calls = 0
    let comparison = try Self.comparison()
    _ = try comparison.permutationTest(
      for: [.accuracy], resamples: 250,
      progress: {
        last = ($0, $1); calls += 1
      })
    #expect(last == (250, 250) && calls == 125)
    _ = try comparison.bootstrap(
      for: [.accuracy], options: BootstrapOptions(resamples: 50), progress: { last = ($0, $1) })
    #expect(last == (50, 50))
  }

  @Test(
    "McNemar with no discordant items gives statistic 0 and p = 1",
    arguments: McNemarTest.Method.allCases)
  func noDiscordantItems(_ method: McNemarTest.Method) {
    let test = McNemarTest(firstOnlyCorrect: 0, secondOnlyCorrect: 0, method: method)
    #expect(test.statistic == 0 && test.pValue == 1)
  }

  @Test("McNemar's continuity correction leaves b = c at p = 1")
  func balancedDiscordance() {
    let test = McNemarTest(firstOnlyCorrect: 7, secondOnlyCorrect: 7, method: .chiSquare)
    #expect(test.statistic == 0 && test.pValue == 1)
    #expect(McNemarTest(firstOnlyCorrect: 7, secondOnlyCorrect: 7).pValue == 1)
  }

  @Test("mid-p lies between half the exact p-value and the exact p-value")
  func midPBetween() {
    for (b, c) in [(3, 9), (10, 25), (40, 61)] {
      let exact = McNemarTest(firstOnlyCorrect: b, secondOnlyCorrect: c, method: .exact).pValue
      let midP = McNemarTest(firstOnlyCorrect: b, secondOnlyCorrect: c).pValue
      #expect(midP < exact && midP > exact / 2)
    }
  }
}
