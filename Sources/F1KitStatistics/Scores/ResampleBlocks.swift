import Dispatch
import F1KitSupport
import Foundation

/// Resamples split into blocks of ``size``, each drawn by its own generator
/// seeded from the seed, a stream number and the block's index, and run on
/// every core.
///
/// A resample's draws depend only on the seed, the stream and which block
/// it is in, never on how many cores there are or which thread ran it, so
/// the results are the same on one core as on many, run after run.
struct ResampleBlocks {
  /// The resamples in a block.
  static let size = 64

  /// The seed of the analysis.
  let seed: UInt64
  /// The stream: one per step of the analysis (the bootstrap, each pair's
  /// permutations), so the steps draw independently.
  let stream: UInt64
  /// The number of resamples.
  let resamples: Int

  /// The generator of one block.
  ///
  /// - Parameter block: The block's index.
  /// - Returns: A generator seeded from the seed, the stream and the block.
  func generator(forBlock block: Int) -> Xoshiro256StarStar {
    var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    let base = mixer.next()
    var blockMixer = SplitMix64(seed: base &+ UInt64(block) &* 0xD1B5_4A32_D192_ED03)
    return Xoshiro256StarStar(seed: blockMixer.next())
  }

  /// Runs every block, on every core, in one batch (no progress is
  /// reported, so no core waits at the end of a batch for the others),
  /// and collects `width` values per resample.
  ///
  /// - Parameters:
  ///   - width: The values each resample gives.
  ///   - body: Fills the values of a block's resamples, as in
  ///     ``run(width:report:body:)``.
  /// - Returns: The values, as ``run(width:report:body:)`` returns them.
  /// - Complexity: The blocks' work, divided among the cores.
  func run(
    width: Int, body: @Sendable (Range<Int>, inout Xoshiro256StarStar, ValueStore) -> Void
  ) -> [Double] {
    run(width: width, batch: .max, report: { _ in }, body: body)
  }

  /// Runs every block, on every core, and collects `width` values per
  /// resample.
  ///
  /// - Parameters:
  ///   - width: The values each resample gives.
  ///   - report: Called on the calling thread as blocks finish, with the
  ///     number of resamples done.
  ///   - body: Fills the values of a block's resamples: called with the
  ///     block's resamples, its generator and a function that stores value
  ///     `index` of a resample. It must be safe to call from several
  ///     threads at once.
  /// - Returns: The values, `width` rows of `resamples` each: value `index`
  ///   of resample `r` at `index * resamples + r`.
  /// - Complexity: The blocks' work, divided among the cores.
  func run(
    width: Int, report: (Int) -> Void,
    body: @Sendable (Range<Int>, inout Xoshiro256StarStar, ValueStore) -> Void
  ) -> [Double] {
    // Batches of a few blocks per core, so progress is reported as it goes.
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    return run(width: width, batch: workers * 4, report: report, body: body)
  }

  /// Runs the blocks on every core, `batch` blocks at a time, reporting
  /// after each batch.
  private func run(
    width: Int, batch: Int, report: (Int) -> Void,
    body: @Sendable (Range<Int>, inout Xoshiro256StarStar, ValueStore) -> Void
  ) -> [Double] {
    var values = [Double](repeating: .nan, count: width * resamples)
    let blockCount = (resamples + Self.size - 1) / Self.size
    values.withUnsafeMutableBufferPointer { buffer in
      let store = ValueStore(base: buffer.baseAddress!, resamples: resamples)
      var next = 0
      while next < blockCount {
        let first = next
        let last = first + min(blockCount - first, batch)
        DispatchQueue.concurrentPerform(iterations: last - first) { offset in
          let block = first + offset
          var generator = generator(forBlock: block)
          let range = (block * Self.size)..<min(resamples, (block + 1) * Self.size)
          body(range, &generator, store)
        }
        next = last
        report(min(resamples, next * Self.size))
      }
    }
    return values
  }

  /// Where a block stores its values: each resample's slots are written by
  /// the one block that owns it, so blocks running at once never write the
  /// same place.
  struct ValueStore: @unchecked Sendable {
    fileprivate let base: UnsafeMutablePointer<Double>
    fileprivate let resamples: Int

    /// Stores value `index` of resample `resample`.
    @inline(__always)
    func store(_ value: Double, index: Int, resample: Int) {
      base[index * resamples + resample] = value
    }
  }
}
