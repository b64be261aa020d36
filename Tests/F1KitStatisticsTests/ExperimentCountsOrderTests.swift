import F1Kit
import Testing

@testable import F1KitStatistics

/// The distinct rows and groups of grouped counts come in one order that
/// depends only on the items, never on the order they were read in.
@Suite("Grouped counts are in one canonical order")
struct ExperimentCountsOrderTests {
  /// Items with 4 classes and 3 runs in 60 groups, so that most groups hold
  /// more than 16 distinct rows, and some groups are alike.
  static func items(seed: UInt64) -> (gold: [Int32], runs: [[Int32]], groups: [Int]) {
    var generator = Xoshiro256StarStar(seed: seed)
    let count = 6_000
    let gold = (0..<count).map { _ in Int32(generator.next(upperBound: 4 as UInt64)) }
    let runs = (0..<3).map { _ in
      gold.map { label in
        generator.next(upperBound: 2 as UInt64) == 0
          ? Int32(generator.next(upperBound: 4 as UInt64)) : label
      }
    }
    var groups = (0..<count).map { _ in Int(generator.next(upperBound: 60 as UInt64)) }
    // Two groups of one identical item each: equal groups.
    for item in 0..<2 { groups[item] = 60 + item }
    var runsOfFirst = runs
    for run in runsOfFirst.indices { runsOfFirst[run][1] = runsOfFirst[run][0] }
    var first = gold
    first[1] = first[0]
    return (first, runsOfFirst, groups)
  }

  static func counts(
    _ items: (gold: [Int32], runs: [[Int32]], groups: [Int]), order: [Int]
  ) throws -> ExperimentCounts {
    try ExperimentCounts(
      gold: order.map { items.gold[$0] }, runs: items.runs.map { run in [order.map { run[$0] }] },
      groups: order.map { items.groups[$0] }, classCount: 4)
  }

  @Test("the same rows, groups and entries whatever the order of the items", arguments: [1, 2, 3])
  func orderDoesNotMatter(seed: UInt64) throws {
    let items = Self.items(seed: seed)
    var generator = Xoshiro256StarStar(seed: seed &+ 100)
    let identity = Array(items.gold.indices)
    let reference = try Self.counts(items, order: identity)
    let shuffled = try Self.counts(items, order: identity.shuffled(using: &generator))
    let reversed = try Self.counts(items, order: identity.reversed())
    for other in [shuffled, reversed] {
      #expect(other.patterns == reference.patterns)
      #expect(other.patternCounts == reference.patternCounts)
      #expect(other.groupOffsets == reference.groupOffsets)
      #expect(other.groupPatterns == reference.groupPatterns)
      #expect(other.groupPatternCounts == reference.groupPatternCounts)
    }
  }

  @Test("rows sorted by their codes, each group's entries by row, groups by their entries")
  func theOrder() throws {
    let items = Self.items(seed: 9)
    let counts = try Self.counts(items, order: Array(items.gold.indices))
    let width = counts.rowWidth
    let rows = (0..<counts.patternCount).map {
      Array(counts.patterns[($0 * width)..<(($0 + 1) * width)])
    }
    #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
    let groups = (0..<counts.groupCount).map { group in
      (counts.groupOffsets[group]..<counts.groupOffsets[group + 1]).map {
        (row: counts.groupPatterns[$0], count: counts.groupPatternCounts[$0])
      }
    }
    #expect(groups.contains { $0.count > 16 })
    #expect(groups.allSatisfy { zip($0, $0.dropFirst()).allSatisfy { $0.row < $1.row } })
    func precedesOrEquals(_ left: [(row: Int32, count: Int)], _ right: [(row: Int32, count: Int)])
      -> Bool
    {
      for (a, b) in zip(left, right) {
        if a.row != b.row { return a.row < b.row }
        if a.count != b.count { return a.count < b.count }
      }
      return left.count <= right.count
    }
    #expect(zip(groups, groups.dropFirst()).allSatisfy { precedesOrEquals($0, $1) })
    // Every group's counts are its items' rows counted directly.
    var expected: [[Int32]: Int] = [:]
    var found: [[Int32]: Int] = [:]
    for item in items.gold.indices {
      let row = [items.gold[item]] + items.runs.map { $0[item] }
      expected[[Int32(items.groups[item])] + row, default: 0] += 1
    }
    #expect(expected.count == counts.groupPatterns.count)
    #expect(counts.groupPatternCounts.reduce(0, +) == items.gold.count)
    let total = groups.reduce(into: [[Int32]: Int]()) { totals, group in
      for entry in group { totals[rows[Int(entry.row)], default: 0] += entry.count }
    }
    for item in items.gold.indices {
      found[[items.gold[item]] + items.runs.map { $0[item] }, default: 0] += 1
    }
    #expect(total == found)
  }
}
