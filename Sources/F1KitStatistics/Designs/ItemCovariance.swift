/// The covariances of the runs' values over items-only resamples: how the
/// runs of an experiment move together when only the test items are
/// redrawn.
///
/// Each pair of runs is measured over the resamples in which both have a
/// value. A resample may lack a run's value because the metric is undefined
/// there, or because the two-level draw left the run out: the marginalised
/// draw (``RunMarginals``) scores only the runs a resample chose, and since
/// the runs are chosen independently of the test items, the resamples that
/// hold both runs of a pair are an unbiased sample of the items-only
/// draws for that pair. The variance of any weighted sum of runs, such as a
/// model's mean or a difference of two means, is then the quadratic form
/// of its weights; with every run in every resample it equals the sample
/// variance of the weighted sums themselves.
struct ItemCovariance {
  /// The number of runs.
  let runCount: Int
  /// The covariances, row-major, `runCount` × `runCount`.
  private let entries: [Double]

  /// Measures the covariances.
  ///
  /// - Parameter itemsOnly: Each run's value on each items-only resample,
  ///   `[run][resample]`, the same resamples for every run; NaN where the
  ///   run has no value.
  /// - Complexity: O(*r*² · *B*) for *r* runs and *B* resamples.
  init(itemsOnly: [[Double]]) {
    runCount = itemsOnly.count
    let runCount = runCount
    let pairs = (0..<runCount).flatMap { first in (first..<runCount).map { (first, $0) } }
    // Each pair on its own thread: a pair's sums run in the same order
    // whichever thread takes it, so the covariances are the same.
    let values = [Double](count: pairs.count) { pair in
      Self.covariance(itemsOnly[pairs[pair].0], itemsOnly[pairs[pair].1])
    }
    var entries = [Double](repeating: 0, count: runCount * runCount)
    for ((first, second), value) in zip(pairs, values) {
      entries[first * runCount + second] = value
      entries[second * runCount + first] = value
    }
    self.entries = entries
  }

  /// The covariance of two runs.
  func covariance(_ first: Int, _ second: Int) -> Double {
    entries[first * runCount + second]
  }

  /// The items-only variance of a weighted sum of runs, at least 0.
  ///
  /// - Parameter weights: Each run's weight, by run index.
  /// - Returns: Σ wᵣ wₛ Cov(r, s), clamped at 0 (assembled from pairs
  ///   measured on different resamples, it could otherwise dip below 0 by
  ///   Monte Carlo noise); NaN when a needed covariance is.
  func variance(of weights: [(run: Int, weight: Double)]) -> Double {
    var sum = 0.0
    for first in weights {
      for second in weights {
        sum += first.weight * second.weight * covariance(first.run, second.run)
      }
    }
    return sum.isNaN ? .nan : Swift.max(0, sum)
  }

  /// The sample covariance (*n* − 1 in the denominator) of two series over
  /// the positions where both are defined; 0 for fewer than two.
  static func covariance(_ first: [Double], _ second: [Double]) -> Double {
    // A two-level draw leaves runs out of resamples at random, so whether
    // a pair is defined cannot be predicted: the sums select instead of
    // branching, which gives the same sums.
    var count = 0
    var firstSum = 0.0
    var secondSum = 0.0
    for index in first.indices {
      let (x, y) = (first[index], second[index])
      let isDefined = !x.isNaN && !y.isNaN
      count &+= isDefined ? 1 : 0
      firstSum = isDefined ? firstSum + x : firstSum
      secondSum = isDefined ? secondSum + y : secondSum
    }
    guard count > 1 else { return 0 }
    let firstMean = firstSum / Double(count)
    let secondMean = secondSum / Double(count)
    var products = 0.0
    for index in first.indices {
      let (x, y) = (first[index], second[index])
      let isDefined = !x.isNaN && !y.isNaN
      products = isDefined ? products + (x - firstMean) * (y - secondMean) : products
    }
    return products / Double(count - 1)
  }
}
