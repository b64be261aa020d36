import F1Kit
import Testing

@testable import F1KitStatistics

/// An experiment's numbers do not depend on the order its models were
/// given in: each model keeps its value and interval in any position, and a
/// pair given the other way round is the exact mirror image.
@Suite("Experiments mirror exactly when their models are reordered")
struct ExperimentComparisonMirrorTests {
  /// One case: how many classes, runs per model and models, and how test
  /// sets are resampled.
  struct Case: Sendable, CustomTestStringConvertible {
    var classCount: Int
    var runCounts: [Int]
    var design: ResamplingDesign
    var testDescription: String {
      "\(classCount) classes, runs \(runCounts), \(design)"
    }
  }

  static let cases: [Case] = [
    Case(classCount: 2, runCounts: [3, 3], design: .items),
    Case(classCount: 2, runCounts: [1, 1], design: .groups),
    Case(classCount: 2, runCounts: [1, 1], design: .stratifiedByGold),
    Case(classCount: 2, runCounts: [3, 2], design: .groups),
    Case(classCount: 3, runCounts: [2, 3], design: .stratifiedByGold),
    Case(classCount: 3, runCounts: [3, 3, 3], design: .items),
    Case(classCount: 3, runCounts: [1, 1, 1], design: .groups),
    Case(classCount: 2, runCounts: [2, 2, 2], design: .groups),
  ]

  /// 400 items in 40 groups; each run of model *m* is right about
  /// 70 + 5·*m* percent of the time.
  static func items(_ testCase: Case, seed: UInt64) -> (
    gold: [Int32], runs: [[[Int32]]], groups: [Int]
  ) {
    var generator = Xoshiro256StarStar(seed: seed)
    let count = 400
    let classes = UInt64(testCase.classCount)
    let gold = (0..<count).map { _ in Int32(generator.next(upperBound: classes)) }
    let runs = testCase.runCounts.enumerated().map { model, runCount in
      (0..<runCount).map { _ in
        gold.map { label in
          generator.next(upperBound: 100 as UInt64) < 70 + 5 * UInt64(model)
            ? label : Int32(generator.next(upperBound: classes))
        }
      }
    }
    let groups = (0..<count).map { $0 % 40 }
    return (gold, runs, groups)
  }

  static func comparison(
    _ testCase: Case, items: (gold: [Int32], runs: [[[Int32]]], groups: [Int]), order: [Int],
    itemOrder: [Int]
  ) throws -> ExperimentComparison {
    let counts = try ExperimentCounts(
      gold: itemOrder.map { items.gold[$0] },
      runs: order.map { model in items.runs[model].map { run in itemOrder.map { run[$0] } } },
      groups: testCase.design == .groups ? itemOrder.map { items.groups[$0] } : nil,
      classCount: testCase.classCount)
    let scope =
      testCase.classCount == 2
      ? MetricScope(classCount: 2, positiveClass: 1) : MetricScope(classCount: testCase.classCount)
    return try ExperimentComparison(
      counts: counts, metric: testCase.classCount == 2 ? .binaryF1 : .macroF1, scope: scope,
      design: testCase.design, options: BootstrapOptions(resamples: 300), seed: 11)
  }

  /// Every order of `count` models.
  static func orders(of count: Int) -> [[Int]] {
    guard count > 1 else { return [[0]] }
    return orders(of: count - 1).flatMap { order in
      (0...order.count).map { place in
        var longer = order
        longer.insert(count - 1, at: place)
        return longer
      }
    }
  }

