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

  init(counts: ExperimentCounts, design: ResamplingDesign) {
    self.counts = counts
    self.design = design
    groupEntryCounts = design == .groups ? counts.groupPatternCounts.map(Double.init) : []
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
