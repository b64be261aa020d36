import F1Kit

/// The sufficient statistics of an experiment with several training runs
/// per model and, optionally, grouped items: the distinct rows (gold label
/// and every run's prediction) and how often each occurs in each group.
///
/// A model's score on a resampled test set is a function of how many times
/// each distinct row is drawn, so resampling never touches the items once
/// they are counted. There are at most as many distinct rows as items, and
/// far fewer when the runs mostly agree.
public struct ExperimentCounts: Sendable {
  /// The number of classes every code refers to.
  public let classCount: Int
  /// The number of runs of each model.
  public let runCounts: [Int]
  /// The number of items.
  public let itemCount: Int
  /// The number of groups, or the number of items when items are not
  /// grouped.
  public let groupCount: Int
  /// Whether items were grouped.
  public let isGrouped: Bool

  /// Row-major distinct rows: the gold code, then each run's prediction,
  /// models in order and runs in order within a model.
  let patterns: [Int32]
  /// How many items have each distinct row.
  let patternCounts: [Int]
  /// For grouped items, the start of each group's entries in
  /// ``groupPatterns`` and ``groupPatternCounts``; one more than the groups.
  let groupOffsets: [Int]
  /// The distinct rows of each group.
  let groupPatterns: [Int32]
  /// How often each of a group's distinct rows occurs in it.
  let groupPatternCounts: [Int]

  /// The width of one distinct row: the gold code and one code per run.
  let rowWidth: Int
  /// The number of distinct rows.
  var patternCount: Int { patternCounts.count }

  /// Counts an experiment.
  ///
  /// - Parameters:
  ///   - gold: The gold class code of each item.
  ///   - runs: For each model, each run's predicted class codes, aligned
  ///     with `gold`.
  ///   - groups: The group of each item, any integers, or `nil` when items
  ///     are not grouped.
  ///   - classCount: The number of classes.
  /// - Throws: ``StatisticsError/lengthMismatch(gold:first:second:)`` when a
  ///   run or the groups do not cover every item,
  ///   ``StatisticsError/classOutOfRange(_:classCount:)`` for a bad code,
  ///   ``StatisticsError/noItems`` when a model has no run or there are no
  ///   items.
  /// - Complexity: O(*n* · *r*) expected for *n* items and *r* runs in all.
  public init(
    gold: [Int32], runs: [[[Int32]]], groups: [Int]? = nil, classCount: Int
  ) throws(StatisticsError) {
    guard !gold.isEmpty, !runs.isEmpty, runs.allSatisfy({ !$0.isEmpty }) else {
      throw .noItems
    }
    let allRuns = runs.flatMap { $0 }
    for run in allRuns where run.count != gold.count {
      throw .lengthMismatch(gold: gold.count, first: run.count, second: gold.count)
    }
    if let groups, groups.count != gold.count {
      throw .lengthMismatch(gold: gold.count, first: groups.count, second: gold.count)
    }
    let limit = Int32(clamping: classCount)
    for codes in [gold] + allRuns {
      if let bad = codes.first(where: { $0 < 0 || $0 >= limit }) {
        throw .classOutOfRange(bad, classCount: classCount)
      }
    }
    let rowWidth = 1 + allRuns.count
    let (patterns, patternCounts, itemPattern) =
      Self.packedRows(gold: gold, runs: allRuns, classCount: classCount)
      ?? Self.arrayRows(gold: gold, runs: allRuns)
    self.classCount = classCount
    self.runCounts = runs.map(\.count)
    self.rowWidth = rowWidth
    self.itemCount = gold.count
    if let groups {
      let entries = Self.groupEntries(groups: groups, itemPattern: itemPattern)
      // One order of rows and groups whatever the order of the items, so a
      // count table with a group column resamples exactly as its items.
      let canonical = Self.canonicalOrder(
        rows: patterns, rowCounts: patternCounts, rowWidth: rowWidth, offsets: entries.offsets,
        entries: entries.patterns, counts: entries.counts)
      self.patterns = canonical.rows
      self.patternCounts = canonical.rowCounts
      groupOffsets = canonical.offsets
      groupPatterns = canonical.entries
      groupPatternCounts = canonical.counts
      groupCount = groupOffsets.count - 1
      isGrouped = true
    } else {
      self.patterns = patterns
      self.patternCounts = patternCounts
      groupOffsets = []
      groupPatterns = []
      groupPatternCounts = []
      groupCount = gold.count
      isGrouped = false
    }
  }

