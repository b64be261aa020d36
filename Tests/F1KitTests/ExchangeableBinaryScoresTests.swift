import F1Kit
import F1KitSupport
import Testing

/// Each item's rank from the lowest score up, ties sharing their mean rank,
/// by counting: 1 + the scores below + half the other scores tied with it.
func countedMidRanks(_ scores: [Double]) -> [Double] {
  scores.map { score in
    let below = scores.count { $0 < score }
    let tied = scores.count { $0 == score }
    return Double(below) + Double(tied + 1) / 2
  }
}

@Suite("Exchanging two binary models' scores without sorting again")
struct ExchangeableBinaryScoresTests {
  @Test("mid-ranks count from the lowest score up, tied scores sharing their mean rank")
  func midRanks() {
    let scores = [0.3, -1, 0.3, 2, 0.3, -0.0, 0]
    let ranks = ScoreRanking(scores: scores).midRanks()
    #expect(ranks == [5, 1, 5, 7, 5, 2.5, 2.5])
    #expect(ranks == countedMidRanks(scores))
  }

  @Test(
    "ranking metrics equal those of the exchanged ranks, the others those of the exchanged scores",
    arguments: [false, true])
  func equalsSortingAgain(isProbability: Bool) throws {
    var generator = SplitMix64(seed: isProbability ? 21 : 22)
    for _ in 0..<60 {
      // Up to 150 items, so the swap bits span several 64-bit words.
      let count = Int.random(in: 1...150, using: &generator)
      // Coarse scores, so ties within and across the models are common.
      func score() -> Double {
        let value = Double(Int.random(in: 0...8, using: &generator)) / 8
        return isProbability ? value : 3 * value - 1
      }
      let first = (0..<count).map { _ in score() }
      let second = (0..<count).map { _ in score() }
      let gold = (0..<count).map { _ in Bool.random(using: &generator) }
      let pair = try #require(
        ExchangeableBinaryScores(
          try BinaryScores(scores: first, isPositive: gold),
          try BinaryScores(scores: second, isPositive: gold)))
      let (firstRanks, secondRanks) = (countedMidRanks(first), countedMidRanks(second))
      for _ in 0..<5 {
        let swaps = (0..<count).map { _ in Bool.random(using: &generator) }
        func exchanged(_ x: [Double], _ y: [Double]) throws -> (BinaryScores, BinaryScores) {
          var a = x
          var b = y
          for item in swaps.indices where swaps[item] { swap(&a[item], &b[item]) }
          return (
            try BinaryScores(scores: a, isPositive: gold),
            try BinaryScores(scores: b, isPositive: gold)
          )
        }
        let byScores = try exchanged(first, second)
        let byRanks = try exchanged(firstRanks, secondRanks)
        for metric in ScoreMetric.binaryMetrics {
          let (expectedA, expectedB) = metric.isRankBased ? byRanks : byScores
          let bits = ExchangeableBinaryScores.swapBits(swaps)
          let (x, y) = bits.withUnsafeBufferPointer { pair.values(of: metric, swapBits: $0) }
          #expect(x == expectedA.value(of: metric), "\(metric)")
          #expect(y == expectedB.value(of: metric), "\(metric)")
        }
      }
    }
  }
}
