import Testing

@testable import F1KitStatistics

/// `ExperimentCounts` packs each item's codes into one key a block of
/// items at a time; its distinct rows must be those of counting the rows
/// one by one.
@Suite("Packing experiment rows")
struct ExperimentCountsPackingTests {
  /// Deterministic pseudo-random codes below `bound`.
  private func codes(_ count: Int, bound: Int, seed: UInt64) -> [Int32] {
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int32((state >> 33) % UInt64(bound))
    }
  }

  /// The distinct rows in first-seen order and their counts, row by row.
  private func reference(gold: [Int32], runs: [[Int32]]) -> (rows: [[Int32]], counts: [Int]) {
    var index: [[Int32]: Int] = [:]
    var rows: [[Int32]] = []
    var counts: [Int] = []
    for item in gold.indices {
      let row = [gold[item]] + runs.map { $0[item] }
      if let known = index[row] {
        counts[known] += 1
      } else {
        index[row] = rows.count
        rows.append(row)
        counts.append(1)
      }
    }
    return (rows, counts)
  }

  @Test(
    "distinct rows and counts over several blocks of items, in a direct table and a dictionary",
    arguments: [(3, 4), (300, 5), (2, 10)])
  func packsRows(classCount: Int, runCount: Int) throws {
    let itemCount = 10_001
    let gold = codes(itemCount, bound: classCount, seed: 1)
    // Runs that mostly agree with gold, so rows repeat.
    let runs = (0..<runCount).map { run in
      zip(gold, codes(itemCount, bound: classCount, seed: UInt64(run + 2))).enumerated().map {
        $0.offset % 5 == 0 ? $0.element.1 : $0.element.0
      }
    }
    let counts = try ExperimentCounts(
      gold: gold, runs: [Array(runs.prefix(2)), Array(runs.dropFirst(2))],
      classCount: classCount)
    let expected = reference(gold: gold, runs: runs)
    let width = 1 + runCount
    #expect(counts.patternCounts == expected.counts)
    #expect(counts.patterns == expected.rows.flatMap { $0 })
    #expect(counts.rowWidth == width)
  }

  @Test("grouped items keep each item's row: each group's rows and counts")
  func packsGroupedRows() throws {
    let itemCount = 9_000
    let gold = codes(itemCount, bound: 3, seed: 5)
    let runs = (0..<3).map { codes(itemCount, bound: 3, seed: UInt64(10 + $0)) }
    let groups = codes(itemCount, bound: 700, seed: 6).map { Int($0) * 3 - 50 }
    let counts = try ExperimentCounts(
      gold: gold, runs: [runs], groups: groups, classCount: 3)
    var expected: [Int: [[Int32]: Int]] = [:]
    for item in 0..<itemCount {
      expected[groups[item], default: [:]][[gold[item]] + runs.map { $0[item] }, default: 0] += 1
    }
    var found: [[[Int32]: Int]] = []
    for group in 0..<counts.groupCount {
      var rows: [[Int32]: Int] = [:]
      for entry in counts.groupOffsets[group]..<counts.groupOffsets[group + 1] {
        let pattern = Int(counts.groupPatterns[entry])
        let row = Array(counts.patterns[(pattern * 4)..<(pattern * 4 + 4)])
        rows[row, default: 0] += counts.groupPatternCounts[entry]
      }
      found.append(rows)
    }
    #expect(counts.groupCount == expected.count)
    #expect(Set(found) == Set(expected.values))
  }

  @Test("the first bad code in run order is reported, negative or too large")
  func reportsFirstBadCode() {
    var gold = codes(6_000, bound: 3, seed: 1)
    var first = codes(6_000, bound: 3, seed: 2)
    var second = codes(6_000, bound: 3, seed: 3)
    second[10] = -1
    first[5_000] = 3
    #expect(throws: StatisticsError.classOutOfRange(3, classCount: 3)) {
      try ExperimentCounts(gold: gold, runs: [[first], [second]], classCount: 3)
    }
    first[5_000] = 0
    #expect(throws: StatisticsError.classOutOfRange(-1, classCount: 3)) {
      try ExperimentCounts(gold: gold, runs: [[first], [second]], classCount: 3)
    }
    gold[5_999] = 7
    #expect(throws: StatisticsError.classOutOfRange(7, classCount: 3)) {
      try ExperimentCounts(gold: gold, runs: [[first], [second]], classCount: 3)
    }
  }

  @Test(
    "label tallies are each run's gold and predicted counts per class, grouped or not",
    arguments: [false, true])
  func labelTallies(isGrouped: Bool) throws {
    let itemCount = 5_000
    let gold = codes(itemCount, bound: 4, seed: 21)
    let runs = (0..<3).map { codes(itemCount, bound: 4, seed: UInt64(30 + $0)) }
    let groups = isGrouped ? codes(itemCount, bound: 90, seed: 22).map { Int($0) } : nil
    let counts = try ExperimentCounts(
      gold: gold, runs: [[runs[0]], [runs[1], runs[2]]], groups: groups, classCount: 4)
    let tallies = counts.labelTallies()
    let tally = { (codes: [Int32]) in
      (0..<4).map { code in codes.filter { $0 == Int32(code) }.count }
    }
    #expect(tallies.gold == tally(gold))
    #expect(tallies.predicted == runs.map(tally))
  }

  @Test(
    "counting ranges of items at once gives one pass's rows, counts and item rows",
    arguments: [(3, 4, 2), (2, 10, 3), (300, 5, 4), (3, 4, 7)])
  func packsRowsInParts(classCount: Int, runCount: Int, parts: Int) throws {
    let itemCount = 30_011
    // Codes below half the classes in the first third, so later ranges
    // bring rows of their own, first seen in the middle of a range.
    let bound = { (item: Int) in item < itemCount / 3 ? max(1, classCount / 2) : classCount }
    let gold = codes(itemCount, bound: classCount, seed: 41).enumerated().map {
      $0.element % Int32(bound($0.offset))
    }
    let runs = (0..<runCount).map { run in
      codes(itemCount, bound: classCount, seed: UInt64(50 + run)).enumerated().map {
        $0.offset % 3 == 0 ? $0.element % Int32(bound($0.offset)) : gold[$0.offset]
      }
    }
    let whole = try #require(
      ExperimentCounts.packedRows(
        gold: gold, runs: runs, classCount: classCount, keepsItemPatterns: true, parts: 1))
    let split = try #require(
      ExperimentCounts.packedRows(
        gold: gold, runs: runs, classCount: classCount, keepsItemPatterns: true, parts: parts))
    #expect(split.patterns == whole.patterns)
    #expect(split.counts == whole.counts)
    #expect(split.itemPattern == whole.itemPattern)
    let expected = reference(gold: gold, runs: runs)
    #expect(whole.counts == expected.counts)
    #expect(whole.patterns == expected.rows.flatMap { $0 })
  }

  @Test(
    "a bad code in any range of items stops the packing, which leaves it to the check",
    arguments: [1, 2, 5])
  func packingRefusesBadCodes(parts: Int) {
    let itemCount = 20_000
    let gold = codes(itemCount, bound: 3, seed: 61)
    for (item, bad) in [(0, Int32(3)), (9_999, -1), (19_999, 3)] {
      var run = codes(itemCount, bound: 3, seed: 62)
      run[item] = bad
      #expect(
        ExperimentCounts.packedRows(
          gold: gold, runs: [run], classCount: 3, keepsItemPatterns: false, parts: parts) == nil)
    }
  }
}