  /// The distinct rows in first-seen order, their counts and each item's
  /// row, when a row's codes fit in 64 bits: each row is packed into one
  /// integer key, looked up in a direct table for up to 2¹⁶ keys and in a
  /// dictionary beyond. `nil` when the codes do not fit.
  private static func packedRows(
    gold: [Int32], runs: [[Int32]], classCount: Int
  ) -> (patterns: [Int32], counts: [Int], itemPattern: [Int32])? {
    let bits = max(1, Int.bitWidth - (classCount - 1).leadingZeroBitCount)
    let width = 1 + runs.count
    guard bits * width <= 64 else { return nil }
    let shift = UInt64(bits)
    var patterns: [Int32] = []
    var patternCounts: [Int] = []
    var itemPattern = [Int32](repeating: 0, count: gold.count)
    var keys = [UInt64](repeating: 0, count: gold.count)
    for (index, code) in gold.enumerated() { keys[index] = UInt64(code) }
    for run in runs {
      for (index, code) in run.enumerated() { keys[index] = keys[index] << shift | UInt64(code) }
    }
    func record(_ item: Int) {
      patterns.append(gold[item])
      for run in runs { patterns.append(run[item]) }
      patternCounts.append(1)
    }
    if bits * width <= 16 {
      var table = [Int32](repeating: -1, count: 1 << (bits * width))
      for item in gold.indices {
        let key = Int(keys[item])
        var known = table[key]
        if known < 0 {
          known = Int32(patternCounts.count)
          table[key] = known
          record(item)
        } else {
          patternCounts[Int(known)] += 1
        }
        itemPattern[item] = known
      }
    } else {
      var index: [UInt64: Int32] = [:]
      for item in gold.indices {
        if let known = index[keys[item]] {
          patternCounts[Int(known)] += 1
          itemPattern[item] = known
        } else {
          let known = Int32(patternCounts.count)
          index[keys[item]] = known
          itemPattern[item] = known
          record(item)
        }
      }
    }
    return (patterns, patternCounts, itemPattern)
  }

  /// The distinct rows in first-seen order, their counts and each item's
  /// row, for rows of any width.
  private static func arrayRows(
    gold: [Int32], runs: [[Int32]]
  ) -> (patterns: [Int32], counts: [Int], itemPattern: [Int32]) {
    var patternIndex: [[Int32]: Int32] = [:]
    var patterns: [Int32] = []
    var patternCounts: [Int] = []
    var itemPattern = [Int32](repeating: 0, count: gold.count)
    var row = [Int32](repeating: 0, count: 1 + runs.count)
    for item in gold.indices {
      row[0] = gold[item]
      for (index, run) in runs.enumerated() { row[index + 1] = run[item] }
      if let known = patternIndex[row] {
        patternCounts[Int(known)] += 1
        itemPattern[item] = known
      } else {
        let known = Int32(patternCounts.count)
        patternIndex[row] = known
        itemPattern[item] = known
        patterns.append(contentsOf: row)
        patternCounts.append(1)
      }
    }
    return (patterns, patternCounts, itemPattern)
  }

  /// Each group's distinct rows with their counts, groups in first-seen
  /// order.
  private static func groupEntries(
    groups: [Int], itemPattern: [Int32]
  ) -> (offsets: [Int], patterns: [Int32], counts: [Int]) {
    var members: [[Int32]] = []
    // Group codes numbered from zero (as ItemGroups gives them) index a
    // table; any other integers go through a dictionary.
    let isCompact = groups.allSatisfy { $0 >= 0 && $0 < groups.count }
    var groupTable = [Int](repeating: -1, count: isCompact ? groups.count : 0)
    var groupIndex: [Int: Int] = [:]
    for (item, group) in groups.enumerated() {
      let known = isCompact ? groupTable[group] : (groupIndex[group] ?? -1)
      if known >= 0 {
        members[known].append(itemPattern[item])
      } else {
        if isCompact {
          groupTable[group] = members.count
        } else {
          groupIndex[group] = members.count
        }
        members.append([itemPattern[item]])
      }
    }
    var offsets = [0]
    var patterns: [Int32] = []
    var counts: [Int] = []
    for var entries in members {
      entries.sort()
      var start = 0
      while start < entries.count {
        var end = start + 1
        while end < entries.count && entries[end] == entries[start] { end += 1 }
        patterns.append(entries[start])
        counts.append(end - start)
        start = end
      }
      offsets.append(counts.count)
    }
    return (offsets, patterns, counts)
  }

  /// The gold code of a distinct row.
  @inline(__always)
  func gold(ofPattern pattern: Int) -> Int { Int(patterns[pattern * rowWidth]) }

  /// The prediction of a run (numbered across all models) in a distinct
  /// row.
  @inline(__always)
  func prediction(ofPattern pattern: Int, run: Int) -> Int {
    Int(patterns[pattern * rowWidth + 1 + run])
  }

  /// The index across all models of a model's first run.
  func firstRun(ofModel model: Int) -> Int { runCounts[..<model].reduce(0, +) }
}