  @Test("each model keeps its numbers and each pair mirrors, in every order", arguments: cases)
  func everyOrderMirrors(_ testCase: Case) throws {
    let items = Self.items(testCase, seed: 3)
    let modelCount = testCase.runCounts.count
    let identity = Array(0..<modelCount)
    let reference = try Self.comparison(
      testCase, items: items, order: identity, itemOrder: Array(items.gold.indices))
    #expect(reference.pairs.contains { $0.difference.estimate != 0 })
    // The items reversed too: the order they were read in does not count.
    let reversedItems = Array(items.gold.indices.reversed())
    for order in Self.orders(of: modelCount) where order != identity {
      let other = try Self.comparison(
        testCase, items: items, order: order, itemOrder: reversedItems)
      for (position, model) in order.enumerated() {
        #expect(other.models[position] == reference.models[model], "model \(model) in \(order)")
      }
      for pair in other.pairs {
        let (first, second) = (order[pair.first], order[pair.second])
        let original = try #require(
          reference.pairs.first { Set([$0.first, $0.second]) == Set([first, second]) })
        let expected =
          original.first == first
          ? original : original.mirrored(almostStochasticOrder: pair.almostStochasticOrder)
        var actual = pair
        (actual.first, actual.second) = (expected.first, expected.second)
        #expect(actual == expected, "pair \(first), \(second) in \(order)")
        if original.first != first {
          #expect(pair.difference.lower == -original.difference.upper)
          #expect(pair.bootstrapPValue == original.bootstrapPValue)
        }
      }
      #expect(other.cutIntervalEnds == reference.cutIntervalEnds)
    }
  }

  @Test(
    "Almost Stochastic Order of a claim is the same in every order that makes it",
    arguments: [[3, 3], [2, 4, 3]])
  func almostStochasticOrderClaims(runCounts: [Int]) throws {
    let testCase = Case(classCount: 2, runCounts: runCounts, design: .items)
    let items = Self.items(testCase, seed: 8)
    var claims: [[Int]: AlmostStochasticOrder] = [:]
    var checked = 0
    for order in Self.orders(of: runCounts.count) {
      let comparison = try Self.comparison(
        testCase, items: items, order: order, itemOrder: Array(items.gold.indices))
      for pair in comparison.pairs {
        // The claim: the second model's runs over the first's.
        let claim = [order[pair.second], order[pair.first]]
        let test = try #require(pair.almostStochasticOrder)
        #expect(test.sampleSizes.first == runCounts[claim[0]])
        if let earlier = claims[claim] {
          #expect(test == earlier, "claim \(claim) in \(order)")
          checked += 1
        } else {
          claims[claim] = test
        }
      }
    }
    // Both claims of every pair were made.
    #expect(claims.count == runCounts.count * (runCounts.count - 1))
    if runCounts.count > 2 {
      #expect(checked > 0)
    } else {
      // Both are the claims of one set of draws: the generator's second
      // output on, as the comparison draws them for its canonical order.
      let counts = try ExperimentCounts(gold: items.gold, runs: items.runs, classCount: 2)
      let canonical = counts.canonicalModelOrder()
      let comparison = try Self.comparison(
        testCase, items: items, order: [0, 1], itemOrder: Array(items.gold.indices))
      var generator = Xoshiro256StarStar(seed: 11)
      _ = generator.next()
      let both = try AlmostStochasticOrder.bothClaims(
        first: comparison.models[canonical[1]].runValues,
        second: comparison.models[canonical[0]].runValues, using: &generator)
      #expect(claims[[canonical[1], canonical[0]]] == both.claimed)
      #expect(claims[[canonical[0], canonical[1]]] == both.reverse)
    }
  }

  @Test("both claims from one set of draws: the first as the initializer gives it")
  func bothClaims() throws {
    let a = [0.81, 0.84, 0.79, 0.86, 0.83]
    let b = [0.80, 0.78, 0.82, 0.77]
    var generator = Xoshiro256StarStar(seed: 5)
    let claims = try AlmostStochasticOrder.bothClaims(first: a, second: b, using: &generator)
    let alone = try AlmostStochasticOrder(first: a, second: b, seed: 5)
    #expect(claims.claimed == alone)
    let reverse = try AlmostStochasticOrder(first: b, second: a, seed: 5)
    #expect(claims.reverse.violationRatio == reverse.violationRatio)
    #expect(claims.reverse.sampleSizes == (4, 5))
    // Other draws, so only close: the bound's Monte Carlo error.
    #expect(abs(claims.reverse.epsilonMinimum - reverse.epsilonMinimum) < 0.1)
    #expect(claims.claimed.epsilonMinimum < 0.5 && claims.reverse.epsilonMinimum > 0.5)
  }

  @Test("models that tie on their own counts are ordered by their counts together")
  func tiedModels() throws {
    // The same predictions on other items: each model alone has the same
    // counts, so only the two together tell the orders apart (with two
    // classes, such a pair would be its own mirror image).
    let gold: [Int32] = [0, 0, 0]
    let a: [Int32] = [1, 2, 0]
    let b: [Int32] = [2, 0, 1]
    let forward = try ExperimentCounts(gold: gold, runs: [[a], [b]], classCount: 3)
    let backward = try ExperimentCounts(gold: gold, runs: [[b], [a]], classCount: 3)
    #expect(!forward.projected(models: [0]).precedes(forward.projected(models: [1])))
    #expect(!forward.projected(models: [1]).precedes(forward.projected(models: [0])))
    let forwardOrder = forward.canonicalModelOrder()
    let backwardOrder = backward.canonicalModelOrder()
    #expect(forwardOrder == backwardOrder.reversed())
    let first = forward.projected(models: forwardOrder)
    let second = backward.projected(models: backwardOrder)
    #expect(first.patterns == second.patterns && first.patternCounts == second.patternCounts)
  }

  @Test("models whose rows tie are ordered by their groups")
  func modelsTiedOnRowsOrderedByGroups() throws {
    // Alone, each model has one item of (1, 1), one of (1, 0) and two of
    // (0, 0); only the groups tell them apart: a's right answer shares a
    // group with a (0, 0) item, b's wrong one does.
    let gold: [Int32] = [1, 1, 0, 0]
    let a: [Int32] = [1, 0, 0, 0]
    let b: [Int32] = [0, 1, 0, 0]
    let groups = [0, 1, 0, 2]
    let forward = try ExperimentCounts(gold: gold, runs: [[a], [b]], groups: groups, classCount: 2)
    let backward = try ExperimentCounts(
      gold: gold, runs: [[b], [a]], groups: groups, classCount: 2)
    let rows = (0..<2).map { forward.projected(models: [$0], includingGroups: false) }
    #expect(!rows[0].precedes(rows[1]) && !rows[1].precedes(rows[0]))
    let alone = (0..<2).map { forward.projected(models: [$0]) }
    #expect(alone[0].precedes(alone[1]) != alone[1].precedes(alone[0]))
    let forwardOrder = forward.canonicalModelOrder()
    #expect(forwardOrder == (alone[0].precedes(alone[1]) ? [0, 1] : [1, 0]))
    #expect(backward.canonicalModelOrder() == forwardOrder.reversed())
  }
}
