/// Almost Stochastic Order between two samples of scores, such as the
/// per-seed scores of two fine-tuned models.
///
/// The test asks whether the scores of one algorithm are *almost*
/// stochastically larger than another's: how much of the squared
/// Wasserstein distance between the two empirical quantile functions lies
/// where the order is violated. ``epsilonMinimum`` bounds that violation
/// ratio from above at the requested confidence. Below 0.5 the first sample
/// is almost stochastically dominant; deepsig recommends 0.2 as the stricter
/// threshold for claiming it.
///
/// The computation follows [Dror, Shlomov and Reichart
/// (2019)](https://aclanthology.org/P19-1266/) and `deepsig.aso` (del Barrio
/// et al.'s bootstrap of the violation ratio, integrated on a grid of step
/// `dt`), so the same inputs give the same violation ratio as deepsig to
/// rounding and an ε_min within Monte Carlo error of it.
public struct AlmostStochasticOrder: Hashable, Sendable {
  /// The upper confidence bound of the violation ratio, clipped to [0, 1]:
  /// small when the first sample dominates the second.
  public let epsilonMinimum: Double
  /// The violation ratio of the observed samples.
  public let violationRatio: Double
  /// The confidence level of ``epsilonMinimum``.
  public let confidence: Double
  /// The number of scores in each sample.
  public let sampleSizes: (first: Int, second: Int)
  /// The number of bootstrap iterations.
  public let iterations: Int

  /// deepsig's default grid step.
  public static let defaultStep = 0.005

  /// Tests whether `first` is almost stochastically larger than `second`.
  ///
  /// For the claim "model B is better than model A", pass B's scores first,
  /// as in `deepsig.aso(scores_b, scores_a)`.
  ///
  /// - Parameters:
  ///   - first: The scores claimed to be larger.
  ///   - second: The scores compared against.
  ///   - confidence: The confidence level of the bound, 0.95 by default.
  ///   - iterations: Bootstrap iterations, 1,000 by default as in deepsig.
  ///   - step: The integration grid's step.
  ///   - generator: The source of randomness.
  /// - Throws: ``StatisticsError/noItems`` when a sample is empty;
  ///   ``StatisticsError/invalidConfidence(_:)`` or
  ///   ``StatisticsError/invalidResampleCount(_:)`` for bad options.
  /// - Complexity: O(*B* · (*n* + *m* + 1/`step`)) for *B* iterations and
  ///   samples of *n* and *m* scores, after an O(*n* log *n*) sort.
  public init(
    first: [Double], second: [Double], confidence: Double = 0.95, iterations: Int = 1_000,
    step: Double = defaultStep, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) {
    self = try Self.claims(
      first: first, second: second, confidence: confidence, iterations: iterations, step: step,
      includesReverse: false, using: &generator
    ).claimed
  }

