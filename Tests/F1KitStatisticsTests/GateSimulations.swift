import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

/// The release-build simulations behind "How often the gate passes a worse
/// candidate" in docs/gate.md: the false-PASS rate of each gate mode at a
/// true difference on its margin, for one file per model, grouped items,
/// strata and five runs per model, the near-identical regime where the
/// exact bound decides, and the power at the size the gate says is
/// needed. Too slow for a debug run, so they run only when
/// F1KIT_GATE_REPORT is set:
///
///     F1KIT_GATE_REPORT=1 swift test -c release -Xswiftc -enable-testing \
///       --filter GateSimulations
///
/// and print Markdown tables. Fixed seeds: the same build prints the same
/// numbers.
@Suite(
  "Gate simulations",
  .enabled(if: ProcessInfo.processInfo.environment["F1KIT_GATE_REPORT"] != nil))
struct GateSimulations {
  static let trials = 2_000
  static let resamples = 999

  /// The iid populations: a baseline 80% accurate on a binary task with
  /// 30% positives (accuracy and binary F1) or on three classes of 50%,
  /// 30% and 20% (macro-F1).
  static func goldShares(for metric: Metric) -> [Double] {
    metric == .macroF1 ? [0.5, 0.3, 0.2] : [0.7, 0.3]
  }

  /// The class whose right predictions a near-identical candidate breaks:
  /// the positive class for binary F1 and the rarest for macro-F1, where a
  /// broken prediction costs the most.
  static func brokenClass(for metric: Metric) -> Int? {
    switch metric {
    case .binaryF1: 1
    case .macroF1: 2
    default: nil
    }
  }

  static func name(_ metric: Metric) -> String {
    switch metric {
    case .accuracy: "accuracy"
    case .binaryF1: "binary F1"
    case .macroF1: "macro-F1"
    default: metric.rawValue
    }
  }

  static func percent(_ tally: GateSimulation.Tally) -> String {
    String(format: "%.2f%%", 100 * tally.passRate)
  }

  /// The Monte Carlo standard error, in points, of a rate near `rate`.
  static func monteCarloError(_ rate: Double, trials: Int = trials) -> String {
    String(format: "%.2f", 100 * (rate * (1 - rate) / Double(trials)).squareRoot())
  }

  /// A Markdown table of one simulation, printed under its title with the
  /// time the simulation took.
  struct Table {
    let start = ContinuousClock.now
    var lines: [String]

    init(_ header: String, _ alignment: String) { lines = [header, alignment] }

    mutating func append(_ row: String) { lines.append(row) }

    func print(_ title: String) {
      let (whole, attoseconds) = (ContinuousClock.now - start).components
      let seconds = String(format: "%.0f s", Double(whole) + Double(attoseconds) * 1e-18)
      Swift.print("\(title); \(seconds)):\n" + lines.joined(separator: "\n"))
    }
  }

