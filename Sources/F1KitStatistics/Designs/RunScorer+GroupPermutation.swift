extension RunScorer {
  /// The permutation test that swaps the two models' predictions on whole
  /// groups, for models with one run each.
  ///
  /// Swapping a group moves each of its items whose two predictions differ
  /// from one cell of a model's table to another, so each group is kept as
  /// its net change to the first model's table (the second's is the same
  /// change negated), and a resample starts from the observed tables and
  /// applies the changes of the swapped groups. Groups whose swap changes
  /// nothing draw no coin. Each coin is one bit of a 64-bit random word.
  /// Counts are whole numbers, so the tables are exact whatever the order
  /// of the changes. The resamples run in blocks on every core
  /// (``ResampleBlocks``), so the p-value depends on the seed and the
  /// stream, never on the number of cores.
  ///
  /// - Parameters:
  ///   - first: The first model, with one run.
  ///   - second: The second model, with one run.
  ///   - observed: The observed difference, second minus first.
  ///   - resamples: The number of permutations.
  ///   - seed: The seed of the blocks' generators.
  ///   - stream: The blocks' stream, one per pair.
  /// - Returns: The test.
  /// - Complexity: O(*R* · (*m* + *k*²)) for *R* resamples, *m* cells
  ///   changed by swaps over all groups and *k* classes, divided among the
  ///   cores.
  func groupPermutationTest(
    first: Int, second: Int, observed: Double, resamples: Int, seed: UInt64, stream: UInt64
  ) -> PermutationTest {
    let differences = groupPermutationDifferences(
      first: first, second: second, resamples: resamples, seed: seed, stream: stream)
    var exceedances = 0
    var undefined = 0
    for delta in differences {
      if delta.isNaN {
        undefined += 1
      } else if PairedComparison.isAtLeast(abs(delta), abs(observed)) {
        exceedances += 1
      }
    }
    let pValue =
      observed.isNaN ? .nan : Double(exceedances + 1) / Double(resamples - undefined + 1)
    return PermutationTest(
      metric: metric, difference: observed, pValue: pValue, resamples: resamples,
      undefinedResamples: undefined)
  }

  /// Each group's net change to the first model's table when the group is
  /// swapped, for the groups whose swap changes anything, and the observed
  /// tables.
  struct GroupSwaps {
    /// The first model's observed table, row-major by gold label.
    var observedFirst: [Double]
    /// The second model's observed table.
    var observedSecond: [Double]
    /// The start of each swappable group's changes in ``cells`` and
    /// ``amounts``; one more than the swappable groups.
    var offsets: [Int]
    /// The cell of each change.
    var cells: [Int32]
    /// The amount of each change (a whole number).
    var amounts: [Int]

    /// The number of groups whose swap changes anything.
    var swappableCount: Int { offsets.count - 1 }
  }

  /// The observed tables of two one-run models and what swapping each
  /// group changes.
  ///
  /// - Parameters:
  ///   - firstRun: The first model's run.
  ///   - secondRun: The second model's run.
  /// - Returns: The swaps, in group order.
  /// - Complexity: O(*e* log *k*) for *e* group entries and *k* classes.
  func groupSwaps(firstRun: Int, secondRun: Int) -> GroupSwaps {
    let k = counts.classCount
    var swaps = GroupSwaps(
      observedFirst: [Double](repeating: 0, count: k * k),
      observedSecond: [Double](repeating: 0, count: k * k), offsets: [0], cells: [], amounts: [])
    // Swapping a group moves each of its differing items from cell a to
    // cell b of the first model's table and from b to a of the second's,
    // so the second table's change is the first's negated.
    var change = [Int](repeating: 0, count: k * k)
    var touched: [Int] = []
    for group in 0..<counts.groupCount {
      for entry in counts.groupOffsets[group]..<counts.groupOffsets[group + 1] {
        let pattern = Int(counts.groupPatterns[entry])
        let gold = counts.gold(ofPattern: pattern) * k
        let a = gold + counts.prediction(ofPattern: pattern, run: firstRun)
        let b = gold + counts.prediction(ofPattern: pattern, run: secondRun)
        let count = counts.groupPatternCounts[entry]
        swaps.observedFirst[a] += Double(count)
        swaps.observedSecond[b] += Double(count)
        if a != b {
          touched.append(a)
          touched.append(b)
          change[a] -= count
          change[b] += count
        }
      }
      touched.sort()
      var previous = -1
      for cell in touched where cell != previous {
        previous = cell
        if change[cell] != 0 {
          swaps.cells.append(Int32(cell))
          swaps.amounts.append(change[cell])
        }
        change[cell] = 0
      }
      touched.removeAll(keepingCapacity: true)
      if swaps.amounts.count > swaps.offsets[swaps.offsets.count - 1] {
        swaps.offsets.append(swaps.amounts.count)
      }
    }
    return swaps
  }

  /// The permuted differences (second minus first) of the group
  /// permutation test, resample by resample.
  ///
  /// With at most 32 cells and fewer than 2³¹ items, each swappable
  /// group's change is a dense vector of 32-bit integers, and a resample
  /// adds the swapped groups' vectors, masked by their coins, to one sum
  /// held in registers; otherwise the changes are added cell by cell. Both
  /// give the same tables.
  ///
  /// - Parameters:
  ///   - first: The first model, with one run.
  ///   - second: The second model, with one run.
  ///   - resamples: The number of permutations.
  ///   - seed: The seed of the blocks' generators.
  ///   - stream: The blocks' stream.
  /// - Returns: One difference per resample, `nan` where a metric is
  ///   undefined.
  /// - Complexity: O(*R* · (*m* + *k*²)), divided among the cores.
  func groupPermutationDifferences(
    first: Int, second: Int, resamples: Int, seed: UInt64, stream: UInt64
  ) -> [Double] {
    let k = counts.classCount
    let swaps = groupSwaps(
      firstRun: counts.firstRun(ofModel: first), secondRun: counts.firstRun(ofModel: second))
    let blocks = ResampleBlocks(seed: seed, stream: stream, resamples: resamples)
    let scope = self.scope
    let metric = self.metric
    let cellCount = k * k
    if cellCount <= 32 && counts.itemCount <= Int(Int32.max) {
      let lanes = cellCount <= 4 ? 4 : cellCount <= 8 ? 8 : cellCount <= 16 ? 16 : 32
      let rows = {
        var rows = [Int32](repeating: 0, count: swaps.swappableCount * lanes)
        for group in 0..<swaps.swappableCount {
          for change in swaps.offsets[group]..<swaps.offsets[group + 1] {
            rows[group * lanes + Int(swaps.cells[change])] = Int32(swaps.amounts[change])
          }
        }
        return rows
      }()
      let observedFirst = swaps.observedFirst
      let observedSecond = swaps.observedSecond
      let pairs = Self.pairSums(of: rows, lanes: lanes)
      return blocks.run(width: 1) { range, generator, store in
        var firstTable = observedFirst
        var secondTable = observedSecond
        var change = [Int32](repeating: 0, count: lanes)
        rows.withUnsafeBytes { rows in
          for resample in range {
            change.withUnsafeMutableBufferPointer { change in
              switch lanes {
              case 4 where !pairs.isEmpty:
                pairs.withUnsafeBytes { pairs in
                  Self.sumSwappedPairs(
                    pairs, groupCount: swaps.swappableCount, as: SIMD4<Int32>.self, into: change,
                    using: &generator)
                }
              case 4:
                Self.sumSwappedRows(rows, as: SIMD4<Int32>.self, into: change, using: &generator)
              case 8:
                Self.sumSwappedRows(rows, as: SIMD8<Int32>.self, into: change, using: &generator)
              case 16:
                Self.sumSwappedRows(rows, as: SIMD16<Int32>.self, into: change, using: &generator)
              default:
                Self.sumSwappedRows(rows, as: SIMD32<Int32>.self, into: change, using: &generator)
              }
            }
            for cell in 0..<cellCount {
              firstTable[cell] = observedFirst[cell] + Double(change[cell])
              secondTable[cell] = observedSecond[cell] - Double(change[cell])
            }
            let second = secondTable.withUnsafeBufferPointer {
              scope.value(of: metric, counts: $0)
            }
            let first = firstTable.withUnsafeBufferPointer { scope.value(of: metric, counts: $0) }
            store.store(second - first, index: 0, resample: resample)
          }
        }
      }
    }
    let amounts = swaps.amounts.map(Double.init)
    return blocks.run(width: 1) { range, generator, store in
      var firstTable = swaps.observedFirst
      var secondTable = swaps.observedSecond
      swaps.offsets.withUnsafeBufferPointer { offsets in
        swaps.cells.withUnsafeBufferPointer { cells in
          amounts.withUnsafeBufferPointer { amounts in
            firstTable.withUnsafeMutableBufferPointer { firstTable in
              secondTable.withUnsafeMutableBufferPointer { secondTable in
                for resample in range {
                  for cell in 0..<cellCount { firstTable[cell] = swaps.observedFirst[cell] }
                  var word: UInt64 = 0
                  for group in 0..<swaps.swappableCount {
                    if group & 63 == 0 { word = generator.next() }
                    // Without a branch on the coin, which no predictor
                    // can guess: an unswapped group adds zero.
                    let coin = Double(word & 1)
                    word >>= 1
                    for change in offsets[group]..<offsets[group + 1] {
                      firstTable[Int(cells[change])] += coin * amounts[change]
                    }
                  }
                  for cell in 0..<cellCount {
                    secondTable[cell] =
                      swaps.observedSecond[cell] - (firstTable[cell] - swaps.observedFirst[cell])
                  }
                  store.store(
                    scope.value(of: metric, counts: UnsafeBufferPointer(secondTable))
                      - scope.value(of: metric, counts: UnsafeBufferPointer(firstTable)),
                    index: 0, resample: resample)
                }
              }
            }
          }
        }
      }
    }
  }

  /// The largest table of pair sums ``pairSums(of:lanes:)`` makes: small
  /// enough to stay in a core's L2 cache, where the lookups beat masking.
  static let pairTableLimit = 384 * 1024

  /// For each two consecutive swappable groups, the four sums of their
  /// changes that their two coins can select (neither, the first, the
  /// second, both), so a resample adds one vector per pair of coins
  /// instead of masking two; empty when the table would pass
  /// ``pairTableLimit`` or the rows are wider than 4 cells.
  ///
  /// - Parameters:
  ///   - rows: The swappable groups' changes, `lanes` per group.
  ///   - lanes: The numbers per group.
  /// - Returns: Four rows of `lanes` numbers per pair of groups, the second
  ///   group of an odd last pair taken as zero.
  /// - Complexity: O(*s* · `lanes`) for *s* swappable groups.
  static func pairSums(of rows: [Int32], lanes: Int) -> [Int32] {
    let groupCount = rows.count / lanes
    let pairCount = (groupCount + 1) / 2
    guard lanes == 4, pairCount * 4 * lanes * MemoryLayout<Int32>.size <= pairTableLimit else {
      return []
    }
    var table = [Int32](repeating: 0, count: pairCount * 4 * lanes)
    for pair in 0..<pairCount {
      for lane in 0..<lanes {
        let first = rows[2 * pair * lanes + lane]
        let second = 2 * pair + 1 < groupCount ? rows[(2 * pair + 1) * lanes + lane] : 0
        let base = pair * 4 * lanes + lane
        table[base + lanes] = first
        table[base + 2 * lanes] = second
        table[base + 3 * lanes] = first &+ second
      }
    }
    return table
  }

  /// ``sumSwappedRows(_:as:into:using:)`` with a table of pair sums: the
  /// same coins (bit *i* of word *w* for group 64*w* + *i*) and the same
  /// sum, with one lookup per two groups.
  ///
  /// - Parameters:
  ///   - pairs: The table from ``pairSums(of:lanes:)``, one `Row` per entry.
  ///   - groupCount: The number of swappable groups.
  ///   - row: The vector type of a row.
  ///   - change: The summed change per cell, overwritten.
  ///   - generator: The source of randomness.
  /// - Complexity: O(*s*) for *s* swappable groups, with half the additions
  ///   of masking; no allocation.
  @inline(__always)
  private static func sumSwappedPairs<Row: SIMD>(
    _ pairs: UnsafeRawBufferPointer, groupCount: Int, as row: Row.Type,
    into change: UnsafeMutableBufferPointer<Int32>,
    using generator: inout Xoshiro256StarStar
  ) where Row.Scalar == Int32 {
    let stride = MemoryLayout<Row>.size
    let pairCount = (groupCount + 1) / 2
    var local = generator
    var sum = Row()
    var start = 0
    while start < pairCount {
      // A word's 64 coins are 32 pairs; bits past the last group select
      // entries whose missing group counts as zero, as masking ignores them.
      var word = local.next()
      for pair in start..<min(pairCount, start &+ 32) {
        let entry = pair &* 4 &+ Int(word & 3)
        word &>>= 2
        sum &+= pairs.loadUnaligned(fromByteOffset: entry &* stride, as: Row.self)
      }
      start &+= 32
    }
    generator = local
    for cell in change.indices { change[cell] = sum[cell] }
  }

  /// Flips one coin per swappable group, one bit of a 64-bit word each,
  /// and writes the sum of the swapped groups' changes to `change`.
  ///
  /// A coin becomes a mask of all ones or all zeros, so an unswapped group
  /// adds zero without a branch no predictor could guess; the generator is
  /// copied into a local and the sum kept in one vector, so the loop runs
  /// in registers.
  ///
  /// - Parameters:
  ///   - rows: The swappable groups' changes, one `Row` each.
  ///   - row: The vector type of a row.
  ///   - change: The summed change per cell, overwritten; at most
  ///     `Row.scalarCount`.
  ///   - generator: The source of randomness.
  /// - Complexity: O(*s*) for *s* swappable groups; no allocation.
  @inline(__always)
  private static func sumSwappedRows<Row: SIMD>(
    _ rows: UnsafeRawBufferPointer, as row: Row.Type,
    into change: UnsafeMutableBufferPointer<Int32>,
    using generator: inout Xoshiro256StarStar
  ) where Row.Scalar == Int32 {
    let stride = MemoryLayout<Row>.size
    let groupCount = rows.count / stride
    var local = generator
    var sum = Row()
    var start = 0
    while start < groupCount {
      var word = local.next()
      for group in start..<min(groupCount, start &+ 64) {
        let mask = Row(repeating: Int32(truncatingIfNeeded: 0 &- (word & 1)))
        word &>>= 1
        sum &+= rows.loadUnaligned(fromByteOffset: group &* stride, as: Row.self) & mask
      }
      start &+= 64
    }
    generator = local
    for cell in change.indices { change[cell] = sum[cell] }
  }
}
