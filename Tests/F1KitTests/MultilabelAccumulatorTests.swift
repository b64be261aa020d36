import F1Kit
import Testing

/// Every output of multilabel metrics, as the command prints them.
private func outputs(_ metrics: MultilabelMetrics) -> [String] {
  [
    JSONValue.object(metrics.jsonDocument()).serialized(), metrics.textReport(),
    metrics.csvTable(), "\(metrics.undefinedScores())",
  ]
}

/// Scores items one at a time through running totals.
private func totals(
  _ gold: [[Int]], _ predicted: [[Int]], labels: [String], weights: [Double]? = nil,
  options: EvaluationOptions = EvaluationOptions()
) throws -> MultilabelMetrics {
  var accumulator = MultilabelAccumulator(options: options, isWeighted: weights != nil)
  for label in labels { accumulator.appendLabel(label) }
  for item in gold.indices {
    accumulator.add(
      gold: LabelSet(gold[item]), predicted: LabelSet(predicted[item]),
      weight: weights?[item] ?? 1)
  }
  return try MultilabelMetrics(accumulated: accumulator)
}

@Suite("Multilabel running totals score like the patterns, in memory flat in items")
struct MultilabelAccumulatorTests {
  @Test(
    "running totals print the same JSON, text and CSV bytes as the patterns",
    arguments: multilabelCases)
  func sameBytesAsPatterns(golden: MultilabelGoldenCase) throws {
    let fromPatterns = try golden.metricsFromPatterns()
    let fromTotals = try golden.metricsFromTotals()
    #expect(outputs(fromTotals) == outputs(fromPatterns))
    #expect(fromTotals.allLabels == fromPatterns.allLabels)
    #expect(fromTotals.counts == nil)
    #expect(fromPatterns.counts != nil)
  }

  @Test(
    "the totals do not depend on the order items arrive in, nor on equal items arriving together",
    arguments: multilabelCases)
  func orderDoesNotMatter(golden: MultilabelGoldenCase) throws {
    let inOrder = outputs(try golden.metricsFromTotals())
    let items = Array(golden.gold.indices)
    #expect(outputs(try golden.metricsFromTotals(order: items.reversed())) == inOrder)
    // Equal patterns next to each other, as a sorted file would have them.
    let grouped = items.sorted {
      (
        golden.gold[$0].sorted().joined(separator: "|"),
        golden.pred[$0].sorted().joined(
          separator: "|"), golden.sampleWeight?[$0] ?? 1, $0
      )
        < (
          golden.gold[$1].sorted().joined(separator: "|"),
          golden.pred[$1].sorted().joined(
            separator: "|"), golden.sampleWeight?[$1] ?? 1, $1
        )
    }
    #expect(outputs(try golden.metricsFromTotals(order: grouped)) == inOrder)
  }

  @Test(
    "items whose gold and predicted sets are both empty score the zero-division value in samples averages",
    arguments: [(ZeroDivision.zero, 0.5), (.one, 1.0), (.nan, 1.0)])
  func emptyItems(zeroDivision: ZeroDivision, expected: Double) throws {
    // Item 1 has no labels on either side; item 2 is right. With "nan" the
    // empty item is left out of the mean, as scikit-learn leaves it out.
    let metrics = try totals(
      [[], [0]], [[], [0]], labels: ["a"], options: EvaluationOptions(zeroDivision: zeroDivision))
    for metric in [MultilabelMetric.samplesPrecision, .samplesRecall, .samplesF1, .jaccardSamples] {
      #expect(metrics.value(of: metric) == expected, "\(metric.rawValue)")
    }
    #expect(metrics.value(of: .subsetAccuracy) == 1)
    #expect(metrics.value(of: .hammingLoss) == 0)
  }

  @Test("labels outside --labels count only in subset accuracy and Hamming loss")
  func labelsOutsideTheEvaluatedOnes() throws {
    // Labels a, x; only a is evaluated. The item's x is a false negative
    // that no per-label score or samples average sees.
    let metrics = try totals(
      [[0, 1], [0]], [[0], [0, 1]], labels: ["a", "x"],
      options: EvaluationOptions(labels: ["a"]))
    #expect(metrics.labels == ["a"])
    #expect(metrics.allLabels == ["a", "x"])
    #expect(metrics.value(of: .samplesF1) == 1)
    #expect(metrics.value(of: .microPrecision) == 1)
    #expect(metrics.labelConfusion() == [[[0, 0], [0, 2]]])
    #expect(metrics.value(of: .subsetAccuracy) == 0)
    #expect(metrics.value(of: .hammingLoss) == 0.5)
  }

  @Test("a label --labels names that never occurs has zero totals and zero-division scores")
  func labelThatNeverOccurs() throws {
    let metrics = try totals(
      [[0], [1]], [[0], [0]], labels: ["b", "a"],
      options: EvaluationOptions(labels: ["a", "never", "b"], zeroDivision: .one))
    #expect(metrics.labels == ["a", "never", "b"])
    let never = metrics.perLabel()[1]
    #expect(never.precision == 1 && never.recall == 1 && never.support == 0)
    #expect(metrics.labelConfusion()[1] == [[2, 0], [0, 0]])
    // a is never predicted, so its precision is the zero-division value 1;
    // b's is 1/2. One item differs on two of the three labels.
    #expect(metrics.value(of: .macroPrecision) == (1 + 1 + 0.5) / 3)
    #expect(metrics.value(of: .hammingLoss) == 2.0 / 6)
  }

