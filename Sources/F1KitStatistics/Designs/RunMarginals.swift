/// Test sets drawn for the runs a two-level resample chose, and for no
/// other: the distinct rows are collapsed to the gold label and the chosen
/// runs' predictions before the multinomial draw.
///
/// A two-level resample scores only the runs it drew, about 3.4 distinct
/// runs of 5 per model. Collapsing the cells of a multinomial sums their
/// probabilities and leaves a multinomial, so drawing the collapsed table
/// gives the chosen runs' confusion tables exactly the joint distribution
/// that drawing every distinct row and then ignoring the other runs would
/// give; but with ten binary runs it draws about 270 cells instead of up to
/// 2¹¹. The runs are chosen before the test set and independently of it.
///
/// Stratified designs keep each gold class's count: the gold label is part
/// of every collapsed cell, so each class's cells get their own
/// multinomial.
struct RunMarginals: Sendable {
  /// The largest collapsed key space drawn through a direct table; a
  /// resample whose chosen runs need more returns `false` from
  /// ``draw(runs:into:using:)``.
  static let keyLimit = 1 << 16

  let counts: ExperimentCounts
  /// Whether each gold class keeps its count.
  let isStratified: Bool
  /// Each distinct row's gold code.
  private let gold: [Int32]
  /// Each run's predictions, run after run, one per distinct row; empty
  /// when rows are packed (``packedRows`` then serves instead).
  private let columns: [Int32]
  /// The number of items of each gold class (stratified), or of all.
  private let strataTotals: [Int]
  /// When every code fits in ``codeBits`` bits and a whole row in 16: each
  /// distinct row packed, the gold code in the lowest bits and run *r*'s
  /// prediction ``codeBits`` · (1 + *r*) bits up, so that a row collapsed
  /// to some runs is the packed row masked; empty otherwise.
  private let packedRows: [Int32]
  /// The bits of one code in ``packedRows``.
  private let codeBits: Int
  /// The collapsed cells of every set of chosen runs, worked out once
  /// when there are few such sets; `nil` otherwise.
  private(set) var cellsByRunSet: CellTable?

  /// Every set of chosen runs' collapsed cells, in the order
  /// ``draw(runs:into:using:)`` would find them.
  struct CellTable {
    /// Where each set's cells start in ``rows`` and ``counts``, indexed by
    /// the set's bit mask (bit *r* for run *r*); one more than the masks.
    var starts: [Int]
    /// Each cell's first distinct row.
    var rows: [Int]
    /// Each cell's observed count.
    var counts: [Int]
  }

  /// The largest number of sets of runs whose cells are worked out in
  /// advance, and of distinct rows visited doing it.
  static let runSetLimit = 4_096
  static let precomputationLimit = 1 << 23

  /// Working storage of one thread's draws, made once and reused.
  struct Scratch {
    /// Each distinct row's collapsed key; empty, as is ``cellOfKey``, when
    /// every run set's cells were worked out in advance.
    var keys: [Int]
    /// The cell of each key, −1 when the key has none yet.
    var cellOfKey: [Int32]
    /// Each cell's first distinct row, whose codes the cell stands for,
    /// when the cells were collapsed here (``tableStart`` is `nil`).
    var cellRows: [Int]
    /// Each cell's count in the observed test set, when the cells were
    /// collapsed here.
    var cellCounts: [Int]
    /// Each cell's count in the drawn test set.
    var cellDraws: [Int]
    /// The number of cells in use.
    var cellCount = 0
    /// Where the drawn run set's cells start in
    /// ``RunMarginals/cellsByRunSet``, whose rows and counts the draw read
    /// in place of ``cellRows`` and ``cellCounts``; `nil` when the cells
    /// were collapsed into those.
    var tableStart: Int?
    /// Items and weight left to draw in each stratum.
    var remaining: [Int]
    var remainingWeight: [Int]
  }

  /// Prepares collapsed draws of an experiment's test sets.
  ///
  /// - Parameters:
  ///   - counts: The experiment's counts.
  ///   - isStratified: Whether each gold class keeps its count.
  ///   - precomputesCells: Whether the cells of every set of chosen runs
  ///     may be worked out in advance (the draws are the same either way).
  init(counts: ExperimentCounts, isStratified: Bool, precomputesCells: Bool = true) {
    self.counts = counts
    self.isStratified = isStratified
    let width = counts.rowWidth
    let rows = counts.patternCount
    var gold = [Int32](repeating: 0, count: rows)
    var totals = [Int](repeating: 0, count: isStratified ? counts.classCount : 1)
    for row in 0..<rows {
      gold[row] = counts.patterns[row * width]
      totals[isStratified ? Int(gold[row]) : 0] += counts.patternCounts[row]
    }
    self.gold = gold
    strataTotals = totals
    let bits = Swift.max(1, Int.bitWidth - (counts.classCount - 1).leadingZeroBitCount)
    codeBits = bits
    if bits * width <= 16 {
      packedRows = (0..<rows).map { row in
        var key = 0
        for column in (0..<width).reversed() {
          key = key << bits | Int(counts.patterns[row * width + column])
        }
        return Int32(key)
      }
      columns = []
    } else {
      packedRows = []
      columns = Self.columns(of: counts)
    }
    cellsByRunSet = nil
    if precomputesCells { cellsByRunSet = makeCellTable() }
  }

