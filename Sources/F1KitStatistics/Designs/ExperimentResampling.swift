/// Draws resampled test sets of an experiment as weights on its distinct
/// rows, under a ``ResamplingDesign``.
struct ExperimentResampling: Sendable {
  let counts: ExperimentCounts
  let design: ResamplingDesign
  /// The samplers: one over all rows, or one per gold class; none for
  /// groups, which are drawn by ``UniformIndices``.
  private let samplers: [Resampler]
  /// For stratified designs, the distinct rows each sampler's cells index.
  private let strata: [[Int]]
  /// For the groups design, ``ExperimentCounts/groupPatternCounts`` as
  /// numbers.
  private let groupEntryCounts: [Double]
  /// For the groups design with at most ``denseRowLimit`` distinct rows
  /// (and sums that fit in 32 bits): each group's count of every distinct
  /// row, ``groupLanes`` numbers per group (zero-padded), group after
  /// group, so a drawn group adds one short vector of integers to
  /// accumulators held in registers.
  private let groupRows: DenseGroupRows
  /// The numbers per group in ``groupRows``: 4, 8, 16 or 32, the width of
  /// the vectors added; 0 when groups are not kept as dense rows.
  private let groupLanes: Int

  /// Groups' dense rows, in the narrowest numbers every count fits: less
  /// memory, so more of the randomly drawn rows are found in the cache
  /// (10,000 groups of 8 cells take 80 kB as bytes). Sums are 32-bit
  /// whatever the rows' numbers.
  enum DenseGroupRows: Sendable {
    /// Groups are not kept as dense rows.
    case none
    /// Rows at most 8 wide with no count past 255.
    case bytes([UInt8])
    /// Rows at most 8 wide with no count past 2¹⁵ − 1.
    case halfWords([Int16])
    /// Any other dense rows.
    case words([Int32])

    /// The rows in the narrowest numbers that hold them.
    init(_ rows: [Int32], lanes: Int) {
      if rows.isEmpty {
        self = .none
      } else if lanes <= 8 && rows.allSatisfy({ $0 <= Int32(UInt8.max) }) {
        self = .bytes(rows.map { UInt8($0) })
      } else if lanes <= 8 && rows.allSatisfy({ $0 <= Int32(Int16.max) }) {
        self = .halfWords(rows.map { Int16($0) })
      } else {
        self = .words(rows)
      }
    }

    /// The bytes of each number: 1, 2 or 4; 0 for no dense rows.
    var numberSize: Int {
      switch self {
      case .none: 0
      case .bytes: 1
      case .halfWords: 2
      case .words: 4
      }
    }
  }

  /// The bytes of each number of a group's dense row as kept: 1, 2 or 4;
  /// 0 when groups are not kept as dense rows.
  var groupRowNumberSize: Int { groupRows.numberSize }

  /// The number of distinct rows up to which groups are kept as dense
  /// rows.
  static let denseRowLimit = 32

  /// Prepares the draws of a design.
  ///
  /// - Parameters:
  ///   - counts: The experiment's counts.
  ///   - design: How test sets are resampled.
  ///   - strategy: Whether distinct rows are drawn as cells or item by
  ///     item; ``ResamplingStrategy/automatic`` decides from their number.
  ///     Groups are always drawn one by one, two from each random word
  ///     (``UniformIndices``).
  init(
    counts: ExperimentCounts, design: ResamplingDesign, strategy: ResamplingStrategy = .automatic
  ) {
    self.counts = counts
    self.design = design
    groupEntryCounts = design == .groups ? counts.groupPatternCounts.map(Double.init) : []
    let (rows, lanes) = design == .groups ? Self.denseGroupRows(of: counts) : ([], 0)
    groupLanes = lanes
    groupRows = DenseGroupRows(rows, lanes: lanes)
    switch design {
    case .items:
      samplers = [Resampler(cellCounts: counts.patternCounts, strategy: strategy)]
      strata = [Array(counts.patternCounts.indices)]
    case .stratifiedByGold:
      var byClass = [[Int]](repeating: [], count: counts.classCount)
      for pattern in counts.patternCounts.indices {
        byClass[counts.gold(ofPattern: pattern)].append(pattern)
      }
      strata = byClass.filter { !$0.isEmpty }
      samplers = strata.map { rows in
        Resampler(cellCounts: rows.map { counts.patternCounts[$0] }, strategy: strategy)
      }
    case .groups:
      samplers = []
      strata = []
    }
  }

  /// Whether test sets are drawn cell by cell (a multinomial over the
  /// distinct rows, possibly within gold classes), rather than item by item
  /// or group by group.
  var drawsCells: Bool {
    design != .groups && samplers.allSatisfy { $0.strategy == .cells }
  }

