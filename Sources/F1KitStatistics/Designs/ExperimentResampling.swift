/// Draws resampled test sets of an experiment as weights on its distinct
/// rows, under a ``ResamplingDesign``.
struct ExperimentResampling {
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
  /// each group's count of every distinct row, group after group, so a
  /// drawn group adds one short row of numbers.
  private let groupRows: [Double]

  /// The number of distinct rows up to which groups are kept as dense
  /// rows.
  static let denseRowLimit = 32

  init(counts: ExperimentCounts, design: ResamplingDesign) {
    self.counts = counts
    self.design = design
    groupEntryCounts = design == .groups ? counts.groupPatternCounts.map(Double.init) : []
    if design == .groups && counts.patternCount <= Self.denseRowLimit {
      let width = counts.patternCount
      var rows = [Double](repeating: 0, count: counts.groupCount * width)
      for group in 0..<counts.groupCount {
        for entry in counts.groupOffsets[group]..<counts.groupOffsets[group + 1] {
          rows[group * width + Int(counts.groupPatterns[entry])] +=
            Double(counts.groupPatternCounts[entry])
        }
      }
      groupRows = rows
    } else {
      groupRows = []
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
      let width = counts.patternCount
      let groupCount = UInt64(counts.groupCount)
      weights.withUnsafeMutableBufferPointer { weights in
        groupRows.withUnsafeBufferPointer { rows in
          for _ in 0..<counts.groupCount {
            let row = Int(generator.next(upperBound: groupCount)) * width
            for pattern in 0..<width { weights[pattern] += rows[row + pattern] }
          }
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
