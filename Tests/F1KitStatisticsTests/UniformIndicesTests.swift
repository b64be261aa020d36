import Testing

@testable import F1KitStatistics

/// Uniform index draws, two from each random word, against a plain
/// reference and in distribution.
@Suite("Uniform indices: two exact draws from each random word")
struct UniformIndicesTests {
  /// `count` indices below `bound` the plain way: each 64-bit word's low
  /// half and then its high half, a half *x* kept when *x* · `bound` mod
  /// 2³² is at least 2³² mod `bound` and then giving ⌊*x* · `bound` / 2³²⌋,
  /// a rejected half replaced by the low half of fresh words.
  static func referenceIndices(
    _ count: Int, below bound: Int, using generator: inout Xoshiro256StarStar
  ) -> [Int] {
    let power: UInt64 = 1 << 32
    let surplus = power % UInt64(bound)
    func index(_ half: UInt64) -> Int {
      var half = half
      while (half * UInt64(bound)) % power < surplus { half = generator.next() % power }
      return Int(half * UInt64(bound) / power)
    }
    var indices: [Int] = []
    while indices.count < count {
      let word = generator.next()
      indices.append(index(word % power))
      if indices.count < count { indices.append(index(word / power)) }
    }
    return indices
  }

  static func drawn(_ count: Int, below bound: Int, seed: UInt64) -> [Int] {
    var generator = Xoshiro256StarStar(seed: seed)
    var indices: [Int] = []
    UniformIndices.draw(count, below: bound, using: &generator) { indices.append($0) }
    return indices
  }

  /// Bounds from 1 up, one with a quarter of its halves rejected
  /// (3 · 2³⁰), and 2³² − 1, the largest drawn from halves.
  @Test(
    "draws equal the plain reference, odd and even counts",
    arguments: [1, 2, 7, 10_000, 3 << 30, Int(UInt32.max)], [0, 1, 2, 999, 1_000])
  func drawsEqualReference(bound: Int, count: Int) {
    var generator = Xoshiro256StarStar(seed: 5)
    let reference = Self.referenceIndices(count, below: bound, using: &generator)
    #expect(Self.drawn(count, below: bound, seed: 5) == reference)
  }

  @Test("an even first batch continues the same sequence")
  func evenBatchesContinueTheSequence() {
    var generator = Xoshiro256StarStar(seed: 11)
    var indices: [Int] = []
    UniformIndices.draw(256, below: 37, using: &generator) { indices.append($0) }
    UniformIndices.draw(101, below: 37, using: &generator) { indices.append($0) }
    #expect(indices == Self.drawn(357, below: 37, seed: 11))
  }

  /// Each of 7 indices in 70,000 draws: a χ² statistic with 6 degrees of
  /// freedom, whose 99.9% point is 22.46.
  @Test("indices are uniform: χ² over 7 indices")
  func indicesAreUniform() {
    var tally = [Int](repeating: 0, count: 7)
    for index in Self.drawn(70_000, below: 7, seed: 23) { tally[index] += 1 }
    let chiSquare = tally.reduce(0.0) { sum, count in
      let excess = Double(count) - 10_000
      return sum + excess * excess / 10_000
    }
    #expect(chiSquare < 22.46, "tally \(tally)")
  }

  /// With bound 3 · 2³⁰, a plain ⌊*x* · bound / 2³²⌋ without rejection
  /// maps two halves to every index divisible by 3 and one to the others,
  /// so half the draws would be divisible by 3; uniform draws give a third.
  @Test("rejection removes the bias a bound near 2³² would have")
  func rejectionRemovesBias() {
    let bound = 3 << 30
    let count = 90_000
    let indices = Self.drawn(count, below: bound, seed: 29)
    #expect(indices.allSatisfy { $0 < bound })
    let divisible = indices.filter { $0 % 3 == 0 }.count
    // A third of the draws: 30,000, with a standard deviation of 141.
    #expect(abs(divisible - count / 3) < 700, "divisible by 3: \(divisible)")
  }

  @Test("bounds past 2³² − 1 draw one index from each word")
  func wideBoundsDrawWholeWords() {
    var generator = Xoshiro256StarStar(seed: 31)
    let bound = 1 << 40
    let reference = (0..<9).map { _ in Int(generator.next(upperBound: UInt64(bound))) }
    #expect(Self.drawn(9, below: bound, seed: 31) == reference)
  }
}
