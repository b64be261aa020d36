import Foundation

extension ExperimentCounts {
  /// The number of ranges of items that
  /// ``packedRows(gold:runs:classCount:keepsItemPatterns:parts:)`` counts
  /// at once by default: one per processor, up to 8, each of at least 2¹⁶
  /// items.
  static func packingParts(itemCount: Int) -> Int {
    max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, itemCount >> 16))
  }

  /// The distinct rows in first-seen order, their counts and each item's
  /// row (when `keepsItemPatterns`; else none), when a row's codes fit in
  /// 64 bits and every code is below `classCount`: each row is packed into
  /// one integer key, looked up in a direct table for up to 2¹⁶ keys and
  /// in a dictionary beyond. `nil` when the codes do not fit or a code is
  /// out of range (negative or not below `classCount`).
  ///
  /// Keys are packed a block of items at a time, run by run, so that they
  /// stay in cache and no key is kept per item; the largest code of the
  /// block is found in the same pass, so the codes are read once.
  ///
  /// The items are split into `parts` consecutive ranges, counted at once
  /// on as many threads, each in its own table; the ranges' rows are then
  /// merged in order, each range's new rows after those of the ranges
  /// before it. That is the first-seen order of one pass over the items,
  /// so the rows, counts and item rows are the same for any `parts`.
  ///
  /// - Complexity: O(*n* · *r*) for *n* items and *r* runs, divided among
  ///   the parts, plus O(*p* · *d* · *r*) to merge *p* parts of at most *d*
  ///   distinct rows.
  static func packedRows(
    gold: [Int32], runs: [[Int32]], classCount: Int, keepsItemPatterns: Bool,
    parts: Int? = nil
  ) -> (patterns: [Int32], counts: [Int], itemPattern: [Int32])? {
    let bits = max(1, Int.bitWidth - (classCount - 1).leadingZeroBitCount)
    let width = 1 + runs.count
    guard bits * width <= 64 else { return nil }
    let layout = PackedLayout(
      bits: bits, width: width, limit: UInt32(clamping: Int32(clamping: classCount)),
      keepsItemPatterns: keepsItemPatterns)
    let partCount = max(1, min(parts ?? packingParts(itemCount: gold.count), gold.count))
    var counted = [PackedPart](count: partCount) { part in
      let items = (gold.count * part / partCount)..<(gold.count * (part + 1) / partCount)
      return PackedPart(counting: items, gold: gold, runs: runs, layout: layout)
    }
    // Taken out of the array, so merging into it copies none of its tables.
    var merged = counted.removeFirst()
    guard merged.isInRange else { return nil }
    for next in counted {
      guard next.isInRange else { return nil }
      merged.merge(next, gold: gold, runs: runs, layout: layout)
    }
    var patterns: [Int32] = []
    patterns.reserveCapacity(merged.firstItems.count * width)
    for item in merged.firstItems {
      patterns.append(gold[item])
      for run in runs { patterns.append(run[item]) }
    }
    return (patterns, merged.patternCounts, merged.itemPattern)
  }

  /// How ``packedRows(gold:runs:classCount:keepsItemPatterns:parts:)``
  /// packs a row into a key.
  struct PackedLayout: Sendable {
    /// The bits of one code.
    let bits: Int
    /// The codes of a row: the gold code and one per run.
    let width: Int
    /// The first code out of range, as unsigned (a negative code is above
    /// it too).
    let limit: UInt32
    /// Whether each item's row is kept.
    let keepsItemPatterns: Bool

    /// Whether keys index a direct table rather than a dictionary.
    var isDirect: Bool { bits * width <= 16 }

    /// The key of `item`'s row, its codes in range.
    func key(of item: Int, gold: [Int32], runs: [[Int32]]) -> UInt64 {
      var key = UInt64(UInt32(bitPattern: gold[item]))
      for run in runs { key = key << UInt64(bits) | UInt64(UInt32(bitPattern: run[item])) }
      return key
    }
  }

  /// The distinct rows of one range of items, numbered in first-seen order
  /// within it.
  struct PackedPart {
    /// The first index of the range.
    let firstItem: Int
    /// Each row's first item.
    var firstItems: [Int] = []
    /// Each row's count.
    var patternCounts: [Int] = []
    /// Each of the range's items' row, when kept; the range's first item
    /// first.
    var itemPattern: [Int32]
    /// The row of each key, −1 for none, when keys index a direct table.
    var table: [Int32]
    /// The row of each key, when they do not.
    var index: [UInt64: Int32] = [:]
    /// Whether every code of the range is in range; when not, counting
    /// stopped at the first block with a bad code.
    var isInRange = true

    /// Counts the rows of `items`.
    ///
    /// - Complexity: O(*n* · *r*) for *n* items and *r* runs; no allocation
    ///   per item but for new rows.
    init(counting items: Range<Int>, gold: [Int32], runs: [[Int32]], layout: PackedLayout) {
      firstItem = items.lowerBound
      itemPattern = [Int32](repeating: 0, count: layout.keepsItemPatterns ? items.count : 0)
      table = [Int32](repeating: -1, count: layout.isDirect ? 1 << (layout.bits * layout.width) : 0)
      let shift = UInt64(layout.bits)
      let blockSize = 4_096
      var keys = [UInt64](repeating: 0, count: min(blockSize, items.count))
      var start = items.lowerBound
      while start < items.upperBound {
        let end = min(start + blockSize, items.upperBound)
        // The largest code as unsigned, found while packing: a negative
        // code is above the limit too.
        var largest: UInt32 = 0
        keys.withUnsafeMutableBufferPointer { keys in
          gold.withUnsafeBufferPointer { gold in
            for item in start..<end {
              let code = UInt32(bitPattern: gold[item])
              largest = max(largest, code)
              keys[item &- start] = UInt64(code)
            }
          }
          for run in runs {
            run.withUnsafeBufferPointer { run in
              for item in start..<end {
                let code = UInt32(bitPattern: run[item])
                largest = max(largest, code)
                keys[item &- start] = keys[item &- start] << shift | UInt64(code)
              }
            }
          }
        }
        // A bad code's key could reach past the table: stop before use.
        guard largest < layout.limit else {
          isInRange = false
          return
        }
        if layout.isDirect {
          ExperimentCounts.countDirect(
            keys: keys, items: start..<end, firstItem: firstItem, table: &table,
            firstItems: &firstItems, patternCounts: &patternCounts, itemPattern: &itemPattern)
          start = end
          continue
        }
        for item in start..<end {
          let key = keys[item - start]
          var known: Int32
          if let found = index[key] {
            known = found
          } else {
            known = Int32(firstItems.count)
            index[key] = known
            firstItems.append(item)
            patternCounts.append(0)
          }
          patternCounts[Int(known)] += 1
          if layout.keepsItemPatterns { itemPattern[item - firstItem] = known }
        }
        start = end
      }
    }

    /// Adds the rows of `next`, the range right after this one's: its rows
    /// that this one lacks follow this one's in `next`'s order.
    ///
    /// - Complexity: O(*d* · *r* + *m*) for *d* distinct rows of `next`, *r*
    ///   runs and *m* items of `next` when item rows are kept.
    mutating func merge(
      _ next: PackedPart, gold: [Int32], runs: [[Int32]], layout: PackedLayout
    ) {
      var rowOf = [Int32](repeating: 0, count: next.firstItems.count)
      for (local, item) in next.firstItems.enumerated() {
        let key = layout.key(of: item, gold: gold, runs: runs)
        var known = layout.isDirect ? table[Int(truncatingIfNeeded: key)] : index[key] ?? -1
        if known < 0 {
          known = Int32(firstItems.count)
          if layout.isDirect {
            table[Int(truncatingIfNeeded: key)] = known
          } else {
            index[key] = known
          }
          firstItems.append(item)
          patternCounts.append(0)
        }
        rowOf[local] = known
        patternCounts[Int(known)] += next.patternCounts[local]
      }
      if layout.keepsItemPatterns {
        itemPattern.append(contentsOf: next.itemPattern.lazy.map { rowOf[Int($0)] })
      }
    }
  }

  /// Counts a block of items whose keys index `table` directly: a new key
  /// takes the next row number, in first-seen order.
  ///
  /// - Parameters:
  ///   - keys: The block's keys, the first `items.count` of them in use.
  ///   - items: The block's items.
  ///   - firstItem: The item whose row is first in `itemPattern`.
  ///   - table: The row number of each key, −1 for none yet.
  ///   - firstItems: Each row's first item; new rows are appended.
  ///   - patternCounts: Each row's count so far.
  ///   - itemPattern: Each item's row from `firstItem` on, or empty when
  ///     not kept.
  /// - Complexity: O(*b*) for *b* items; no allocation but for new rows.
  fileprivate static func countDirect(
    keys: [UInt64], items: Range<Int>, firstItem: Int, table: inout [Int32],
    firstItems: inout [Int], patternCounts: inout [Int], itemPattern: inout [Int32]
  ) {
    let keepsItemPatterns = !itemPattern.isEmpty
    var block = items
    while !block.isEmpty {
      // Items up to the first key without a row are counted through
      // pointers; that key then takes its row and the loop goes on after it.
      var newItem: Int?
      table.withUnsafeMutableBufferPointer { table in
        patternCounts.withUnsafeMutableBufferPointer { patternCounts in
          itemPattern.withUnsafeMutableBufferPointer { itemPattern in
            keys.withUnsafeBufferPointer { keys in
              for item in block {
                let known = table[Int(truncatingIfNeeded: keys[item &- items.lowerBound])]
                if known < 0 {
                  newItem = item
                  return
                }
                patternCounts[Int(truncatingIfNeeded: known)] &+= 1
                if keepsItemPatterns { itemPattern[item &- firstItem] = known }
              }
            }
          }
        }
      }
      guard let item = newItem else { return }
      table[Int(truncatingIfNeeded: keys[item - items.lowerBound])] = Int32(firstItems.count)
      firstItems.append(item)
      patternCounts.append(0)
      block = item..<block.upperBound
    }
  }
}
