import Testing

@testable import F1KitStatistics

/// Almost Stochastic Order draws its bootstrap indices in order and scores
/// the iterations on several threads; the ratios must be those of one loop
/// that draws and scores each iteration in turn.
@Suite("Almost Stochastic Order's bootstrap draws")
struct AlmostStochasticOrderDrawsTests {
  /// Scores with ties and a spread, from a seed.
  private func scores(_ count: Int, seed: UInt64) -> [Double] {
    var generator = Xoshiro256StarStar(seed: seed)
    return (0..<count).map { _ in Double(generator.next(upperBound: 7 as UInt64)) / 10 }
  }

  /// One iteration at a time: draw the first sample's resample, then the
  /// second's, and compute both claims' ratios from scratch.
  private func serialRatios(
    _ first: [Double], _ second: [Double], iterations: Int,
    using generator: inout Xoshiro256StarStar
  ) -> [(claimed: Double, reverse: Double)] {
    let step = AlmostStochasticOrder.defaultStep
    let grid = AlmostStochasticOrder.grid(step: step)
    let (sortedFirst, sortedSecond) = (first.sorted(), second.sorted())
    return (0..<iterations).map { _ in
      let sampleFirst = sortedFirst.indices.map { _ in
        sortedFirst[Int(generator.next(upperBound: UInt64(sortedFirst.count)))]
      }
      let sampleSecond = sortedSecond.indices.map { _ in
        sortedSecond[Int(generator.next(upperBound: UInt64(sortedSecond.count)))]
      }
      return (
        AlmostStochasticOrder.violationRatio(sampleFirst, sampleSecond, grid: grid, step: step),
        AlmostStochasticOrder.violationRatio(sampleSecond, sampleFirst, grid: grid, step: step)
      )
    }
  }

  @Test(
    "the parallel ratios equal one loop's, and the generator ends in the same state",
    arguments: [(5, 5, 1_000), (3, 7, 17), (1, 4, 2), (40, 25, 33), (2, 2, 100)],
    [1, 7, 64, AlmostStochasticOrder.batchIndexLimit])
  func parallelRatiosMatchSerialOnes(sizes: (Int, Int, Int), indexLimit: Int) {
    let (firstCount, secondCount, iterations) = sizes
    let first = scores(firstCount, seed: UInt64(firstCount))
    let second = scores(secondCount, seed: 100 + UInt64(secondCount))
    var serialGenerator = Xoshiro256StarStar(seed: 11)
    let expected = serialRatios(
      first, second, iterations: iterations, using: &serialGenerator)
    var generator = Xoshiro256StarStar(seed: 11)
    let step = AlmostStochasticOrder.defaultStep
    let ratios = AlmostStochasticOrder.resampledViolationRatios(
      first.sorted(), second.sorted(), grid: AlmostStochasticOrder.grid(step: step), step: step,
      iterations: iterations, indexLimit: indexLimit, using: &generator)
    #expect(ratios.count == iterations)
    #expect(ratios.map(\.claimed) == expected.map(\.claimed))
    #expect(ratios.map(\.reverse) == expected.map(\.reverse))
    #expect(generator == serialGenerator)
  }

  @Test("equal quantile functions give one half for both claims")
  func equalSamplesGiveOneHalf() {
    let step = AlmostStochasticOrder.defaultStep
    let grid = AlmostStochasticOrder.grid(step: step)
    let positions = AlmostStochasticOrder.quantilePositions(count: 3, grid: grid)
    let ratios = AlmostStochasticOrder.violationRatios(
      [0.1, 0.2, 0.3], [0.1, 0.2, 0.3], positions: (positions, positions), step: step)
    #expect(ratios.claimed == 0.5 && ratios.reverse == 0.5)
  }
}
