import F1Kit
import Testing

@testable import F1KitStatistics

/// The collapsed draw of the two-level bootstrap: a multinomial over the
/// distinct rows collapsed to the chosen runs has the moments of the full
/// multinomial, and the comparison built on it agrees with drawing every
/// distinct row.
@Suite("Collapsed two-level draws")
struct RunMarginalsTests {
  /// Two models with three runs each on `items` binary items; the runs of a
  /// model agree with each other more than with the gold label.
  static func experiment(items: Int, seed: UInt64) throws -> ExperimentCounts {
    var generator = Xoshiro256StarStar(seed: seed)
    let gold: [Int32] = (0..<items).map { _ in generator.next(upperBound: UInt64(3)) == 0 ? 1 : 0 }
    var runs: [[[Int32]]] = []
    for accuracy in [0.8, 0.85] {
      let shared: [Int32] = gold.map { code in
        Double(generator.next(upperBound: UInt64(1000))) / 1000 < accuracy ? code : 1 - code
      }
      runs.append(
        (0..<3).map { _ in
          shared.map { code -> Int32 in
            generator.next(upperBound: UInt64(10)) == 0 ? 1 - code : code
          }
        })
    }
    return try ExperimentCounts(gold: gold, runs: runs, classCount: 2)
  }

  /// The number of items whose gold label and the predictions of `runs`
  /// satisfy `predicate`, from the counts' distinct rows.
  static func observed(
    _ counts: ExperimentCounts, where predicate: (_ gold: Int32, _ run: (Int) -> Int32) -> Bool
  ) -> Int {
    var total = 0
    for row in 0..<counts.patternCount {
      let start = row * counts.rowWidth
      if predicate(counts.patterns[start], { counts.patterns[start + 1 + $0] }) {
        total += counts.patternCounts[row]
      }
    }
    return total
  }

  @Test(
    "a collapsed draw keeps the number of items, and each gold class's when stratified",
    arguments: [false, true])
  func keepsTotals(isStratified: Bool) throws {
    let counts = try Self.experiment(items: 3_000, seed: 5)
    let marginals = RunMarginals(counts: counts, isStratified: isStratified)
    var scratch = marginals.makeScratch()
    var generator = Xoshiro256StarStar(seed: 6)
    let positives = Self.observed(counts) { gold, _ in gold == 1 }
    for runs in [[0], [1, 4], [0, 2, 3, 5], [0, 1, 2, 3, 4, 5]] {
      let isDrawn = runs.withUnsafeBufferPointer {
        marginals.draw(runs: $0, into: &scratch, using: &generator)
      }
      #expect(isDrawn)
      let cells = marginals.cells(of: scratch)
      var total = 0
      var drawnPositives = 0
      var observed = 0
      for cell in 0..<scratch.cellCount {
        total += scratch.cellDraws[cell]
        observed += cells.counts[cell]
        if counts.patterns[cells.rows[cell] * counts.rowWidth] == 1 {
          drawnPositives += scratch.cellDraws[cell]
        }
      }
      #expect(total == 3_000)
      #expect(observed == 3_000)
      if isStratified { #expect(drawnPositives == positives) }
      // Every cell stands for one combination of gold and chosen runs.
      var seen = Set<[Int32]>()
      for cell in 0..<scratch.cellCount {
        let start = cells.rows[cell] * counts.rowWidth
        let key = [counts.patterns[start]] + runs.map { counts.patterns[start + 1 + $0] }
        #expect(seen.insert(key).inserted)
      }
    }
  }

  /// Under a multinomial over *N* items, the counts of two sets of items
  /// *A* and *B* have means *N pₐ*, variances *N pₐ*(1 − *pₐ*) and
  /// covariance *N*(*pₐᵦ* − *pₐ pᵦ*): checked on 20,000 collapsed draws
  /// within five Monte Carlo standard errors.
  @Test("collapsed cell counts have the multinomial's means, variances and covariance")
  func hasMultinomialMoments() throws {
    let items = 3_000
    let counts = try Self.experiment(items: items, seed: 9)
    let marginals = RunMarginals(counts: counts, isStratified: false)
    var scratch = marginals.makeScratch()
    var generator = Xoshiro256StarStar(seed: 10)
    let chosen = [1, 3, 4]
    // A: gold 1 and run 1 says 1 (a true positive of run 1); B: run 4 says
    // 1 whatever the gold label.
    let inFirst: (Int32, (Int) -> Int32) -> Bool = { gold, run in gold == 1 && run(1) == 1 }
    let inSecond: (Int32, (Int) -> Int32) -> Bool = { _, run in run(4) == 1 }
    let first = Double(Self.observed(counts, where: inFirst)) / Double(items)
    let second = Double(Self.observed(counts, where: inSecond)) / Double(items)
    let both =
      Double(Self.observed(counts) { inFirst($0, $1) && inSecond($0, $1) }) / Double(items)
    let draws = 20_000
    var firstCounts: [Double] = []
    var secondCounts: [Double] = []
    for _ in 0..<draws {
      _ = chosen.withUnsafeBufferPointer {
        marginals.draw(runs: $0, into: &scratch, using: &generator)
      }
      var a = 0
      var b = 0
      let rows = marginals.cells(of: scratch).rows
      for cell in 0..<scratch.cellCount {
        let start = rows[cell] * counts.rowWidth
        let gold = counts.patterns[start]
        let run: (Int) -> Int32 = { counts.patterns[start + 1 + $0] }
        if inFirst(gold, run) { a += scratch.cellDraws[cell] }
        if inSecond(gold, run) { b += scratch.cellDraws[cell] }
      }
      firstCounts.append(Double(a))
      secondCounts.append(Double(b))
    }
    let n = Double(items)
    let firstVariance = n * first * (1 - first)
    let secondVariance = n * second * (1 - second)
    let covariance = n * (both - first * second)
    let firstMean = firstCounts.reduce(0, +) / Double(draws)
    #expect(abs(firstMean - n * first) < 5 * (firstVariance / Double(draws)).squareRoot())
    // The sample variance's standard error is about σ²√(2/B).
    let tolerance = 5 * (2 / Double(draws)).squareRoot()
    #expect(abs(RunVariance.variance(firstCounts) / firstVariance - 1) < tolerance)
    #expect(abs(RunVariance.variance(secondCounts) / secondVariance - 1) < tolerance)
    let measured = ItemCovariance.covariance(firstCounts, secondCounts)
    #expect(
      abs(measured - covariance) < tolerance * (firstVariance * secondVariance).squareRoot(),
      "covariance \(measured) against \(covariance)")
  }

