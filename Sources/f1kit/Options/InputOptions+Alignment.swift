import CommandLineSupport
import F1KitReading

extension InputOptions {
  /// The failure (exit 65) for files that cannot be aligned, placed on the
  /// line of the item it is about when that file can be read again: the
  /// first extra item of a longer file, the last item of a shorter one, or
  /// an id the first file lacks.
  ///
  /// - Parameters:
  ///   - error: The alignment's error.
  ///   - paths: The files, in the order they were aligned.
  ///   - names: The name of each file in `error`, as given to the
  ///     alignment.
  ///   - inputs: How each file is read.
  ///   - placesColumn: Whether a gold label that differs is placed on its
  ///     field as well as its line; not for label sets, whose gold is
  ///     spread over several columns.
  /// - Returns: A one-line data failure, `file:line: …` when placed, and
  ///   `file:line:column: …` for a gold label that differs.
  /// - Complexity: O(*b*) for the *b* bytes of the file read again, up to
  ///   the item.
  static func alignmentFailure(
    _ error: AlignmentError, paths: [String], names: [String], inputs: [InputOptions],
    placesColumn: Bool = true
  ) -> CommandFailure {
    let hint = pandasIndexHint(error, paths: paths, names: names, inputs: inputs)
    guard let place = error.place, let index = names.firstIndex(of: place.file),
      index < paths.count, index < inputs.count,
      let reader = try? PredictionReader(path: paths[index], options: inputs[index].reader),
      let location = reader.goldLocation(ofItem: place.item)
    else { return .data(error.description + hint) }
    var column: Int?
    if placesColumn, case .goldMismatch = error { column = location.column }
    return .data(
      error.description(path: paths[index], line: location.line, column: column) + hint)
  }

  /// The end of the message for a gold label that differs row by row
  /// between two files whose first column is unnamed: pandas' index, which
  /// F1Kit does not take for ids unless it is named, may well say which
  /// rows are the same items.
  private static func pandasIndexHint(
    _ error: AlignmentError, paths: [String], names: [String], inputs: [InputOptions]
  ) -> String {
    guard case .goldMismatch(_, let firstFile, _, let otherFile, _, _) = error,
      let first = names.firstIndex(of: firstFile), let other = names.firstIndex(of: otherFile),
      first < paths.count, other < paths.count, first < inputs.count, other < inputs.count
    else { return "" }
    // With --no-id-column the rows align by position as asked.
    let bothUnnamed = [first, other].allSatisfy { index in
      inputs[index].reader.idColumn?.isEmpty != true
        && (try? PredictionReader(path: paths[index], options: inputs[index].reader))?
          .hasUnnamedFirstColumn() == true
    }
    guard bothUnnamed else { return "" }
    return
      " in the same order. Both begin with an unnamed column, as pandas writes a DataFrame's index: if it names the items, write it as an id column (df.to_csv(path, index_label=\"id\")) and the files align by it"
  }
}
