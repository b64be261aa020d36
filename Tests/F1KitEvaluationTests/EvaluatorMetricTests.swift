import F1Kit
import Testing

@testable import F1KitEvaluation

/// The evaluator's metrics against the core metrics on the real STS-B
/// development split, scored by a real word-overlap model.
@Suite("Evaluator metrics")
struct EvaluatorMetricTests {
  let development = SentencePairSplit.development

  static func coreMetrics(
    gold: [Int], predicted: [Int], problem: ProblemKind
  ) throws -> ClassificationMetrics {
    let labels: [String]? = problem == .binary ? ["0", "1"] : nil
    let matrix = try ConfusionMatrix(
      gold: gold.map(String.init), predicted: predicted.map(String.init), labels: labels)
    let options = EvaluationOptions(
      labels: labels, positiveLabel: problem == .binary ? "1" : nil, problem: problem)
    return try ClassificationMetrics(confusionMatrix: matrix, options: options)
  }

  @Test("binary metrics at a fixed threshold equal the core metrics over (gold, predicted)")
  func binaryFixedThreshold() throws {
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: development.pairs, labels: development.labels, name: "stsb-dev",
      task: .binary(.threshold(0.4)), progress: .hidden)
    let result = try evaluator.evaluate(WordOverlapModel())
    let predicted = development.pairs.map { WordOverlapModel.overlap($0) >= 0.4 ? 1 : 0 }
    let core = try Self.coreMetrics(
      gold: development.labels, predicted: predicted, problem: .binary)
    for metric in Metric.reported(for: .binary) {
      #expect(agreesExactly(result["stsb-dev_\(metric.rawValue)"]!, core.value(of: metric)))
    }
    #expect(result.primaryMetricKey == "stsb-dev_binary_f1")
    #expect(result.primaryValue == core.value(of: .binaryF1))
    #expect(result.isGreaterBetter)
    #expect(result.threshold == 0.4)
    #expect(result["stsb-dev_threshold"] == 0.4)
    #expect(result.metricKeys.count == Metric.reported(for: .binary).count + 7)
  }

  @Test(
    "a single-output binary task logs AP, F1 at the frozen threshold and the best F1 and accuracy tuned on the set",
    arguments: [true, false])
  func scoreColumns(isFrozen: Bool) throws {
    let task: CrossEncoderTask =
      isFrozen ? .binary(.threshold(0.4)) : .binary(.tunedThreshold(maximizing: .binaryF1))
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: development.pairs, labels: development.labels, name: "dev", task: task,
      progress: .hidden)
    let result = try evaluator.evaluate(WordOverlapModel())
    let scores = development.pairs.map(WordOverlapModel.overlap)
    let gold = development.labels.map { $0 == 1 }
    let expectedAP = try BinaryScores(scores: scores, isPositive: gold).value(of: .averagePrecision)
    #expect(result["dev_average_precision"] == expectedAP)
    let bestF1 = try ThresholdTuner.tune(scores: scores, gold: gold, maximizing: .binaryF1)
    let bestAccuracy = try ThresholdTuner.tune(scores: scores, gold: gold, maximizing: .accuracy)
    #expect(result["dev_best_f1_tuned_on_this_set"] == bestF1.value)
    #expect(result["dev_best_f1_threshold_tuned_on_this_set"] == bestF1.threshold)
    #expect(result["dev_best_accuracy_tuned_on_this_set"] == bestAccuracy.value)
    #expect(result["dev_best_accuracy_threshold_tuned_on_this_set"] == bestAccuracy.threshold)
    if isFrozen {
      #expect(result["dev_f1_at_frozen_threshold"] == result["dev_binary_f1"])
      #expect(result["dev_best_f1_tuned_on_this_set"]! >= result["dev_f1_at_frozen_threshold"]!)
    } else {
      #expect(result["dev_f1_at_frozen_threshold"] == nil)
      #expect(result["dev_binary_f1"] == bestF1.value)
    }
    #expect(result.metricKeys.last == "dev_threshold")
  }

  @Test("binary argmax over two outputs equals the core metrics")
  func binaryArgmax() throws {
    let model = TwoOutputOverlapModel(cut: 0.45)
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: development.pairs, labels: development.labels, name: "dev",
      task: .binary(.argmax), progress: .hidden)
    let result = try evaluator.evaluate(model)
    let predicted = development.pairs.map { WordOverlapModel.overlap($0) > 0.45 ? 1 : 0 }
    let core = try Self.coreMetrics(
      gold: development.labels, predicted: predicted, problem: .binary)
    #expect(result["dev_binary_f1"] == core.value(of: .binaryF1))
    #expect(result["dev_accuracy"] == core.value(of: .accuracy))
    #expect(result.threshold == nil)
    #expect(result["dev_threshold"] == nil)
  }

  @Test("multiclass macro, micro and weighted F1 equal the core metrics on three bands")
  func multiclassParity() throws {
    let gold = development.similarityBands
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: development.pairs, labels: gold, name: "bands", task: .multiclass,
      progress: .hidden)
    let predictions = try evaluator.predict(BandedOverlapModel())
    let result = try evaluator.evaluate(BandedOverlapModel())
    let core = try Self.coreMetrics(
      gold: gold, predicted: predictions.classes, problem: .multiclass)
    for metric in Metric.multiclassMetrics {
      #expect(agreesExactly(result["bands_\(metric.rawValue)"]!, core.value(of: metric)))
    }
    #expect(result["bands_binary_f1"] == nil)
    #expect(result.primaryMetricKey == "bands_macro_f1")
    #expect(Set(predictions.classes) == [0, 1, 2])
  }

  @Test("weighted F1 takes gold labels first, unlike CEF1Evaluator's f1_score(pred, labels)")
  func goldComesFirst() throws {
    // Gold is mostly class 0; the model predicts mostly class 2. Per-class
    // F1 is symmetric, but swapping the arguments weights it by predicted
    // support: 0.3222… instead of 0.3444….
    let gold = [0, 0, 0, 0, 1, 2]
    let predicted = [0, 2, 2, 2, 2, 2]
    let rows = predicted.map { label in (0..<3).map { $0 == label ? 1.0 : 0.0 } }
    let (pairs, model) = ScriptedModel.numbered(rows)
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labels: gold, name: "order", task: .multiclass, progress: .hidden)
    let result = try evaluator.evaluate(model)
    let right = try Self.coreMetrics(gold: gold, predicted: predicted, problem: .multiclass)
    let swapped = try Self.coreMetrics(gold: predicted, predicted: gold, problem: .multiclass)
    #expect(right.value(of: .weightedF1) != swapped.value(of: .weightedF1))
    #expect(result["order_weighted_f1"] == right.value(of: .weightedF1))
    #expect(result["order_weighted_f1"] != swapped.value(of: .weightedF1))
  }

  @Test("weighted F1 on the real development split uses (gold, predicted)")
  func goldComesFirstOnRealData() throws {
    let gold = development.similarityBands
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: development.pairs, labels: gold, name: "bands", task: .multiclass,
      progress: .hidden)
    let predicted = try evaluator.predict(BandedOverlapModel()).classes
    let swapped = try Self.coreMetrics(gold: predicted, predicted: gold, problem: .multiclass)
    let result = try evaluator.evaluate(BandedOverlapModel())
    #expect(result["bands_weighted_f1"] != swapped.value(of: .weightedF1))
  }

  @Test("a threshold tuned on the development set is frozen for the test set")
  func tunedThenFrozen() throws {
    let development = try CrossEncoderEvaluator(
      sentencePairs: development.pairs, labels: development.labels, name: "stsb-dev",
      task: .binary(.tunedThreshold(maximizing: .binaryF1)), progress: .hidden)
    let developmentResult = try development.evaluate(WordOverlapModel())
    let threshold = try #require(developmentResult.threshold)
    let overlaps = self.development.pairs.map(WordOverlapModel.overlap)
    let best = try ThresholdTuner.tune(
      scores: overlaps, gold: self.development.labels.map { $0 == 1 }, maximizing: .binaryF1)
    #expect(threshold == best.threshold)
    #expect(developmentResult.primaryValue == best.value)

    let testSplit = SentencePairSplit.test
    let test = try CrossEncoderEvaluator(
      sentencePairs: testSplit.pairs, labels: testSplit.labels, name: "stsb-test",
      task: .binary(.threshold(threshold)), progress: .hidden)
    let testResult = try test.evaluate(WordOverlapModel())
    let predicted = testSplit.pairs.map { WordOverlapModel.overlap($0) >= threshold ? 1 : 0 }
    let core = try Self.coreMetrics(gold: testSplit.labels, predicted: predicted, problem: .binary)
    #expect(testResult.threshold == threshold)
    #expect(testResult.primaryValue == core.value(of: .binaryF1))
    // Tuning on the test set itself would do at least as well: the frozen
    // threshold is not that one.
    let testTuned = try ThresholdTuner.tune(
      scores: testSplit.pairs.map(WordOverlapModel.overlap),
      gold: testSplit.labels.map { $0 == 1 })
    #expect(testTuned.value >= testResult.primaryValue)
  }

  @Test(
    "a threshold tuned for F-beta maximises F-beta with the given beta and reports it",
    arguments: [0.5, 2])
  func tunedForFBeta(beta: Double) throws {
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: development.pairs, labels: development.labels, name: "dev",
      task: .binary(.tunedThreshold(maximizing: .binaryFBeta)), progress: .hidden, beta: beta)
    let result = try evaluator.evaluate(WordOverlapModel())
    let threshold = try #require(result.threshold)
    // Brute force over every candidate with the core (scikit-learn-exact)
    // metrics; the highest threshold wins a tie.
    let overlaps = development.pairs.map(WordOverlapModel.overlap)
    var best = (threshold: Double.nan, value: -Double.infinity)
    for candidate in Set(overlaps + [overlaps.max()!.nextUp]).sorted(by: >) {
      let predicted = overlaps.map { $0 >= candidate ? 1 : 0 }
      let matrix = try ConfusionMatrix(
        gold: development.labels.map(String.init), predicted: predicted.map(String.init),
        labels: ["0", "1"])
      let value = try ClassificationMetrics(
        confusionMatrix: matrix,
        options: EvaluationOptions(
          labels: ["0", "1"], positiveLabel: "1", problem: .binary, beta: beta)
      ).value(of: .binaryFBeta)
      if value > best.value { best = (candidate, value) }
    }
    #expect(threshold == best.threshold)
    #expect(agreesExactly(try #require(result["dev_binary_fbeta"]), best.value))
    for metric in [Metric.microFBeta, .macroFBeta, .weightedFBeta] {
      #expect(result["dev_\(metric.rawValue)"] != nil)
    }
    // F1 tuning picks another threshold on this split: beta is not ignored.
    let f1 = try ThresholdTuner.tune(
      scores: overlaps, gold: development.labels.map { $0 == 1 }, maximizing: .binaryF1)
    #expect(f1.threshold != threshold)
  }

  @Test(
    "F-beta tuning without a beta, or with a bad one, is refused",
    arguments: [Metric.binaryFBeta, .macroFBeta, .microFBeta, .weightedFBeta])
  func fBetaNeedsBeta(metric: Metric) {
    let pair = SentencePair("a", "b")
    #expect(
      performing: {
        try CrossEncoderEvaluator(
          sentencePairs: [pair], labels: [1], task: .binary(.tunedThreshold(maximizing: metric)))
      },
      throws: { error in
        guard case .betaNeeded(metric) = error as? EvaluationError else { return false }
        return true
      })
    for beta in [-1, Double.nan, .infinity] {
      #expect(
        performing: {
          try CrossEncoderEvaluator(
            sentencePairs: [pair], labels: [1], task: .binary(.tunedThreshold(maximizing: metric)),
            beta: beta)
        },
        throws: { error in
          guard case .invalidBeta = error as? EvaluationError else { return false }
          return true
        })
    }
  }

  @Test("a constant model is not reported perfect by a tuned evaluator")
  func constantModelEvaluator() throws {
    let constant = ScriptedModel(
      outputCount: 1,
      rows: Dictionary(development.pairs.map { ($0.first, [0.5]) }, uniquingKeysWith: { a, _ in a })
    )
    for metric in [Metric.binaryF1, .accuracy] {
      let evaluator = try CrossEncoderEvaluator(
        sentencePairs: development.pairs, labels: development.labels, name: "dev",
        task: .binary(.tunedThreshold(maximizing: metric)), progress: .hidden)
      let result = try evaluator.evaluate(constant)
      #expect(result["dev_accuracy"]! < 0.6)
      #expect(result["dev_binary_f1"]! < 0.7)
    }
  }

  @Test(
    "multilabel metrics equal scikit-learn's on label-indicator matrices",
    arguments: [
      // f1_score(Y, P, average=...) and accuracy_score(Y, P), sklearn 1.9.1.
      MultilabelCase(
        name: "mixed", gold: [[0, 1], [2], [], [1], [0, 2]],
        predicted: [[0], [2], [], [1, 2], [1]], classCount: 3,
        expected: [
          .zero: [
            0.4666666666666666, 0.5454545454545454, 0.5555555555555555, 0.5555555555555555, 0.4,
          ],
          .one: [
            0.6666666666666666, 0.5454545454545454, 0.5555555555555555, 0.5555555555555555, 0.4,
          ],
          .nan: [
            0.5833333333333333, 0.5454545454545454, 0.5555555555555555, 0.5555555555555555, 0.4,
          ],
        ]),
      MultilabelCase(
        name: "class never seen", gold: [[0], [0, 1], [1]], predicted: [[0], [1], [0, 1]],
        classCount: 4,
        expected: [
          .zero: [0.7777777777777777, 0.75, 0.375, 0.75, 0.3333333333333333],
          .one: [0.7777777777777777, 0.75, 0.875, 0.75, 0.3333333333333333],
          .nan: [0.7777777777777777, 0.75, 0.75, 0.75, 0.3333333333333333],
        ]),
      MultilabelCase(
        name: "no gold label", gold: [[], []], predicted: [[0], []], classCount: 2,
        expected: [
          .zero: [0, 0, 0, 0, 0.5], .one: [0.5, 0, 0.5, 0.5, 0.5], .nan: [0, 0, 0, 0, 0.5],
        ]),
    ])
  func multilabel(_ example: MultilabelCase) throws {
    let rows = example.predicted.map { set in
      (0..<example.classCount).map { set.contains($0) ? 0.9 : 0.1 }
    }
    let (pairs, model) = ScriptedModel.numbered(rows)
    for (zeroDivision, expected) in example.expected {
      var evaluator = try CrossEncoderEvaluator(
        sentencePairs: pairs, labelSets: example.gold, name: "tags", threshold: 0.5,
        progress: .hidden)
      evaluator.zeroDivision = zeroDivision
      let result = try evaluator.evaluate(model)
      let metrics: [MultilabelMetric] = [
        .samplesF1, .microF1, .macroF1, .weightedF1, .subsetAccuracy,
      ]
      for (metric, value) in zip(metrics, expected) {
        #expect(
          agreesExactly(result["tags_\(metric.rawValue)"]!, value),
          "\(metric) with zero division \(zeroDivision)")
      }
      #expect(result.primaryMetricKey == "tags_samples_f1")
    }
  }

  @Test("multilabel results add Hamming loss and per-label scores (scikit-learn's numbers)")
  func multilabelPerLabel() throws {
    let rows = [[0], [2], [], [1, 2], [1]].map { set in (0..<3).map { set.contains($0) ? 0.9 : 0.1 }
    }
    let (pairs, model) = ScriptedModel.numbered(rows)
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labelSets: [[0, 1], [2], [], [1], [0, 2]], name: "tags",
      threshold: 0.5, progress: .hidden)
    let result = try evaluator.evaluate(model)
    // hamming_loss(Y, P) and f1_score(Y, P, average=None), sklearn 1.9.1.
    #expect(agreesExactly(result["tags_hamming_loss"]!, 0.3333333333333333))
    #expect(agreesExactly(result["tags_label_0_f1"]!, 0.6666666666666666))
    #expect(agreesExactly(result["tags_label_1_f1"]!, 0.5))
    #expect(agreesExactly(result["tags_label_2_f1"]!, 0.5))
    #expect(result["tags_label_2_support"] == 2)
  }

  @Test("a multilabel evaluator with a beta adds the four F-beta averages (scikit-learn's numbers)")
  func multilabelFBeta() throws {
    let rows = [[0], [2], [], [1, 2], [1]].map { set in (0..<3).map { set.contains($0) ? 0.9 : 0.1 }
    }
    let (pairs, model) = ScriptedModel.numbered(rows)
    let labelSets: [Set<Int>] = [[0, 1], [2], [], [1], [0, 2]]
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labelSets: labelSets, name: "tags", threshold: 0.5,
      progress: .hidden, writesResults: false, beta: 2)
    let result = try evaluator.evaluate(model)
    // fbeta_score(Y, P, beta=2, average=…, zero_division=0), sklearn 1.9.1.
    let expected = [
      "samples": 0.47777777777777775, "micro": 0.5172413793103449, "macro": 0.5185185185185185,
      "weighted": 0.5185185185185185,
    ]
    for (average, value) in expected {
      #expect(agreesExactly(try #require(result["tags_\(average)_fbeta"]), value), "\(average)")
    }
    #expect(result["tags_samples_f1"] != result["tags_samples_fbeta"])
    let plain = try CrossEncoderEvaluator(
      sentencePairs: pairs, labelSets: labelSets, name: "tags", progress: .hidden,
      writesResults: false)
    #expect(try plain.evaluate(model)["tags_samples_fbeta"] == nil)
    #expect(throws: EvaluationError.self) {
      try CrossEncoderEvaluator(
        sentencePairs: pairs, labelSets: labelSets, progress: .hidden, beta: -1)
    }
  }

  @Test("an evaluator from input examples equals one from pairs and labels")
  func inputExamples() throws {
    let examples = zip(development.pairs, development.labels).map {
      InputExample(texts: [$0.first, $0.second], label: $1)
    }
    let fromExamples = try CrossEncoderEvaluator(
      examples: examples, name: "dev", task: .binary(.threshold(0.5)), progress: .hidden)
    let fromPairs = try CrossEncoderEvaluator(
      sentencePairs: development.pairs, labels: development.labels, name: "dev",
      task: .binary(.threshold(0.5)), progress: .hidden)
    #expect(fromExamples.sentencePairs == fromPairs.sentencePairs)
    #expect(try fromExamples.evaluate(WordOverlapModel()) == fromPairs.evaluate(WordOverlapModel()))
  }
}

/// One multilabel case and scikit-learn's samples, micro, macro and
/// weighted F1 and subset accuracy for each zero-division rule.
struct MultilabelCase: Sendable, CustomTestStringConvertible {
  let name: String
  let gold: [Set<Int>]
  let predicted: [Set<Int>]
  let classCount: Int
  let expected: [ZeroDivision: [Double]]
  var testDescription: String { name }
}

/// Equal, or both NaN.
func agreesExactly(_ left: Double, _ right: Double) -> Bool {
  left == right || (left.isNaN && right.isNaN)
}
