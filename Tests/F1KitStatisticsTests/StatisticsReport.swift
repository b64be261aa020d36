import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

/// The simulations behind the tables of docs/statistics.md. Too slow for a
/// debug test run, so they run only when F1KIT_STATISTICS_REPORT is set:
///
///     F1KIT_STATISTICS_REPORT=1 swift test -c release -Xswiftc -enable-testing \
///       --filter StatisticsReport
///
/// and print Markdown tables.
@Suite(
  "Statistics report",
  .enabled(if: ProcessInfo.processInfo.environment["F1KIT_STATISTICS_REPORT"] != nil))
struct StatisticsReport {
  static let trials = 2_000
  static let resamples = 999

  struct Setting {
    let name: String
    let population: Population
    let scope: MetricScope
    let metric: Metric
  }

  static let balanced = Population.classifier(goldShares: [0.5, 0.3, 0.2], accuracy: 0.75)
  static let rare = Population.classifier(goldShares: [0.6, 0.36, 0.04], accuracy: 0.75)
  static let binary = Population.classifier(goldShares: [0.8, 0.2], accuracy: 0.85)

  static let settings = [
    Setting(
      name: "3 classes (50/30/20%), macro-F1", population: balanced,
      scope: MetricScope(classCount: 3), metric: .macroF1),
    Setting(
      name: "3 classes (50/30/20%), accuracy", population: balanced,
      scope: MetricScope(classCount: 3), metric: .accuracy),
    Setting(
      name: "rare class (60/36/4%), macro-F1", population: rare,
      scope: MetricScope(classCount: 3), metric: .macroF1),
    Setting(
      name: "rare class (60/36/4%), weighted F1", population: rare,
      scope: MetricScope(classCount: 3), metric: .weightedF1),
    Setting(
      name: "binary (80/20%), binary F1", population: binary,
      scope: MetricScope(classCount: 2, positiveClass: 1), metric: .binaryF1),
  ]

  @Test("coverage of 95% intervals")
  func coverageTable() {
    var lines = [
      "| population, metric | N | BCa | percentile | basic | delta method | Wilson |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for setting in Self.settings {
      for items in [50, 300, 2_000] {
        var methods: [IntervalMethod] = [.bca, .percentile, .basic, .deltaMethod]
        if setting.metric == .accuracy { methods.append(.wilson) }
        let simulation = CoverageSimulation(
          population: setting.population, scope: setting.scope, metric: setting.metric,
          items: items, resamples: Self.resamples)
        let coverage = simulation.coverage(
          trials: Self.trials, methods: methods, seed: UInt64(items))
        let cells = [IntervalMethod.bca, .percentile, .basic, .deltaMethod, .wilson].map {
          coverage[$0].map { String(format: "%.1f%%", 100 * $0) } ?? "–"
        }
        lines.append("| \(setting.name) | \(items) | " + cells.joined(separator: " | ") + " |")
      }
    }
    print(lines.joined(separator: "\n"))
  }

