import F1Kit
import F1KitSupport
import Testing

@Suite("Threshold tuning")
struct ThresholdTunerTests {
  /// The value of a metric when items scoring at least `threshold` are
  /// predicted positive, from the core metrics.
  static func value(
    of metric: Metric, scores: [Double], gold: [Bool], threshold: Double
  ) -> Double {
    let predicted = scores.map { $0 >= threshold ? "1" : "0" }
    let matrix = try! ConfusionMatrix(
      gold: gold.map { $0 ? "1" : "0" }, predicted: predicted, labels: ["0", "1"])
    let options = EvaluationOptions(labels: ["0", "1"], positiveLabel: "1", problem: .binary)
    return try! ClassificationMetrics(confusionMatrix: matrix, options: options).value(of: metric)
  }

  @Test(
    "a constant model gets the better of all-positive and all-negative, never a perfect score",
    arguments: [Metric.binaryF1, .accuracy, .macroF1, .matthewsCorrelation])
  func constantModel(metric: Metric) throws {
    let gold = [true, false, false, true, false, false, false, true]
    let scores = Array(repeating: 0.7, count: gold.count)
    let tuning = try ThresholdTuner.tune(scores: scores, gold: gold, maximizing: metric)
    let allPositive = Self.value(of: metric, scores: scores, gold: gold, threshold: 0.7)
    let allNegative = Self.value(of: metric, scores: scores, gold: gold, threshold: 0.8)
    #expect(tuning.value == max(allPositive, allNegative))
    #expect(tuning.value < 1)
    #expect(tuning.positiveCount == 0 || tuning.positiveCount == gold.count)
  }

  @Test("a constant model's binary F1 is that of predicting everything positive")
  func constantModelBinaryF1() throws {
    let gold = [true, false, false, true, false]
    let tuning = try ThresholdTuner.tune(
      scores: Array(repeating: 0.3, count: 5), gold: gold, maximizing: .binaryF1)
    // Precision 2/5, recall 1: F1 = 2·(2/5)/(1 + 2/5) = 4/7.
    #expect(tuning.value == 4.0 / 7.0)
    #expect(tuning.threshold == 0.3)
    #expect(tuning.positiveCount == 5)
  }

  @Test("tied scores are never split between the two classes")
  func tiesAreNotSplit() throws {
    // A split of the tied group at 0.5 would take just the two positives
    // and report F1 = 1; the tie must be predicted as one.
    let scores = [0.5, 0.5, 0.5, 0.2]
    let gold = [true, false, true, false]
    let tuning = try ThresholdTuner.tune(scores: scores, gold: gold, maximizing: .binaryF1)
    #expect(tuning.threshold == 0.5)
    #expect(tuning.positiveCount == 3)
    #expect(tuning.value == 0.8)
  }

  @Test("the all-positive end is a candidate: the lowest score as threshold")
  func allPositiveEnd() throws {
    // Everything positive gives F1 6/7; sentence-transformers' sweep stops
    // one row short and never tries it.
    let scores = [0.9, 0.1, 0.2, 0.3]
    let gold = [false, true, true, true]
    let tuning = try ThresholdTuner.tune(scores: scores, gold: gold, maximizing: .binaryF1)
    #expect(tuning.threshold == 0.1)
    #expect(tuning.positiveCount == 4)
    #expect(tuning.value == 6.0 / 7.0)
  }

  @Test("the all-negative end is finite, just above the highest score")
  func allNegativeEnd() throws {
    let scores = [0.9, 0.1, 0.4]
    let tuning = try ThresholdTuner.tune(
      scores: scores, gold: [false, false, false], maximizing: .accuracy)
    #expect(tuning.threshold == 0.9.nextUp)
    #expect(tuning.positiveCount == 0)
    #expect(tuning.value == 1)
  }

  @Test("equal metric values go to the highest threshold")
  func tieBreakPrefersHighestThreshold() throws {
    // Accuracy is 3/4 at thresholds 0.8 (one positive) and 0.4 (three
    // positives); the tuner keeps 0.8.
    let scores = [0.8, 0.6, 0.4, 0.2]
    let gold = [true, false, true, false]
    let tuning = try ThresholdTuner.tune(scores: scores, gold: gold, maximizing: .accuracy)
    #expect(tuning.value == 0.75)
    #expect(tuning.threshold == 0.8)
  }