  /// The same experiment compared with test sets drawn as collapsed cells
  /// and item by item (every run scored): the two are different draws of
  /// the same distributions, so their standard errors agree within
  /// Monte Carlo error.
  @Test(
    "the collapsed two-level bootstrap agrees with drawing every item",
    arguments: [ResamplingDesign.items, .stratifiedByGold])
  func agreesWithFullDraw(design: ResamplingDesign) throws {
    let counts = try Self.experiment(items: 6_000, seed: 12)
    func compare(_ strategy: ResamplingStrategy) throws -> ExperimentComparison {
      try ExperimentComparison(
        counts: counts, metric: .binaryF1, scope: MetricScope(classCount: 2, positiveClass: 1),
        design: design, options: BootstrapOptions(resamples: 4_000, strategy: strategy), seed: 3)
    }
    let collapsed = try compare(.cells)
    let full = try compare(.items)
    #expect(ExperimentResampling(counts: counts, design: design, strategy: .cells).drawsCells)
    #expect(!ExperimentResampling(counts: counts, design: design, strategy: .items).drawsCells)
    for model in 0..<2 {
      let ratio =
        collapsed.models[model].interval.standardError / full.models[model].interval.standardError
      #expect(abs(ratio - 1) < 0.1, "model \(model): \(ratio)")
      #expect(collapsed.models[model].runValues == full.models[model].runValues)
    }
    let pair = (collapsed.pairs[0], full.pairs[0])
    #expect(abs(pair.0.itemStandardError / pair.1.itemStandardError - 1) < 0.1)
    #expect(
      abs(pair.0.difference.standardError / pair.1.difference.standardError - 1) < 0.1)
    #expect(pair.0.difference.estimate == pair.1.difference.estimate)
  }

  @Test(
    "cells worked out in advance for every set of runs give the same draws as collapsing each time",
    arguments: [false, true])
  func precomputedCellsGiveTheSameDraws(isStratified: Bool) throws {
    let counts = try Self.experiment(items: 4_000, seed: 31)
    let precomputed = RunMarginals(counts: counts, isStratified: isStratified)
    let collapsing = RunMarginals(
      counts: counts, isStratified: isStratified, precomputesCells: false)
    // 2⁶ sets of runs, 64 × 4,000 rows at most.
    #expect(precomputed.cellsByRunSet != nil)
    #expect(collapsing.cellsByRunSet == nil)
    var first = precomputed.makeScratch()
    var second = collapsing.makeScratch()
    var firstGenerator = Xoshiro256StarStar(seed: 32)
    var secondGenerator = Xoshiro256StarStar(seed: 32)
    for runs in [[0, 3], [0, 1, 2, 3, 4, 5], [2, 5], [1, 2, 4], [0, 2, 3, 5]] {
      runs.withUnsafeBufferPointer {
        #expect(precomputed.draw(runs: $0, into: &first, using: &firstGenerator))
        #expect(collapsing.draw(runs: $0, into: &second, using: &secondGenerator))
      }
      #expect(first.cellCount == second.cellCount)
      #expect(first.tableStart != nil && second.tableStart == nil)
      let (firstCells, secondCells) = (precomputed.cells(of: first), collapsing.cells(of: second))
      #expect(firstCells.rows == secondCells.rows)
      #expect(firstCells.counts == secondCells.counts)
      #expect(first.cellDraws[0..<first.cellCount] == second.cellDraws[0..<second.cellCount])
    }
  }

  @Test("runs whose collapsed keys would not fit a table are drawn in full")
  func fallsBackBeyondTheKeyLimit() throws {
    var generator = Xoshiro256StarStar(seed: 21)
    let classes = 40
    let items = 20_000
    let gold: [Int32] = (0..<items).map { _ in
      Int32(truncatingIfNeeded: generator.next(upperBound: UInt64(classes)))
    }
    let runs: [[[Int32]]] = (0..<2).map { _ in
      (0..<2).map { _ in
        gold.map { code -> Int32 in
          generator.next(upperBound: UInt64(4)) == 0
            ? Int32(truncatingIfNeeded: generator.next(upperBound: UInt64(classes))) : code
        }
      }
    }
    let counts = try ExperimentCounts(gold: gold, runs: runs, classCount: classes)
    // 40⁴ keys for four runs and the gold label pass the limit of 2¹⁶.
    #expect(RunMarginals.keySpace(classCount: classes, runs: 4) > RunMarginals.keyLimit)
    let marginals = RunMarginals(counts: counts, isStratified: false)
    var scratch = marginals.makeScratch()
    let isDrawn = [0, 1, 2, 3].withUnsafeBufferPointer {
      marginals.draw(runs: $0, into: &scratch, using: &generator)
    }
    #expect(!isDrawn)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: classes),
      options: BootstrapOptions(resamples: 200, strategy: .cells), seed: 4)
    #expect(comparison.models.allSatisfy { $0.interval.lower <= $0.interval.upper })
  }
}