  /// Tests both claims about two samples from one set of bootstrap draws:
  /// `first` almost stochastically larger than `second`, and the reverse.
  ///
  /// The first claim's result is the one
  /// ``init(first:second:confidence:iterations:step:using:)`` gives from
  /// the same generator; the reverse claim's violation ratio is computed
  /// on the same resampled pairs with the samples exchanged. ε_min is
  /// directional (the two claims' ε_min need not sum to 1), so an
  /// experiment whose models are exchanged reports the reverse claim from
  /// the draws the original order made, not from new ones.
  ///
  /// - Parameters:
  ///   - first: The scores of the first claim's larger sample.
  ///   - second: The scores it is compared against.
  ///   - confidence: The confidence level of the bounds.
  ///   - iterations: Bootstrap iterations.
  ///   - step: The integration grid's step.
  ///   - generator: The source of randomness.
  /// - Returns: The claim that `first` is larger, and the claim that
  ///   `second` is.
  /// - Throws: As ``init(first:second:confidence:iterations:step:using:)``.
  /// - Complexity: Twice the violation ratios of that initializer, on the
  ///   same draws.
  static func bothClaims(
    first: [Double], second: [Double], confidence: Double = 0.95, iterations: Int = 1_000,
    step: Double = defaultStep, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> (claimed: Self, reverse: Self) {
    let claims = try claims(
      first: first, second: second, confidence: confidence, iterations: iterations, step: step,
      includesReverse: true, using: &generator)
    return (claims.claimed, claims.reverse!)
  }

  /// The bootstrap behind both initializers: the claim that `first` is
  /// larger and, when `includesReverse`, the reverse claim on the same
  /// draws.
  private static func claims(
    first: [Double], second: [Double], confidence: Double, iterations: Int, step: Double,
    includesReverse: Bool, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> (claimed: Self, reverse: Self?) {
    guard !first.isEmpty, !second.isEmpty else { throw .noItems }
    guard confidence > 0, confidence < 1 else { throw .invalidConfidence(confidence) }
    guard iterations > 1 else { throw .invalidResampleCount(iterations) }
    let sortedFirst = first.sorted()
    let sortedSecond = second.sorted()
    let grid = Self.grid(step: step)
    let observed = Self.violationRatio(sortedFirst, sortedSecond, grid: grid, step: step)
    let observedReverse =
      includesReverse ? Self.violationRatio(sortedSecond, sortedFirst, grid: grid, step: step) : 0
    let scale = (Double(first.count * second.count) / Double(first.count + second.count))
      .squareRoot()
    let ratios = Self.resampledViolationRatios(
      sortedFirst, sortedSecond, grid: grid, step: step, iterations: iterations,
      using: &generator)
    let deviations = ratios.map { scale * ($0.claimed - observed) }
    let reverseDeviations =
      includesReverse ? ratios.map { scale * ($0.reverse - observedReverse) } : []
    func result(observed: Double, deviations: [Double], sizes: (Int, Int)) -> Self {
      let mean = deviations.reduce(0, +) / Double(iterations)
      let variance =
        deviations.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(iterations)
      let bound =
        observed - variance.squareRoot() / scale * StandardNormal.quantile(1 - confidence)
      return Self(
        epsilonMinimum: min(max(bound, 0), 1), violationRatio: observed, confidence: confidence,
        sampleSizes: sizes, iterations: iterations)
    }
    return (
      result(observed: observed, deviations: deviations, sizes: (first.count, second.count)),
      includesReverse
        ? result(
          observed: observedReverse, deviations: reverseDeviations,
          sizes: (second.count, first.count)) : nil
    )
  }

  /// A result made of its parts.
  private init(
    epsilonMinimum: Double, violationRatio: Double, confidence: Double,
    sampleSizes: (first: Int, second: Int), iterations: Int
  ) {
    self.epsilonMinimum = epsilonMinimum
    self.violationRatio = violationRatio
    self.confidence = confidence
    self.sampleSizes = sampleSizes
    self.iterations = iterations
  }

  /// Tests whether `first` is almost stochastically larger than `second`,
  /// with a generator seeded by `seed`.
  ///
  /// - Parameters:
  ///   - first: The scores claimed to be larger.
  ///   - second: The scores compared against.
  ///   - confidence: The confidence level of the bound.
  ///   - iterations: Bootstrap iterations.
  ///   - seed: The seed of the random number generator.
  /// - Throws: As ``init(first:second:confidence:iterations:step:using:)``.
  public init(
    first: [Double], second: [Double], confidence: Double = 0.95, iterations: Int = 1_000,
    seed: UInt64 = Xoshiro256StarStar.defaultSeed
  ) throws(StatisticsError) {
    var generator = Xoshiro256StarStar(seed: seed)
    try self.init(
      first: first, second: second, confidence: confidence, iterations: iterations,
      using: &generator)
  }

  /// Whether two results are the same.
  ///
  /// - Parameters:
  ///   - left: A result.
  ///   - right: Another result.
  /// - Returns: `true` when every stored value is equal.
  public static func == (left: Self, right: Self) -> Bool {
    left.epsilonMinimum == right.epsilonMinimum && left.violationRatio == right.violationRatio
      && left.confidence == right.confidence && left.sampleSizes == right.sampleSizes
      && left.iterations == right.iterations
  }

  /// Hashes the stored values.
  ///
  /// - Parameter hasher: The hasher.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(epsilonMinimum)
    hasher.combine(violationRatio)
    hasher.combine(sampleSizes.first)
    hasher.combine(sampleSizes.second)
  }

  /// The points t = step, 2·step, … below 1, as `numpy.arange(step, 1, step)`
  /// computes them.
  static func grid(step: Double) -> [Double] {
    let count = Int(((1 - step) / step).rounded(.up))
    return (0..<count).map { step + Double($0) * step }
  }

  /// The empirical quantile function F⁻¹(t) = x₍⌈n·t⌉₎ of sorted values.
  @inline(__always)
  static func quantile(_ sorted: [Double], _ probability: Double) -> Double {
    sorted[quantileIndex(count: sorted.count, probability)]
  }

  /// The index ⌈n·t⌉ − 1 of F⁻¹(t) in `count` sorted values, kept within
  /// them.
  @inline(__always)
  static func quantileIndex(count: Int, _ probability: Double) -> Int {
    let index = Int((Double(count) * probability).rounded(.up)) - 1
    return min(max(index, 0), count - 1)
  }

  /// The share of the squared Wasserstein distance where the first
  /// sample's quantile lies below the second's; one half when the two
  /// quantile functions coincide, as in deepsig.
  static func violationRatio(
    _ first: [Double], _ second: [Double], grid: [Double], step: Double
  ) -> Double {
    let first = first.sorted()
    let second = second.sorted()
    var distance = 0.0
    var violation = 0.0
    for (index, t) in grid.enumerated() {
      let f = quantile(first, t)
      let g = quantile(second, t)
      let squared = (g - f) * (g - f) * step
      distance += squared
      // deepsig leaves the first grid point out of the violation integral.
      if f < g && index > 0 { violation += squared }
    }
    return distance == 0 ? 0.5 : violation / distance
  }

  /// The number of parts a batch of bootstrap iterations is scored in, at
  /// most one per iteration.
  static let partCount = 16

  /// The most resample indices drawn ahead of their scoring at once.
  static let batchIndexLimit = 1 << 20

  /// Each bootstrap iteration's violation ratios, of the claim and of the
  /// reverse claim, on resamples of two sorted samples.
  ///
  /// The iterations' indices are drawn from `generator` in the order one
  /// loop drawing and scoring each iteration in turn would draw them, a
  /// batch of iterations at a time; each batch is then scored on every
  /// core in consecutive parts joined in order, and an iteration's ratios
  /// depend on its indices alone, so the ratios are the same for any
  /// number of threads.
  ///
  /// - Parameters:
  ///   - sortedFirst: The first sample, sorted.
  ///   - sortedSecond: The second sample, sorted.
  ///   - grid: The integration grid.
  ///   - step: The grid's step.
  ///   - iterations: The number of bootstrap iterations.
  ///   - indexLimit: The most indices drawn ahead of their scoring.
  ///   - generator: The source of randomness.
  /// - Returns: One pair of ratios per iteration, in order.
  /// - Complexity: O(*B* · (*n* log *n* + *m* log *m* + 1/`step`)) for *B*
  ///   iterations and samples of *n* and *m* scores, spread over the
  ///   processors; O(min(*B* · (*n* + *m*), `indexLimit`)) memory
  ///   for the indices.
  static func resampledViolationRatios(
    _ sortedFirst: [Double], _ sortedSecond: [Double], grid: [Double], step: Double,
    iterations: Int, indexLimit: Int = batchIndexLimit,
    using generator: inout some RandomNumberGenerator
  ) -> [(claimed: Double, reverse: Double)] {
    let sizes = (first: sortedFirst.count, second: sortedSecond.count)
    let positions = (
      first: quantilePositions(count: sizes.first, grid: grid),
      second: quantilePositions(count: sizes.second, grid: grid)
    )
    let batchSize = Swift.max(1, indexLimit / (sizes.first + sizes.second))
    var ratios: [(claimed: Double, reverse: Double)] = []
    ratios.reserveCapacity(iterations)
    while ratios.count < iterations {
      let batch = Swift.min(batchSize, iterations - ratios.count)
      let indices = resampleIndices(sizes: sizes, iterations: batch, using: &generator)
      let partCount = Swift.min(batch, Self.partCount)
      let parts = [[(claimed: Double, reverse: Double)]](count: partCount) { part in
        var sampleFirst = [Double](repeating: 0, count: sizes.first)
        var sampleSecond = [Double](repeating: 0, count: sizes.second)
        return ((batch * part / partCount)..<(batch * (part + 1) / partCount)).map { iteration in
          gather(sortedFirst, at: indices.first[(iteration * sizes.first)...], into: &sampleFirst)
          gather(
            sortedSecond, at: indices.second[(iteration * sizes.second)...], into: &sampleSecond)
          sampleFirst.sort()
          sampleSecond.sort()
          return violationRatios(sampleFirst, sampleSecond, positions: positions, step: step)
        }
      }
      for part in parts { ratios.append(contentsOf: part) }
    }
    return ratios
  }

  /// Each iteration's resample indices, drawn from `generator` in the
  /// order the bootstrap uses them: an iteration's *n* indices into the
  /// first sample, then its *m* into the second.
  ///
  /// - Complexity: O(*B* · (*n* + *m*)) for *B* iterations.
  static func resampleIndices(
    sizes: (first: Int, second: Int), iterations: Int,
    using generator: inout some RandomNumberGenerator
  ) -> (first: [Int], second: [Int]) {
    var first = [Int](repeating: 0, count: iterations * sizes.first)
    var second = [Int](repeating: 0, count: iterations * sizes.second)
    let (firstBound, secondBound) = (UInt64(sizes.first), UInt64(sizes.second))
    for iteration in 0..<iterations {
      for slot in 0..<sizes.first {
        first[iteration * sizes.first + slot] = Int(generator.next(upperBound: firstBound))
      }
      for slot in 0..<sizes.second {
        second[iteration * sizes.second + slot] = Int(generator.next(upperBound: secondBound))
      }
    }
    return (first, second)
  }

  /// The index ``quantile(_:_:)`` reads in `count` sorted values at each
  /// grid point: it depends on the count alone, so every resample of one
  /// size shares it.
  static func quantilePositions(count: Int, grid: [Double]) -> [Int] {
    grid.map { quantileIndex(count: count, $0) }
  }

  /// Fills `sample` with the values of `sorted` at the leading indices of
  /// `indices`.
  @inline(__always)
  static func gather(_ sorted: [Double], at indices: ArraySlice<Int>, into sample: inout [Double]) {
    var index = indices.startIndex
    for slot in sample.indices {
      sample[slot] = sorted[indices[index]]
      index += 1
    }
  }

  /// ``violationRatio(_:_:grid:step:)`` of two sorted samples and of the
  /// two exchanged, in one pass over the grid, from the quantiles'
  /// positions.
  ///
  /// The squared distance at a grid point is the same either way round,
  /// (*g* − *f*)² = (*f* − *g*)² exactly, and is summed in the same order,
  /// so each ratio is the one ``violationRatio(_:_:grid:step:)`` gives.
  static func violationRatios(
    _ first: [Double], _ second: [Double], positions: (first: [Int], second: [Int]),
    step: Double
  ) -> (claimed: Double, reverse: Double) {
    var distance = 0.0
    var violation = 0.0
    var reverseViolation = 0.0
    for index in positions.first.indices {
      let f = first[positions.first[index]]
      let g = second[positions.second[index]]
      let squared = (g - f) * (g - f) * step
      distance += squared
      // deepsig leaves the first grid point out of the violation integral.
      if index > 0 {
        if f < g { violation += squared }
        if g < f { reverseViolation += squared }
      }
    }
    return distance == 0
      ? (0.5, 0.5) : (violation / distance, reverseViolation / distance)
  }
}
