/// Draws resampled test sets of an experiment as weights on its distinct
/// rows, under a ``ResamplingDesign``.
struct ExperimentResampling: Sendable {
  let counts: ExperimentCounts
  let design: ResamplingDesign
  /// The samplers: one over all rows, one per gold class, or one over the
  /// groups.
  private let samplers: [Resampler]
  /// For stratified designs, the distinct rows each sampler's cells index.
  private let strata: [[Int]]
  /// For the groups design, ``ExperimentCounts/groupPatternCounts`` as
  /// numbers.
  private let groupEntryCounts: [Double]
  /// For the groups design with at most ``denseRowLimit`` distinct rows:
  /// each group's count of every distinct row, as ``groupBlocks`` vectors
  /// of eight (zero-padded), group after group, so a drawn group adds one
  /// short row of numbers to accumulators held in registers.
  private let groupRows: [SIMD8<Double>]
  /// The number of eight-wide vectors per group in ``groupRows``: 1, 2 or
  /// 4.
  private let groupBlocks: Int

  /// The number of distinct rows up to which groups are kept as dense
  /// rows.
  static let denseRowLimit = 32

  init(counts: ExperimentCounts, design: ResamplingDesign) {
    self.counts = counts
    self.design = design
    groupEntryCounts = design == .groups ? counts.groupPatternCounts.map(Double.init) : []
    if design == .groups && counts.patternCount <= Self.denseRowLimit {
      let blocks = counts.patternCount <= 8 ? 1 : counts.patternCount <= 16 ? 2 : 4
      var rows = [SIMD8<Double>](repeating: .zero, count: counts.groupCount * blocks)
      for group in 0..<counts.groupCount {
        for entry in counts.groupOffsets[group]..<counts.groupOffsets[group + 1] {
          let pattern = Int(counts.groupPatterns[entry])
          rows[group * blocks + pattern / 8][pattern % 8] +=
            Double(counts.groupPatternCounts[entry])
        }
      }
      groupRows = rows
      groupBlocks = blocks
    } else {
      groupRows = []
      groupBlocks = 0
    }
    switch design {
    case .items:
      samplers = [Resampler(cellCounts: counts.patternCounts, strategy: .automatic)]
      strata = [Array(counts.patternCounts.indices)]
    case .stratifiedByGold:
      var byClass = [[Int]](repeating: [], count: counts.classCount)
      for pattern in counts.patternCounts.indices {
        byClass[counts.gold(ofPattern: pattern)].append(pattern)
      }
      strata = byClass.filter { !$0.isEmpty }
      samplers = strata.map { rows in
        Resampler(cellCounts: rows.map { counts.patternCounts[$0] }, strategy: .automatic)
      }
    case .groups:
      samplers = [
        Resampler(
          cellCounts: [Int](repeating: 1, count: counts.groupCount), strategy: .automatic)
      ]
      strata = []
    }
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
    case .groups where !groupRows.isEmpty:
      // The same uniform group draws as the sampler's item strategy makes
      // (one per group, in the same order), each adding its group's row.
      // The sums are whole numbers, exact in any order.
      let (first, second, third, fourth) = drawGroupRows(using: &generator)
      for pattern in weights.indices {
        let lane = pattern % 8
        switch pattern / 8 {
        case 0: weights[pattern] = first[lane]
        case 1: weights[pattern] = second[lane]
        case 2: weights[pattern] = third[lane]
        default: weights[pattern] = fourth[lane]
        }
      }
    case .groups:
      let sampler = samplers[0]
      draw(sampler, into: &scratch, using: &generator)
      weights.withUnsafeMutableBufferPointer { weights in
        sampler.cellIndices.withUnsafeBufferPointer { groups in
          counts.groupOffsets.withUnsafeBufferPointer { offsets in
            counts.groupPatterns.withUnsafeBufferPointer { patterns in
              groupEntryCounts.withUnsafeBufferPointer { entryCounts in
                scratch.withUnsafeBufferPointer { scratch in
                  for cell in groups.indices where scratch[cell] > 0 {
                    let group = groups[cell]
                    let times = Double(scratch[cell])
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
    }
  }

  /// Draws ``ExperimentCounts/groupCount`` groups uniformly with
  /// replacement and sums their dense rows.
  ///
  /// The sums live in registers while the groups are drawn, so successive
  /// draws do not wait on each other through memory and the loads of the
  /// drawn rows overlap.
  ///
  /// - Returns: The summed rows, ``groupBlocks`` vectors of eight (the
  ///   rest zero).
  /// - Complexity: O(*g*) for *g* groups; no allocation.
  private func drawGroupRows(
    using generator: inout some RandomNumberGenerator
  ) -> (SIMD8<Double>, SIMD8<Double>, SIMD8<Double>, SIMD8<Double>) {
    let groupCount = UInt64(counts.groupCount)
    var first = SIMD8<Double>.zero
    var second = SIMD8<Double>.zero
    var third = SIMD8<Double>.zero
    var fourth = SIMD8<Double>.zero
    groupRows.withUnsafeBufferPointer { rows in
      switch groupBlocks {
      case 1:
        for _ in 0..<groupCount {
          first += rows[Int(generator.next(upperBound: groupCount))]
        }
      case 2:
        for _ in 0..<groupCount {
          let row = Int(generator.next(upperBound: groupCount)) &* 2
          first += rows[row]
          second += rows[row &+ 1]
        }
      default:
        for _ in 0..<groupCount {
          let row = Int(generator.next(upperBound: groupCount)) &* 4
          first += rows[row]
          second += rows[row &+ 1]
          third += rows[row &+ 2]
          fourth += rows[row &+ 3]
        }
      }
    }
    return (first, second, third, fourth)
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