  /// Fills `weights` (one per distinct row) with a resampled test set.
  func draw(
    into weights: inout [Double], scratch: inout [Int],
    using generator: inout some RandomNumberGenerator
  ) {
    for index in weights.indices { weights[index] = 0 }
    switch design {
    case .items, .stratifiedByGold:
      for (stratum, sampler) in samplers.enumerated() {
        draw(sampler, into: &scratch, using: &generator)
        for cell in sampler.cellIndices.indices {
          weights[strata[stratum][sampler.cellIndices[cell]]] = Double(scratch[cell])
        }
      }
    case .groups:
      drawGroups(into: &weights, scratch: &scratch, using: &generator)
    }
  }

  /// Fills `weights` with a grouped test set: as many groups as there are,
  /// drawn uniformly with replacement, each adding its counts.
  private func drawGroups(
    into weights: inout [Double], scratch: inout [Int],
    using generator: inout some RandomNumberGenerator
  ) {
    // Dense rows: the same uniform group draws as the sparse path makes
    // (one per group, in the same order, the batches being even), each
    // adding its group's row. The sums are whole numbers below 2³¹, exact
    // in any order.
    switch groupRows {
    case .bytes(let rows):
      // 256 rows of at most 255 cannot overflow 16 bits.
      rows.withUnsafeBytes { rows in
        weights.withUnsafeMutableBufferPointer { weights in
          if groupLanes == 4 {
            Self.sumDrawnRows(
              rows, widening: { SIMD4<UInt16>(truncatingIfNeeded: $0 as SIMD4<UInt8>) },
              finishing: { SIMD4<Int32>(truncatingIfNeeded: $0) }, batch: 256, into: weights,
              using: &generator)
          } else {
            Self.sumDrawnRows(
              rows, widening: { SIMD8<UInt16>(truncatingIfNeeded: $0 as SIMD8<UInt8>) },
              finishing: { SIMD8<Int32>(truncatingIfNeeded: $0) }, batch: 256, into: weights,
              using: &generator)
          }
        }
      }
    case .halfWords(let rows):
      rows.withUnsafeBytes { rows in
        weights.withUnsafeMutableBufferPointer { weights in
          if groupLanes == 4 {
            Self.sumDrawnRows(
              rows, widening: { SIMD4<Int32>(truncatingIfNeeded: $0 as SIMD4<Int16>) },
              finishing: { $0 }, into: weights, using: &generator)
          } else {
            Self.sumDrawnRows(
              rows, widening: { SIMD8<Int32>(truncatingIfNeeded: $0 as SIMD8<Int16>) },
              finishing: { $0 }, into: weights, using: &generator)
          }
        }
      }
    case .words(let rows):
      rows.withUnsafeBytes { rows in
        weights.withUnsafeMutableBufferPointer { weights in
          switch groupLanes {
          case 4:
            Self.sumDrawnRows(
              rows, widening: { $0 as SIMD4<Int32> }, finishing: { $0 }, into: weights,
              using: &generator)
          case 8:
            Self.sumDrawnRows(
              rows, widening: { $0 as SIMD8<Int32> }, finishing: { $0 }, into: weights,
              using: &generator)
          case 16:
            Self.sumDrawnRows(
              rows, widening: { $0 as SIMD16<Int32> }, finishing: { $0 }, into: weights,
              using: &generator)
          default:
            Self.sumDrawnRows(
              rows, widening: { $0 as SIMD32<Int32> }, finishing: { $0 }, into: weights,
              using: &generator)
          }
        }
      }
    case .none:
      drawSparseGroups(into: &weights, scratch: &scratch, using: &generator)
    }
  }

  /// Fills `weights` with a grouped test set, each drawn group adding its
  /// entries as many times as it was drawn.
  private func drawSparseGroups(
    into weights: inout [Double], scratch: inout [Int],
    using generator: inout some RandomNumberGenerator
  ) {
    let groupCount = counts.groupCount
    if scratch.count < groupCount { scratch = [Int](repeating: 0, count: groupCount) }
    scratch.withUnsafeMutableBufferPointer { times in
      for group in 0..<groupCount { times[group] = 0 }
      UniformIndices.draw(groupCount, below: groupCount, using: &generator) { times[$0] += 1 }
    }
    weights.withUnsafeMutableBufferPointer { weights in
      counts.groupOffsets.withUnsafeBufferPointer { offsets in
        counts.groupPatterns.withUnsafeBufferPointer { patterns in
          groupEntryCounts.withUnsafeBufferPointer { entryCounts in
            scratch.withUnsafeBufferPointer { scratch in
              for group in 0..<groupCount where scratch[group] > 0 {
                let times = Double(scratch[group])
                for entry in offsets[group]..<offsets[group + 1] {
                  weights[Int(patterns[entry])] += times * entryCounts[entry]
                }
              }
            }
          }
        }
      }
    }
  }

