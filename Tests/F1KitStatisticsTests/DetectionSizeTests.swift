import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

/// The test-set size `f1kit compare` names for a difference it does not
/// call significant (``MarginReachability/init(detecting:count:unit:seedShare:variance:power:differingCount:standardErrorDegrees:)``), and the range around it that one
/// test set allows, as the gate gives around its needed size.
@Suite("Compare: the range around the size that would detect a difference")
struct DetectionSizeTests {
  /// A difference of 0.008 with a standard error of 0.0045 over 1,379
  /// items: 1,379 × ((z₀.₉₇₅ + z₀.₈) × 0.0045 / 0.008)² = 3,425 items.
  static let difference = ConfidenceInterval(
    lower: -0.0008, upper: 0.0168, estimate: 0.008, method: .percentile, confidence: 0.95,
    standardError: 0.0045, resamples: 999)

  @Test("each end is the size at ν over a χ² quantile times the squared standard error (scipy)")
  func endsScaleByChiSquared() throws {
    let size = MarginReachability(
      detecting: Self.difference, count: 1_379, standardErrorDegrees: 300)
    #expect(size.requiredCount == 3_425)
    let range = try #require(size.requiredCountRange)
    // scipy: ceil(1379·((norm.ppf(0.975) + norm.ppf(0.8))·0.0045·√(300/q)/0.008)²)
    // at q = chi2.ppf(0.975, 300) = 349.874 and chi2.ppf(0.025, 300) = 253.912;
    // Wilson–Hilferty is within 0.1% of those quantiles at ν = 300.
    for (end, expected) in [(range.lowerBound, 2_937), (range.upperBound, 4_047)] {
      #expect(abs(Double(end - expected)) <= 0.001 * Double(expected), "\(end) against \(expected)")
    }
  }

  @Test("without ν, items bracket the size by the differing share's exact interval (scipy)")
  func endsScaleByTheDifferingShare() throws {
    let size = MarginReachability(detecting: Self.difference, count: 1_379, differingCount: 154)
    let range = try #require(size.requiredCountRange)
    // scipy: the same at beta.ppf(0.025, 154, 1226) and beta.ppf(0.975, 155, 1225)
    // over the share 154/1379.
    #expect(abs(range.lowerBound - 2_930) <= 1)
    #expect(abs(range.upperBound - 3_972) <= 1)
  }

