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

  @Test(
    "every metric equals that of the exchanged rows sorted again, bit for bit",
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
      for _ in 0..<4 {
        let swaps = (0..<count).map { _ in Bool.random(using: &generator) }
        var x = first
        var y = second
        for item in swaps.indices where swaps[item] {
          for column in 0..<width { swap(&x[item * width + column], &y[item * width + column]) }
        }
        let resortedX = try MulticlassScores(scores: x, classCount: width, gold: gold)
        let resortedY = try MulticlassScores(scores: y, classCount: width, gold: gold)
        let bits = ExchangeableBinaryScores.swapBits(swaps)
        for metric in ScoreMetric.multiclassMetrics {
          let (u, v) = bits.withUnsafeBufferPointer { pair.values(of: metric, swapBits: $0) }
          #expect(u == resortedX.value(of: metric), "\(metric)")
          #expect(v == resortedY.value(of: metric), "\(metric)")
        }
      }
    }
  }
}