  @Test("size and power of the paired tests")
  func powerTable() {
    var lines = [
      "| metric | N | accuracy A → B | permutation | paired bootstrap | McNemar mid-p | sacrebleu-style bootstrap |",
      "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    let shares = [0.5, 0.3, 0.2]
    for metric in [Metric.macroF1, .accuracy] {
      for items in [300, 1_000] {
        for (first, second) in [(0.75, 0.75), (0.75, 0.77), (0.75, 0.8), (0.75, 0.85)] {
          let population = Population.pair(
            goldShares: shares, firstAccuracy: first, secondAccuracy: second, agreement: 0.5)
          let rates = Self.rejections(
            population: population, metric: metric, items: items, trials: Self.trials)
          lines.append(
            "| \(metric.rawValue) | \(items) | \(first) → \(second) | "
              + [rates.permutation, rates.bootstrap, rates.mcnemar, rates.sacrebleu].map {
                String(format: "%.1f%%", 100 * $0)
              }.joined(separator: " | ") + " |")
        }
      }
    }
    print(lines.joined(separator: "\n"))
  }

  /// Rejection rates at α = 0.05, including sacrebleu's paired bootstrap
  /// p-value for contrast: (#{|Δ*| − mean |Δ*| > |Δ̂|} + 1) / (R + 1).
  static func rejections(
    population: Population, metric: Metric, items: Int, trials: Int
  ) -> (permutation: Double, bootstrap: Double, mcnemar: Double, sacrebleu: Double) {
    var generator = Xoshiro256StarStar(seed: 99)
    var counts = (0, 0, 0, 0)
    let scope = MetricScope(classCount: 3)
    let options = BootstrapOptions(resamples: resamples, method: .percentile)
    for _ in 0..<trials {
      let sample = population.sample(items: items, using: &generator)
      let comparison = try! PairedComparison(
        predictions: try! PairedPredictions(classCount: 3, counts: sample), scope: scope)
      let permutation = try! comparison.permutationTest(
        for: [metric], resamples: resamples, using: &generator)[metric]!
      let distribution = comparison.differenceDistributions(
        for: [metric], options: options, progress: nil, using: &generator)[0]
      let bootstrapP = PairedComparison.shiftedPValue(distribution)
      let absolute = distribution.sortedValues.map(abs)
      let meanAbsolute = absolute.reduce(0, +) / Double(absolute.count)
      let exceed = absolute.filter { $0 - meanAbsolute > abs(distribution.estimate) }.count
      let sacrebleuP = Double(exceed + 1) / Double(absolute.count + 1)
      if permutation.pValue <= 0.05 { counts.0 += 1 }
      if bootstrapP <= 0.05 { counts.1 += 1 }
      if comparison.mcnemar().pValue <= 0.05 { counts.2 += 1 }
      if sacrebleuP <= 0.05 { counts.3 += 1 }
    }
    let n = Double(trials)
    return (Double(counts.0) / n, Double(counts.1) / n, Double(counts.2) / n, Double(counts.3) / n)
  }

  @Test("agreement with SciPy")
  func scipyAgreement() throws {
    var lines = [
      "| data set | metric | method | F1Kit − SciPy, lower (in SE) | upper (in SE) |",
      "| --- | --- | --- | ---: | ---: |",
    ]
    for golden in StatisticsGoldens.shared.bootstrap {
      let options = BootstrapOptions(
        resamples: 20_000, confidence: golden.confidence,
        method: golden.method == .bca ? .bca : .percentile)
      var generator = Xoshiro256StarStar(seed: 1)
      let interval = try Bootstrap(options: options).intervals(
        for: [golden.metric], counts: golden.counts,
        scope: MetricScope(classCount: golden.classCount),
        using: &generator)[golden.metric]!
      lines.append(
        "| \(golden.name) | \(golden.metric.rawValue) | \(golden.method.rawValue) | "
          + String(
            format: "%+.3f | %+.3f |",
            (interval.lower - golden.lower) / golden.standardError,
            (interval.upper - golden.upper) / golden.standardError))
    }
    print(lines.joined(separator: "\n"))
  }

  @Test("time of paired tests by number of items")
  func timing() throws {
    var lines = [
      "| items | count joint cells | permutation (9,999) | paired bootstrap BCa (9,999) |",
      "| ---: | ---: | ---: | ---: |",
    ]
    let population = Population.pair(
      goldShares: [0.5, 0.3, 0.2], firstAccuracy: 0.75, secondAccuracy: 0.77, agreement: 0.5)
    var generator = Xoshiro256StarStar(seed: 5)
    for items in [1_000, 100_000, 1_000_000] {
      // Expand counts into per-item arrays, as a reader would produce them.
      let counts = population.sample(items: items, using: &generator)
      var gold: [Int32] = []
      var first: [Int32] = []
      var second: [Int32] = []
      for (cell, count) in counts.enumerated() {
        gold.append(contentsOf: repeatElement(Int32(cell / 9), count: count))
        first.append(contentsOf: repeatElement(Int32(cell / 3 % 3), count: count))
        second.append(contentsOf: repeatElement(Int32(cell % 3), count: count))
      }
      let clock = ContinuousClock()
      var pairs: PairedPredictions?
      let counting = clock.measure {
        pairs = try! PairedPredictions(gold: gold, first: first, second: second, classCount: 3)
      }
      let comparison = try PairedComparison(predictions: pairs!, scope: MetricScope(classCount: 3))
      let permutation = clock.measure {
        _ = try! comparison.permutationTest(for: [.macroF1], seed: 1)
      }
      let bootstrap = clock.measure {
        _ = try! comparison.bootstrap(for: [.macroF1], seed: 1)
      }
      let cells = [counting, permutation, bootstrap].map {
        String(
          format: "%.1f ms",
          Double($0.components.attoseconds) / 1e15 + Double($0.components.seconds) * 1e3)
      }
      lines.append("| \(items) | " + cells.joined(separator: " | ") + " |")
    }
    print(lines.joined(separator: "\n"))
  }
}
