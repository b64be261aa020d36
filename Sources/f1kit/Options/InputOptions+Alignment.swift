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
  ///   `file:line:column: …` for a gold label that differs, which names
  ///   `--id-column` when files aligned row by row share a column whose
  ///   values are distinct within each.
  /// - Complexity: O(*b*) for the *b* bytes of the file read again, up to
  ///   the item.
  static func alignmentFailure(
    _ error: AlignmentError, paths: [String], names: [String], inputs: [InputOptions],
    placesColumn: Bool = true
  ) -> CommandFailure {
    var hint = ""
    if case .goldMismatch = error { hint = rowKeyHint(paths, inputs: inputs) }
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
}
