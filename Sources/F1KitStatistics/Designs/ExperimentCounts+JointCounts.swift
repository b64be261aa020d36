import F1Kit
import F1KitReading

extension ExperimentCounts {
  /// Counts an experiment of one run per model from joint counts: the
  /// distinct rows are the table's (gold, A, B, …) cells and, when the
  /// table has a group column, each group's rows are its cells.
  ///
  /// The result resamples exactly as ``init(gold:runs:groups:classCount:)``
  /// does for the items the table summarizes, whatever the order of the
  /// table's rows: with groups, distinct rows and groups are put in one
  /// canonical order by both initializers (see
  /// `canonicalOrder(rows:rowCounts:rowWidth:offsets:entries:counts:)`).
  /// Without groups, the distinct rows are the table's cells in their
  /// sorted order. So the experiment engine gives
  /// bit-identical intervals and tests from a count table and from its
  /// items, for the same seed.
  ///
  /// - Parameters:
  ///   - joint: The joint counts of two or more models.
  ///   - order: The label order: the caller's labels first, if any, as
  ///     for `AlignedPredictions`.
  /// - Throws: ``StatisticsError/noItems`` for a table without items;
  ///   `ConfusionMatrixError/duplicateLabel(_:)` (as a
  ///   ``StatisticsError``) never, since the label order is checked first.
  /// - Complexity: O(*c* log *c*) for *c* cells, never dependent on the
  ///   number of items.
  public init(_ joint: JointCounts, labelOrder order: [String]) throws(StatisticsError) {
    guard joint.itemCount > 0, !joint.models.isEmpty else { throw .noItems }
    let position = joint.positions(in: order)
    let modelCount = joint.models.count
    let rowWidth = 1 + modelCount
    var patternIndex: [[Int32]: Int32] = [:]
    var patterns: [Int32] = []
    var patternCounts: [Int] = []
    var cellPattern = [Int32](repeating: 0, count: joint.cells.count)
    var row = [Int32](repeating: 0, count: rowWidth)
    for (index, cell) in joint.cells.enumerated() {
      row[0] = Int32(position[cell.gold])
      for model in 0..<modelCount { row[model + 1] = Int32(position[cell.predictions[model]]) }
      if let known = patternIndex[row] {
        patternCounts[Int(known)] += cell.count
        cellPattern[index] = known
      } else {
        let known = Int32(patternCounts.count)
        patternIndex[row] = known
        cellPattern[index] = known
        patterns.append(contentsOf: row)
        patternCounts.append(cell.count)
      }
    }
    self.classCount = order.count
    self.runCounts = [Int](repeating: 1, count: modelCount)
    self.rowWidth = rowWidth
    self.itemCount = joint.itemCount
    if joint.isGrouped {
      let grouped = Self.groupEntries(joint, cellPattern: cellPattern)
      let canonical = Self.canonicalOrder(
        rows: patterns, rowCounts: patternCounts, rowWidth: rowWidth, offsets: grouped.offsets,
        entries: grouped.patterns, counts: grouped.counts)
      self.patterns = canonical.rows
      self.patternCounts = canonical.rowCounts
      groupOffsets = canonical.offsets
      groupPatterns = canonical.entries
      groupPatternCounts = canonical.counts
      groupCount = joint.groups.count
      isGrouped = true
    } else {
      self.patterns = patterns
      self.patternCounts = patternCounts
      groupOffsets = []
      groupPatterns = []
      groupPatternCounts = []
      groupCount = joint.itemCount
      isGrouped = false
    }
  }

  /// Each group's entries: its cells' distinct rows in row order, with
  /// the items of each, the groups in code order.
  ///
  /// The cells are placed by group in one counting pass into flat arrays,
  /// then each group's few entries are sorted in one reused buffer: an
  /// array per group, for tens of thousands of groups, cost more than the
  /// rest of the counting.
  ///
  /// - Parameters:
  ///   - joint: The joint counts, grouped.
  ///   - cellPattern: Each cell's distinct row.
  /// - Returns: The start of each group's entries (one more than the
  ///   groups), and each entry's distinct row and count.
  /// - Complexity: O(*c* log *e*) for *c* cells and groups of up to *e*
  ///   cells.
  private static func groupEntries(_ joint: JointCounts, cellPattern: [Int32]) -> (
    offsets: [Int], patterns: [Int32], counts: [Int]
  ) {
    var starts = [Int](repeating: 0, count: joint.groups.count + 1)
    for cell in joint.cells { starts[cell.group + 1] += 1 }
    for group in joint.groups.indices { starts[group + 1] += starts[group] }
    var placed = [(pattern: Int32, count: Int)](
      repeating: (0, 0), count: joint.cells.count)
    var next = starts
    for (index, cell) in joint.cells.enumerated() {
      placed[next[cell.group]] = (cellPattern[index], cell.count)
      next[cell.group] += 1
    }
    var offsets = [0]
    offsets.reserveCapacity(joint.groups.count + 1)
    var patterns: [Int32] = []
    var counts: [Int] = []
    var entries: [(pattern: Int32, count: Int)] = []
    for group in joint.groups.indices {
      entries.removeAll(keepingCapacity: true)
      entries.append(contentsOf: placed[starts[group]..<starts[group + 1]])
      entries.sort { $0.pattern < $1.pattern }
      var start = 0
      while start < entries.count {
        var end = start + 1
        var count = entries[start].count
        while end < entries.count && entries[end].pattern == entries[start].pattern {
          count += entries[end].count
          end += 1
        }
        patterns.append(entries[start].pattern)
        counts.append(count)
        start = end
      }
      offsets.append(counts.count)
    }
    return (offsets, patterns, counts)
  }

