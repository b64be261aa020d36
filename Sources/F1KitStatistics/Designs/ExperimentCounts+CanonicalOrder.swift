extension ExperimentCounts {
  /// The most models that tie on their own counts whose order is settled
  /// by trying every arrangement of them (5! = 120 projections); past it,
  /// tied models keep the order they were given in.
  static let tieArrangementLimit = 5

  /// The models in the order the experiment engine resamples them, a
  /// property of the data alone: each model's own counts (its runs, the
  /// gold labels and the groups, ``projected(models:)``) compared in
  /// ``precedes(_:)``'s order, and models that tie on them ordered by the
  /// counts of the tied models together, the arrangement whose counts come
  /// first.
  ///
  /// The order is the same whatever order the models were given in,
  /// unless two models tie on every count (the same predictions, or an
  /// experiment that is its own mirror image, where either order is the
  /// same data) or more than ``tieArrangementLimit`` models tie on their
  /// own counts; tied models keep the order they were given in.
  ///
  /// - Returns: For each position, the index of the model in it.
  /// - Complexity: O(*m* · *p* log *p*) for *m* models and *p* distinct
  ///   rows (plus groups' entries), and at most
  ///   ``tieArrangementLimit``! more projections for models that tie.
  func canonicalModelOrder() -> [Int] {
    let modelCount = runCounts.count
    guard modelCount > 1 else { return Array(0..<modelCount) }
    // Models almost always differ in their rows, which come before the
    // groups in `precedes(_:)`: each model's groups are projected (and
    // sorted, the costly part with many groups) only when it ties with
    // another on its rows.
    let rowsAlone = (0..<modelCount).map { projected(models: [$0], includingGroups: false) }
    var alone = [ExperimentCounts?](repeating: nil, count: modelCount)
    func precedes(_ left: Int, _ right: Int) -> Bool {
      if rowsAlone[left].precedes(rowsAlone[right]) { return true }
      guard isGrouped, !rowsAlone[right].precedes(rowsAlone[left]) else { return false }
      if alone[left] == nil { alone[left] = projected(models: [left]) }
      if alone[right] == nil { alone[right] = projected(models: [right]) }
      return alone[left]!.precedes(alone[right]!)
    }
    var order = Array(0..<modelCount)
    // Ties broken by the given order, so the sort is stable.
    order.sort { left, right in
      if precedes(left, right) { return true }
      return !precedes(right, left) && left < right
    }
    var start = 0
    while start < modelCount {
      var end = start + 1
      while end < modelCount && !precedes(order[start], order[end]) { end += 1 }
      if end - start > 1 && end - start <= Self.tieArrangementLimit {
        order.replaceSubrange(start..<end, with: firstArrangement(of: Array(order[start..<end])))
      }
      start = end
    }
    return order
  }

  /// The arrangement of `models` whose counts together come first in
  /// ``precedes(_:)``'s order; among arrangements with the same counts,
  /// the first in lexicographic order of the model indices (so models
  /// with the same counts keep the order they were given in).
  private func firstArrangement(of models: [Int]) -> [Int] {
    var arrangement = models.sorted()
    var best = arrangement
    var bestCounts = projected(models: arrangement)
    while let next = Self.nextArrangement(of: arrangement) {
      arrangement = next
      let counts = projected(models: arrangement)
      if counts.precedes(bestCounts) {
        best = arrangement
        bestCounts = counts
      }
    }
    return best
  }

  /// The next arrangement in lexicographic order, or `nil` after the last.
  private static func nextArrangement(of values: [Int]) -> [Int]? {
    var values = values
    guard var pivot = values.indices.dropLast().last(where: { values[$0] < values[$0 + 1] })
    else { return nil }
    let successor = values.indices.last { values[$0] > values[pivot] }!
    values.swapAt(pivot, successor)
    pivot += 1
    values[pivot...].reverse()
    return values
  }

  /// The counts of some of the models, in the order given: each distinct
  /// row cut to the gold code and those models' runs, rows that become
  /// equal merged, and rows and groups put in the canonical order
  /// (`canonicalOrder(rows:rowCounts:rowWidth:offsets:entries:counts:)`,
  /// distinct rows sorted by their codes also without groups).
  ///
  /// The result depends on the models' predictions, the gold labels and
  /// the groups alone, never on the order items were read in or on the
  /// other models, so an experiment resampled from
  /// `projected(models: canonicalModelOrder())` draws the same test sets
  /// whatever order its models were given in.
  ///
  /// - Parameters:
  ///   - models: Model indices, each at most once.
  ///   - includingGroups: Whether to project the groups too; without
  ///     them the result is ungrouped, its rows the same as with them.
  /// - Returns: The counts of those models.
  /// - Complexity: O(*p* · *w* + *p* log *p* + *g* log *g* · *e*) for *p*
  ///   distinct rows of *w* codes and *g* groups of up to *e* entries.
  func projected(models: [Int], includingGroups: Bool = true) -> ExperimentCounts {
    let columns = models.flatMap { model in
      let first = firstRun(ofModel: model)
      return Array(first..<(first + runCounts[model]))
    }
    let width = 1 + columns.count
    var rows: [Int32] = []
    rows.reserveCapacity(patternCount * width)
    var rowCounts: [Int] = []
    var newRow = [Int32](repeating: 0, count: patternCount)
    // Every run kept: the rows stay distinct, with nothing to merge.
    let keepsEveryRun = columns.count == rowWidth - 1
    var index: [[Int32]: Int32] = [:]
    var key = [Int32](repeating: 0, count: width)
    for pattern in 0..<patternCount {
      key[0] = patterns[pattern * rowWidth]
      for (place, run) in columns.enumerated() {
        key[place + 1] = patterns[pattern * rowWidth + 1 + run]
      }
      if !keepsEveryRun, let known = index[key] {
        rowCounts[Int(known)] += patternCounts[pattern]
        newRow[pattern] = known
        continue
      }
      let known = Int32(rowCounts.count)
      if !keepsEveryRun { index[key] = known }
      newRow[pattern] = known
      rows.append(contentsOf: key)
      rowCounts.append(patternCounts[pattern])
    }
    // Each group's entries renumbered, those on one merged row summed.
    var offsets = [0]
    var entries: [Int32] = []
    var counts: [Int] = []
    let isGrouped = isGrouped && includingGroups
    if isGrouped {
      offsets.reserveCapacity(groupCount + 1)
      entries.reserveCapacity(groupPatterns.count)
      counts.reserveCapacity(groupPatterns.count)
      for group in 0..<groupCount {
        var members = (groupOffsets[group]..<groupOffsets[group + 1]).map {
          (row: newRow[Int(groupPatterns[$0])], count: groupPatternCounts[$0])
        }
        if !keepsEveryRun { members.sort { $0.row < $1.row } }
        for member in members {
          if !keepsEveryRun, entries.count > offsets[group], entries.last == member.row {
            counts[counts.count - 1] += member.count
          } else {
            entries.append(member.row)
            counts.append(member.count)
          }
        }
        offsets.append(counts.count)
      }
    }
    let canonical = Self.canonicalOrder(
      rows: rows, rowCounts: rowCounts, rowWidth: width, offsets: offsets, entries: entries,
      counts: counts)
    return ExperimentCounts(
      classCount: classCount, runCounts: models.map { runCounts[$0] }, itemCount: itemCount,
      groupCount: isGrouped ? groupCount : itemCount, isGrouped: isGrouped, rowWidth: width,
      patterns: canonical.rows,
      patternCounts: canonical.rowCounts, groupOffsets: isGrouped ? canonical.offsets : [],
      groupPatterns: canonical.entries, groupPatternCounts: canonical.counts)
  }

  /// Whether these counts come before `other` in a fixed order of
  /// experiments of the same items: fewer runs per model first (model by
  /// model), then the distinct rows' codes, their counts, and the groups'
  /// entries, each compared in turn as sequences. Only counts in the
  /// canonical order (``projected(models:)``) compare meaningfully.
  ///
  /// - Parameter other: Counts of the same items.
  /// - Returns: `true` when these come first; `false` for equal counts.
  func precedes(_ other: ExperimentCounts) -> Bool {
    if runCounts != other.runCounts {
      return runCounts.lexicographicallyPrecedes(other.runCounts)
    }
    if patterns != other.patterns { return patterns.lexicographicallyPrecedes(other.patterns) }
    if patternCounts != other.patternCounts {
      return patternCounts.lexicographicallyPrecedes(other.patternCounts)
    }
    if groupOffsets != other.groupOffsets {
      return groupOffsets.lexicographicallyPrecedes(other.groupOffsets)
    }
    if groupPatterns != other.groupPatterns {
      return groupPatterns.lexicographicallyPrecedes(other.groupPatterns)
    }
    return groupPatternCounts.lexicographicallyPrecedes(other.groupPatternCounts)
  }

  /// Counts made of their parts, already in the order they are kept in.
  private init(
    classCount: Int, runCounts: [Int], itemCount: Int, groupCount: Int, isGrouped: Bool,
    rowWidth: Int, patterns: [Int32], patternCounts: [Int], groupOffsets: [Int],
    groupPatterns: [Int32], groupPatternCounts: [Int]
  ) {
    self.classCount = classCount
    self.runCounts = runCounts
    self.itemCount = itemCount
    self.groupCount = groupCount
    self.isGrouped = isGrouped
    self.rowWidth = rowWidth
    self.patterns = patterns
    self.patternCounts = patternCounts
    self.groupOffsets = groupOffsets
    self.groupPatterns = groupPatterns
    self.groupPatternCounts = groupPatternCounts
  }
}
