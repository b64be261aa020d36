import CommandLineSupport
import F1KitReading

extension InputOptions {
  /// Reads a file's items in order and the group of each in the same pass,
  /// without printing the reader's warnings, which the items keep (see
  /// `PredictionReader.readItems(groupColumn:)`).
  ///
  /// - Parameters:
  ///   - path: The file, or `-` for standard input.
  ///   - groupColumn: The group column.
  ///   - isOnePass: Whether to read the file in one pass on this thread.
  /// - Returns: The items, with their warnings, and their groups or why
  ///   there are none.
  /// - Throws: A one-line failure with the reader's exit status for the
  ///   items.
  func readItemsKeepingWarnings(_ path: String, groupColumn: String, isOnePass: Bool = false)
    throws(CommandFailure) -> (
      items: ItemPredictions, groups: Result<ItemGroups, PredictionFileError>
    )
  {
    var options = try readerOptions(for: path)
    if isOnePass { options.minimumParallelByteCount = .max }
    do {
      return try PredictionReader(path: path, options: options).readItems(groupColumn: groupColumn)
    } catch {
      throw Self.failure(error)
    }
  }

  /// Reads a file's items in the order of another file's ids and the
  /// group of each in the same pass, as
  /// ``readItemsKeepingWarnings(_:alignedTo:)`` does.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - reference: The items of the first file, with ids.
  ///   - groupColumn: The group column.
  /// - Returns: The items with their warnings and their groups in
  ///   `reference`'s order (or why there are none), or `nil` when they
  ///   cannot be read so.
  /// - Throws: A usage failure for options that do not fit the file.
  func readItemsKeepingWarnings(
    _ path: String, alignedTo reference: ItemPredictions, groupColumn: String
  ) throws(CommandFailure) -> (
    items: ItemPredictions, groups: Result<ItemGroups, PredictionFileError>
  )? {
    let options = try readerOptions(for: path)
    guard let reader = try? PredictionReader(path: path, options: options) else { return nil }
    return reader.readItems(alignedTo: reference, groupColumn: groupColumn)
  }
}
