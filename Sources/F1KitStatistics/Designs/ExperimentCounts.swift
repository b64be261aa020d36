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
    let rowWidth = 1 + allRuns.count
    // Packing checks every code as it reads it; only when it gives up (a
    // bad code, or rows too wide to pack) are the codes checked here.
    let packed = Self.packedRows(
      gold: gold, runs: allRuns, classCount: classCount, keepsItemPatterns: groups != nil)
    if packed == nil { try Self.checkCodes([gold] + allRuns, classCount: classCount) }
    let (patterns, patternCounts, itemPattern) =
      packed ?? Self.arrayRows(gold: gold, runs: allRuns)
    self.classCount = classCount
    self.runCounts = runs.map(\.count)
    self.rowWidth = rowWidth
    self.itemCount = gold.count
    if let groups {
      let entries = Self.groupEntries(
        groups: groups, itemPattern: itemPattern, patternCount: patternCounts.count)
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

  /// Throws for the first code, in order of `arrays`, that is negative or
  /// not below `classCount`.
  ///
  /// - Throws: ``StatisticsError/classOutOfRange(_:classCount:)``.
  /// - Complexity: O(*n*) for *n* codes in all.
  private static func checkCodes(_ arrays: [[Int32]], classCount: Int) throws(StatisticsError) {
    let limit = Int32(clamping: classCount)
    for codes in arrays {
      // The largest code as unsigned finds a negative one too, in one
      // pass that vectorizes; the first bad code is looked for only then.
      let largest = codes.withUnsafeBufferPointer { codes in
        codes.reduce(UInt32(0)) { max($0, UInt32(bitPattern: $1)) }
      }
      if largest >= UInt32(clamping: limit),
        let bad = codes.first(where: { $0 < 0 || $0 >= limit })
      {
        throw .classOutOfRange(bad, classCount: classCount)
      }
    }
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
  /// order and each group's rows in increasing order.
  ///
  /// Groups are numbered in one pass, then counted per group and distinct
  /// row in a dense table when it is no larger than a few times the items
  /// (at most a few dozen distinct rows, as for one or two runs), or else
  /// gathered group by group and sorted.
  ///
  /// - Parameters:
  ///   - groups: The group of each item, any integers.
  ///   - itemPattern: The distinct row of each item.
  ///   - patternCount: The number of distinct rows.
  /// - Returns: The start of each group's entries (one more than the
  ///   groups), each entry's distinct row and its count.
  /// - Complexity: O(*n* + *g* · *d*) for *n* items, *g* groups and *d*
  ///   distinct rows with the dense table; O(*n* log *n*) at worst
  ///   otherwise. No allocation per item or group.
  static func groupEntries(
    groups: [Int], itemPattern: [Int32], patternCount: Int
  ) -> (offsets: [Int], patterns: [Int32], counts: [Int]) {
    let itemCount = groups.count
    // Each item's group numbered from zero in first-seen order. Codes
    // already so numbered (as ItemGroups gives them) are used as they are,
    // with no array per item; other codes from zero index a table; any
    // other integers go through a dictionary.
    if let groupCount = firstSeenCount(groups) {
      return groupEntries(
        groupOf: groups, groupCount: groupCount, itemPattern: itemPattern,
        patternCount: patternCount)
    }
    var groupOf = [Int](repeating: 0, count: itemCount)
    var groupCount = 0
    if groups.allSatisfy({ $0 >= 0 && $0 < itemCount }) {
      var number = [Int](repeating: -1, count: itemCount)
      for item in 0..<itemCount {
        var known = number[groups[item]]
        if known < 0 {
          known = groupCount
          number[groups[item]] = known
          groupCount += 1
        }
        groupOf[item] = known
      }
    } else {
      var number: [Int: Int] = [:]
      for item in 0..<itemCount {
        let known = number[groups[item], default: groupCount]
        if known == groupCount {
          number[groups[item]] = known
          groupCount += 1
        }
        groupOf[item] = known
      }
    }
    return groupEntries(
      groupOf: groupOf, groupCount: groupCount, itemPattern: itemPattern,
      patternCount: patternCount)
  }

  /// The number of distinct groups when `groups` numbers them from zero in
  /// first-seen order (each code at most one more than the largest before
  /// it), else `nil`.
  ///
  /// - Complexity: O(*n*) for *n* items, with no allocation.
  static func firstSeenCount(_ groups: [Int]) -> Int? {
    groups.withUnsafeBufferPointer { groups in
      var next = 0
      for group in groups {
        if group == next {
          next &+= 1
        } else if UInt(bitPattern: group) > UInt(bitPattern: next) {
          return nil
        }
      }
      return next
    }
  }

  /// Each group's distinct rows with their counts, for groups numbered
  /// from zero in first-seen order (see
  /// ``groupEntries(groups:itemPattern:patternCount:)``).
  ///
  /// - Parameters:
  ///   - groupOf: The group of each item, numbered from zero in first-seen
  ///     order.
  ///   - groupCount: The number of groups.
  ///   - itemPattern: The distinct row of each item.
  ///   - patternCount: The number of distinct rows.
  /// - Returns: The start of each group's entries (one more than the
  ///   groups), each entry's distinct row and its count.
  private static func groupEntries(
    groupOf: [Int], groupCount: Int, itemPattern: [Int32], patternCount: Int
  ) -> (offsets: [Int], patterns: [Int32], counts: [Int]) {
    let itemCount = groupOf.count
    var offsets = [0]
    offsets.reserveCapacity(groupCount + 1)
    var patterns: [Int32] = []
    var counts: [Int] = []
    let (cellCount, overflow) = groupCount.multipliedReportingOverflow(by: patternCount)
    if !overflow && cellCount <= 4 * itemCount + 1_024 {
      var table = [Int](repeating: 0, count: cellCount)
      table.withUnsafeMutableBufferPointer { table in
        groupOf.withUnsafeBufferPointer { groupOf in
          itemPattern.withUnsafeBufferPointer { itemPattern in
            for item in 0..<itemCount {
              table[groupOf[item] &* patternCount &+ Int(itemPattern[item])] &+= 1
            }
          }
        }
      }
      for group in 0..<groupCount {
        let row = group * patternCount
        for pattern in 0..<patternCount where table[row + pattern] != 0 {
          patterns.append(Int32(pattern))
          counts.append(table[row + pattern])
        }
        offsets.append(counts.count)
      }
      return (offsets, patterns, counts)
    }
    // Items gathered by group (a counting sort), then each group's rows
    // sorted and run-length coded.
    var start = [Int](repeating: 0, count: groupCount + 1)
    for item in 0..<itemCount { start[groupOf[item] + 1] += 1 }
    for group in 0..<groupCount { start[group + 1] += start[group] }
    var next = start
    var gathered = [Int32](repeating: 0, count: itemCount)
    for item in 0..<itemCount {
      gathered[next[groupOf[item]]] = itemPattern[item]
      next[groupOf[item]] += 1
    }
    for group in 0..<groupCount {
      gathered[start[group]..<start[group + 1]].sort()
      var first = start[group]
      while first < start[group + 1] {
        var end = first + 1
        while end < start[group + 1] && gathered[end] == gathered[first] { end += 1 }
        patterns.append(gathered[first])
        counts.append(end - first)
        first = end
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

  /// The number of items two models of one run each label differently;
  /// `nil` when either has several runs, where no one pair of predictions
  /// per item is the comparison.
  ///
  /// - Parameters:
  ///   - first: One model's index.
  ///   - second: The other model's index.
  /// - Returns: The count of items, or `nil`.
  /// - Complexity: O(*p*) for *p* distinct rows.
  public func differingItemCount(_ first: Int, _ second: Int) -> Int? {
    guard runCounts[first] == 1, runCounts[second] == 1 else { return nil }
    let (a, b) = (firstRun(ofModel: first), firstRun(ofModel: second))
    return patternCounts.indices.reduce(0) { total, pattern in
      prediction(ofPattern: pattern, run: a) == prediction(ofPattern: pattern, run: b)
        ? total : total + patternCounts[pattern]
    }
  }

  /// The runs of a later model that predict the same label for every item
  /// as a run of an earlier model: each as (earlier model, its run, later
  /// model, its run), runs numbered from 0 within their model, each later
  /// run paired with the first earlier run it equals.
  ///
  /// Two models' runs agree on every item of a test set only when one
  /// file was given for both (a copy, or the same predictions in another
  /// order) or the test set is tiny; pairs of models that both have one
  /// run are left out, since their difference is then exactly 0 and
  /// has an interval of no width, which is said already.
  ///
  /// - Complexity: O(*d* · *r*²) for *d* distinct rows and *r* runs in all.
  func identicalRunsAcrossModels() -> [(
    firstModel: Int, firstRun: Int, secondModel: Int, secondRun: Int
  )] {
    var pairs: [(firstModel: Int, firstRun: Int, secondModel: Int, secondRun: Int)] = []
    for second in runCounts.indices.dropFirst() {
      for secondRun in 0..<runCounts[second] {
        let run = firstRun(ofModel: second) + secondRun
        search: for first in 0..<second where runCounts[first] > 1 || runCounts[second] > 1 {
          for firstRun in 0..<runCounts[first] {
            let earlier = self.firstRun(ofModel: first) + firstRun
            if (0..<patternCount).allSatisfy({
              prediction(ofPattern: $0, run: earlier) == prediction(ofPattern: $0, run: run)
            }) {
              pairs.append((first, firstRun, second, secondRun))
              break search
            }
          }
        }
      }
    }
    return pairs
  }

  /// The runs of a model that predict the same label for every item as an
  /// earlier run of it: each as (earlier run, run), numbered from 0 within
  /// the model, paired with the first run it equals.
  ///
  /// - Complexity: O(*d* · *r*²) for *d* distinct rows and *r* runs of the
  ///   model.
  func identicalRuns(ofModel model: Int) -> [(first: Int, second: Int)] {
    let start = firstRun(ofModel: model)
    var pairs: [(first: Int, second: Int)] = []
    for second in 1..<max(1, runCounts[model]) {
      let twin = (0..<second).first { first in
        !pairs.contains { $0.second == first }
          && (0..<patternCount).allSatisfy { row in
            prediction(ofPattern: row, run: start + first)
              == prediction(ofPattern: row, run: start + second)
          }
      }
      if let twin { pairs.append((twin, second)) }
    }
    return pairs
  }
}
