import F1KitReading

/// The warnings that a table read one prediction column at a time looks
/// like items with a `count` of something else, checked over every
/// column at once.
///
/// A joint count table (`GROUP BY label, model_a, model_b`) has one row
/// per combination of all its columns, so each model's (gold, prediction)
/// pairs repeat across the other models' predictions: one column's pairs
/// alone would take the table for items. The warning a column's read
/// gives is held back, and the file's combinations over every column are
/// counted once a column's read has given it.
struct CountColumnNotes {
  /// Each file whose column read gave the warning, with the first such
  /// warning, in the order first seen.
  private var suspects: [(path: String, note: String)] = []

  /// The warnings of one column's read to write now: all of them when
  /// the file has one prediction column; else all but the count column's
  /// note, which is kept for ``notes(columns:input:)``.
  ///
  /// - Parameters:
  ///   - counts: One column's counts from `path`.
  ///   - path: The file read.
  ///   - columnCount: The number of prediction columns read from it.
  /// - Returns: The warnings to write.
  mutating func keeping(_ counts: LabelCounts, of path: String, columnCount: Int) -> [String] {
    guard columnCount > 1, let note = counts.countColumnNote else { return counts.warnings }
    if !suspects.contains(where: { $0.path == path }) { suspects.append((path, note)) }
    return counts.warnings.filter { $0 != note }
  }

  /// The count column's warnings held back: for each file, the warning
  /// of a read of every column at once, when its rows far outnumber the
  /// combinations of them all; or the column's own warning when the file
  /// cannot be read so.
  ///
  /// - Parameters:
  ///   - columns: Every model's prediction column.
  ///   - input: How the files are read.
  /// - Returns: The warnings, at most one a file.
  /// - Complexity: One more read of each file held back, O(*r* · *m*)
  ///   memory for *r* rows of *m* columns.
  func notes(columns: [String], input: InputOptions) -> [String] {
    suspects.compactMap { suspect in
      var options = input.reader
      options.acceptsHeaderOnly = true
      guard
        let joint = try? PredictionReader(path: suspect.path, options: options).readJointCounts(
          predictionColumns: columns)
      else { return suspect.note }
      return joint.countColumnNote
    }
  }
}
