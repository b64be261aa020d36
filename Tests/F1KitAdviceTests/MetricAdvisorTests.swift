import F1Kit
import Testing

@testable import F1KitReport

/// A small confusion matrix and the advice rules it must fire: a golden
/// case for ``MetricAdvisor``.
struct AdviceCase: Sendable, CustomTestStringConvertible {
  let name: String
  let labels: [String]
  let rows: [[Int]]
  var evaluatedLabels: [String]? = nil
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
      rows: [[60, 3, 2], [4, 50, 5], [3, 2, 55]], evaluatedLabels: ["a", "b"], expected: []),
  ]

  @Test("fires exactly the expected rules on small confusion matrices", arguments: cases)
  func firesExpectedRules(_ testCase: AdviceCase) throws {
    let metrics = try ReportTestData.metrics(
      testCase.labels, testCase.rows, options: EvaluationOptions(labels: testCase.evaluatedLabels))
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
    let metrics = try ReportTestData.fixtureMetrics(path)
    #expect(Set(MetricAdvisor().advice(for: metrics).map(\.rule)) == expected)
  }

  @Test("cites the zero-division settings for the classes naive Bayes never predicts")
  func citesZeroDivisionEvidence() throws {
    let metrics = try ReportTestData.fixtureMetrics("r8/test-tfidf-nb.csv")
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
    let metrics = try ReportTestData.fixtureMetrics("r8/test-tfidf-nb.csv")
    let severities = MetricAdvisor().advice(for: metrics).map(\.severity)
    #expect(severities == severities.sorted(by: >))
  }

  @Test("imbalance cites the ratio of the largest to the smallest class")
  func imbalanceRatio() throws {
    let metrics = try ReportTestData.fixtureMetrics("r8/test-tfidf-logreg.csv")
    let advice = try #require(
      MetricAdvisor().advice(for: metrics).first { $0.rule == .imbalancedClasses })
    #expect(
      advice.message.hasPrefix(
        "The largest class, \"earn\" (1,083 items, 49.5%), is 108.3× the smallest, \"grain\" (10 items)."
      ))
    #expect(advice.evidence.first?.name == "imbalance_ratio")
    #expect(advice.evidence.first?.value == 108.3)
  }

  @Test("a comparison that is not significant says so and gives the test-set size needed")
  func noSignificantDifference() throws {
    let metrics = try ReportTestData.metrics(["0", "1"], [[450, 50], [60, 440]])
    let models = [
      ModelEvaluation(name: "A", sourceFile: "a.csv", metrics: metrics),
      ModelEvaluation(name: "B", sourceFile: "b.csv", metrics: metrics),
    ]
    let comparison = MetricComparison(
      reference: "A", candidate: "B", metric: .binaryF1, difference: 0.005,
      interval: -0.0146...0.0246,
      standardError: 0.01, pValue: 0.3, testName: "paired permutation test")
    let advice = try #require(
      MetricAdvisor().advice(for: models, comparisons: [comparison]).first {
        $0.rule == .noSignificantDifference
      })
    let required = try #require(advice.evidence.first { $0.name == "n_required" }?.value)
    // 1,000 × ((z₀.₉₇₅ + z₀.₈) × 0.01 / 0.005)² = 1,000 × 5.6032² = 31,396.
    #expect(required == 31_396)
    #expect(advice.message.contains("p = 0.30 (paired permutation test)"))
    #expect(advice.message.contains("about 31,396 items would be needed (this one has 1,000)"))
  }

  @Test(
    "the significance rule uses the p-value, else the interval",
    arguments: [
      (0.01 as Double?, nil as ClosedRange<Double>?, false),
      (0.2, nil, true),
      (nil, -0.01...0.02, true),
      (nil, 0.001...0.02, false),
      (nil, nil, false),
    ])
  func significanceSource(pValue: Double?, interval: ClosedRange<Double>?, fires: Bool) throws {
    let metrics = try ReportTestData.metrics(["0", "1"], [[45, 5], [6, 44]])
    let comparison = MetricComparison(
      reference: "A", candidate: "B", metric: .binaryF1, difference: 0.01, interval: interval,
      pValue: pValue)
    let models = [ModelEvaluation(name: "A", sourceFile: "", metrics: metrics)]
    let fired = MetricAdvisor().advice(for: models, comparisons: [comparison]).contains {
      $0.rule == .noSignificantDifference
    }
    #expect(fired == fires)
  }

  @Test("rule ids are stable")
  func stableIDs() {
    #expect(
      AdviceRule.allCases.map(\.rawValue) == [
        "imbalanced-classes", "micro-f1-equals-accuracy", "weighted-f1-hides-minority-classes",
        "small-class-support", "balanced-binary-metrics-agree", "class-never-predicted",
        "label-without-gold-items", "no-better-than-baseline", "no-significant-difference",
      ])
  }

  @Test("advice renders as JSON with stable keys and integer counts")
  func jsonRendering() throws {
    let metrics = try ReportTestData.metrics(["a", "b"], [[90, 0], [10, 0]])
    let json = MetricAdvisor().advice(for: metrics).jsonDocument().serialized(indentation: 0)
    #expect(json.hasPrefix("{\"advice\":[{\"id\":\""))
    #expect(json.contains("{\"name\":\"support\",\"label\":\"b\",\"value\":10}"))
  }
}
