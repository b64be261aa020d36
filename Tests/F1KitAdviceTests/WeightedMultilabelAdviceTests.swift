import F1Kit
import Testing

@testable import F1KitAdvice

/// Multilabel advice on sample-weighted items: the rules decide on the
/// weights the metrics count, as the single-label rules do, and name the
/// item counts beside them.
@Suite("Multilabel advice with sample weights")
struct WeightedMultilabelAdviceTests {
  /// Advice for items given as (gold set, predicted set, weight, copies),
  /// with their weights or, for `isWeighted` false, without.
  static func advice(
    _ items: [([String], [String], Double, Int)], labels: [String]? = nil, isWeighted: Bool = true
  ) throws -> [Advice] {
    let expanded = items.flatMap { item in Array(repeating: item, count: item.3) }
    let counts = try MultilabelCounts(
      gold: expanded.map(\.0), predicted: expanded.map(\.1), labels: labels,
      weights: isWeighted ? expanded.map(\.2) : nil)
    let metrics = try MultilabelMetrics(counts: counts, options: EvaluationOptions(labels: labels))
    return MetricAdvisor().advice(for: metrics)
  }

  /// 10 light items of "x", all found, and 10 heavy items of "y" with
  /// nothing predicted: even in items, 100× apart in weight.
  static let heavyEmpty: [([String], [String], Double, Int)] = [
    (["x"], ["x"], 1, 10), (["y"], [], 100, 10),
  ]

  @Test("label imbalance is the imbalance of gold weights, with items beside them")
  func imbalanceByWeight() throws {
    let weighted = try #require(
      try Self.advice(Self.heavyEmpty).first { $0.rule == .multilabelAveraging })
    #expect(weighted.severity == .recommendation)
    #expect(weighted.title.hasPrefix("Label frequencies differ 100.0×"))
    #expect(
      weighted.message.contains(
        "the most frequent label by weight, \"y\", is in 10 gold sets, weight 1000, and the rarest, \"x\", in 10 gold sets, weight 10 (100.0×)"
      ), "\(weighted.message)")
    let support = weighted.evidence.filter { $0.name == "support" }.map(\.value)
    #expect(support == [1000, 10])
    let plain = try #require(
      try Self.advice(Self.heavyEmpty, isWeighted: false).first {
        $0.rule == .multilabelAveraging
      })
    #expect(plain.severity == .note)
    #expect(plain.evidence.first { $0.name == "imbalance_ratio" }?.value == 1)
  }

  @Test("empty predicted sets are a warning when they carry nearly all the weight")
  func emptyPredictionsByWeight() throws {
    let weighted = try #require(
      try Self.advice(Self.heavyEmpty).first { $0.rule == .emptyLabelSets })
    #expect(weighted.severity == .warning)
    #expect(
      weighted.message.hasPrefix(
        "The model predicts no label at all for 10 of 20 items, weight 1000 of 1010 (99.0%): it is nearly the constant that predicts nothing, and its scores rest on the other 10 items (weight 10)."
      ), "\(weighted.message)")
    #expect(weighted.evidence.contains { $0.name == "empty_predicted_weight" && $0.value == 1000 })
    let plain = try #require(
      try Self.advice(Self.heavyEmpty, isWeighted: false).first { $0.rule == .emptyLabelSets })
    #expect(plain.severity == .note)
    #expect(plain.message.hasPrefix("The model predicts no label at all for 10 items of 20. "))
  }

  @Test(
    "labels only in gold sets of weight 0 have no gold items; empty sets of weight 0 cost nothing")
  func weightlessGoldSets() throws {
    let items: [([String], [String], Double, Int)] = [
      (["x"], ["x"], 1, 5), (["z"], ["x"], 0, 2), ([], ["x"], 0, 1),
    ]
    let weighted = try Self.advice(items)
    let absent = try #require(weighted.first { $0.rule == .labelWithoutGoldItems })
    #expect(
      absent.message.hasPrefix(
        "\"z\" (in 2 gold sets, weight 0) is in no gold set of positive weight, so its recall is 0/0"
      ), "\(absent.message)")
    #expect(!weighted.contains { $0.rule == .classNeverPredicted })
    #expect(!weighted.contains { $0.rule == .emptyLabelSets })
    let plain = try Self.advice(items, isWeighted: false)
    #expect(!plain.contains { $0.rule == .labelWithoutGoldItems })
    #expect(plain.contains { $0.rule == .classNeverPredicted })
    #expect(plain.contains { $0.rule == .emptyLabelSets && $0.severity == .warning })
  }

  @Test("a label never predicted is named with its gold weight and items")
  func neverPredictedNamesWeight() throws {
    let never = try #require(
      try Self.advice(Self.heavyEmpty).first { $0.rule == .classNeverPredicted })
    #expect(
      never.message.hasPrefix("\"y\" (in 10 gold sets, weight 1000) is never predicted."),
      "\(never.message)")
    #expect(never.evidence.first { $0.name == "support" }?.value == 1000)
  }
}
