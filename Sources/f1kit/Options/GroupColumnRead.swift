import CommandLineSupport
import Dispatch
import F1KitReading

/// A read of a file's group column that runs on another thread while the
/// caller reads and aligns the prediction files.
///
/// The group column needs its own pass over the first file. Files after
/// the first are read aligned to it on one thread, so that pass can run on
/// the processor the aligned read leaves idle instead of after it.
final class GroupColumnRead: @unchecked Sendable {
  private let finished = DispatchGroup()
  /// Written once by the reading thread before it leaves `finished`, read
  /// only after waiting on `finished`.
  private var outcome: Result<ItemGroups, PredictionFileError>?
  private let path: String

  /// Starts reading a group column.
  ///
  /// - Parameters:
  ///   - column: The group column.
  ///   - path: The file, not standard input (it cannot be read twice).
  ///   - input: How the file is read.
  init(column: String, path: String, input: InputOptions) {
    precondition(path != "-", "standard input cannot be read twice")
    self.path = path
    let options = input.reader
    finished.enter()
    DispatchQueue.global().async { [self] in
      do throws(PredictionFileError) {
        outcome = .success(
          try PredictionReader(path: path, options: options).readGroups(column: column))
      } catch {
        outcome = .failure(error)
      }
      finished.leave()
    }
  }

  /// Waits for the read to end, so that no thread still reads the file.
  func wait() {
    finished.wait()
  }

  /// The group of each item, once the read has ended.
  ///
  /// - Parameter itemCount: The number of items the groups must cover.
  /// - Returns: One group code per item, numbered from zero in first-seen
  ///   order.
  /// - Throws: The reader's failure, or a data failure when the counts
  ///   differ.
  func codes(itemCount: Int) throws(CommandFailure) -> [Int] {
    finished.wait()
    switch outcome! {
    case .success(let groups):
      return try ExperimentOptions.checkedCodes(groups, path: path, itemCount: itemCount)
    case .failure(let error):
      throw InputOptions.failure(error)
    }
  }
}
