import F1Kit
import F1KitStatistics
import Testing

@testable import F1KitAdvice

@Suite("Multilabel advice rules")
struct MultilabelAdvisorTests {
  /// Six items over a, b, c and d (d never occurs): a is in 3 gold sets,
  /// b and c in 2; one gold set and one predicted set are empty; c is
  /// never predicted.
  static let gold: [[String]] = [["a", "b"], [], ["b"], ["a", "c"], ["c"], ["a"]]
  static let predicted: [[String]] = [["a"], ["a"], ["b"], ["a"], [], ["a", "b"]]

  func metrics(labels: [String]? = ["a", "b", "c", "d"]) throws -> MultilabelMetrics {
    let counts = try MultilabelCounts(gold: Self.gold, predicted: Self.predicted)
    return try MultilabelMetrics(counts: counts, options: EvaluationOptions(labels: labels))
  }

  @Test("fires the data rules once and the model rules, warnings first")
  func rules() throws {
    let advice = MetricAdvisor().advice(for: try metrics())
    #expect(
      advice.map(\.rule) == [
        .emptyLabelSets, .labelWithoutGoldItems, .classNeverPredicted, .multilabelAveraging,
        .emptyLabelSets,
      ])
    #expect(advice.map(\.severity) == [.warning, .warning, .warning, .note, .note])
    #expect(advice.allSatisfy { $0.model == nil })
  }

  @Test("the averaging advice counts items, not label occurrences")
  func averagingEvidence() throws {
    let metrics = try metrics()
    let advice = try #require(
      MetricAdvisor().advice(for: metrics).first { $0.rule == .multilabelAveraging })
    let evidence = Dictionary(
      advice.evidence.map { ("\($0.name)\($0.label.map { "[\($0)]" } ?? "")", $0.value) },
      uniquingKeysWith: { first, _ in first })
    #expect(evidence["label_cardinality"] == 7.0 / 6.0)
    #expect(evidence["support[a]"] == 3)
    // b and c both have 2; the first in label order is cited.
    #expect(evidence["support[b]"] == 2)
    #expect(evidence["imbalance_ratio"] == 1.5)
    #expect(evidence["samples_f1"] == metrics.value(of: .samplesF1))
    #expect(evidence["macro_f1"] == metrics.value(of: .macroF1))
    #expect(advice.severity == .note)
  }

  @Test("a stricter imbalance threshold turns the averaging note into a recommendation")
  func threshold() throws {
    let advisor = MetricAdvisor(thresholds: AdviceThresholds(imbalanceRatio: 1.5))
    let advice = try #require(
      advisor.advice(for: try metrics()).first { $0.rule == .multilabelAveraging })
    #expect(advice.severity == .recommendation)
    #expect(
      advice.title == "Label frequencies differ 1.5×: read macro-F1 beside micro- and samples-F1")
  }

  @Test("a comparison names models in model advice and adds no-significant-difference")
  func comparison() throws {
    let labels = ["a", "b", "c"]
    let positions = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
    func sets(_ items: [[String]]) -> [LabelSet] {
      items.map { LabelSet($0.map { positions[$0]! }) }
    }
    let gold = sets(Self.gold)
    let first = sets(Self.predicted)
    // The second model differs from the first on one item only.
    var second = first
    second[4] = LabelSet([positions["c"]!])
    let comparison = try MultilabelComparison(
      gold: gold, predictions: [first, second], labels: labels, names: ["one", "two"],
      options: MultilabelComparison.Options(
        tests: [.permutation], bootstrap: BootstrapOptions(resamples: 199)))
    let advice = MetricAdvisor().advice(for: comparison)
    let never = advice.filter { $0.rule == .classNeverPredicted }
    #expect(never.map(\.model) == ["one"])
    let empty = advice.filter { $0.rule == .emptyLabelSets && $0.model != nil }
    #expect(empty.map(\.model) == ["one"])
    let averaging = try #require(advice.first { $0.rule == .multilabelAveraging })
    #expect(averaging.message.contains("Here: one: samples-F1"))
    #expect(averaging.message.contains("; two: samples-F1"))
    let pair = try #require(advice.first { $0.rule == .noSignificantDifference })
    #expect(pair.title == "two vs one: no significant difference")
    #expect(pair.message.contains("not significantly different on samples-F1"))
  }
}
