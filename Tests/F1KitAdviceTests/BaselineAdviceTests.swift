import F1Kit
import Testing

@testable import F1KitAdvice

/// The `no-better-than-baseline` rule against the no-skill baselines,
/// with every number checked against scikit-learn (`f1_score`,
/// `balanced_accuracy_score`, `matthews_corrcoef` on the same counts).
@Suite("No-skill baseline advice")
struct BaselineAdviceTests {
  /// The advice's evidence by name, with the label in brackets.
  static func evidence(_ advice: Advice) -> [String: Double] {
    Dictionary(
      advice.evidence.map { ("\($0.name)\($0.label.map { "[\($0)]" } ?? "")", $0.value) },
      uniquingKeysWith: { first, _ in first })
  }

  static func baselineAdvice(
    _ labels: [String], _ rows: [[Int]], positive: String
  ) throws -> Advice {
    let metrics = try AdviceTestData.metrics(
      labels, rows, options: EvaluationOptions(positiveLabel: positive))
    return try #require(
      MetricAdvisor().advice(for: metrics).first { $0.rule == .noBetterThanBaseline })
  }

  @Test(
    "a majority positive label: binary F1 below always predicting it; the rare class's F1 cited"
  )
  func majorityPositiveLabel() throws {
    // The review case majpos.csv: 2,000 "1" (positive), 50 "0"; 30 of the "0"
    // found, 30 "1" missed. Always predicting "1" has F1 4000 / 4050 =
    // 0.98765 > the model's 0.98747 (scikit-learn f1_score).
    let advice = try Self.baselineAdvice(["0", "1"], [[30, 20], [30, 1970]], positive: "1")
    #expect(advice.severity == .warning)
    #expect(advice.title == "Binary F1 of the majority class \"1\" hides the minority class")
    let values = Self.evidence(advice)
    #expect(abs(values["binary_f1", default: .nan] - 0.9874686716791979) < 1e-12)
    #expect(abs(values["always_positive_binary_f1", default: .nan] - 0.9876543209876543) < 1e-12)
    // f1_score(pos_label="0"), and always predicting "0": 2q / (1 + q).
    #expect(abs(values["f1[0]", default: .nan] - 0.5454545454545454) < 1e-12)
    #expect(abs(values["always_predicting_f1[0]", default: .nan] - 0.047619047619047616) < 1e-12)
    #expect(abs(values["macro_f1", default: .nan] - 0.7664616085668716) < 1e-12)
    #expect(abs(values["balanced_accuracy", default: .nan] - 0.7925) < 1e-12)
    #expect(abs(values["mcc", default: .nan] - 0.5353695947801625) < 1e-12)
    #expect(
      advice.message.contains(
        "its binary F1 (0.9875) is no better than always predicting \"1\" (0.9877)"))
    #expect(advice.message.contains("its F1 is 0.5455 (scikit-learn's pos_label=\"0\")"))
    #expect(!advice.message.contains("beats"))
    #expect(!advice.message.contains("Check the labels are aligned"))
  }

  @Test("a model that beats the majority on accuracy is not told to check its labels' alignment")
  func alignedLabelsLowRecall() throws {
    // helper-77's review case bal-allneg.csv: 500 "0" and 500 "1"; every
    // "0" right, 98 of the "1" found. Accuracy 0.598 beats the majority's
    // 0.5, so the labels are aligned; binary F1 196 / 598 = 0.3278 is below
    // both no-skill baselines (scikit-learn f1_score, recall_score).
    let advice = try Self.baselineAdvice(["0", "1"], [[500, 0], [402, 98]], positive: "1")
    #expect(advice.severity == .warning)
    let values = Self.evidence(advice)
    #expect(abs(values["binary_f1", default: .nan] - 0.32775919732441474) < 1e-12)
    #expect(abs(values["accuracy", default: .nan] - 0.598) < 1e-12)
    #expect(abs(values["majority_class_accuracy", default: .nan] - 0.5) < 1e-12)
    #expect(abs(values["binary_recall", default: .nan] - 0.196) < 1e-12)
    #expect(!advice.message.contains("Check the labels are aligned"))
    #expect(advice.message.contains("Its accuracy (0.5980) does beat always predicting"))
    #expect(advice.message.contains("so the labels are aligned and the model has some skill"))
    #expect(advice.message.contains("Its recall is 0.1960"))
  }

  @Test("a model predicting one label everywhere is called a constant, not told to check alignment")
  func constantPredictions() throws {
    // degenerate.csv: 4,000 "0" and 100 "1", every item predicted "0".
    // scikit-learn: accuracy 0.9756, f1_score(average="macro") 0.4938,
    // balanced_accuracy_score 0.5.
    let advice = try Self.baselineAdvice(["0", "1"], [[4000, 0], [100, 0]], positive: "1")
    #expect(advice.severity == .warning)
    #expect(!advice.message.contains("Check the labels are aligned"))
    #expect(
      advice.message.contains(
        "It predicts \"0\" for every item (4,100 items): it is itself a constant, so its "
          + "accuracy (0.9756) is only the share of \"0\" in the gold labels, and macro-F1 "
          + "(0.4938) and balanced accuracy (0.5000) are a constant's."))
    #expect(Self.evidence(advice)["predicted[0]"] == 4100)
    // Multiclass: always "a" of 600 "a", 300 "b", 12 "c".
    let multiclass = try AdviceTestData.metrics(
      ["a", "b", "c"], [[600, 0, 0], [300, 0, 0], [12, 0, 0]])
    let constant = try #require(
      MetricAdvisor().advice(for: multiclass).first { $0.rule == .noBetterThanBaseline })
    #expect(constant.message.contains("It predicts \"a\" for every item (912 items)"))
    #expect(!constant.message.contains("Check the labels are aligned"))
  }

  @Test("a model below the majority on accuracy and on binary F1 is told to check alignment")
  func misalignedLabels() throws {
    // Predictions swapped: every "0" predicted "1" and most "1" predicted
    // "0": accuracy 0.098 fails too, as misaligned labels do.
    let advice = try Self.baselineAdvice(["0", "1"], [[0, 500], [402, 98]], positive: "1")
    #expect(advice.message.contains("Check the labels are aligned"))
    #expect(!advice.message.contains("does beat always predicting"))
  }

  @Test(
    "imbalanced classes with a majority positive label: report the minority class's F1, not the positive label's"
  )
  func imbalancedMajorityPositive() throws {
    // majpos.csv again; with the rare class positive the advice names it.
    for (positive, minorityNamed) in [("1", true), ("0", false)] {
      let metrics = try AdviceTestData.metrics(
        ["0", "1"], [[30, 20], [30, 1970]], options: EvaluationOptions(positiveLabel: positive))
      let advice = try #require(
        MetricAdvisor().advice(for: metrics).first { $0.rule == .imbalancedClasses })
      let kind = minorityNamed ? "minority" : "positive"
      #expect(
        advice.title == "Imbalanced classes: prefer F1 of the \(kind) class or MCC to accuracy")
      #expect(
        advice.message.contains(
          minorityNamed
            ? "Report F1 of the minority class \"0\" (0.5455; --positive \"0\" makes it the primary metric) rather than F1 of the positive label \"1\" (0.9875)"
            : "Report F1 of the positive label \"0\" (0.5455)"), "\(advice.message)")
      let values = Self.evidence(advice)
      #expect((values["f1[0]"] != nil) == minorityNamed)
    }
  }

  @Test(
    "always predicting a majority positive label: a no-skill warning naming the rare class's F1"
  )
  func alwaysPredictingMajorityPositive() throws {
    let advice = try Self.baselineAdvice(["0", "1"], [[0, 50], [0, 2000]], positive: "1")
    #expect(advice.severity == .warning)
    #expect(advice.title == "No better than a no-skill baseline")
    #expect(
      advice.message.contains(
        "The positive label \"1\" is the majority class, so binary F1 flatters any model: "
          + "the minority class \"0\" has F1 0.0000 (always predicting it would score 0.0476)."))
    #expect(Self.evidence(advice)["always_positive_binary_f1"] == 4000.0 / 4050.0)
  }

  @Test(
    "a rare positive class: binary F1 above stratified guessing but below always positive warns"
  )
  func binaryF1BelowAlwaysPositive() throws {
    // 1,000 "neg", 25 "pos": p = 0.0244, always predicting "pos" scores
    // 2p / (1 + p) = 0.0476; the model's F1 is 2 / 57 = 0.0351.
    let advice = try Self.baselineAdvice(["neg", "pos"], [[969, 31], [24, 1]], positive: "pos")
    #expect(advice.severity == .warning)
    #expect(
      advice.message.contains(
        "its binary F1 (0.0351) is no better than always predicting \"pos\" (0.0476)"))
    let values = Self.evidence(advice)
    #expect(abs(values["always_positive_binary_f1", default: .nan] - 0.047619047619047616) < 1e-12)
    #expect(values["stratified_random_binary_f1"] == nil)
  }

  @Test("accuracy that ties the majority baseline is said to equal it, not to be below it")
  func accuracyTiesMajority() throws {
    // The review case imb.csv: 2,000 "neg", 50 "pos"; 30 false positives and 20
    // false negatives, so accuracy is 2,000 / 2,050, always predicting
    // "neg" exactly.
    let advice = try Self.baselineAdvice(
      ["neg", "pos"], [[1970, 30], [20, 30]], positive: "pos")
    #expect(advice.severity == .recommendation)
    #expect(advice.title == "Accuracy does not beat the majority-class baseline")
    #expect(
      advice.message.hasPrefix(
        "Its accuracy (0.9756) equals always predicting \"neg\" (0.9756), but its binary F1 "
          + "(0.5455) beats"))
  }

  @Test("accuracy just below the majority baseline shows the digits that tell them apart")
  func accuracyJustBelowMajority() throws {
    // 97,499 of 100,000 right against always predicting "a", 97,500.
    let advice = try Self.baselineAdvice(
      ["a", "b"], [[96499, 1001], [1500, 1000]], positive: "b")
    #expect(
      advice.message.hasPrefix(
        "Its accuracy (0.97499) is below always predicting \"a\" (0.97500)"))
  }

  @Test(
    "one gold class: a warning, first, that no metric tells a model from a constant; no baseline warning"
  )
  func oneGoldClass() throws {
    // The review case onecls.csv: three "a" items, all predicted "a".
    let metrics = try AdviceTestData.metrics(["a"], [[3]])
    let advice = MetricAdvisor().advice(for: metrics)
    let first = try #require(advice.first)
    #expect(first.rule == .singleGoldClass)
    #expect(first.severity == .warning)
    #expect(
      first.message.hasPrefix(
        "Every gold item is \"a\" (3 items): the test set holds one class, so no metric can "
          + "tell a model from the constant that always predicts \"a\""))
    #expect(!advice.contains { $0.rule == .noBetterThanBaseline })
    #expect(first.evidence.first { $0.name == "classes_with_gold_items" }?.value == 1)
    // A binary problem whose gold items are all the positive label: the
    // same warning, and no claim about a rare class without gold items.
    let binary = try AdviceTestData.metrics(
      ["neg", "pos"], [[0, 0], [1, 0]], options: EvaluationOptions(positiveLabel: "pos"))
    let binaryAdvice = MetricAdvisor().advice(for: binary)
    #expect(binaryAdvice.first?.rule == .singleGoldClass)
    #expect(!binaryAdvice.contains { $0.message.contains("the minority class") })
  }

  @Test(
    "binary F1 beaten only by always predicting the positive label, with accuracy above the majority: a recommendation"
  )
  func binaryF1BelowAlwaysPositiveWithSkill() throws {
    // fixtures/experiments/a-run1.csv: 295 "0", 305 "1"; scikit-learn:
    // F1 0.59 against always predicting "1", 610 / 905 = 0.6740; accuracy
    // 0.59 against 305 / 600; MCC 0.1803.
    let advice = try Self.baselineAdvice(["0", "1"], [[177, 118], [128, 177]], positive: "1")
    #expect(advice.severity == .recommendation)
    #expect(advice.title == "Binary F1 does not beat always predicting \"1\"")
    #expect(
      advice.message.hasPrefix(
        "Its binary F1 (0.5900) is no better than always predicting \"1\", which scores "
          + "2p/(1+p) = 0.6740 for the positive label's share p = 0.5083"))
    #expect(!advice.message.contains("Check the labels are aligned"))
    let values = Self.evidence(advice)
    #expect(abs(values["always_positive_binary_f1", default: .nan] - 610.0 / 905.0) < 1e-12)
    #expect(abs(values["mcc", default: .nan] - 0.18032786885245902) < 1e-12)
    #expect(abs(values["balanced_accuracy", default: .nan] - 0.5901639344262295) < 1e-12)
  }
}