  /// Puts distinct rows and groups in one order that depends only on what
  /// the items are, never on the order items or table rows came in:
  /// distinct rows sorted by their codes (gold, then each run's
  /// prediction), each group's entries in that order, and groups sorted by
  /// their entries (row, then count) compared in turn. Groups that compare
  /// equal hold the same counts, so their order cannot change any
  /// statistic.
  ///
  /// - Parameters:
  ///   - rows: The distinct rows' codes, row-major.
  ///   - rowCounts: How many items have each distinct row.
  ///   - rowWidth: The codes per distinct row.
  ///   - offsets: The start of each group's entries; one more than the
  ///     groups.
  ///   - entries: Each entry's distinct row.
  ///   - counts: Each entry's count.
  /// - Returns: The same rows, groups and entries, reordered.
  /// - Complexity: O(*p* log *p* + *g* log *g* · *e*) for *p* distinct
  ///   rows and *g* groups of up to *e* entries.
  static func canonicalOrder(
    rows: [Int32], rowCounts: [Int], rowWidth: Int, offsets: [Int], entries: [Int32],
    counts: [Int]
  ) -> (
    rows: [Int32], rowCounts: [Int], offsets: [Int], entries: [Int32], counts: [Int]
  ) {
    func codes(_ pattern: Int) -> ArraySlice<Int32> {
      rows[(pattern * rowWidth)..<((pattern + 1) * rowWidth)]
    }
    let order = rowCounts.indices.sorted { codes($0).lexicographicallyPrecedes(codes($1)) }
    var newIndex = [Int32](repeating: 0, count: rowCounts.count)
    var newRows: [Int32] = []
    newRows.reserveCapacity(rows.count)
    for (position, pattern) in order.enumerated() {
      newIndex[pattern] = Int32(position)
      newRows.append(contentsOf: codes(pattern))
    }
    let newRowCounts = order.map { rowCounts[$0] }
    // Each group's entries renumbered and sorted in place, in flat arrays
    // (a group's rows are distinct, so the order is unique).
    let groupCount = offsets.count - 1
    var groupRows = entries.map { newIndex[Int($0)] }
    var groupCounts = counts
    for group in 0..<groupCount {
      sortEntries(offsets[group]..<offsets[group + 1], rows: &groupRows, counts: &groupCounts)
    }
    let groupOrder = (0..<groupCount).sorted { left, right in
      let leftStart = offsets[left]
      let rightStart = offsets[right]
      let leftCount = offsets[left + 1] - leftStart
      let rightCount = offsets[right + 1] - rightStart
      for step in 0..<min(leftCount, rightCount) {
        let (a, b) = (leftStart + step, rightStart + step)
        if groupRows[a] != groupRows[b] { return groupRows[a] < groupRows[b] }
        if groupCounts[a] != groupCounts[b] { return groupCounts[a] < groupCounts[b] }
      }
      return leftCount < rightCount
    }
    var newOffsets = [0]
    newOffsets.reserveCapacity(offsets.count)
    var newEntries: [Int32] = []
    var newCounts: [Int] = []
    newEntries.reserveCapacity(entries.count)
    newCounts.reserveCapacity(counts.count)
    for group in groupOrder {
      let range = offsets[group]..<offsets[group + 1]
      newEntries.append(contentsOf: groupRows[range])
      newCounts.append(contentsOf: groupCounts[range])
      newOffsets.append(newCounts.count)
    }
    return (newRows, newRowCounts, newOffsets, newEntries, newCounts)
  }

  /// Sorts one group's entries by row, carrying their counts: by insertion
  /// for the few entries most groups have, else through a sorted order.
  ///
  /// - Complexity: O(*e*²) up to 16 entries, O(*e* log *e*) beyond.
  private static func sortEntries(_ range: Range<Int>, rows: inout [Int32], counts: inout [Int]) {
    guard range.count > 16 else {
      for index in range.dropFirst() {
        let (row, count) = (rows[index], counts[index])
        var place = index
        while place > range.lowerBound, rows[place - 1] > row {
          rows[place] = rows[place - 1]
          counts[place] = counts[place - 1]
          place -= 1
        }
        rows[place] = row
        counts[place] = count
      }
      return
    }
    let sorted = range.sorted { rows[$0] < rows[$1] }
    let (sortedRows, sortedCounts) = (sorted.map { rows[$0] }, sorted.map { counts[$0] })
    rows.replaceSubrange(range, with: sortedRows)
    counts.replaceSubrange(range, with: sortedCounts)
  }
}
