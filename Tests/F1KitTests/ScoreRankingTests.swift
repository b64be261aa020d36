import F1Kit
import F1KitSupport
import Testing

@Suite("Sorting scores and sweeping them in whole numbers")
struct ScoreRankingTests {
  /// Random scores: coarse ones (many ties, both zeros), or any finite
  /// doubles of either sign.
  static func scores(count: Int, isCoarse: Bool, using generator: inout SplitMix64) -> [Double] {
    (0..<count).map { _ in
      if isCoarse {
        let value = Double(Int.random(in: -4...4, using: &generator)) / 4
        return value == 0 && Bool.random(using: &generator) ? -0.0 : value
      }
      let bits = UInt64.random(in: 0..<0x7FF0_0000_0000_0000, using: &generator)
      return Double(bitPattern: bits) * (Bool.random(using: &generator) ? 1 : -1)
    }
  }

  @Test(
    "the radix sort orders as a stable comparison sort by descending score, ties by item",
    arguments: [false, true])
  func radixSortMatchesComparisonSort(isCoarse: Bool) {
    var generator = SplitMix64(seed: isCoarse ? 31 : 32)
    for count in [1, 2, 3, 17, 1_000, 5_000] {
      let scores = Self.scores(count: count, isCoarse: isCoarse, using: &generator)
      let ranking = ScoreRanking(scores: scores)
      let expected = scores.indices.sorted {
        scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1)
      }
      #expect(ranking.items == expected)
      var ends: [Int] = []
      for position in expected.indices
      where position + 1 == count || scores[expected[position + 1]] != scores[expected[position]] {
        ends.append(position + 1)
      }
      #expect(ranking.groupEnds == ends)
    }
  }

  @Test(
    "whole-number counts give the Double weights' ROC-AUC and average precision bit for bit",
    arguments: [false, true])
  func countsMatchWeights(isCoarse: Bool) throws {
    var generator = SplitMix64(seed: isCoarse ? 33 : 34)
    for _ in 0..<40 {
      let count = Int.random(in: 1...300, using: &generator)
      let scores = Self.scores(count: count, isCoarse: isCoarse, using: &generator)
      let gold = (0..<count).map { _ in Int.random(in: 0..<4, using: &generator) == 0 }
      let packed = try #require(
        PackedBinaryRanking(try BinaryScores(scores: scores, isPositive: gold)))
      #expect(packed.allowsCounts)
      for _ in 0..<5 {
        var counts = [UInt32](repeating: 0, count: count)
        for _ in 0..<count { counts[Int.random(in: 0..<count, using: &generator)] += 1 }
        let weights = counts.map(Double.init)
        for metric in [ScoreMetric.rocAUC, .averagePrecision] {
          let fromCounts = counts.withUnsafeBufferPointer { packed.value(of: metric, counts: $0) }
          let fromWeights = weights.withUnsafeBufferPointer {
            packed.value(of: metric, weights: $0)
          }
          #expect(fromCounts?.bitPattern == fromWeights?.bitPattern, "\(metric)")
        }
      }
    }
  }

  @Test(
    "threshold advice equals the sweep's general metric values and the tuner's choice",
    arguments: [false, true])
  func adviceMatchesTuner(isCoarse: Bool) throws {
    var generator = SplitMix64(seed: isCoarse ? 35 : 36)
    for _ in 0..<40 {
      let count = Int.random(in: 1...200, using: &generator)
      let scores = Self.scores(count: count, isCoarse: isCoarse, using: &generator).map {
        isCoarse ? $0 : $0.magnitude.truncatingRemainder(dividingBy: 1)
      }
      let gold = (0..<count).map { _ in Bool.random(using: &generator) }
      let binary = try BinaryScores(scores: scores, isPositive: gold)
      let threshold = [0.5, 0, 1, -1, 2][Int.random(in: 0..<5, using: &generator)]
      let advice = ThresholdAdvice(binary, threshold: threshold)
      let sweep = try ThresholdSweep(scores: scores, gold: gold)
      let values = sweep.values(of: .binaryF1)
      let tuned = ThresholdTuner.tune(sweep, maximizing: .binaryF1)
      #expect(advice.f1AtThreshold == values[sweep.index(of: threshold)])
      #expect(advice.bestThreshold == tuned.threshold)
      #expect(advice.bestF1 == tuned.value)
      #expect(advice.lowestF1 == values.min())
    }
  }
}
