import F1KitReading

/// A reason a report cannot be built or written.
public enum ReportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No model was given.
  case noModels
  /// Two models were scored on different gold labels, so they cannot be
  /// compared.
  case goldLabelsDiffer(reference: String, model: String, detail: String)
  /// The files do not hold the same items (matched by id, or row by row
  /// without ids).
  case itemsDoNotMatch(String)
  /// The models' files could not be aligned item by item; the error says
  /// where, so that a command can name the file's line.
  case itemsNotAligned(AlignmentError)
  /// Resampling failed; the message says why.
  case statistics(String)
  /// The models' options do not fit the data (for example a positive label
  /// that is not a label).
  case invalidOptions(String)
  /// The report file cannot be created or replaced: a missing folder, a
  /// folder in the way, no permission.
  case cannotWrite(path: String, reason: String)
  /// Writing the report's bytes failed part-way, such as on a full disk.
  case writeFailed(path: String, reason: String)

  /// A one-line explanation for people.
  public var description: String {
    switch self {
    case .noModels:
      "expected at least one prediction file"
    case .goldLabelsDiffer(let reference, let model, let detail):
      "\(model) and \(reference) have different gold labels (\(detail)); a report compares models on the same test items"
    case .itemsDoNotMatch(let message), .statistics(let message), .invalidOptions(let message):
      message
    case .itemsNotAligned(let error):
      error.description
    case .cannotWrite(let path, let reason), .writeFailed(let path, let reason):
      "cannot write \(path): \(reason)"
    }
  }
}