  @Test("the sentence gives the range in the gate's words")
  func sentenceNamesTheRange() {
    let items = MarginReachability(
      detecting: Self.difference, count: 1_379, differingCount: 154, standardErrorDegrees: 300)
    #expect(
      items.detectionSentence
        == " Detecting a difference of 0.008 with 80% power would take about 3,425 items, a size that rests on the 154 items the models label differently, so it could be anywhere from about 2,900 to 4,100; this test set has 1,379."
    )
    let groups = MarginReachability(
      detecting: Self.difference, count: 1_256, unit: .groups, standardErrorDegrees: 300)
    #expect(
      groups.detectionSentence.contains(
        " groups, a size that rests on the spread of the 1,256 groups' differences, so it could be anywhere from about "
      ), "\(groups.detectionSentence)")
    // No range: the bare size, as before.
    let bare = MarginReachability(detecting: Self.difference, count: 1_379)
    #expect(
      bare.detectionSentence
        == " Detecting a difference of 0.008 with 80% power would take about 3,425 items; this test set has 1,379."
    )
  }

  @Test("the JSON names the size and its range as the gate's reachability does")
  func jsonFields() throws {
    let size = MarginReachability(
      detecting: Self.difference, count: 1_379, differingCount: 154, standardErrorDegrees: 300)
    let range = try #require(size.requiredCountRange)
    let head: [(key: String, value: JSONValue)] = [
      ("half_width", .number(0.0088)), ("reachable", .bool(true)),
      ("assumed_difference", .number(0.008)), ("power", .number(0.8)),
      ("unit", .string("items")), ("count", .integer(1_379)), ("required_n", .integer(3_425)),
    ]
    let members = size.jsonMembers(hasSeveralRuns: false)
    #expect(
      members.map(\.key) == head.map(\.key) + [
        "required_n_low", "required_n_high", "differing", "se_degrees",
      ])
    #expect(
      JSONValue.object(Array(members.dropFirst()))
        == .object(
          Array(head.dropFirst()) + [
            ("required_n_low", .integer(range.lowerBound)),
            ("required_n_high", .integer(range.upperBound)), ("differing", .integer(154)),
            ("se_degrees", .number(300)),
          ]))
    let bare = MarginReachability(detecting: Self.difference, count: 1_379)
    #expect(bare.jsonMembers(hasSeveralRuns: false).map(\.key) == head.map(\.key))
    #expect(
      bare.jsonMembers(hasSeveralRuns: true).map(\.key)
        == head.map(\.key) + ["seed_share", "limited_by_seeds"])
  }

  @Test("no range with seeds, several runs, few degrees, groups without ν, or no size to give")
  func absentWhereOneTestSetCannotBracketIt() {
    let severalRuns = DifferenceVariance(
      itemVariance: 0.0045 * 0.0045,
      models: [
        DifferenceVariance.Model(runCount: 3, meanSquare: 1e-5, seedVariance: 0),
        DifferenceVariance.Model(runCount: 3, meanSquare: 1e-5, seedVariance: 0),
      ])
    let reached = ConfidenceInterval(
      lower: 0.06, upper: 0.14, estimate: 0.1, method: .percentile, confidence: 0.95,
      standardError: 0.02, resamples: 999)
    let cases = [
      // Several runs: the seeds put a floor under the size.
      MarginReachability(
        detecting: Self.difference, count: 1_379, variance: severalRuns, differingCount: 154,
        standardErrorDegrees: 300),
      MarginReachability(
        detecting: Self.difference, count: 1_379, seedShare: 0.2, differingCount: 154,
        standardErrorDegrees: 300),
      // Below ν = 10.
      MarginReachability(detecting: Self.difference, count: 1_379, standardErrorDegrees: 9),
      // Groups, with only the differing items known.
      MarginReachability(
        detecting: Self.difference, count: 1_256, unit: .groups, differingCount: 144),
      // This test set already has the size.
      MarginReachability(
        detecting: reached, count: 2_000, differingCount: 300, standardErrorDegrees: 600),
    ]
    for size in cases {
      #expect(size.requiredCountRange == nil)
      #expect(!size.detectionSentence.contains("anywhere from"))
      #expect(
        !JSONValue.object(size.jsonMembers(hasSeveralRuns: false)).serialized().contains(
          "required_n_low"))
    }
  }

  @Test(
    "a grouped experiment has the jackknife's degrees of freedom whatever the interval method",
    arguments: [IntervalMethod.percentile, .basic, .bca])
  func groupedDegreesForEveryMethod(method: IntervalMethod) throws {
    var generator = Xoshiro256StarStar(seed: 17)
    let sample = DesignPopulation(groups: 60, itemsPerGroup: 15, groupSpread: 0.3)
      .draw(runsPerModel: [1, 1], using: &generator)
    let counts = try ExperimentCounts(
      gold: sample.gold, runs: sample.runs, groups: sample.groups, classCount: 2)
    func comparison(_ method: IntervalMethod) throws -> ExperimentComparison {
      try ExperimentComparison(
        counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: .groups,
        options: BootstrapOptions(resamples: 199, method: method), tests: [], seed: 3)
    }
    let degrees = try #require(try comparison(method).pairs[0].standardErrorDegrees)
    // The same leave-one-group-out pass as BCa's.
    #expect(degrees == (try comparison(.bca)).pairs[0].standardErrorDegrees)
    let description = ExperimentComparison.Description(
      names: ["a", "b"], runFiles: [["a.csv"], ["b.csv"]], labels: ["0", "1"], seed: 3,
      positiveLabel: "1")
    let decision = try ReleaseGate(margin: 0.02).decision(
      for: try comparison(method), description: description)
    #expect(decision.reachability.requiredCountRange != nil)
  }
}

@Suite("The standard error's degrees of freedom from resampled jackknife variances")
struct ResampledDegreesTests {
  @Test("ν is 2 over the variances' relative variance plus the Monte Carlo term 2/(R − 1)")
  func formula() throws {
    let variances = (1...40).map { 1 + Double($0 % 7) / 10 }
    let mean = variances.reduce(0, +) / 40
    let spread = variances.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 39
    let expected = 2 / (spread / (mean * mean) + 2 / 998.0)
    let degrees = try #require(
      MarginReachability.standardErrorDegrees(resampledVariances: variances, resamples: 999))
    #expect(abs(degrees - expected) <= 1e-12 * expected)
    // Variances that do not move leave the Monte Carlo term: ν = R − 1.
    let flat = [Double](repeating: 0.5, count: 20)
    let monteCarloOnly = try #require(
      MarginReachability.standardErrorDegrees(resampledVariances: flat, resamples: 999))
    #expect(abs(monteCarloOnly - 998) <= 1e-9)
  }

  @Test(
    "too few variances, an undefined one or none above 0 give no ν",
    arguments: [
      [Double](repeating: 1, count: 19), [Double](repeating: 1, count: 19) + [.nan],
      [Double](repeating: 0, count: 30),
    ])
  func undefined(variances: [Double]) {
    #expect(
      MarginReachability.standardErrorDegrees(resampledVariances: variances, resamples: 999)
        == nil)
  }
}
