import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

/// The words of an experiment's text summary: what each resample draws,
/// where the difference's variance comes from, and one verdict sentence
/// per pair from the experiment's own numbers.
@Suite("Experiment text: resampling labels, the variance shares and a verdict per pair")
struct ExperimentTextTests {
  /// Models on 30 groups of 10 binary items: an item is right for model
  /// `m` when one uniform draw per item falls below `accuracy[m]` plus the
  /// group's shift and the run's shift, so items, groups and runs all vary
  /// (and the models stay paired). With `sharesRunShifts`, run `r` of
  /// every model has the same shift, so the models differ only by
  /// `accuracy`.
  static func comparison(
    accuracy: [Double], runs: Int, design: ResamplingDesign, runSpread: Double = 0.06,
    sharesRunShifts: Bool = false, resamples: Int = 499,
    tests: [ComparisonOptions.Test] = ComparisonOptions.Test.allCases
  ) throws -> (ExperimentComparison, ExperimentComparison.Description) {
    var generator = Xoshiro256StarStar(seed: 3)
    var gold: [Int32] = []
    var groups: [Int] = []
    var draws: [Double] = []
    var groupShifts: [Double] = []
    for group in 0..<30 {
      groupShifts.append(0.3 * generator.nextUnitInterval() - 0.15)
      for _ in 0..<10 {
        gold.append(Int32(generator.next() & 1))
        groups.append(group)
        draws.append(generator.nextUnitInterval())
      }
    }
    let shared = (0..<runs).map { _ in runSpread * (generator.nextUnitInterval() - 0.5) }
    let predictions = accuracy.map { accuracy in
      (0..<runs).map { run in
        let runShift =
          sharesRunShifts ? shared[run] : runSpread * (generator.nextUnitInterval() - 0.5)
        return gold.indices.map { index in
          draws[index] < accuracy + groupShifts[groups[index]] + runShift
            ? gold[index] : 1 - gold[index]
        }
      }
    }
    let counts = try ExperimentCounts(
      gold: gold, runs: predictions, groups: groups, classCount: 2)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: design,
      options: BootstrapOptions(resamples: resamples), tests: tests, seed: 1)
    let names = ["a", "b", "c"].prefix(accuracy.count).map { $0 }
    let description = ExperimentComparison.Description(
      names: names,
      runFiles: names.map { name in (1...runs).map { "\(name)-run\($0).csv" } },
      labels: ["0", "1"], seed: 1)
    return (comparison, description)
  }

  static func number(_ value: Double) -> String { String(format: "%.3f", value) }

  static func range(_ interval: ConfidenceInterval) -> String {
    "[\(number(interval.lower)), \(number(interval.upper))]"
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var design: ResamplingDesign
    var runs: Int
    /// What the header says each resample draws.
    var header: String
    /// What the test line and the verdict say.
    var label: String
    var testDescription: String { "\(design), \(runs) run(s): \(label)" }
  }

  static let cases = [
    Case(design: .items, runs: 1, header: "items resampled", label: "items resampled"),
    Case(
      design: .items, runs: 2, header: "runs and items resampled",
      label: "runs and items resampled"),
    Case(design: .groups, runs: 1, header: "30 groups resampled", label: "groups resampled"),
    Case(
      design: .groups, runs: 2, header: "runs and 30 groups resampled",
      label: "runs and groups resampled"),
    Case(
      design: .stratifiedByGold, runs: 1, header: "items resampled within each gold class",
      label: "items resampled within each gold class"),
    Case(
      design: .stratifiedByGold, runs: 2,
      header: "runs and items resampled within each gold class",
      label: "runs and items resampled within each gold class"),
  ]

  @Test(
    "the header, the test line and the verdict say what each resample draws", arguments: cases)
  func resamplingLabels(_ example: Case) throws {
    let (comparison, description) = try Self.comparison(
      accuracy: [0.7, 0.7], runs: example.runs, design: example.design)
    let text = comparison.textSummary(description)
    let pair = comparison.pairs[0]
    #expect(
      text.hasPrefix(
        "Compared on accuracy over 300 items (\(example.header), seed 1, 499 resamples)\n"))
    #expect(
      text.contains(
        "  paired bootstrap      p = \(Self.number(pair.bootstrapPValue))  (\(example.label))\n"))
    #expect(comparison.resamplingPhrase() == example.label)
    // The verdict is the experiment's own p-value, after the pair's lines:
    // the group permutation test's with groups and one run each.
    let verdict = comparison.verdict(for: 0, description: description)
    let isPermutation = example.design == .groups && example.runs == 1
    let test =
      isPermutation
      ? "permutation test, whole groups swapped" : "paired bootstrap, \(example.label)"
    let p = isPermutation ? try #require(pair.groupPermutation).pValue : pair.bootstrapPValue
    #expect(verdict.contains(", p = \(Self.number(p)) (\(test))."))
    #expect(text.contains("\n\n" + verdict + "\n"), "\(text)")
  }

  /// What the verdict adds on power when the difference is not
  /// significant, worked out here from its definition: at *m* units the
  /// standard error is √(*s*·SE² + (1 − *s*)·SE²·*n*/*m*) for the seeds'
  /// share *s*, and *m* is the smallest size at which (z₀.₉₇₅ + z₀.₈)
  /// times it is at most the observed difference.
  static func powerSentence(
    difference: ConfidenceInterval, seedShare: Double, count: Int, unit: String,
    rangeClause: String = ""
  ) -> String {
    let z = 1.959963984540054 + 0.8416212335729143
    let variance = difference.standardError * difference.standardError
    let size = abs(difference.estimate)
    let room = (size / z) * (size / z) - seedShare * variance
    let head = " Detecting a difference of \(number(size)) with 80% power would take"
    guard room > 0 else {
      return
        head
        + " more runs per model, not more test \(unit): the spread between training runs alone would keep the interval too wide."
    }
    let needed = Int(((1 - seedShare) * variance * Double(count) / room).rounded(.up))
    let formatted = needed.formatted(
      .number.grouping(.automatic).locale(Locale(identifier: "en_US")))
    return
      head
      + " about \(formatted) \(unit)\(seedShare > 0 ? " (with the same runs)" : "")\(rangeClause); this test set has \(count)."
  }

  @Test(
    "no significant difference: the experiment's interval, and the test set 80% power would take",
    arguments: [
      (1, ResamplingDesign.groups), (3, .groups), (1, .stratifiedByGold), (3, .items),
    ])
  func noDifference(runs: Int, design: ResamplingDesign) throws {
    let (comparison, description) = try Self.comparison(
      accuracy: [0.7, 0.71], runs: runs, design: design, sharesRunShifts: true)
    let pair = comparison.pairs[0]
    try #require(comparison.verdictPValues[0] >= 0.05)
    try #require(pair.difference.estimate != 0)
    let share = comparison.seedShare(of: pair) ?? 0
    #expect((share > 0) == (runs > 1))
    // With one run the size comes with the range the jackknife's degrees
    // of freedom allow (DetectionSizeTests), unless they are below 10;
    // with several, never.
    let detection = comparison.detectionSize(for: pair)
    if runs > 1 {
      #expect(detection.requiredCountRange == nil)
    } else if detection.requiredCountRange == nil {
      #expect((detection.standardErrorDegrees ?? 0) < 10, "\(detection)")
    }
    let power = Self.powerSentence(
      difference: pair.difference, seedShare: share, count: design == .groups ? 30 : 300,
      unit: design == .groups ? "groups" : "items",
      rangeClause: detection.requiredCountRange.map {
        MarginReachability.rangeClause(
          $0, unit: detection.unit, count: detection.count,
          differingCount: detection.differingCount)
      } ?? "")
    if let groups = pair.exchangeableGroups, groups < 6 {
      // The models differ in so few of the 30 groups that the group
      // permutation test cannot reach p below 0.05: no verdict, and no
      // test-set size.
      #expect(
        comparison.verdict(for: 0, description: description)
          == "b − a on accuracy: \(Self.number(pair.difference.estimate)), 95% CI \(Self.range(pair.difference)), p = \(Self.number(comparison.verdictPValues[0])) (\(comparison.verdictTestPhrase)). No verdict: the group permutation test cannot reach p below α over \(groups) groups whose swap changes a table; it takes 6."
      )
      return
    }
    #expect(
      comparison.verdict(for: 0, description: description)
        == "b and a do not differ significantly on accuracy: b − a = \(Self.number(pair.difference.estimate)), 95% CI \(Self.range(pair.difference)), p = \(Self.number(comparison.verdictPValues[0])) (\(comparison.verdictTestPhrase))."
        + ModelComparison.disagreementSentence(
          interval: pair.difference, isSignificant: false, isAdjusted: false)
        + power)
  }

  @Test("with several runs the shares are labelled as shares of variance, not of width")
  func varianceShares() throws {
    for design in [ResamplingDesign.items, .groups] {
      let (comparison, description) = try Self.comparison(
        accuracy: [0.65, 0.7], runs: 3, design: design)
      let share = try #require(comparison.seedShare(of: comparison.pairs[0]))
      let text = comparison.textSummary(description)
      let units = design == .groups ? "groups" : "items"
      #expect(
        text.contains(
          "  variance: \(Int((share * 100).rounded()))% from training seeds, \(Int(((1 - share) * 100).rounded()))% from test \(units)"
        ), "\(text)")
      #expect(!text.contains("width:"))
    }
    let (single, description) = try Self.comparison(
      accuracy: [0.65, 0.7], runs: 1, design: .groups)
    #expect(!single.textSummary(description).contains("variance:"))
  }

  @Test("with few runs the variance line says how much Student's t widens the interval")
  func fewRunsWidening() throws {
    let (comparison, description) = try Self.comparison(
      accuracy: [0.65, 0.7], runs: 3, design: .items)
    let pair = comparison.pairs[0]
    let split = try #require(pair.varianceSplit)
    let degrees = split.degreesOfFreedom(scale: 1)
    // The interval is the two-level resamples moved onto the corrected
    // variance with t at these degrees, so its half width over z times the
    // standard error is the ratio the line quotes.
    let widening = try #require(comparison.fewRunsWidening(of: pair))
    #expect(widening.degreesOfFreedom == degrees)
    let expected =
      StudentT.quantile(0.975, degreesOfFreedom: degrees) / StandardNormal.quantile(0.975)
    #expect(abs(widening.ratio - expected) < 1e-12)
    let text = comparison.textSummary(description)
    #expect(
      text.contains(
        "; Student's t at \(String(format: "%.1f", degrees)) degrees of freedom (few runs) makes the interval \(String(format: "%.2f", expected))× as wide as normal quantiles would\n"
      ), "\(text)")
    let (single, _) = try Self.comparison(accuracy: [0.65, 0.7], runs: 1, design: .items)
    #expect(single.fewRunsWidening(of: single.pairs[0]) == nil)
  }

  @Test("a significant difference names the winner, whichever model it is")
  func winner() throws {
    for (accuracy, winner, loser) in [([0.55, 0.9], "b", "a"), ([0.9, 0.55], "a", "b")] {
      let (comparison, description) = try Self.comparison(
        accuracy: accuracy, runs: 2, design: .groups)
      let pair = comparison.pairs[0]
      #expect(pair.bootstrapPValue < 0.05)
      let difference = pair.difference
      let interval =
        difference.estimate > 0
        ? Self.range(difference)
        : "[\(Self.number(-difference.upper)), \(Self.number(-difference.lower))]"
      #expect(
        comparison.verdict(for: 0, description: description)
          == "\(winner) beats \(loser) on accuracy by \(Self.number(abs(difference.estimate))), 95% CI \(interval), p = \(Self.number(pair.bootstrapPValue)) (paired bootstrap, runs and groups resampled)."
      )
    }
  }

  @Test(
    "with groups and one run each, every pair's sentence quotes its group permutation p-value, adjusted over three models",
    arguments: [
      (
        [ComparisonOptions.Test.permutation, .bootstrap, .mcnemar],
        "permutation test, whole groups swapped"
      ),
      ([.bootstrap], "paired bootstrap, groups resampled"),
    ])
  func threeModels(tests: [ComparisonOptions.Test], phrase: String) throws {
    let (comparison, description) = try Self.comparison(
      accuracy: [0.6, 0.65, 0.9], runs: 1, design: .groups, tests: tests)
    let permutes = tests.contains(.permutation)
    #expect(comparison.verdictTest == (permutes ? .permutation : .bootstrap))
    let raw = try comparison.pairs.map { pair in
      permutes ? try #require(pair.groupPermutation).pValue : pair.bootstrapPValue
    }
    #expect(comparison.pairs.allSatisfy { ($0.groupPermutation != nil) == permutes })
    let adjusted = try PValueAdjustment.holm.adjusted(raw)
    #expect(comparison.decisionPValues(adjustedBy: .holm) == adjusted)
    let text = comparison.textSummary(description)
    for index in comparison.pairs.indices {
      let verdict = comparison.verdict(for: index, description: description)
      #expect(verdict.contains("(\(phrase), Holm-adjusted)."))
      let p = adjusted[index]
      #expect(verdict.contains("p = \(p < 0.001 ? String(format: "%.2g", p) : Self.number(p))"))
      #expect(text.contains(verdict + "\n"))
    }
  }
}
