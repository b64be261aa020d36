import F1Kit
import F1KitReading
import Foundation

@testable import F1KitStatistics

/// A population of (gold, baseline prediction, candidate prediction) cells
/// for simulating release gates: a baseline classifier of known accuracy,
/// and a candidate that copies it except that it fixes a share of the
/// baseline's errors and breaks a share of its right predictions.
///
/// The break share is solved numerically so that the candidate's
/// population metric (the metric of the expected confusion matrix) less
/// the baseline's is exactly the wanted difference.
struct GatePopulation {
  /// The gold classes' shares.
  let goldShares: [Double]
  /// The baseline's chance of a right prediction in every class; a wrong
  /// one is a uniformly chosen other class.
  let baselineAccuracy: Double
  /// The share of the baseline's wrong predictions the candidate gets
  /// right.
  let fixShare: Double
  /// The gold class whose right predictions the candidate breaks, or `nil`
  /// for every class alike.
  let brokenClass: Int?
  /// The share of the baseline's right predictions (of ``brokenClass``, if
  /// given) the candidate gets wrong, as a uniformly chosen other class.
  let breakShare: Double

  var classCount: Int { goldShares.count }

  /// The scope the metrics are computed in: binary problems score class 1
  /// as positive, as scikit-learn's `pos_label=1`.
  var scope: MetricScope {
    MetricScope(classCount: classCount, positiveClass: classCount == 2 ? 1 : nil)
  }

  /// The population whose candidate differs from the baseline by exactly
  /// `difference` on `metric`.
  ///
  /// - Returns: `nil` when no break share in [0, 1] reaches the difference.
  static func solved(
    goldShares: [Double], baselineAccuracy: Double, fixShare: Double, brokenClass: Int? = nil,
    metric: Metric, difference: Double
  ) -> GatePopulation? {
    func population(_ breakShare: Double) -> GatePopulation {
      GatePopulation(
        goldShares: goldShares, baselineAccuracy: baselineAccuracy, fixShare: fixShare,
        brokenClass: brokenClass, breakShare: breakShare)
    }
    // More breaks lower every metric here, so bisect on the break share.
    var low = 0.0
    var high = 1.0
    guard population(low).difference(on: metric) >= difference,
      population(high).difference(on: metric) <= difference
    else { return nil }
    for _ in 0..<200 where high - low > 1e-15 {
      let middle = (low + high) / 2
      if population(middle).difference(on: metric) > difference {
        low = middle
      } else {
        high = middle
      }
    }
    return population((low + high) / 2)
  }

  /// Each cell's probability, gold-major, then the baseline's prediction,
  /// then the candidate's.
  var probabilities: [Double] {
    let k = classCount
    var cells = [Double](repeating: 0, count: k * k * k)
    for gold in 0..<k {
      let breaks = brokenClass == nil || brokenClass == gold ? breakShare : 0
      for baseline in 0..<k {
        let right = baseline == gold
        let share =
          goldShares[gold] * (right ? baselineAccuracy : (1 - baselineAccuracy) / Double(k - 1))
        for candidate in 0..<k {
          let change: Double
          if right {
            change = candidate == baseline ? 1 - breaks : breaks / Double(k - 1)
          } else if candidate == baseline {
            change = 1 - fixShare
          } else {
            change = candidate == gold ? fixShare : 0
          }
          cells[(gold * k + baseline) * k + candidate] = share * change
        }
      }
    }
    return cells
  }

  /// The population's share of items the two models label differently.
  var differingShare: Double {
    let k = classCount
    let cells = probabilities
    var share = 0.0
    for gold in 0..<k {
      for baseline in 0..<k {
        for candidate in 0..<k where candidate != baseline {
          share += cells[(gold * k + baseline) * k + candidate]
        }
      }
    }
    return share
  }

  /// The candidate's population metric less the baseline's.
  func difference(on metric: Metric) -> Double {
    Self.difference(of: probabilities, classCount: classCount, scope: scope, on: metric)
  }

  /// Candidate less baseline on `metric` for cells laid out as
  /// `probabilities` is (gold, baseline, candidate), as shares or counts.
  static func difference(
    of cells: [Double], classCount k: Int, scope: MetricScope, on metric: Metric
  ) -> Double {
    var baseline = [Double](repeating: 0, count: k * k)
    var candidate = [Double](repeating: 0, count: k * k)
    for gold in 0..<k {
      for first in 0..<k {
        for second in 0..<k {
          let mass = cells[(gold * k + first) * k + second]
          baseline[gold * k + first] += mass
          candidate[gold * k + second] += mass
        }
      }
    }
    func value(_ matrix: [Double]) -> Double {
      matrix.withUnsafeBufferPointer { scope.value(of: metric, counts: $0) }
    }
    return value(candidate) - value(baseline)
  }
}

