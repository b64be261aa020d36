import F1Kit
import F1KitReading
import Testing

@testable import F1KitStatistics

/// Verdicts that the numbers cannot support: a resampled test that
/// cannot reach p below α, a bootstrap with no spread, a test set too
/// small for any exact paired test.
@Suite("What a comparison's tests can say at all")
struct VerdictEvidenceTests {
  /// Models on the same items of two balanced classes, each item right
  /// for both, for the first only, for the second only, or for neither.
  static func aligned(
    bothRight: Int, firstOnly: Int, secondOnly: Int, bothWrong: Int = 0, models: Int = 2
  ) throws -> AlignedPredictions {
    let kinds =
      Array(repeating: (true, true), count: bothRight)
      + Array(repeating: (true, false), count: firstOnly)
      + Array(repeating: (false, true), count: secondOnly)
      + Array(repeating: (false, false), count: bothWrong)
    let gold = kinds.indices.map { Int32($0 % 2) }
    func model(_ isRight: (Bool, Bool) -> Bool) -> ItemPredictions {
      ItemPredictions(
        labels: ["0", "1"], gold: gold,
        predicted: zip(gold, kinds).map { isRight($1.0, $1.1) ? $0 : 1 - $0 })
    }
    let first = model { first, _ in first }
    let second = model { _, second in second }
    let all = [first, second] + Array(repeating: second, count: models - 2)
    return try AlignedPredictions(all, names: (0..<models).map { "m\($0)" })
  }

  static func comparison(
    _ aligned: AlignedPredictions, resamples: Int, confidence: Double = 0.95,
    tests: [ComparisonOptions.Test] = ComparisonOptions.Test.allCases
  ) throws -> ModelComparison {
    try ModelComparison(
      aligned: aligned, names: (0..<aligned.predictions.count).map { "m\($0)" },
      options: ComparisonOptions(
        metric: .accuracy, tests: tests,
        bootstrap: BootstrapOptions(resamples: resamples, confidence: confidence), seed: 42))
  }

  @Test(
    "alpha is one minus the confidence in decimal: 0.999 gives the double 0.001 is",
    arguments: [(0.999, 0.001), (0.95, 0.05), (0.9999, 0.0001), (0.6, 0.4), (0.99, 0.01)])
  func decimalSignificanceLevel(confidence: Double, alpha: Double) {
    #expect(BootstrapOptions.significanceLevel(confidence: confidence) == alpha)
    #expect(BootstrapOptions(confidence: confidence).significanceLevel == alpha)
  }

