import CommandLineSupport
import F1KitReading

extension ExperimentOptions {
  /// Reads a file's items and, in the same pass, the group of each from a
  /// column, printing the reader's warnings.
  ///
  /// A group error (no such column, a value that is not UTF-8) is not
  /// thrown but returned, for ``checkedCodes(_:path:itemCount:)`` to report
  /// once the caller has read what it reads before the groups, as when the
  /// groups were read in a second pass; standard input, read once, can be
  /// grouped too.
  ///
  /// - Parameters:
  ///   - path: The file, or `-` for standard input.
  ///   - input: How the file is read.
  ///   - groupColumn: The group column.
  /// - Returns: The items in file order, and their groups or why there are
  ///   none.
  /// - Throws: A one-line failure with the reader's exit status for the
  ///   items.
  /// - Complexity: O(*n*) for a file of *n* bytes.
  static func readItems(_ path: String, input: InputOptions, groupColumn: String)
    throws(CommandFailure) -> (
      items: ItemPredictions, groups: Result<ItemGroups, PredictionFileError>
    )
  {
    let options = try input.readerOptions(for: path)
    let read: (items: ItemPredictions, groups: Result<ItemGroups, PredictionFileError>)
    do {
      read = try PredictionReader(path: path, options: options).readItems(groupColumn: groupColumn)
    } catch {
      throw InputOptions.failure(error)
    }
    Console.writeWarnings(read.items.warnings)
    return read
  }

  /// The codes of groups read from `path`, once they are known to cover
  /// `itemCount` items.
  ///
  /// - Parameters:
  ///   - groups: The groups read, or why they could not be.
  ///   - path: The file they were read from.
  ///   - itemCount: The number of items the groups must cover.
  /// - Returns: One group code per item, numbered from zero in first-seen
  ///   order.
  /// - Throws: The reader's failure, or a data failure when the counts
  ///   differ.
  static func checkedCodes(
    _ groups: Result<ItemGroups, PredictionFileError>, path: String, itemCount: Int
  ) throws(CommandFailure) -> [Int] {
    let codes: [Int]
    switch groups {
    case .success(let groups): codes = groups.codes
    case .failure(let error): throw InputOptions.failure(error)
    }
    guard codes.count == itemCount else {
      throw .data(
        "\(path): expected a group for each of the \(itemCount) items, found \(codes.count)")
    }
    return codes
  }
}