  @Test("a +∞ score cannot hide behind the all-negative candidate")
  func infiniteScores() throws {
    let tuning = try ThresholdTuner.tune(
      scores: [.infinity, 0], gold: [false, false], maximizing: .accuracy)
    #expect(tuning.value == 0.5)
    #expect(tuning.threshold == .infinity)
    #expect(tuning.positiveCount == 1)
  }

  @Test(
    "matches an exhaustive search over every candidate threshold",
    arguments: [Metric.binaryF1, .accuracy, .matthewsCorrelation, .macroF1, .balancedAccuracy])
  func matchesExhaustiveSearch(metric: Metric) throws {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<40 {
      let count = Int.random(in: 1...30, using: &generator)
      // Few distinct values, so ties are common.
      let scores = (0..<count).map { _ in Double(Int.random(in: 0...6, using: &generator)) / 6 }
      let gold = (0..<count).map { _ in Bool.random(using: &generator) }
      let tuning = try ThresholdTuner.tune(scores: scores, gold: gold, maximizing: metric)
      let candidates = Set(scores).sorted(by: >)
      let values = ([scores.max()!.nextUp] + candidates).map {
        Self.value(of: metric, scores: scores, gold: gold, threshold: $0)
      }
      let best = values.filter { !$0.isNaN }.max() ?? .nan
      #expect(agreesExactly(tuning.value, best))
      let atThreshold = Self.value(
        of: metric, scores: scores, gold: gold, threshold: tuning.threshold)
      #expect(agreesExactly(atThreshold, tuning.value))
    }
  }

  @Test("rejects empty input, mismatched counts and NaN scores")
  func rejectsBadInput() {
    #expect(throws: ScoreMetricsError.noItems) { try ThresholdTuner.tune(scores: [], gold: []) }
    #expect(throws: ScoreMetricsError.countMismatch(scores: 1, gold: 2)) {
      try ThresholdTuner.tune(scores: [0.1], gold: [true, false])
    }
    #expect(throws: ScoreMetricsError.nonFiniteScore(item: 1)) {
      try ThresholdTuner.tune(scores: [0.1, .nan], gold: [true, false])
    }
  }

  @Test("the candidate count is the distinct scores plus the all-negative end")
  func candidateCount() throws {
    let tuning = try ThresholdTuner.tune(
      scores: [0.2, 0.2, 0.5, 0.9], gold: [false, true, false, true])
    #expect(tuning.candidateCount == 4)
  }

  @Test(
    "the constrained forms match an exhaustive search",
    arguments: [
      ThresholdConstraint.minimumPrecision(0.5), .minimumPrecision(0.8), .minimumRecall(0.5),
      .minimumRecall(0.9),
    ])
  func constrainedMatchesExhaustiveSearch(constraint: ThresholdConstraint) throws {
    var generator = SplitMix64(seed: 11)
    for _ in 0..<40 {
      let count = Int.random(in: 1...30, using: &generator)
      let scores = (0..<count).map { _ in Double(Int.random(in: 0...8, using: &generator)) / 8 }
      let gold = (0..<count).map { _ in Bool.random(using: &generator) }
      let tuning = try ThresholdTuner.tune(scores: scores, gold: gold, constraint: constraint)
      var best: (threshold: Double, value: Double)?
      for threshold in Set(scores).sorted(by: >) {
        let truePositives = zip(scores, gold).filter { $0.0 >= threshold && $0.1 }.count
        let predicted = scores.filter { $0 >= threshold }.count
        let positives = gold.filter { $0 }.count
        guard positives > 0 else { continue }
        let precision = Double(truePositives) / Double(predicted)
        let recall = Double(truePositives) / Double(positives)
        let (floor, floorValue, value) =
          switch constraint {
          case .minimumPrecision(let p): (p, precision, recall)
          case .minimumRecall(let r): (r, recall, precision)
          }
        if floorValue >= floor, best == nil || value > best!.value { best = (threshold, value) }
      }
      #expect(tuning?.threshold == best?.threshold)
      #expect(tuning?.value == best?.value)
    }
  }

  @Test("recall at precision at least 0.9 picks the lowest threshold keeping that precision")
  func recallAtPrecision() throws {
    let scores = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5]
    let gold = [true, true, true, false, true, false]
    let tuning = try #require(
      try ThresholdTuner.tune(scores: scores, gold: gold, constraint: .minimumPrecision(0.9)))
    #expect(tuning.threshold == 0.8)
    #expect(tuning.value == 0.75)
    #expect(tuning.metric == .binaryRecall)
    #expect(
      try ThresholdTuner.tune(
        scores: scores, gold: [false] + gold.dropFirst(), constraint: .minimumPrecision(1.1))
        == nil)
  }
}

