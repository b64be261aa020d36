import Testing

@testable import F1KitStatistics

/// `ResampleBlocks` runs its blocks in batches when progress is reported
/// and in one batch when it is not; either way each resample's values come
/// from its own block's generator.
@Suite("Resample blocks")
struct ResampleBlocksTests {
  /// Stores each resample's first draw and its index.
  private static let body:
    @Sendable (Range<Int>, inout Xoshiro256StarStar, ResampleBlocks.ValueStore) -> Void = {
      range, generator, store in
      for resample in range {
        store.store(Double(generator.next() >> 11), index: 0, resample: resample)
        store.store(Double(resample), index: 1, resample: resample)
      }
    }

  @Test(
    "the values are each block's draws, with progress reported batch by batch or not at all",
    arguments: [1, 63, 64, 65, 1_000, 9_999])
  func valuesWithAndWithoutReports(resamples: Int) {
    let blocks = ResampleBlocks(seed: 17, stream: 3, resamples: resamples)
    var expected: [Double] = []
    for block in 0..<((resamples + ResampleBlocks.size - 1) / ResampleBlocks.size) {
      var generator = blocks.generator(forBlock: block)
      let first = block * ResampleBlocks.size
      for _ in first..<min(resamples, first + ResampleBlocks.size) {
        expected.append(Double(generator.next() >> 11))
      }
    }
    expected += (0..<resamples).map(Double.init)
    var reported: [Int] = []
    let batched = blocks.run(width: 2, report: { reported.append($0) }, body: Self.body)
    let whole = blocks.run(width: 2, body: Self.body)
    #expect(batched == expected)
    #expect(whole == expected)
    #expect(reported == reported.sorted())
    #expect(reported.last == resamples)
  }
}