/// Release-gate decisions over simulated test sets, made through the entry
/// points `f1kit gate` uses: ``ReleaseGate/decision(for:metric:baseline:candidate:power:)``
/// on a ``ModelComparison`` for one file per model, and the experiment
/// overload on an ``ExperimentComparison`` for runs, groups and strata.
struct GateSimulation {
  var gate: ReleaseGate
  var metric: Metric
  var resamples: Int

  /// What the gate decided over a number of test sets.
  struct Tally {
    var trials = 0
    var passes = 0
    /// Test sets on which the shortfall rule applied (an interval of no
    /// width or fewer than 10 differing items).
    var shortfalls = 0
    /// Passes that rested on the exact bound (the shortfall rule applied).
    var shortfallPasses = 0
    /// Differing items summed over the test sets.
    var differingItems = 0
    /// The needed size each decision gave.
    var requiredCounts: [Int] = []
    var requiredRanges: [ClosedRange<Int>] = []

    var passRate: Double { Double(passes) / Double(trials) }

    mutating func add(_ decision: ReleaseDecision, differingItems: Int) {
      trials += 1
      self.differingItems += differingItems
      if decision.passes { passes += 1 }
      if decision.shortfall != nil {
        shortfalls += 1
        if decision.passes { shortfallPasses += 1 }
      }
      if let required = decision.reachability.requiredCount { requiredCounts.append(required) }
      if let range = decision.reachability.requiredCountRange { requiredRanges.append(range) }
    }
  }

  /// Decides on `trials` test sets of `items` items drawn from
  /// `population`, one file per model.
  func run(population: GatePopulation, items: Int, trials: Int, seed: UInt64) throws -> Tally {
    let sampler = Population(probabilities: population.probabilities)
    let k = population.classCount
    let labels = (0..<k).map { "\($0)" }
    var generator = Xoshiro256StarStar(seed: seed)
    var tally = Tally()
    for trial in 0..<trials {
      let counts = sampler.sample(items: items, using: &generator)
      var cells: [JointCounts.Cell] = []
      var differing = 0
      for (index, count) in counts.enumerated() where count > 0 {
        let gold = index / (k * k)
        let baseline = index / k % k
        let candidate = index % k
        if baseline != candidate { differing += count }
        cells.append(.init(gold: gold, predictions: [baseline, candidate], count: count))
      }
      let joint = try JointCounts(
        labels: labels, models: ["baseline", "candidate"], goldColumn: "label", cells: cells,
        rowCount: cells.count)
      let comparison = try ModelComparison(
        counts: ComparisonCounts(joint), names: ["baseline", "candidate"],
        options: ComparisonOptions(
          metric: metric, tests: [], bootstrap: BootstrapOptions(resamples: resamples),
          seed: seed &+ UInt64(trial)))
      tally.add(try gate.decision(for: comparison), differingItems: differing)
    }
    return tally
  }

  /// Decides on `trials` experiments drawn from `population` (binary,
  /// balanced gold), with `runs` runs per model, resampled by `design`.
  func run(
    population: DesignPopulation, design: ResamplingDesign, runs: Int, trials: Int, seed: UInt64
  ) throws -> Tally {
    var generator = Xoshiro256StarStar(seed: seed)
    var tally = Tally()
    let runFiles = (0..<2).map { model in (0..<runs).map { "m\(model)r\($0).csv" } }
    for trial in 0..<trials {
      let sample = population.draw(runsPerModel: [runs, runs], using: &generator)
      let counts = try ExperimentCounts(
        gold: sample.gold, runs: sample.runs, groups: design == .groups ? sample.groups : nil,
        classCount: 2)
      let trialSeed = seed &+ UInt64(trial)
      let comparison = try ExperimentComparison(
        counts: counts, metric: metric, scope: MetricScope(classCount: 2, positiveClass: 1),
        design: design, options: BootstrapOptions(resamples: resamples), tests: [],
        seed: trialSeed)
      let description = ExperimentComparison.Description(
        names: ["baseline", "candidate"], runFiles: runFiles, labels: ["0", "1"],
        seed: trialSeed, positiveLabel: "1")
      let differing =
        runs == 1 ? zip(sample.runs[0][0], sample.runs[1][0]).count(where: { $0 != $1 }) : 0
      tally.add(
        try gate.decision(for: comparison, description: description), differingItems: differing)
    }
    return tally
  }

  /// The largest number of passes out of `trials` that is within Monte
  /// Carlo error of a true pass rate of `rate`: the one-sided 99.9%
  /// quantile of Binomial(`trials`, `rate`).
  static func passLimit(trials: Int, rate: Double) -> Int {
    var cumulative = 0.0
    for passes in 0...trials {
      cumulative += exp(
        lgamma(Double(trials + 1)) - lgamma(Double(passes + 1))
          - lgamma(Double(trials - passes + 1)) + Double(passes) * log(rate)
          + Double(trials - passes) * log1p(-rate))
      if cumulative >= 0.999 { return passes }
    }
    return trials
  }
}
