import CommandLineSupport
import F1Kit
import F1KitReading

extension InputOptions {
  /// Refuses files aligned row by row that share a column naming their
  /// items (see `RowKeyColumn`), such as a data frame's named index, in
  /// another order in some file: pairing their rows would pair different
  /// items, with nothing else to show it when the files were sorted by
  /// gold label. Files whose column is in the same order are paired as
  /// before.
  ///
  /// - Parameters:
  ///   - paths: The files, in alignment order.
  ///   - inputs: How each file is read.
  ///   - items: Each file's items; files with ids are aligned by them,
  ///     and their labels are not candidates (a class's score column is
  ///     named for it).
  ///   - groupColumn: The group column read beside the items, if any.
  /// - Throws: A data failure (exit 65) naming the column, with
  ///   `--id-column` and `--no-id-column` as the ways on.
  /// - Complexity: O(1) for files with no other column than those read;
  ///   one more pass over every file for each other column read.
  static func refuseReorderedRows(
    _ paths: [String], inputs: [InputOptions], items: [ItemPredictions],
    groupColumn: String? = nil
  ) throws(CommandFailure) {
    guard items.allSatisfy({ $0.identifiers == nil }) else { return }
    try refuseReorderedRows(
      paths, inputs: inputs, labels: items.flatMap(\.labels), groupColumn: groupColumn)
  }

  /// Refuses files aligned row by row whose key column is in another
  /// order, as ``refuseReorderedRows(_:inputs:items:groupColumn:)`` does,
  /// for files read without ids into other shapes (scores, label sets).
  ///
  /// - Parameters:
  ///   - paths: The files, in alignment order, none of them with ids.
  ///   - inputs: How each file is read.
  ///   - labels: The files' labels, which are not candidates.
  ///   - groupColumn: The group column read beside the items, if any.
  ///   - readsLabelSets: Whether the files are read as label sets, whose
  ///     columns are read so too.
  /// - Throws: A data failure (exit 65) naming the column.
  static func refuseReorderedRows(
    _ paths: [String], inputs: [InputOptions], labels: [String], groupColumn: String? = nil,
    readsLabelSets: Bool = false
  ) throws(CommandFailure) {
    guard
      let key = rowKeyColumn(
        paths, inputs: inputs, excluding: Set(labels), groupColumn: groupColumn,
        readsLabelSets: readsLabelSets),
      let file = key.reorderedFile, let row = key.firstDifference,
      let (first, found) = key.differingValues
    else { return }
    throw .data(
      "\(paths[file]): the files have no id column, so their rows would be paired by position, but the column \(TerminalText.quoted(key.name)) holds the values of \(paths[0]), each once, in another order (data row \(row + 1) has \(TerminalText.quoted(found)), \(TerminalText.quoted(first)) in \(paths[0])): give --id-column \(TerminalText.shellWord(key.name)) to align the files by it, or --no-id-column to pair the rows as they are"
    )
  }

  /// What to add to a gold-label mismatch of files aligned row by row when
  /// they share a column whose values are distinct within each file and
  /// differ row by row (a column in the same order would pair the same
  /// rows): the option that aligns the files by it.
  ///
  /// - Parameters:
  ///   - paths: The files, in alignment order.
  ///   - inputs: How each file is read.
  /// - Returns: `"; …"` naming `--id-column`, or an empty string.
  static func rowKeyHint(_ paths: [String], inputs: [InputOptions]) -> String {
    guard
      let key = rowKeyColumn(
        paths, inputs: inputs, excluding: [], groupColumn: nil, requiresSameSet: false),
      key.reorderedFile != nil
    else { return "" }
    return
      "; the files are aligned row by row, and each has a column \(TerminalText.quoted(key.name)) whose values are distinct: give --id-column \(TerminalText.shellWord(key.name)) to align them by it"
  }

  /// The files' key column, passing over the columns each input names
  /// for a weight or group and the items' labels.
  private static func rowKeyColumn(
    _ paths: [String], inputs: [InputOptions], excluding labels: Set<String>,
    groupColumn: String?, requiresSameSet: Bool = true, readsLabelSets: Bool = false
  ) -> RowKeyColumn? {
    var excluded = labels
    if let groupColumn { excluded.insert(groupColumn) }
    var readers: [PredictionReader] = []
    for (path, input) in zip(paths, inputs) {
      if let weight = input.labelSets.weightColumn { excluded.insert(weight) }
      guard let options = try? input.readerOptions(for: path),
        let reader = try? PredictionReader(path: path, options: options)
      else { return nil }
      readers.append(reader)
    }
    guard readsLabelSets else {
      return RowKeyColumn.find(in: readers, excluding: excluded, requiresSameSet: requiresSameSet)
    }
    // A label set is read as one cell that single labels' reading refuses
    // (an empty set, say): the column is read as the label-set files' ids.
    return RowKeyColumn.find(
      in: readers, excluding: excluded, requiresSameSet: requiresSameSet
    ) { file, column in
      var options = inputs[file].labelSets
      options.file.idColumn = column
      let items = try? LabelSetReader(path: paths[file], options: options).readItems()
      return items?.identifiers
    }
  }
}
