import F1Kit
import F1KitReading
import F1KitStatistics
import Testing
import _TestSupport

@testable import F1KitAdvice

/// A small confusion matrix and the advice rules it must fire: a golden
/// case for ``MetricAdvisor``.
struct AdviceCase: Sendable, CustomTestStringConvertible {
  let name: String
  let labels: [String]
  let rows: [[Int]]
  var evaluatedLabels: [String]? = nil
  var positiveLabel: String? = nil
  let expected: Set<AdviceRule>

  var testDescription: String { name }
}

@Suite("Metric advice rules")
struct MetricAdvisorTests {
  static let cases: [AdviceCase] = [
    AdviceCase(
      name: "balanced binary", labels: ["0", "1"], rows: [[45, 5], [6, 44]],
      expected: [.balancedBinaryMetricsAgree]),
    AdviceCase(
      name: "binary with a rare positive class", labels: ["neg", "pos"],
      rows: [[880, 20], [40, 60]],
      expected: [.imbalancedClasses]),
    AdviceCase(
      name: "always predicting the majority class", labels: ["a", "b"], rows: [[90, 0], [10, 0]],
      positiveLabel: "b",
      expected: [
        .imbalancedClasses, .classNeverPredicted, .smallClassSupport, .noBetterThanBaseline,
      ]),
    AdviceCase(
      name: "balanced multiclass, good model", labels: ["a", "b", "c"],
      rows: [[90, 5, 5], [4, 92, 4], [6, 3, 91]], expected: [.microF1EqualsAccuracy]),
    AdviceCase(
      name: "multiclass with a class never predicted", labels: ["a", "b", "c"],
      rows: [[150, 0, 0], [5, 140, 0], [30, 10, 0]],
      expected: [
        .microF1EqualsAccuracy, .classNeverPredicted, .weightedF1HidesMinorityClasses,
        .imbalancedClasses,
      ]),
    AdviceCase(
      name: "a small class", labels: ["a", "b", "c"], rows: [[60, 2, 1], [3, 55, 2], [2, 1, 9]],
      expected: [.microF1EqualsAccuracy, .smallClassSupport, .imbalancedClasses]),
    AdviceCase(
      name: "an evaluated label without gold items", labels: ["a", "b", "c"],
      rows: [[30, 2, 0], [3, 35, 0], [0, 0, 0]], evaluatedLabels: ["a", "b", "c"],
      expected: [.microF1EqualsAccuracy, .labelWithoutGoldItems]),
    AdviceCase(
      name: "labels subset: micro-F1 is not accuracy", labels: ["a", "b", "c"],
      rows: [[60, 3, 2], [4, 50, 5], [3, 2, 55]], evaluatedLabels: ["a", "b"], positiveLabel: "b",
      expected: []),
  ]

  @Test("fires exactly the expected rules on small confusion matrices", arguments: cases)
  func firesExpectedRules(_ testCase: AdviceCase) throws {
    let metrics = try AdviceTestData.metrics(
      testCase.labels, testCase.rows,
      options: EvaluationOptions(
        labels: testCase.evaluatedLabels, positiveLabel: testCase.positiveLabel))
    let fired = Set(MetricAdvisor().advice(for: metrics).map(\.rule))
    #expect(fired == testCase.expected)
  }

  static let fixtureCases: [(String, Set<AdviceRule>)] = [
    (
      "r8/test-tfidf-nb.csv",
      [
        .smallClassSupport, .classNeverPredicted, .weightedF1HidesMinorityClasses,
        .imbalancedClasses, .microF1EqualsAccuracy,
      ]
    ),
    (
      "r8/test-tfidf-logreg.csv",
      [
        .smallClassSupport, .weightedF1HidesMinorityClasses, .imbalancedClasses,
        .microF1EqualsAccuracy,
      ]
    ),
    ("stsb/test-minilm-l6.csv", [.balancedBinaryMetricsAgree]),
    ("stsb/test-minilm-l3.csv", [.balancedBinaryMetricsAgree]),
  ]