  /// Each run's predictions, run after run, one per distinct row, so that
  /// the mixed-radix keys add one contiguous column at a time.
  private static func columns(of counts: ExperimentCounts) -> [Int32] {
    let width = counts.rowWidth
    let rows = counts.patternCount
    var columns = [Int32](repeating: 0, count: rows * (width - 1))
    for row in 0..<rows {
      for run in 0..<(width - 1) {
        columns[run * rows + row] = counts.patterns[row * width + 1 + run]
      }
    }
    return columns
  }

  /// The collapsed cells of every set of runs, when rows pack into 16
  /// bits and the sets are few enough:
  /// a resample then copies its set's cells instead of collapsing the
  /// distinct rows again (the same cells in the same order, so the same
  /// draws).
  ///
  /// The sets are collapsed in consecutive ranges of masks on every core,
  /// each range into its own cells, which are then joined in mask order:
  /// the same table whatever the number of cores.
  ///
  /// - Complexity: O(*s* · *d*) for *s* sets and *d* distinct rows, at most
  ///   ``precomputationLimit``, divided among the cores.
  private func makeCellTable() -> CellTable? {
    let runTotal = counts.rowWidth - 1
    guard !packedRows.isEmpty, runTotal <= 12 else { return nil }
    let setCount = 1 << runTotal
    guard setCount <= Self.runSetLimit,
      setCount * counts.patternCount <= Self.precomputationLimit
    else { return nil }
    let rangeCount = Swift.min(setCount, 16)
    let marginals = self
    let ranges = [CellTable](count: rangeCount) { range in
      marginals.cellTable(
        masks: (setCount * range / rangeCount)..<(setCount * (range + 1) / rangeCount),
        runTotal: runTotal)
    }
    var table = CellTable(starts: [], rows: [], counts: [])
    table.starts.reserveCapacity(setCount + 1)
    for part in ranges {
      let offset = table.rows.count
      table.starts.append(contentsOf: part.starts.dropLast().lazy.map { $0 + offset })
      table.rows.append(contentsOf: part.rows)
      table.counts.append(contentsOf: part.counts)
    }
    table.starts.append(table.rows.count)
    return table
  }

  /// The collapsed cells of the sets of runs whose masks are `masks`, with
  /// their starts counted from the first mask's (one more start than
  /// masks).
  private func cellTable(masks: Range<Int>, runTotal: Int) -> CellTable {
    var table = CellTable(
      starts: [Int](repeating: 0, count: masks.count + 1), rows: [], counts: [])
    var scratch = makeScratch()
    var runs: [Int] = []
    for mask in masks {
      table.starts[mask - masks.lowerBound] = table.rows.count
      runs.removeAll(keepingCapacity: true)
      for run in 0..<runTotal where mask & (1 << run) != 0 { runs.append(run) }
      runs.withUnsafeBufferPointer { collapse(runs: $0, into: &scratch) }
      table.rows.append(contentsOf: scratch.cellRows[0..<scratch.cellCount])
      table.counts.append(contentsOf: scratch.cellCounts[0..<scratch.cellCount])
    }
    table.starts[masks.count] = table.rows.count
    return table
  }

  /// Storage for one thread's draws.
  func makeScratch() -> Scratch {
    let rows = counts.patternCount
    let keySpace =
      packedRows.isEmpty
      ? Swift.min(
        Self.keyLimit, Self.keySpace(classCount: counts.classCount, runs: counts.rowWidth - 1))
      : 1 << (codeBits * counts.rowWidth)
    // With every run set's cells worked out, no draw collapses rows.
    let collapses = cellsByRunSet == nil
    return Scratch(
      keys: [Int](repeating: 0, count: collapses ? rows : 0),
      cellOfKey: [Int32](repeating: -1, count: collapses ? keySpace : 0),
      cellRows: [Int](repeating: 0, count: collapses ? rows : 0),
      cellCounts: [Int](repeating: 0, count: collapses ? rows : 0),
      cellDraws: [Int](repeating: 0, count: rows),
      remaining: [Int](repeating: 0, count: strataTotals.count),
      remainingWeight: [Int](repeating: 0, count: strataTotals.count))
  }