@Suite("Threshold sweep")
struct ThresholdSweepTests {
  @Test("a threshold selects the candidate predicting the same items positive")
  func indexOfThreshold() throws {
    let sweep = try ThresholdSweep(scores: [0.9, 0.5, 0.5, 0.1], gold: [true, false, true, false])
    #expect(sweep.thresholds == [(0.9).nextUp, 0.9, 0.5, 0.1])
    #expect(sweep.truePositives == [0, 1, 2, 2])
    #expect(sweep.falsePositives == [0, 0, 1, 2])
    #expect(sweep.index(of: 1) == 0)
    #expect(sweep.index(of: 0.9) == 1)
    #expect(sweep.index(of: 0.7) == 1)
    #expect(sweep.index(of: 0.5) == 2)
    #expect(sweep.index(of: 0.3) == 2)
    #expect(sweep.index(of: -4) == 3)
  }
}

/// Equal, or both NaN.
private func agreesExactly(_ left: Double, _ right: Double) -> Bool {
  left == right || (left.isNaN && right.isNaN)
}

@Suite("Threshold advice")
struct ThresholdAdviceTests {
  @Test("a constant score's best F1 is predicting everything positive, never 1")
  func constantScores() throws {
    let scores = try BinaryScores(
      scores: Array(repeating: 0.3, count: 5), isPositive: [true, false, false, true, false])
    let advice = ThresholdAdvice(scores, threshold: 0.5)
    #expect(advice.isConstant)
    #expect(advice.f1AtThreshold == 0)
    #expect(advice.bestF1 == 4.0 / 7.0)
    #expect(advice.isFarFromBest)
  }

  @Test("F1 at the cut-off and the best F1 match a direct count")
  func matchesDirectCount() throws {
    var generator = SplitMix64(seed: 3)
    for _ in 0..<30 {
      let count = Int.random(in: 2...40, using: &generator)
      let values = (0..<count).map { _ in Double(Int.random(in: 0...10, using: &generator)) / 10 }
      let gold = (0..<count).map { _ in Bool.random(using: &generator) }
      let threshold = Double(Int.random(in: 0...10, using: &generator)) / 10 + 0.05
      let advice = ThresholdAdvice(
        try BinaryScores(scores: values, isPositive: gold), threshold: threshold)
      func f1(at cut: Double) -> Double {
        let tp = zip(values, gold).filter { $0.0 >= cut && $0.1 }.count
        let predicted = values.filter { $0 >= cut }.count
        let positives = gold.filter { $0 }.count
        return tp == 0 ? 0 : 2 * Double(tp) / Double(predicted + positives)
      }
      #expect(abs(advice.f1AtThreshold - f1(at: threshold)) <= 1e-15)
      let best = Set(values).map(f1(at:)).max()!
      #expect(abs(advice.bestF1 - best) <= 1e-15)
      #expect(abs(f1(at: advice.bestThreshold) - advice.bestF1) <= 1e-15)
    }
  }
}

@Suite("Reliability diagram")
struct ReliabilityDiagramTests {
  @Test("each bin counts its items, their mean probability and their positive rate")
  func bins() throws {
    let scores = try BinaryScores(
      scores: [0.0, 0.05, 0.5, 0.52, 1.0, 0.99], isPositive: [false, true, false, true, true, true])
    let diagram = try #require(ReliabilityDiagram(scores))
    #expect(diagram.bins.count == 15)
    #expect(diagram.bins.map(\.count).reduce(0, +) == 6)
    #expect(diagram.bins[0].count == 2)
    #expect(diagram.bins[0].meanConfidence == 0.025)
    #expect(diagram.bins[0].observedRate == 0.5)
    #expect(diagram.bins[7].count == 2)
    #expect(diagram.bins[8].count == 0)
    #expect(diagram.bins[8].meanConfidence.isNaN)
    #expect(diagram.bins[14].count == 2)
    #expect(diagram.bins[14].observedRate == 1)
    #expect(
      ReliabilityDiagram(try BinaryScores(scores: [2, 0], isPositive: [true, false])) == nil)
  }
}
