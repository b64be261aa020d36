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

  @Test("a label never predicted: zero_division moves its precision, never its F1")
  func neverPredictedLabel() throws {
    let advice = try #require(
      MetricAdvisor().advice(for: try metrics()).first { $0.rule == .classNeverPredicted })
    #expect(advice.title == "Label \"c\" is never predicted")
    #expect(advice.message.hasPrefix("\"c\" (in 2 gold sets) is never predicted."))
    #expect(advice.message.contains("Its recall and F1 are 0 under every setting"))
    #expect(!advice.message.contains("moves macro precision and macro-F1"))
    let evidence = Dictionary(
      advice.evidence.map { ("\($0.name)\($0.label.map { "[\($0)]" } ?? "")", $0.value) },
      uniquingKeysWith: { first, _ in first })
    // scikit-learn precision_score(average="macro") over a, b, c and d.
    #expect(evidence["macro_precision_zero_division_0"] == 0.3125)
    #expect(evidence["macro_precision_zero_division_1"] == 0.8125)
    #expect(evidence["macro_precision_zero_division_nan"] == 0.625)
    #expect(evidence["support[c]"] == 2)
    #expect(evidence["predicted[c]"] == 0)
  }

  /// Advice for gold sets over a and b scored against predicted sets.
  func advice(predicted: [[String]], gold: [[String]]) throws -> [Advice] {
    let counts = try MultilabelCounts(gold: gold, predicted: predicted)
    return MetricAdvisor().advice(for: try MultilabelMetrics(counts: counts))
  }

  @Test("every predicted set empty: a warning with the scores of predicting nothing")
  func everyPredictedSetEmpty() throws {
    let gold = [["a", "b"], [], ["b"], ["a"]]
    let advice = try advice(predicted: Array(repeating: [], count: 4), gold: gold)
    let empty = try #require(
      advice.first {
        $0.rule == .emptyLabelSets && $0.evidence.first?.name == "empty_predicted_sets"
      })
    #expect(empty.severity == .warning)
    #expect(
      empty.title == "4 of 4 items with no predicted label: no better than predicting nothing")
    #expect(
      empty.message.contains(
        "This model scores micro-F1 0.0000, macro-F1 0.0000 and samples-F1 0.0000."))
    // Both labels are never predicted, in one piece of advice.
    #expect(
      advice.filter { $0.rule == .classNeverPredicted }.map(\.title) == [
        "Labels \"a\" and \"b\" are never predicted"
      ])
  }

  @Test("nearly every predicted set empty warns; a few empty sets stay a note")
  func nearlyEveryPredictedSetEmpty() throws {
    let gold = Array(repeating: ["a"], count: 19) + [["b"]]
    let nearly = try advice(predicted: Array(repeating: [], count: 19) + [["b"]], gold: gold)
    let warning = try #require(nearly.first { $0.rule == .emptyLabelSets })
    #expect(warning.severity == .warning)
    #expect(warning.title == "19 of 20 items with no predicted label: nearly no predictions")
    #expect(warning.message.contains("its scores rest on the other 1 item"))
    let few = try advice(predicted: Array(repeating: [], count: 18) + [["a"], ["b"]], gold: gold)
    #expect(few.first { $0.rule == .emptyLabelSets }?.severity == .note)
  }
}