  @Test(
    "items with an empty gold or predicted set over the evaluated labels are counted, zero-weight items not"
  )
  func emptySets() throws {
    // Items 1 and 3 have no gold label, 2 and 3 none predicted; item 5
    // has neither but weight 0, so it counts in no average.
    let gold = [[0, 1], [], [0], [], [1], []]
    let predicted = [[0], [0], [], [], [0, 1], []]
    let weights = [1.0, 1, 1, 1, 1, 0]
    let all = try totals(gold, predicted, labels: ["a", "b"], weights: weights)
    #expect(all.emptySets.emptyGold == 2)
    #expect(all.emptySets.emptyPredicted == 2)
    #expect(all.emptySets.emptyBoth == 1)
    let counts = try MultilabelCounts(
      gold: gold.map { $0.map { ["a", "b"][$0] } },
      predicted: predicted.map { $0.map { ["a", "b"][$0] } }, weights: weights)
    #expect(try MultilabelMetrics(counts: counts).emptySets == all.emptySets)
    // Over label "a" alone, item 4 (gold {b}, predicted {a, b}) has an
    // empty gold set too.
    let onlyA = try totals(
      gold, predicted, labels: ["a", "b"], weights: weights,
      options: EvaluationOptions(labels: ["a"]))
    #expect(onlyA.emptySets.emptyGold == 3)
    #expect(onlyA.emptySets.emptyPredicted == 2)
    #expect(try totals([[0]], [[0]], labels: ["a"]).emptySets.isEmpty)
  }

  @Test("a zero-weight item adds nothing to any total")
  func zeroWeights() throws {
    let gold = [[0], [0, 1], [1]]
    let predicted = [[0], [], [0]]
    let options = EvaluationOptions(zeroDivision: .nan, beta: 2)
    let with = try totals(
      gold, predicted, labels: ["a", "b"], weights: [1.5, 0, 0.25], options: options)
    let without = try totals(
      [gold[0], gold[2]], [predicted[0], predicted[2]], labels: ["a", "b"],
      weights: [1.5, 0.25], options: options)
    #expect(with.itemCount == 3)
    for metric in with.reportedMetrics {
      let (left, right) = (with.value(of: metric), without.value(of: metric))
      #expect(left == right || (left.isNaN && right.isNaN), "\(metric.rawValue)")
    }
    #expect(with.labelConfusion() == without.labelConfusion())
    #expect(with.tallies.totalWeight == 1.75)
  }

  @Test(
    "invalid options and data are refused after reading, with the patterns' errors",
    arguments: [
      (EvaluationOptions(labels: ["a", "a"]), [1.0], MetricsError.duplicateLabel("a")),
      (EvaluationOptions(beta: -1), [1.0], .invalidBeta(-1)),
      (EvaluationOptions(labels: []), [1.0], .noLabels),
      (EvaluationOptions(), [0.0], .zeroTotalWeight),
    ])
  func refusals(options: EvaluationOptions, weights: [Double], expected: MetricsError) throws {
    let counts = try MultilabelCounts(gold: [["a"]], predicted: [["a"]], weights: weights)
    #expect(throws: expected) { try MultilabelMetrics(counts: counts, options: options) }
    #expect(throws: expected) {
      try totals([[0]], [[0]], labels: ["a"], weights: weights, options: options)
    }
  }

  @Test("a pattern added n times at once gives the totals of n items added one by one")
  func groupedPatternEqualsItems() throws {
    let options = EvaluationOptions(zeroDivision: .nan, beta: 0.5)
    var grouped = MultilabelAccumulator(options: options, isWeighted: true)
    var single = MultilabelAccumulator(options: options, isWeighted: true)
    for label in ["a", "b", "c"] {
      grouped.appendLabel(label)
      single.appendLabel(label)
    }
    // 0.1 is not a binary fraction, so 0.1 × 1,000,003 rounds: the group
    // must keep that rounding error to match the items' compensated sums.
    let gold = LabelSet([0, 1])
    let predicted = LabelSet([1, 2])
    grouped.add(gold: gold, predicted: predicted, weight: 0.1, count: 1_000_003)
    grouped.add(gold: predicted, predicted: predicted, weight: 0.3, count: 7)
    for _ in 0..<1_000_003 { single.add(gold: gold, predicted: predicted, weight: 0.1) }
    for _ in 0..<7 { single.add(gold: predicted, predicted: predicted, weight: 0.3) }
    #expect(grouped.itemCount == 1_000_010)
    #expect(grouped.totalWeight == single.totalWeight)
    #expect(
      outputs(try MultilabelMetrics(accumulated: grouped))
        == outputs(try MultilabelMetrics(accumulated: single)))
  }
}
