import F1Kit
import Foundation

@testable import F1KitStatistics

/// A known population of cells from which test sets are drawn, for
/// simulations of coverage and size.
struct Population: Sendable {
  /// The probability of each cell; they sum to 1.
  let probabilities: [Double]

  /// Draws the cell counts of a test set of `items` items: an exact
  /// multinomial draw by conditional binomials.
  func sample(items: Int, using generator: inout some RandomNumberGenerator) -> [Int] {
    var counts = [Int](repeating: 0, count: probabilities.count)
    var remainingItems = items
    var remainingMass = 1.0
    for cell in probabilities.indices where remainingItems > 0 {
      let probability = min(1, probabilities[cell] / remainingMass)
      let drawn =
        cell == probabilities.count - 1
        ? remainingItems
        : BinomialSampler.sample(
          trials: remainingItems, probability: probability, using: &generator)
      counts[cell] = drawn
      remainingItems -= drawn
      remainingMass -= probabilities[cell]
    }
    return counts
  }

  /// A confusion-matrix population: gold classes with the given shares,
  /// each predicted correctly with probability `accuracy` and otherwise as
  /// a uniformly chosen other class.
  static func classifier(goldShares: [Double], accuracy: Double) -> Population {
    let k = goldShares.count
    var probabilities = [Double](repeating: 0, count: k * k)
    for gold in 0..<k {
      for predicted in 0..<k {
        probabilities[gold * k + predicted] =
          goldShares[gold] * (gold == predicted ? accuracy : (1 - accuracy) / Double(k - 1))
      }
    }
    return Population(probabilities: probabilities)
  }

  /// A joint population of two models under which they are exchangeable:
  /// with probability `agreement` both make the same prediction, otherwise
  /// each predicts independently; each prediction is right with
  /// probability `accuracy` and otherwise a uniformly chosen other class.
  static func exchangeablePair(
    goldShares: [Double], accuracy: Double, agreement: Double
  ) -> Population {
    pair(
      goldShares: goldShares, firstAccuracy: accuracy, secondAccuracy: accuracy,
      agreement: agreement)
  }

  /// A joint population of two models with the given accuracies; with
  /// probability `agreement` the second copies the first's prediction when
  /// the accuracies are equal, otherwise predictions are independent given
  /// the gold class.
  static func pair(
    goldShares: [Double], firstAccuracy: Double, secondAccuracy: Double, agreement: Double
  ) -> Population {
    let k = goldShares.count
    func prediction(_ gold: Int, _ predicted: Int, _ accuracy: Double) -> Double {
      gold == predicted ? accuracy : (1 - accuracy) / Double(k - 1)
    }
    var probabilities = [Double](repeating: 0, count: k * k * k)
    for gold in 0..<k {
      for first in 0..<k {
        for second in 0..<k {
          let independent =
            prediction(gold, first, firstAccuracy) * prediction(gold, second, secondAccuracy)
          let shared = first == second ? prediction(gold, first, firstAccuracy) : 0
          probabilities[(gold * k + first) * k + second] =
            goldShares[gold] * ((1 - agreement) * independent + agreement * shared)
        }
      }
    }
    return Population(probabilities: probabilities)
  }

  /// A metric's population value: the metric of the cell probabilities.
  func value(of metric: Metric, scope: MetricScope) -> Double {
    probabilities.withUnsafeBufferPointer { scope.value(of: metric, counts: $0) }
  }
}

/// Coverage of bootstrap and analytic intervals over simulated test sets.
///
/// The simulations force the multinomial strategy, which is much faster
/// than item resampling in debug builds; ResamplingEquivalenceTests shows
/// the two give the same distribution.
struct CoverageSimulation {
  let population: Population
  let scope: MetricScope
  let metric: Metric
  let items: Int
  let resamples: Int

  /// The share of `trials` simulated test sets whose interval of each
  /// method contains the population value; test sets on which the metric
  /// is undefined count as misses.
  func coverage(
    trials: Int, methods: [IntervalMethod], seed: UInt64
  ) -> [IntervalMethod: Double] {
    let truth = population.value(of: metric, scope: scope)
    var generator = Xoshiro256StarStar(seed: seed)
    var hits = [IntervalMethod: Int]()
    let bootstrap = Bootstrap(options: BootstrapOptions(resamples: resamples, strategy: .cells))
    let bootstrapMethods = methods.filter(\.isBootstrap)
    for _ in 0..<trials {
      let counts = population.sample(items: items, using: &generator)
      if !bootstrapMethods.isEmpty {
        let distribution = try! bootstrap.distributions(
          for: [metric], counts: counts, scope: scope, progress: nil, using: &generator)[0]
        let acceleration =
          bootstrapMethods.contains(.bca)
          ? bootstrap.jackknifeAccelerations(for: [metric], counts: counts, scope: scope)[0] : 0
        for method in bootstrapMethods {
          let interval = distribution.interval(
            method: method, confidence: 0.95, acceleration: acceleration)
          if interval.contains(truth) { hits[method, default: 0] += 1 }
        }
      }
      if methods.contains(.deltaMethod) {
        let interval = try! AnalyticInterval.deltaMethod(for: metric, counts: counts, scope: scope)
        if interval.contains(truth) { hits[.deltaMethod, default: 0] += 1 }
      }
      if methods.contains(.wilson) {
        let k = scope.classCount
        let correct = (0..<k).reduce(0) { $0 + counts[$1 * k + $1] }
        let interval = try! AnalyticInterval.wilson(successes: correct, trials: items)
        if interval.contains(truth) { hits[.wilson, default: 0] += 1 }
      }
    }
    return hits.mapValues { Double($0) / Double(trials) }
  }
}

/// Rejection rates of the paired tests over simulated pairs of models.
struct SizeSimulation {
  let population: Population
  let scope: MetricScope
  let metric: Metric
  let items: Int
  let resamples: Int

  /// The share of `trials` simulated test sets on which each test rejects
  /// at level `alpha`: permutation, paired bootstrap and mid-p McNemar.
  func rejectionRates(
    trials: Int, alpha: Double, seed: UInt64
  ) -> (permutation: Double, bootstrap: Double, mcnemar: Double) {
    var generator = Xoshiro256StarStar(seed: seed)
    var permutation = 0
    var bootstrap = 0
    var mcnemar = 0
    let options = BootstrapOptions(resamples: resamples, method: .percentile, strategy: .cells)
    for _ in 0..<trials {
      let counts = population.sample(items: items, using: &generator)
      let pairs = try! PairedPredictions(classCount: scope.classCount, counts: counts)
      let comparison = try! PairedComparison(predictions: pairs, scope: scope)
      let permutationTest = try! comparison.permutationTest(
        for: [metric], resamples: resamples, using: &generator)[metric]!
      let bootstrapTest = try! comparison.bootstrap(
        for: [metric], options: options, using: &generator)[metric]!
      if permutationTest.pValue <= alpha { permutation += 1 }
      if bootstrapTest.pValue <= alpha { bootstrap += 1 }
      if comparison.mcnemar().pValue <= alpha { mcnemar += 1 }
    }
    let count = Double(trials)
    return (Double(permutation) / count, Double(bootstrap) / count, Double(mcnemar) / count)
  }
}
