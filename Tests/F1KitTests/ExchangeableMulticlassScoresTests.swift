import F1Kit
import F1KitSupport
import Testing

@Suite("Exchanging two multiclass models' score rows without sorting again")
struct ExchangeableMulticlassScoresTests {
  /// A score row: coarse values, so ties within and across the models are
  /// common; a probability vector when asked for.
  private static func row(
    width: Int, isProbability: Bool, using generator: inout SplitMix64
  ) -> [Double] {
    let raw = (0..<width).map { _ in Double(Int.random(in: 0...4, using: &generator)) }
    guard isProbability else { return raw.map { 2 * $0 - 3 } }
    let total = raw.reduce(0, +)
    // An all-zero row becomes one-hot on the first class.
    return total == 0 ? [1] + Array(repeating: 0, count: width - 1) : raw.map { $0 / total }
  }

  /// Macro one-vs-one ROC-AUC (Hand and Till) by counting every pair of
  /// items, for rows that need not be probability vectors.
  private static func countedOneVersusOne(scores: [Double], width: Int, gold: [Int]) -> Double? {
    var sum = 0.0
    for j in 0..<width {
      for k in (j + 1)..<width {
        var areas: [Double] = []
        for (positive, negative) in [(j, k), (k, j)] {
          let positives = gold.indices.filter { gold[$0] == positive }
          let negatives = gold.indices.filter { gold[$0] == negative }
          guard !positives.isEmpty, !negatives.isEmpty else { return nil }
          var wins = 0.0
          for p in positives {
            for n in negatives {
              let (x, y) = (scores[p * width + positive], scores[n * width + positive])
              wins += x > y ? 1 : (x == y ? 0.5 : 0)
            }
          }
          areas.append(wins / Double(positives.count * negatives.count))
        }
        sum += (areas[0] + areas[1]) / 2
      }
    }
    return sum / Double(width * (width - 1) / 2)
  }

  /// Each class's column replaced by its mid-ranks.
  private static func rankRows(_ scores: [Double], width: Int) -> [Double] {
    var rows = scores
    for column in 0..<width {
      let ranks = countedMidRanks(
        stride(from: column, to: scores.count, by: width).map { scores[$0] })
      for (item, rank) in ranks.enumerated() { rows[item * width + column] = rank }
    }
    return rows
  }

  @Test(
    "ranking metrics equal those of the exchanged rank rows, the others those of the exchanged rows",
    arguments: [(3, true), (3, false), (2, true), (5, true)])
  func equalsSortingAgain(width: Int, isProbability: Bool) throws {
    var generator = SplitMix64(seed: UInt64(width * 10 + (isProbability ? 1 : 0)))
    for _ in 0..<30 {
      let count = Int.random(in: 1...130, using: &generator)
      let first = (0..<count).flatMap { _ in
        Self.row(width: width, isProbability: isProbability, using: &generator)
      }
      let second = (0..<count).flatMap { _ in
        Self.row(width: width, isProbability: isProbability, using: &generator)
      }
      let gold = (0..<count).map { _ in Int.random(in: 0..<width, using: &generator) }
      let a = try MulticlassScores(scores: first, classCount: width, gold: gold)
      let b = try MulticlassScores(scores: second, classCount: width, gold: gold)
      let pair = try #require(ExchangeableMulticlassScores(a, b))
      #expect(pair.hasProbabilityTerms == isProbability)
      let (firstRanks, secondRanks) = (
        Self.rankRows(first, width: width), Self.rankRows(second, width: width)
      )
      for _ in 0..<4 {
        let swaps = (0..<count).map { _ in Bool.random(using: &generator) }
        func exchanged(_ first: [Double], _ second: [Double]) -> ([Double], [Double]) {
          var x = first
          var y = second
          for item in swaps.indices where swaps[item] {
            for column in 0..<width { swap(&x[item * width + column], &y[item * width + column]) }
          }
          return (x, y)
        }
        let (x, y) = exchanged(first, second)
        let (rankedX, rankedY) = exchanged(firstRanks, secondRanks)
        let byScores = (
          try MulticlassScores(scores: x, classCount: width, gold: gold),
          try MulticlassScores(scores: y, classCount: width, gold: gold)
        )
        let byRanks = (
          try MulticlassScores(scores: rankedX, classCount: width, gold: gold),
          try MulticlassScores(scores: rankedY, classCount: width, gold: gold)
        )
        let bits = ExchangeableBinaryScores.swapBits(swaps)
        for metric in ScoreMetric.multiclassMetrics {
          let (u, v) = bits.withUnsafeBufferPointer { pair.values(of: metric, swapBits: $0) }
          if metric == .rocAUCOneVsOneMacro {
            // Rank rows are not probability vectors, so count the pairs.
            let expected =
              isProbability
              ? (
                Self.countedOneVersusOne(scores: rankedX, width: width, gold: gold),
                Self.countedOneVersusOne(scores: rankedY, width: width, gold: gold)
              ) : (nil, nil)
            #expect(u.isApproximatelyEqual(to: expected.0), "\(metric)")
            #expect(v.isApproximatelyEqual(to: expected.1), "\(metric)")
            continue
          }
          let (expectedX, expectedY) = metric.isRankBased ? byRanks : byScores
          #expect(u == expectedX.value(of: metric), "\(metric)")
          #expect(v == expectedY.value(of: metric), "\(metric)")
        }
      }
    }
  }
}

extension Optional<Double> {
  /// Whether both are `nil`, or both are values within 1e-12.
  fileprivate func isApproximatelyEqual(to other: Double?) -> Bool {
    switch (self, other) {
    case (nil, nil): true
    case (let x?, let y?): abs(x - y) <= 1e-12
    default: false
    }
  }
}