  static func population(
    _ metric: Metric, difference: Double, fixShare: Double = 0.1, brokenClass: Int? = nil
  ) throws -> GatePopulation {
    try #require(
      GatePopulation.solved(
        goldShares: goldShares(for: metric), baselineAccuracy: 0.8, fixShare: fixShare,
        brokenClass: brokenClass, metric: metric, difference: difference))
  }

  @Test("non-inferiority at a true difference of −margin, one file per model")
  func nonInferiority() throws {
    var table = Table(
      "| metric | items | margin | differing share | false PASS | of which on the exact bound |",
      "| --- | ---: | ---: | ---: | ---: | ---: |")
    for (index, metric) in [Metric.accuracy, .binaryF1, .macroF1].enumerated() {
      for margin in [0.01, 0.02] {
        let population = try Self.population(metric, difference: -margin)
        for items in [500, 2_000] {
          let simulation = GateSimulation(
            gate: try ReleaseGate(margin: margin), metric: metric, resamples: Self.resamples)
          let tally = try simulation.run(
            population: population, items: items, trials: Self.trials,
            seed: UInt64(100_000 + 1_000 * index + Int(margin * 1_000) * 10 + items / 500))
          table.append(
            "| \(Self.name(metric)) | \(items) | \(margin) | \(String(format: "%.4f", population.differingShare)) | \(Self.percent(tally)) | \(tally.shortfallPasses) |"
          )
        }
      }
    }
    table.print(
      "Non-inferiority, true difference −margin (\(Self.trials) test sets each, \(Self.resamples) resamples, BCa 95%, nominal 2.5%, Monte Carlo SE ±\(Self.monteCarloError(0.025)) points"
    )
  }

  @Test("non-inferiority at −margin with groups, strata and five runs per model")
  func designs() throws {
    var table = Table(
      "| design | items | metric | margin | false PASS |",
      "| --- | --- | --- | ---: | ---: |")
    let designs:
      [(
        name: String, items: String, design: ResamplingDesign, runs: Int,
        population: DesignPopulation
      )] = [
        (
          "groups (--group-column)", "60 groups of 15", .groups, 1,
          DesignPopulation(groups: 60, itemsPerGroup: 15, groupSpread: 0.3)
        ),
        (
          "strata (--stratify gold)", "500", .stratifiedByGold, 1,
          DesignPopulation(groups: 500, itemsPerGroup: 1, groupSpread: 0)
        ),
        (
          "5 runs per model", "500", .items, 5,
          DesignPopulation(groups: 500, itemsPerGroup: 1, groupSpread: 0, runSpread: 0.03)
        ),
      ]
    for (index, entry) in designs.enumerated() {
      for metric in [Metric.accuracy, .binaryF1] {
        for margin in [0.02, 0.05] {
          var population = entry.population
          population.secondModelShift = -margin
          let simulation = GateSimulation(
            gate: try ReleaseGate(margin: margin), metric: metric, resamples: Self.resamples)
          let tally = try simulation.run(
            population: population, design: entry.design, runs: entry.runs, trials: Self.trials,
            seed: UInt64(
              200_000 + 1_000 * index + (metric == .accuracy ? 0 : 100)
                + Int(margin * 100)))
          table.append(
            "| \(entry.name) | \(entry.items) | \(Self.name(metric)) | \(margin) | \(Self.percent(tally)) |"
          )
        }
      }
    }
    table.print(
      "Non-inferiority with designs, true difference −margin (baseline accuracy 0.65, balanced gold, so F1 = accuracy in the population; \(Self.trials) experiments each, \(Self.resamples) resamples, nominal 2.5%, Monte Carlo SE ±\(Self.monteCarloError(0.025)) points"
    )
  }

  @Test("equivalence at a true difference of ±margin and superiority at 0")
  func otherModes() throws {
    var table = Table(
      "| mode | true difference | metric | items | margin | false PASS |",
      "| --- | ---: | --- | ---: | ---: | ---: |")
    let cases: [(mode: ReleaseGate.Mode, difference: Double, margin: Double)] = [
      (.equivalence, -0.02, 0.02), (.equivalence, 0.02, 0.02), (.superiority, 0, 0),
      (.superiority, 0.01, 0.01),
    ]
    for (index, entry) in cases.enumerated() {
      for (metricIndex, metric) in [Metric.accuracy, .binaryF1, .macroF1].enumerated() {
        for items in [500, 2_000] {
          let population = try Self.population(metric, difference: entry.difference)
          let simulation = GateSimulation(
            gate: try ReleaseGate(mode: entry.mode, margin: entry.margin), metric: metric,
            resamples: Self.resamples)
          let tally = try simulation.run(
            population: population, items: items, trials: Self.trials,
            seed: UInt64(300_000 + 1_000 * index + 10 * metricIndex + items / 500))
          table.append(
            "| \(entry.mode.rawValue) | \(entry.difference) | \(Self.name(metric)) | \(items) | \(entry.margin) | \(Self.percent(tally)) |"
          )
        }
      }
    }
    table.print(
      "Equivalence and superiority on their boundary (\(Self.trials) test sets each, \(Self.resamples) resamples, nominal 2.5%, Monte Carlo SE ±\(Self.monteCarloError(0.025)) points"
    )
  }

  @Test("near-identical models: the candidate only breaks right predictions")
  func nearIdentical() throws {
    var table = Table(
      "| metric | items | margin | mean differing items | shortfall rule applied | false PASS | on the exact bound | on the interval |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (index, metric) in [Metric.accuracy, .binaryF1, .macroF1].enumerated() {
      let margin = 0.01
      let population = try Self.population(
        metric, difference: -margin, fixShare: 0, brokenClass: Self.brokenClass(for: metric))
      for items in [500, 1_000, 2_000, 4_000] {
        let simulation = GateSimulation(
          gate: try ReleaseGate(margin: margin), metric: metric, resamples: Self.resamples)
        let tally = try simulation.run(
          population: population, items: items, trials: Self.trials,
          seed: UInt64(400_000 + 10_000 * index + items))
        let intervalPasses = tally.passes - tally.shortfallPasses
        table.append(
          "| \(Self.name(metric)) | \(items) | \(margin) | \(String(format: "%.1f", Double(tally.differingItems) / Double(tally.trials))) | \(String(format: "%.1f%%", 100 * Double(tally.shortfalls) / Double(tally.trials))) | \(Self.percent(tally)) | \(tally.shortfallPasses) | \(intervalPasses) |"
        )
      }
    }
    table.print(
      "Near-identical candidate, true difference −0.01 (\(Self.trials) test sets each, \(Self.resamples) resamples, nominal 2.5%, Monte Carlo SE ±\(Self.monteCarloError(0.025)) points"
    )
  }

  @Test("power at a true difference of 0 at the size the gate says is needed")
  func power() throws {
    var table = Table(
      "| metric | margin | pilot items | needed items (median of 25 pilots; range) | PASS at the needed size |",
      "| --- | ---: | ---: | --- | ---: |")
    for (index, metric) in [Metric.accuracy, .binaryF1, .macroF1].enumerated() {
      let margin = 0.02
      let population = try Self.population(metric, difference: 0)
      let simulation = GateSimulation(
        gate: try ReleaseGate(margin: margin), metric: metric, resamples: Self.resamples)
      let pilots = try simulation.run(
        population: population, items: 500, trials: 25, seed: UInt64(500_000 + index))
      let needed = pilots.requiredCounts.sorted()
      let median = needed[needed.count / 2]
      let tally = try simulation.run(
        population: population, items: median, trials: Self.trials,
        seed: UInt64(510_000 + index))
      table.append(
        "| \(Self.name(metric)) | \(margin) | 500 | \(median) (\(needed.first ?? 0)–\(needed.last ?? 0)) | \(Self.percent(tally)) |"
      )
    }
    table.print(
      "Power at a true difference of 0 (promised 80%; \(Self.trials) test sets each, \(Self.resamples) resamples, Monte Carlo SE ±\(Self.monteCarloError(0.8)) points"
    )
  }
}