  /// The number of keys of the gold label and `runs` predictions, capped
  /// just above ``keyLimit``.
  static func keySpace(classCount: Int, runs: Int) -> Int {
    var space = classCount
    for _ in 0..<runs {
      let (product, overflow) = space.multipliedReportingOverflow(by: classCount)
      if overflow || product > keyLimit { return keyLimit + 1 }
      space = product
    }
    return space
  }

  /// Draws a test set collapsed to the gold label and the predictions of
  /// `runs`.
  ///
  /// - Parameters:
  ///   - runs: The chosen runs, each once, in increasing order.
  ///   - scratch: This thread's storage; on return its draws hold the
  ///     drawn test set, cell by cell, and ``withCells(of:_:)`` gives
  ///     the cells' rows and counts.
  ///   - generator: The source of randomness.
  /// - Returns: `false`, drawing nothing, when the collapsed keys would
  ///   pass ``keyLimit``.
  /// - Complexity: O(*d* · *m* + *c*) for *d* distinct rows, *m* chosen
  ///   runs and *c* collapsed cells; no allocation.
  func draw(
    runs: UnsafeBufferPointer<Int>, into scratch: inout Scratch,
    using generator: inout some RandomNumberGenerator
  ) -> Bool {
    let classCount = counts.classCount
    guard
      !packedRows.isEmpty
        || Self.keySpace(classCount: classCount, runs: runs.count) <= Self.keyLimit
    else {
      return false
    }
    if let table = cellsByRunSet {
      // The set's cells are read from the table where they lie, not copied.
      var mask = 0
      for run in runs { mask |= 1 << run }
      let start = table.starts[mask]
      let cells = start..<table.starts[mask + 1]
      scratch.tableStart = start
      scratch.cellCount = cells.count
      table.rows.withUnsafeBufferPointer { rows in
        table.counts.withUnsafeBufferPointer { counts in
          drawCells(
            rows: UnsafeBufferPointer(rebasing: rows[cells]),
            counts: UnsafeBufferPointer(rebasing: counts[cells]), into: &scratch,
            using: &generator)
        }
      }
    } else {
      collapse(runs: runs, into: &scratch)
      scratch.tableStart = nil
      // The cells' rows and counts are not written by the draw, so holding
      // them while it writes the scratch's draws copies nothing.
      let (cellRows, cellCounts) = (scratch.cellRows, scratch.cellCounts)
      cellRows.withUnsafeBufferPointer { rows in
        cellCounts.withUnsafeBufferPointer { counts in
          drawCells(
            rows: UnsafeBufferPointer(rebasing: rows[0..<scratch.cellCount]),
            counts: UnsafeBufferPointer(rebasing: counts[0..<scratch.cellCount]),
            into: &scratch, using: &generator)
        }
      }
    }
    return true
  }

  /// Draws the count of each of the cells whose first distinct rows and
  /// observed counts are `rows` and `counts` into the scratch's draws: a
  /// multinomial of each stratum's items, one conditional binomial a cell.
  private func drawCells(
    rows: UnsafeBufferPointer<Int>, counts: UnsafeBufferPointer<Int>,
    into scratch: inout Scratch, using generator: inout some RandomNumberGenerator
  ) {
    for stratum in strataTotals.indices {
      scratch.remaining[stratum] = strataTotals[stratum]
      scratch.remainingWeight[stratum] = strataTotals[stratum]
    }
    let isStratified = isStratified
    gold.withUnsafeBufferPointer { gold in
      scratch.cellDraws.withUnsafeMutableBufferPointer { cellDraws in
        scratch.remaining.withUnsafeMutableBufferPointer { remaining in
          scratch.remainingWeight.withUnsafeMutableBufferPointer { remainingWeight in
            for cell in rows.indices {
              let stratum = isStratified ? Int(gold[rows[cell]]) : 0
              let weight = counts[cell]
              // The last cell of a stratum has all its remaining weight: a
              // probability of exactly 1, so it takes every remaining
              // item. BTRS, since every call has a new n and p and BTPE's
              // set-up would dominate.
              let drawn = BinomialSampler.sampleByTransformedRejection(
                trials: remaining[stratum],
                probability: Double(weight) / Double(remainingWeight[stratum]),
                using: &generator)
              cellDraws[cell] = drawn
              remaining[stratum] -= drawn
              remainingWeight[stratum] -= weight
            }
          }
        }
      }
    }
  }

