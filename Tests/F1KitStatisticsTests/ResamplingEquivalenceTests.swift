import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

/// Summary statistics of a sample, for comparing two resampling strategies.
struct SampleSummary {
  let mean: Double
  let standardDeviation: Double
  let sorted: [Double]

  init(_ values: [Double]) {
    sorted = values.sorted()
    let mean = values.reduce(0, +) / Double(values.count)
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    self.mean = mean
    standardDeviation = (squares / Double(values.count - 1)).squareRoot()
  }

  /// The quantile by linear interpolation.
  func quantile(_ probability: Double) -> Double {
    let position = Double(sorted.count - 1) * probability
    let below = Int(position)
    let above = min(below + 1, sorted.count - 1)
    return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
  }
}

@Suite("Cell and item resampling")
struct ResamplingEquivalenceTests {
  /// A 3-class matrix of 240 items with a rare class and some empty cells.
  static let counts = [90, 12, 3, 10, 60, 0, 8, 2, 55]
  static let draws = 20_000

  static let metrics: [Metric] = [.macroF1, .accuracy, .cohenKappa]

  /// 20,000 bootstrap values of each metric under one strategy.
  static func distributions(_ strategy: ResamplingStrategy, seed: UInt64) -> [[Double]] {
    let bootstrap = Bootstrap(options: BootstrapOptions(resamples: draws, strategy: strategy))
    var generator = Xoshiro256StarStar(seed: seed)
    let distributions = try! bootstrap.distributions(
      for: metrics, counts: counts, scope: MetricScope(classCount: 3), progress: nil,
      using: &generator)
    return distributions.map(\.sortedValues)
  }

  static let cellDistributions = distributions(.cells, seed: 21)
  static let itemDistributions = distributions(.items, seed: 22)

  @Test(
    "each cell's resampled count has the multinomial mean and variance under both strategies",
    arguments: [ResamplingStrategy.cells, .items])
  func cellMoments(_ strategy: ResamplingStrategy) {
    let resampler = Resampler(cellCounts: Self.counts, strategy: strategy)
    #expect(resampler.strategy == strategy)
    let cells = resampler.counts.count
    var sums = [Double](repeating: 0, count: cells)
    var squares = [Double](repeating: 0, count: cells)
    var draws = [Int](repeating: 0, count: cells)
    var generator = Xoshiro256StarStar(seed: 5)
    for _ in 0..<Self.draws {
      draws.withUnsafeMutableBufferPointer { resampler.draw(into: $0, using: &generator) }
      #expect(draws.reduce(0, +) == resampler.total)
      for cell in 0..<cells {
        sums[cell] += Double(draws[cell])
        squares[cell] += Double(draws[cell] * draws[cell])
      }
    }
    let count = Double(Self.draws)
    let total = Double(resampler.total)
    for cell in 0..<cells {
      let p = Double(resampler.counts[cell]) / total
      let mean = sums[cell] / count
      let variance = (squares[cell] - sums[cell] * sums[cell] / count) / (count - 1)
      let expectedVariance = total * p * (1 - p)
      #expect(abs(mean - total * p) < 5 * (expectedVariance / count).squareRoot())
      #expect(abs(variance / expectedVariance - 1) < 5 * (2 / count).squareRoot() + 0.01)
    }
  }

  /// Differences of means, standard deviations and quantiles between two
  /// independent samples of 20,000 are checked against five standard
  /// errors: √2 σ/√n for the mean, σ/√n for the standard deviation, and
  /// √2 √(q(1 − q)/n) / f for a quantile, with the density f taken from a
  /// normal fit; half a distinct-value gap is added for the distribution's
  /// discreteness.
  @Test(
    "macro-F1, accuracy and kappa have the same bootstrap distribution under both strategies",
    arguments: metrics)
  func sameDistribution(_ metric: Metric) throws {
    let index = try #require(Self.metrics.firstIndex(of: metric))
    let cells = SampleSummary(Self.cellDistributions[index])
    let items = SampleSummary(Self.itemDistributions[index])
    let n = Double(Self.draws)
    let sigma = cells.standardDeviation
    #expect(abs(cells.mean - items.mean) < 5 * (2.0).squareRoot() * sigma / n.squareRoot())
    #expect(abs(cells.standardDeviation / items.standardDeviation - 1) < 5 / n.squareRoot())
    let gap = metric == .accuracy ? 1 / 240.0 : 0
    for q in [0.025, 0.1, 0.5, 0.9, 0.975] {
      let z = StandardNormal.quantile(q)
      let density = exp(-z * z / 2) / ((2 * Double.pi).squareRoot() * sigma)
      let standardError = (2 * q * (1 - q) / n).squareRoot() / density
      #expect(
        abs(cells.quantile(q) - items.quantile(q)) < 5 * standardError + gap / 2,
        "quantile \(q): \(cells.quantile(q)) vs \(items.quantile(q))")
    }
  }

  @Test("automatic resampling picks items only when cells outnumber them")
  func automaticStrategy() {
    #expect(ResamplingStrategy.automatic.resolved(nonEmptyCells: 27, items: 1_000_000) == .cells)
    #expect(ResamplingStrategy.automatic.resolved(nonEmptyCells: 44_000, items: 50_000) == .items)
    #expect(ResamplingStrategy.cells.resolved(nonEmptyCells: 44_000, items: 10) == .cells)
  }
}