  @Test(
    "the fewest resamples that can reach p below alpha",
    arguments: [
      (1, 0.0001, 10_000), (6, 0.05, 120), (1, 0.001, 1_000), (1, 0.05, 20), (3, 0.05, 60),
    ])
  func sufficientResamples(multiplier: Int, alpha: Double, expected: Int) throws {
    let enough = try #require(
      ResamplingFloor(
        test: .permutation, resamples: expected, multiplier: multiplier, significanceLevel: alpha))
    #expect(!enough.preventsSignificance)
    #expect(enough.sufficientResamples == expected)
    let short = try #require(
      ResamplingFloor(
        test: .permutation, resamples: expected - 1, multiplier: multiplier,
        significanceLevel: alpha))
    #expect(short.preventsSignificance)
    #expect(short.caution() != nil)
    #expect(enough.caution() == nil)
  }

  @Test("McNemar's test, which is not resampled, has no floor")
  func mcnemarHasNoFloor() throws {
    let aligned = try Self.aligned(bothRight: 10, firstOnly: 2, secondOnly: 20)
    let comparison = try Self.comparison(aligned, resamples: 9, tests: [.mcnemar])
    #expect(comparison.resamplingFloor(on: .accuracy) == nil)
    #expect(comparison.verdict(for: comparison.pairs[0]).contains("beats"))
  }

  /// 2,000 items, B right on 705 that A gets wrong and A on 132: McNemar's
  /// p is 1.6e-95, yet 9,999 resamples cannot give p below 0.0001.
  @Test("a test whose smallest p-value is alpha gives no verdict, not 'do not differ'")
  func floorAtAlphaGivesNoVerdict() throws {
    let aligned = try Self.aligned(bothRight: 1_081, firstOnly: 132, secondOnly: 705, bothWrong: 82)
    let comparison = try Self.comparison(aligned, resamples: 9_999, confidence: 0.9999)
    let verdict = comparison.verdict(for: comparison.pairs[0])
    #expect(!verdict.contains("do not differ"), "\(verdict)")
    #expect(!verdict.contains("Detecting a difference"))
    #expect(!verdict.contains("borderline"))
    #expect(verdict.contains("No verdict"))
    #expect(verdict.contains("--resamples 10000 or more"))
    let caution = try #require(comparison.cautions().first)
    #expect(
      caution.hasPrefix(
        "with 9,999 resamples the permutation test's smallest possible p-value is 1/10,000 = 0.0001, not below α = 0.0001"
      ), "\(caution)")
    #expect(comparison.textSummary().contains("Note: with 9,999 resamples"))
  }

  @Test("p = 0.001 at --confidence 0.999 is not below alpha, so it is no 'beats'")
  func knifeEdge() throws {
    let aligned = try Self.aligned(bothRight: 1_081, firstOnly: 132, secondOnly: 705, bothWrong: 82)
    let comparison = try Self.comparison(aligned, resamples: 999, confidence: 0.999)
    #expect(comparison.significanceLevel == 0.001)
    let pair = comparison.pairs[0]
    #expect(comparison.decisionPValue(for: pair) == 0.001)
    let verdict = comparison.verdict(for: pair)
    #expect(!verdict.contains("beats"), "\(verdict)")
    #expect(verdict.contains("--resamples 1000 or more"))
    let enough = try Self.comparison(aligned, resamples: 1_000, confidence: 0.999)
    #expect(enough.verdict(for: enough.pairs[0]).contains("beats"))
  }

  @Test("Holm over 6 pairs with 100 resamples cannot reject at 0.05: every pair says so")
  func holmFloor() throws {
    var generator = Xoshiro256StarStar(seed: 7)
    let gold = (0..<400).map { _ in Int32(generator.next() % 2) }
    let models = [0.55, 0.7, 0.85, 0.95].map { accuracy in
      ItemPredictions(
        labels: ["0", "1"], gold: gold,
        predicted: gold.map { Double(generator.next() % 1_000) / 1_000 < accuracy ? $0 : 1 - $0 })
    }
    let aligned = try AlignedPredictions(models, names: ["m0", "m1", "m2", "m3"])
    let comparison = try Self.comparison(aligned, resamples: 100, tests: [.permutation])
    let floor = try #require(comparison.resamplingFloor(on: .accuracy))
    #expect(floor.multiplier == 6)
    #expect(floor.smallestPValue == 6.0 / 101)
    for pair in comparison.pairs {
      let verdict = comparison.verdict(for: pair)
      #expect(!verdict.contains("do not differ"), "\(verdict)")
      #expect(verdict.contains("--resamples 120 or more"), "\(verdict)")
    }
    #expect(
      comparison.cautions().contains {
        $0.contains("100 resamples and Holm's adjustment over 6 pairs")
      })
    let enough = try Self.comparison(aligned, resamples: 120, tests: [.permutation])
    #expect(enough.resamplingFloor(on: .accuracy)?.preventsSignificance == false)
    #expect(enough.cautions().isEmpty)
  }

  /// 8 items, every one right for B and wrong for A: every resample's
  /// difference is 1, so the shifted bootstrap p would be 1/(R + 1).
  @Test("a paired bootstrap with no spread gives no p-value and no verdict")
  func bootstrapWithNoSpread() throws {
    let aligned = try Self.aligned(bothRight: 0, firstOnly: 0, secondOnly: 8)
    let comparison = try Self.comparison(aligned, resamples: 10_000, tests: [.bootstrap])
    let pair = comparison.pairs[0]
    let test = try #require(pair.pairedBootstrap)
    #expect(test.pValue.isNaN)
    #expect(test.hasNoSpread)
    let verdict = comparison.verdict(for: pair)
    #expect(!verdict.contains("beats"), "\(verdict)")
    #expect(verdict.contains("no spread"))
    #expect(
      comparison.cautions().contains {
        $0.hasPrefix("every paired-bootstrap resample of m1 − m0 (1.000) gives the same difference")
      })
  }

  @Test("identical models keep p = 1 from the bootstrap; a spread distribution keeps its p")
  func bootstrapWithSpread() throws {
    let identical = try Self.comparison(
      try Self.aligned(bothRight: 5, firstOnly: 0, secondOnly: 0, bothWrong: 3), resamples: 200)
    #expect(identical.pairs[0].pairedBootstrap?.pValue == 1)
    #expect(identical.pairs[0].pairedBootstrap?.hasNoSpread == false)
    let spread = try Self.comparison(
      try Self.aligned(bothRight: 30, firstOnly: 5, secondOnly: 15), resamples: 200)
    #expect(spread.pairs[0].pairedBootstrap.map { !$0.pValue.isNaN } == true)
  }

  @Test(
    "one item with a difference of -1: no 'borderline' sentence from an interval of no width")
  func singleItem() throws {
    let comparison = try Self.comparison(
      try Self.aligned(bothRight: 0, firstOnly: 1, secondOnly: 0), resamples: 999)
    let verdict = comparison.verdict(for: comparison.pairs[0])
    #expect(!verdict.contains("borderline"), "\(verdict)")
    #expect(comparison.textSummary().contains("over 1 item ("))
  }

  @Test(
    "fewer items than an exact paired test needs at alpha get a caution",
    arguments: [(1, true), (5, true), (6, false), (40, false)])
  func smallSampleCaution(items: Int, isCautioned: Bool) throws {
    let comparison = try Self.comparison(
      try Self.aligned(bothRight: items - 1, firstOnly: 0, secondOnly: 1), resamples: 199)
    let cautioned = comparison.cautions().contains { $0.hasPrefix("only \(items) item") }
    #expect(cautioned == isCautioned, "\(comparison.cautions())")
  }

  @Test(
    "the fewest items an exact paired test can reject on",
    arguments: [(0.05, 6), (0.01, 8), (0.4, 3), (0.001, 11)])
  func fewestTestableItems(alpha: Double, expected: Int) {
    #expect(ModelComparison.fewestTestableItems(significanceLevel: alpha) == expected)
  }

  /// power/a1.csv and b1.csv: 4 items, B right on 2 that A gets wrong; the
  /// power formula asks for 4 items, as many as there are.
  @Test("the test-set size sentence never names a size at or below this test set's")
  func powerSentenceAboveTheTestSet() throws {
    let labels = ["0", "1"]
    let gold: [Int32] = [0, 1, 0, 1]
    let aligned = try AlignedPredictions(
      [
        ItemPredictions(labels: labels, gold: gold, predicted: [0, 0, 1, 0]),
        ItemPredictions(labels: labels, gold: gold, predicted: [0, 1, 1, 1]),
      ], names: ["a1", "b1"])
    let comparison = try ModelComparison(
      aligned: aligned, names: ["a1", "b1"],
      options: ComparisonOptions(
        metric: .binaryF1, bootstrap: BootstrapOptions(resamples: 999), seed: 42))
    let pair = comparison.pairs[0]
    #expect(comparison.requiredItemCount(for: pair) == nil)
    #expect(!comparison.verdict(for: pair).contains("would take about"))
  }
}
