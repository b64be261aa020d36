import CommandLineSupport
import F1KitReading

extension ExperimentOptions {
  /// The group of each item, read from a file's group column in its row
  /// order, which is the order reading and alignment keep.
  ///
  /// - Parameters:
  ///   - column: The group column.
  ///   - path: The file; standard input cannot be read twice, so `-` is
  ///     refused.
  ///   - input: How files are read.
  ///   - itemCount: The number of items the groups must cover.
  /// - Returns: One group code per item, numbered from zero in first-seen
  ///   order.
  /// - Throws: A usage failure for standard input, the reader's failure, or
  ///   a data failure when the counts differ.
  static func groupCodes(
    column: String, path: String, input: InputOptions, itemCount: Int
  ) throws(CommandFailure) -> [Int] {
    guard path != "-" else {
      throw .usage("--group-column needs a file: standard input cannot be read twice")
    }
    let groups: ItemGroups
    do {
      groups = try PredictionReader(path: path, options: input.reader).readGroups(column: column)
    } catch {
      throw InputOptions.failure(error)
    }
    return try checkedCodes(groups, path: path, itemCount: itemCount)
  }

  /// The codes of groups read from `path`, once they are known to cover
  /// `itemCount` items.
  ///
  /// - Parameters:
  ///   - groups: The groups read.
  ///   - path: The file they were read from.
  ///   - itemCount: The number of items the groups must cover.
  /// - Returns: One group code per item.
  /// - Throws: A data failure when the counts differ.
  static func checkedCodes(_ groups: ItemGroups, path: String, itemCount: Int)
    throws(CommandFailure) -> [Int]
  {
    guard groups.codes.count == itemCount else {
      throw .data(
        "\(path): expected a group for each of the \(itemCount) items, found \(groups.codes.count)"
      )
    }
    return groups.codes
  }
}
