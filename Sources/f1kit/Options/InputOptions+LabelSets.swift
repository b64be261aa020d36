import CommandLineSupport
import F1KitReading

extension InputOptions {
  /// Reads one multilabel file per model and aligns their items by id (or
  /// row), as `compare` and `report` both need.
  ///
  /// - Parameter paths: One file per model.
  /// - Returns: The aligned label sets, named by their files.
  /// - Throws: A one-line failure: a usage error for a label named twice in
  ///   `--labels`, a data error for items that do not align.
  func alignedLabelSets(_ paths: [String]) throws(CommandFailure) -> AlignedLabelSets {
    var items: [LabelSetItems] = []
    for path in paths {
      do {
        items.append(try LabelSetReader(path: path, options: labelSets).readItems())
      } catch {
        throw Self.failure(error)
      }
    }
    do {
      return try AlignedLabelSets(items, names: paths, labels: labels)
    } catch {
      if case .duplicateLabel = error { throw .usage(error.description) }
      // Placed on a line by reading the file again with its label-set
      // columns.
      var reading = self
      reading.reader = labelSets.file
      throw Self.alignmentFailure(
        error, paths: paths, names: paths, inputs: Array(repeating: reading, count: paths.count),
        placesColumn: false)
    }
  }
}