  /// Calls `body` with the first distinct row and the observed count of
  /// each cell of the last draw into `scratch`, wherever they lie.
  ///
  /// - Parameters:
  ///   - scratch: The scratch of a draw that returned `true`.
  ///   - body: A closure given the rows and the counts, one per cell in
  ///     use.
  /// - Returns: What `body` returns.
  func withCells<Result>(
    of scratch: Scratch,
    _ body: (_ rows: UnsafeBufferPointer<Int>, _ counts: UnsafeBufferPointer<Int>) -> Result
  ) -> Result {
    if let start = scratch.tableStart, let table = cellsByRunSet {
      let cells = start..<(start + scratch.cellCount)
      return table.rows.withUnsafeBufferPointer { rows in
        table.counts.withUnsafeBufferPointer { counts in
          body(
            UnsafeBufferPointer(rebasing: rows[cells]),
            UnsafeBufferPointer(rebasing: counts[cells]))
        }
      }
    }
    return scratch.cellRows.withUnsafeBufferPointer { rows in
      scratch.cellCounts.withUnsafeBufferPointer { counts in
        body(
          UnsafeBufferPointer(rebasing: rows[0..<scratch.cellCount]),
          UnsafeBufferPointer(rebasing: counts[0..<scratch.cellCount]))
      }
    }
  }

  /// The first distinct row and the observed count of each cell of the
  /// last draw into `scratch`.
  ///
  /// - Parameter scratch: The scratch of a draw that returned `true`.
  /// - Returns: One row and one count per cell in use.
  func cells(of scratch: Scratch) -> (rows: [Int], counts: [Int]) {
    withCells(of: scratch) { (Array($0), Array($1)) }
  }

  /// Fills the scratch's cells with the observed counts collapsed to the
  /// gold label and `runs`, in order of each cell's first distinct row.
  private func collapse(runs: UnsafeBufferPointer<Int>, into scratch: inout Scratch) {
    let rows = counts.patternCount
    scratch.cellCount = 0
    if !packedRows.isEmpty {
      // Mask the packed rows: one operation a row, whatever the runs.
      var mask = (1 << codeBits) - 1
      for run in runs { mask |= ((1 << codeBits) - 1) << (codeBits * (1 + run)) }
      packedRows.withUnsafeBufferPointer { packed in
        scratch.keys.withUnsafeMutableBufferPointer { keys in
          for row in 0..<rows { keys[row] = Int(packed[row]) & mask }
        }
      }
    } else {
      mixedRadixKeys(runs: runs, into: &scratch)
    }
    countCells(into: &scratch)
  }

  /// Each distinct row's key in the mixed radix of the class count: the
  /// gold code, then the codes of `runs` in order.
  private func mixedRadixKeys(runs: UnsafeBufferPointer<Int>, into scratch: inout Scratch) {
    let rows = counts.patternCount
    let classCount = counts.classCount
    gold.withUnsafeBufferPointer { gold in
      columns.withUnsafeBufferPointer { columns in
        scratch.keys.withUnsafeMutableBufferPointer { keys in
          for row in 0..<rows { keys[row] = Int(gold[row]) }
          var stride = classCount
          for run in runs {
            let column = UnsafeBufferPointer(rebasing: columns[(run * rows)..<((run + 1) * rows)])
            for row in 0..<rows { keys[row] &+= stride &* Int(column[row]) }
            stride &*= classCount
          }
        }
      }
    }
  }

  /// Sums the observed counts of the distinct rows that share a key into
  /// one cell each, in order of each cell's first distinct row.
  private func countCells(into scratch: inout Scratch) {
    let rows = counts.patternCount
    var cellCount = 0
    counts.patternCounts.withUnsafeBufferPointer { patternCounts in
      scratch.keys.withUnsafeBufferPointer { keys in
        scratch.cellOfKey.withUnsafeMutableBufferPointer { cellOfKey in
          scratch.cellRows.withUnsafeMutableBufferPointer { cellRows in
            scratch.cellCounts.withUnsafeMutableBufferPointer { cellCounts in
              for row in 0..<rows {
                let key = keys[row]
                var cell = Int(cellOfKey[key])
                if cell < 0 {
                  cell = cellCount
                  cellOfKey[key] = Int32(truncatingIfNeeded: cell)
                  cellRows[cell] = row
                  cellCounts[cell] = 0
                  cellCount += 1
                }
                cellCounts[cell] += patternCounts[row]
              }
              // Leave the key table empty for the next draw, touching only
              // its used keys.
              for cell in 0..<cellCount { cellOfKey[keys[cellRows[cell]]] = -1 }
            }
          }
        }
      }
    }
    scratch.cellCount = cellCount
  }
}
