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
  /// - Returns: A one-line data failure, `file:line: …` when placed.
  /// - Complexity: O(*b*) for the *b* bytes of the file read again, up to
  ///   the item.
  static func alignmentFailure(
    _ error: AlignmentError, paths: [String], names: [String], inputs: [InputOptions]
  ) -> CommandFailure {
    guard let place = error.place, let index = names.firstIndex(of: place.file),
      index < paths.count, index < inputs.count,
      let reader = try? PredictionReader(path: paths[index], options: inputs[index].reader),
      let line = reader.line(ofItem: place.item)
    else { return .data(error.description) }
    return .data(error.description(path: paths[index], line: line))
  }
}
