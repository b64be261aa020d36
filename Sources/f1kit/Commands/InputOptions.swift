import F1Kit
import F1KitReading
import Foundation

/// The options every command shares for reading a prediction file.
struct InputOptions {
  /// The one prediction file a single-file command reads.
  static let fileArgument = CommandSpecification.Argument(
    name: "file",
    help: "A CSV, TSV or JSON Lines file of gold labels and predictions; '-' reads standard input.")

  static let specifications: [CommandSpecification.Option] = [
    .value(
      "input-format", "input-format",
      help: "The file's format; from the extension or contents when omitted.",
      allowed: ["csv", "tsv", "jsonl"]),
    .value(
      "gold-column", "name", help: "The gold-label column (default: label, gold, y_true or target)."
    ),
    .value(
      "pred-column", "name", help: "The prediction column (default: prediction, pred or y_pred)."),
    .value("id-column", "name", help: "The item-id column (default: id, when present)."),
    .value(
      "score-columns", "names",
      help:
        "Per-class score columns, named by their labels, separated by commas; the highest score wins (ties: the first column)."
    ),
    .value(
      "score-array-column", "name",
      help:
        "A column holding a JSON array of per-class scores; classes are named by --labels or 0, 1, ..."
    ),
    .value(
      "score-column", "name",
      help:
        "One binary score column; the positive label is predicted when the score is at least --threshold."
    ),
    .value("threshold", "threshold", help: "The cut-off for --score-column.", default: "0.5"),
    .value(
      "count-column", "name",
      help:
        "A count column that makes each row a confusion-matrix cell (default: count, when present with gold and prediction columns)."
    ),
    .value(
      "max-record-bytes", "bytes",
      help: "The longest record read, in bytes; a longer one is an error.",
      default: String(PredictionFileOptions.defaultMaximumRecordByteCount)),
  ]

  var path: String
  var labels: [String]?
  var reader: PredictionFileOptions

  init(_ parsed: ParsedArguments, in command: CommandSpecification, fileIndex: Int = 0)
    throws(UsageError)
  {
    path = parsed.positionals[fileIndex]
    labels = try parsed.value("labels", in: command).map { text throws(UsageError) in
      try Self.parseList(text)
    }
    reader = PredictionFileOptions()
    reader.format = parsed.value("input-format", in: command).flatMap(
      PredictionFileFormat.init(rawValue:))
    reader.goldColumn = parsed.value("gold-column", in: command)
    reader.predictionColumn = parsed.value("pred-column", in: command)
    reader.idColumn = parsed.value("id-column", in: command)
    reader.scoreColumns =
      try parsed.value("score-columns", in: command).map { text throws(UsageError) in
        try Self.parseList(text)
      } ?? []
    reader.scoreArrayColumn = parsed.value("score-array-column", in: command)
    reader.scoreColumn = parsed.value("score-column", in: command)
    reader.threshold = try parsed.number("threshold", in: command, within: -1e300...1e300) ?? 0.5
    reader.countColumn = parsed.value("count-column", in: command)
    reader.positiveLabel = parsed.value("positive", in: command)
    reader.maximumRecordByteCount =
      try parsed.integer("max-record-bytes", in: command, within: 1...Int.max)
      ?? PredictionFileOptions.defaultMaximumRecordByteCount
    reader.labels = labels
  }

  /// Reads the file into a confusion matrix, turning reader errors into
  /// one-line data errors.
  func readConfusionMatrix() throws -> ConfusionMatrix {
    do {
      let counts = try PredictionReader(path: path, options: reader).readCounts()
      for warning in counts.warnings { Console.writeError("warning: \(warning)\n") }
      return try counts.confusionMatrix(labels: labels)
    } catch let error as PredictionFileError {
      throw CommandFailure(message: error.description, status: Self.exitStatus(of: error))
    }
  }

  /// 66 (`EX_NOINPUT`) when the file cannot be opened, 65 (`EX_DATAERR`)
  /// for anything wrong inside it, 64 when the options contradict each other.
  static func exitStatus(of error: PredictionFileError) -> Int32 {
    switch error.reason {
    case .cannotOpen: 66
    case .invalidOptions, .positiveLabelNeeded: 64
    default: 65
    }
  }

  /// Reads the file's items in order, for paired comparisons.
  func readItems() throws -> ItemPredictions {
    do {
      let items = try PredictionReader(path: path, options: reader).readItems()
      for warning in items.warnings { Console.writeError("warning: \(warning)\n") }
      return items
    } catch {
      throw CommandFailure(message: error.description, status: Self.exitStatus(of: error))
    }
  }

  /// Splits `a,b,c`, or decodes a JSON array of strings for labels that
  /// contain commas.
  static func parseList(_ text: String) throws(UsageError) -> [String] {
    guard text.hasPrefix("[") else {
      return text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    guard let data = text.data(using: .utf8),
      let list = try? JSONSerialization.jsonObject(with: data) as? [String]
    else {
      throw UsageError(message: "Expected a JSON array of strings, found '\(text)'")
    }
    return list
  }
}