  @Test("fires the expected rules on the real fixtures", arguments: fixtureCases)
  func firesExpectedRulesOnFixtures(_ path: String, _ expected: Set<AdviceRule>) throws {
    let metrics = try AdviceTestData.fixtureMetrics(path)
    #expect(Set(MetricAdvisor().advice(for: metrics).map(\.rule)) == expected)
  }

  @Test(
    "a label no gold item has names the models that never predict it, with their macro-F1 here and alone"
  )
  func labelOutsideGoldAcrossModels() throws {
    // Gold: 10 "x", 10 "y"; b predicts "unk" for 3 items, a never does.
    // scikit-learn: f1_score(y, a, average="macro") = 0.7493734335839599,
    // and with labels=["unk", "x", "y"] (the comparison's) 0.4995822890559733.
    let labels = ["unk", "x", "y"]
    let a = try AdviceTestData.metrics(labels, [[0, 0, 0], [0, 8, 2], [0, 3, 7]])
    let b = try AdviceTestData.metrics(labels, [[0, 0, 0], [1, 8, 1], [2, 2, 6]])
    let models = [AdvisedModel(name: "a", metrics: a), AdvisedModel(name: "b", metrics: b)]
    let advice = try #require(
      MetricAdvisor().advice(for: models).first { $0.rule == .labelWithoutGoldItems })
    #expect(
      advice.message.hasSuffix(
        "on that model alone leaves it out: a's macro-F1 is 0.4996 here and 0.7494 on its own."),
      "\(advice.message)")
    #expect(!advice.message.contains("b's macro-F1"))
    // One model, or zero division nan (which leaves the label out), says nothing of it.
    let alone = try #require(
      MetricAdvisor().advice(for: [models[0]]).first { $0.rule == .labelWithoutGoldItems })
    #expect(!alone.message.contains("on its own"))
    let nan = EvaluationOptions(zeroDivision: .nan)
    let nanModels = try [
      AdvisedModel(
        name: "a",
        metrics: AdviceTestData.metrics(labels, [[0, 0, 0], [0, 8, 2], [0, 3, 7]], options: nan)),
      AdvisedModel(
        name: "b",
        metrics: AdviceTestData.metrics(labels, [[0, 0, 0], [1, 8, 1], [2, 2, 6]], options: nan)),
    ]
    let nanAdvice = try #require(
      MetricAdvisor().advice(for: nanModels).first { $0.rule == .labelWithoutGoldItems })
    #expect(!nanAdvice.message.contains("on its own"))
  }

  @Test("cites the zero-division settings for the classes naive Bayes never predicts")
  func citesZeroDivisionEvidence() throws {
    let metrics = try AdviceTestData.fixtureMetrics("r8/test-tfidf-nb.csv")
    let advice = try #require(
      MetricAdvisor().advice(for: metrics).first { $0.rule == .classNeverPredicted })
    #expect(advice.severity == .warning)
    #expect(
      advice.message.contains("\"grain\" (10 items) and \"ship\" (36 items) are never predicted"))
    let values = Dictionary(advice.evidence.map { ($0.name + ($0.label ?? ""), $0.value) }) {
      first, _ in first
    }
    #expect(abs(values["macro_precision_zero_division_0"]! - 0.6730) < 5e-5)
    #expect(abs(values["macro_precision_zero_division_1"]! - 0.9230) < 5e-5)
    #expect(values["supportgrain"] == 10)
    #expect(values["predictedship"] == 0)
  }

  @Test("orders advice warnings first, then recommendations, then notes")
  func ordersBySeverity() throws {
    let metrics = try AdviceTestData.fixtureMetrics("r8/test-tfidf-nb.csv")
    let severities = MetricAdvisor().advice(for: metrics).map(\.severity)
    #expect(severities == severities.sorted(by: >))
  }

  @Test("imbalance cites the ratio of the largest to the smallest class")
  func imbalanceRatio() throws {
    let metrics = try AdviceTestData.fixtureMetrics("r8/test-tfidf-logreg.csv")
    let advice = try #require(
      MetricAdvisor().advice(for: metrics).first { $0.rule == .imbalancedClasses })
    #expect(
      advice.message.hasPrefix(
        "The largest class, \"earn\" (1,083 items, 49.5%), is 108.3× the smallest, \"grain\" (10 items)."
      ))
    #expect(advice.evidence.first?.name == "imbalance_ratio")
    #expect(advice.evidence.first?.value == 108.3)
  }

  /// The engine's comparison of two fixture files, on their primary metric.
  static func comparison(_ first: String, _ second: String) throws -> (
    ModelComparison, [AdvisedModel]
  ) {
    let items = try [first, second].map {
      try PredictionReader(path: Fixtures.url($0).path).readItems()
    }
    let aligned = try AlignedPredictions(items, names: [first, second])
    let metrics = try (0..<2).map {
      try ClassificationMetrics(confusionMatrix: aligned.confusionMatrix(ofModel: $0))
    }
    let comparison = try ModelComparison(
      aligned: aligned, names: ["A", "B"],
      options: ComparisonOptions(
        metric: metrics[0].primaryMetric, bootstrap: BootstrapOptions(resamples: 999)))
    return (
      comparison,
      [AdvisedModel(name: "A", metrics: metrics[0]), AdvisedModel(name: "B", metrics: metrics[1])]
    )
  }

  @Test("a comparison that is not significant says so with the engine's numbers and test-set size")
  func noSignificantDifference() throws {
    let (comparison, models) = try Self.comparison(
      "stsb/test-minilm-l6.csv", "stsb/test-minilm-l3.csv")
    let pair = try #require(comparison.pairs.first)
    let advice = try #require(
      MetricAdvisor().advice(for: models, comparison: comparison).first {
        $0.rule == .noSignificantDifference
      })
    let required = try #require(comparison.requiredItemCount(for: pair))
    #expect(advice.evidence.first { $0.name == "n_required" }?.value == Double(required))
    // The range compare prints beside its size, rounded the same way.
    let range = try #require(comparison.detectionSize(for: pair).roughRequiredCountRange)
    #expect(range.contains(required))
    #expect(
      advice.evidence.first { $0.name == "n_required_low" }?.value == Double(range.lowerBound))
    #expect(
      advice.evidence.first { $0.name == "n_required_high" }?.value == Double(range.upperBound))
    #expect(
      advice.message.contains(
        "so the size could be anywhere from about \(DisplayNumber.count(range.lowerBound)) to \(DisplayNumber.count(range.upperBound)) items."
      ))
    #expect(advice.evidence.first { $0.name == "p_value" }?.value == pair.permutation?.pValue)
    #expect(advice.evidence.first { $0.name == "difference" }?.value == pair.difference.estimate)
    #expect(advice.message.contains("(permutation test)"))
    #expect(
      advice.message.contains(
        "about \(DisplayNumber.count(required)) items would be needed (this one has 1,379)"))
  }

  @Test("a significant comparison gives no such advice")
  func significantDifference() throws {
    let (comparison, models) = try Self.comparison(
      "r8/test-tfidf-nb.csv", "r8/test-tfidf-logreg.csv")
    let advice = MetricAdvisor().advice(for: models, comparison: comparison)
    #expect(!advice.contains { $0.rule == .noSignificantDifference })
  }

  @Test("the rules read each class a bounded number of times: O(k) for k classes")
  func linearInClasses() throws {
    // 600 classes, most of them small, some never predicted: every rule
    // fires and walks the classes.
    let classCount = 600
    let labels = (0..<classCount).map { "class-\($0)" }
    var rows = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
    for gold in 0..<classCount {
      let support = gold % 10 == 0 ? 200 : 3 + gold % 20
      rows[gold][gold] = support - 1
      rows[gold][gold % 7 == 0 ? (gold + 1) % classCount : gold] += 1
      if gold % 13 == 0 {
        rows[gold][(gold + 1) % classCount] += rows[gold][gold]
        rows[gold][gold] = 0
      }
    }
    let metrics = try AdviceTestData.metrics(labels, rows)
    let counter = ClassVisitCounter()
    let models = [
      AdvisedModel(name: "A", metrics: metrics), AdvisedModel(name: "B", metrics: metrics),
    ]
    let advice = MetricAdvisor().advice(for: models, comparison: nil, counter: counter)
    #expect(
      Set(advice.map(\.rule)).isSuperset(of: [
        .imbalancedClasses, .smallClassSupport, .classNeverPredicted,
      ]))
    // The quadratic rules of old visited every class once per small class:
    // about 600 × 540 rows here, against 24,000 at most now.
    #expect(counter.visits > 0)
    #expect(counter.visits <= 20 * classCount * models.count, "\(counter.visits) visits")
  }

  @Test("rule ids are stable")
  func stableIDs() {
    #expect(
      AdviceRule.allCases.map(\.rawValue) == [
        "imbalanced-classes", "micro-f1-equals-accuracy", "weighted-f1-hides-minority-classes",
        "small-class-support", "balanced-binary-metrics-agree", "class-never-predicted",
        "label-without-gold-items", "no-better-than-baseline", "no-significant-difference",
        "default-threshold", "threshold-tuned-on-evaluated-file", "threshold-sensitivity",
        "constant-scores", "inverted-scores", "average-precision-under-imbalance",
        "poorly-calibrated-probabilities", "miscalibrated-probabilities", "hard-label-scores",
        "single-run-per-model", "few-groups", "grouped-intervals", "multilabel-averaging",
        "empty-label-sets", "single-gold-class", "renamed-labels",
      ])
  }

  @Test(
    "a rare class: accuracy below the majority baseline with F1 above chance is a recommendation, not a warning"
  )
  func accuracyBelowMajorityWithSkill() throws {
    // 98 "a" items, 18 of them predicted "b"; both "b" items found:
    // accuracy 0.82 < 0.98, binary F1 of "b" 4 / 22 = 0.18 > 0.02.
    let metrics = try AdviceTestData.metrics(
      ["a", "b"], [[80, 18], [0, 2]], options: EvaluationOptions(positiveLabel: "b"))
    let advice = try #require(
      MetricAdvisor().advice(for: metrics).first { $0.rule == .noBetterThanBaseline })
    #expect(advice.severity == .recommendation)
    #expect(advice.title == "Accuracy does not beat the majority-class baseline")
    #expect(!advice.message.contains("Check the labels are aligned"))
    // Always predicting "a" fails on both: the warning stays.
    let majority = try AdviceTestData.metrics(
      ["a", "b"], [[98, 0], [2, 0]], options: EvaluationOptions(positiveLabel: "b"))
    let warning = try #require(
      MetricAdvisor().advice(for: majority).first { $0.rule == .noBetterThanBaseline })
    #expect(warning.severity == .warning)
  }

  @Test("weighted-F1 advice names every class scored 0 with its share, frequent or not")
  func weightedF1NamesClassesScoredZero() throws {
    // The review case mc_alla.csv: always "a"; "b" holds 37% of the items and
    // scores 0 too. scikit-learn: weighted-F1 0.4731, macro-F1 0.2548.
    let metrics = try AdviceTestData.metrics(
      ["a", "b", "c"], [[500, 0, 0], [300, 0, 0], [8, 0, 0]])
    let advice = try #require(
      MetricAdvisor().advice(for: metrics).first { $0.rule == .weightedF1HidesMinorityClasses })
    #expect(!advice.message.contains("frequent classes are scored well"))
    #expect(
      advice.message.contains(
        "\"b\" (300 items, 37.1%) and \"c\" (8 items, 1.0%) have F1 0 (together 38.1% of the "
          + "items): weighted-F1 gives them that share of its weight, macro-F1 2 of its 3 equal "
          + "shares."))
    let share = try #require(advice.evidence.first { $0.name == "zero_f1_share" })
    #expect(share.value == 308.0 / 808.0)
    #expect(abs(advice.evidence[0].value - 0.47309776849244556) < 1e-12)
    #expect(abs(advice.evidence[1].value - 0.254841997961264) < 1e-12)
  }

  @Test("advice renders as JSON with stable keys and integer counts")
  func jsonRendering() throws {
    let metrics = try AdviceTestData.metrics(
      ["a", "b"], [[90, 0], [10, 0]], options: EvaluationOptions(positiveLabel: "b"))
    let json = MetricAdvisor().advice(for: metrics).jsonDocument().serialized(indentation: 0)
    #expect(json.hasPrefix("{\"advice\":[{\"id\":\""))
    #expect(json.contains("{\"name\":\"support\",\"label\":\"b\",\"value\":10}"))
  }
}
