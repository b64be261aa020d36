import F1Kit
import F1KitSupport
import Testing

@Suite("Exchanging two binary models' scores without sorting again")
struct ExchangeableBinaryScoresTests {
  @Test(
    "every metric equals that of the exchanged scores sorted again, bit for bit",
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
      for _ in 0..<5 {
        let swaps = (0..<count).map { _ in Bool.random(using: &generator) }
        var a = first
        var b = second
        for item in swaps.indices where swaps[item] { swap(&a[item], &b[item]) }
        let resortedA = try BinaryScores(scores: a, isPositive: gold)
        let resortedB = try BinaryScores(scores: b, isPositive: gold)
        for metric in ScoreMetric.binaryMetrics {
          let bits = ExchangeableBinaryScores.swapBits(swaps)
          let (x, y) = bits.withUnsafeBufferPointer { pair.values(of: metric, swapBits: $0) }
          #expect(x == resortedA.value(of: metric), "\(metric)")
          #expect(y == resortedB.value(of: metric), "\(metric)")
        }
      }
    }
  }
}
