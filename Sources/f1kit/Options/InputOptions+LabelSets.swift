import CommandLineSupport
import F1Kit
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
    // Read again with their label-set columns, to find their columns
    // and place errors on a line.
    var reading = self
    reading.reader = labelSets.file
    if items.allSatisfy({ $0.identifiers == nil }) {
      try Self.refuseReorderedRows(
        paths, inputs: Array(repeating: reading, count: paths.count),
        labels: items.flatMap(\.labels), readsLabelSets: true)
    }
    do {
      return try AlignedLabelSets(items, names: paths, labels: labels)
    } catch {
      if case .duplicateLabel = error { throw .usage(error.description) }
      throw Self.alignmentFailure(
        error, paths: paths, names: paths, inputs: Array(repeating: reading, count: paths.count),
        placesColumn: false)
    }
  }
}

extension InputOptions {
  /// Says on standard error, for each file read as label sets only
  /// because a cell holds the separator, which cell made it so: a class
  /// such as `Sci|Tech` is one label to scikit-learn, and split in two
  /// here, every number changes with no other sign.
  ///
  /// - Parameters:
  ///   - paths: The files read as label sets.
  ///   - problem: The `--problem` given, if any; with one nothing is said.
  func noteInferredLabelSets(_ paths: [String], problem: ProblemChoice?) {
    guard problem == nil else { return }
    for path in paths {
      guard let cell = LabelSetReader.firstSeparatedCell(path: path, options: labelSets) else {
        continue
      }
      let isList = cell.text.drop { $0 == " " }.hasPrefix("[")
      let reading = isList ? "a list of labels" : "split at '\(labelSets.separator)'"
      Console.writeError(
        "note: \(path) is read as label sets (multilabel): line \(cell.line) has \(TerminalText.quoted(cell.text)), \(reading); give --problem multiclass to keep each cell one label\n"
      )
    }
  }
}