  /// Each group's dense row of distinct-row counts, and the row's width,
  /// when there are at most ``denseRowLimit`` distinct rows and no sum of
  /// drawn rows can reach 2³¹; otherwise no rows and a width of 0.
  ///
  /// - Parameter counts: Grouped counts.
  /// - Returns: The rows, group after group, and the numbers per row: 4, 8,
  ///   16 or 32.
  /// - Complexity: O(*g* · *w* + *e*) for *g* groups of width *w* and *e*
  ///   group entries.
  static func denseGroupRows(of counts: ExperimentCounts) -> (rows: [Int32], lanes: Int) {
    let patternCount = counts.patternCount
    guard patternCount <= denseRowLimit, counts.groupCount > 0 else { return ([], 0) }
    // A resample draws groupCount groups, so a row's sum is at most
    // groupCount times the largest count in one group.
    let largest = counts.groupPatternCounts.max() ?? 0
    let (bound, overflow) = counts.groupCount.multipliedReportingOverflow(by: largest)
    guard !overflow, bound <= Int(Int32.max) else { return ([], 0) }
    let lanes = patternCount <= 4 ? 4 : patternCount <= 8 ? 8 : patternCount <= 16 ? 16 : 32
    var rows = [Int32](repeating: 0, count: counts.groupCount * lanes)
    for group in 0..<counts.groupCount {
      for entry in counts.groupOffsets[group]..<counts.groupOffsets[group + 1] {
        rows[group * lanes + Int(counts.groupPatterns[entry])] += Int32(
          counts.groupPatternCounts[entry])
      }
    }
    return (rows, lanes)
  }

  /// Draws as many groups as `rows` holds, uniformly with replacement, and
  /// writes the sum of their rows to `weights`.
  ///
  /// The generator is copied into a local and the sums kept in vectors of
  /// integers, so the loop runs in registers: nothing waits on memory but
  /// the loads of the drawn rows, which overlap. Each drawn row is widened
  /// to `Partial` and added to a partial sum, which every `batch` draws is
  /// widened to 32 bits and added to the sum: rows of bytes are added in
  /// 16-bit lanes, most draws then costing a load, one widening and one
  /// addition.
  ///
  /// - Parameters:
  ///   - rows: The groups' rows, one `Stored` each.
  ///   - widening: A stored row as the partial sum's numbers (itself when
  ///     they are the same).
  ///   - finishing: A partial sum as 32-bit numbers (itself when it is).
  ///   - batch: The draws whose partial sum cannot overflow; all of them
  ///     by default.
  ///   - weights: One weight per distinct row, overwritten; at most
  ///     `Row.scalarCount`.
  ///   - generator: The source of randomness.
  /// - Complexity: O(*g*) for *g* groups; no allocation.
  @inline(__always)
  private static func sumDrawnRows<Stored: SIMD, Partial: SIMD, Row: SIMD>(
    _ rows: UnsafeRawBufferPointer, widening: (Stored) -> Partial,
    finishing: (Partial) -> Row, batch: Int = .max,
    into weights: UnsafeMutableBufferPointer<Double>,
    using generator: inout some RandomNumberGenerator
  ) where Partial.Scalar: FixedWidthInteger, Row.Scalar == Int32 {
    let stride = MemoryLayout<Stored>.size
    let groupCount = rows.count / stride
    var local = generator
    var sum = Row()
    var drawn = 0
    while drawn < groupCount {
      let batchEnd = groupCount - drawn > batch ? drawn + batch : groupCount
      var partialSum = Partial()
      UniformIndices.draw(batchEnd - drawn, below: groupCount, using: &local) { group in
        partialSum &+= widening(
          rows.loadUnaligned(fromByteOffset: group &* stride, as: Stored.self))
      }
      drawn = batchEnd
      sum &+= finishing(partialSum)
    }
    generator = local
    for pattern in weights.indices { weights[pattern] = Double(sum[pattern]) }
  }

  private func draw(
    _ sampler: Resampler, into scratch: inout [Int],
    using generator: inout some RandomNumberGenerator
  ) {
    if scratch.count < sampler.counts.count {
      scratch = [Int](repeating: 0, count: sampler.counts.count)
    }
    scratch.withUnsafeMutableBufferPointer { buffer in
      sampler.draw(
        into: UnsafeMutableBufferPointer(rebasing: buffer[0..<sampler.counts.count]),
        using: &generator)
    }
  }
}
