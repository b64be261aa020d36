import CommandLineSupport
import F1Kit
import F1KitReading
import Foundation

/// The options every command shares for reading a prediction file.
struct InputOptions {
  /// The one prediction file a single-file command reads.
  static let file = Argument<String>(
    name: "file",
    help: "A CSV, TSV or JSON Lines file of gold labels and predictions; '-' reads standard input.")

  static let inputFormat = Option<InputFormat?>(
    name: "input-format", help: "The file's format; from the extension or contents when omitted.")
  static let goldColumn = Option<String?>(
    name: "gold-column", valueName: "name",
    help: "The gold-label column (default: label, gold, y_true or target).")
  static let predictionColumn = Option<String?>(
    name: "pred-column", valueName: "name",
    help: "The prediction column (default: prediction, pred or y_pred).")
  static let idColumn = Option<String?>(
    name: "id-column", valueName: "name",
    help:
      "The item-id column that aligns files (default: id, when present; '' reads no ids).")
  static let noIDColumn = Flag(
    name: "no-id-column",
    help: "Read no ids, even from a column named id: align files row by row.")
  static let scoreColumns = Option<[String]?>(
    name: "score-columns", valueName: "names",
    help:
      "Per-class score columns, named by their labels, separated by commas; the highest score wins (ties: the first column).",
    default: .some(nil),
    expectation: "column names separated by commas, or a JSON array of strings",
    convert: { ScoringOptions.parseList($0).map { .some($0) } })
  static let scoreArrayColumn = Option<String?>(
    name: "score-array-column", valueName: "name",
    help:
      "A column holding a JSON array of per-class scores; classes are named by --labels or 0, 1, ..."
  )
  static let scoreColumn = Option<String?>(
    name: "score-column", valueName: "name",
    help:
      "One binary score column; the positive label is predicted when the score is at least --threshold."
  )
  static let threshold = Option<Double>(
    name: "threshold", help: "The cut-off for --score-column.", default: 0.5)
  static let countColumn = Option<String?>(
    name: "count-column", valueName: "name",
    help:
      "A count column that makes each row a confusion-matrix cell (default: count, when present with gold and prediction columns)."
  )

  static let delimiter = Option<Unicode.Scalar?>(
    name: "delimiter", valueName: "character",
    help:
      "The field delimiter of a CSV or TSV file, such as ';' or tab (default: a comma, or ';' or a tab when the header has no comma).",
    default: .some(nil),
    expectation: "one ASCII character other than a double quote, or 'tab'",
    convert: { text in
      if text == "tab" || text == "\\t" { return .some("\t") }
      let scalars = Array(text.unicodeScalars)
      guard scalars.count == 1, scalars[0].isASCII, scalars[0] != "\"", scalars[0] != "\n",
        scalars[0] != "\r"
      else { return nil }
      return .some(scalars[0])
    })
  static let maximumRecordBytes = Option<Int>(
    name: "max-record-bytes", valueName: "bytes",
    help: "The longest record read, in bytes; a longer one is an error.",
    default: PredictionFileOptions.defaultMaximumRecordByteCount, in: 1...Int.max)

  /// The declarations, in help order.
  static let declarations: [any OptionDeclaration] = [
    inputFormat, goldColumn, predictionColumn, idColumn, noIDColumn, scoreColumns,
    scoreArrayColumn, scoreColumn, threshold, countColumn, delimiter, maximumRecordBytes,
  ]

  /// The labels given by `--labels`, if any.
  var labels: [String]?
  /// How to read every file.
  var reader: PredictionFileOptions

  /// Reads the options; the command must also declare ``ScoringOptions``.
  ///
  /// - Parameter values: The parsed command line.
  /// - Throws: A ``UsageError`` when `--id-column` and `--no-id-column` are
  ///   both given.
  init(_ values: ParsedValues) throws(UsageError) {
    labels = values[ScoringOptions.labels]
    reader = PredictionFileOptions()
    reader.format = values[Self.inputFormat]?.fileFormat
    reader.goldColumn = values[Self.goldColumn]
    reader.predictionColumn = values[Self.predictionColumn]
    reader.idColumn = values[Self.idColumn]
    if values[Self.noIDColumn] {
      guard reader.idColumn == nil else {
        throw UsageError("'--id-column' and '--no-id-column' cannot be used together")
      }
      reader.idColumn = ""
    }
    reader.scoreColumns = values[Self.scoreColumns] ?? []
    reader.scoreArrayColumn = values[Self.scoreArrayColumn]
    reader.scoreColumn = values[Self.scoreColumn]
    reader.threshold = values[Self.threshold]
    reader.countColumn = values[Self.countColumn]
    reader.positiveLabel = values[ScoringOptions.positive]
    reader.maximumRecordByteCount = values[Self.maximumRecordBytes]
    reader.delimiter = values[Self.delimiter]
    reader.labels = labels
  }

  /// Reads a file into a confusion matrix.
  ///
  /// - Parameter path: The file, or `-` for standard input.
  /// - Returns: The confusion matrix over ``labels`` or the labels seen.
  /// - Throws: A one-line failure with the reader's exit status.
  func readConfusionMatrix(_ path: String) throws(CommandFailure) -> ConfusionMatrix {
    let counts: LabelCounts
    do {
      counts = try PredictionReader(path: path, options: reader).readCounts()
    } catch {
      throw Self.failure(error)
    }
    for warning in counts.warnings { Console.writeError("warning: \(warning)\n") }
    let matrix: ConfusionMatrix
    do {
      matrix = try counts.confusionMatrix(labels: labels)
    } catch {
      if case .duplicateLabel = error { throw .usage(error.description) }
      throw .data("\(path): \(error.description)")
    }
    guard matrix.total > 0 else {
      throw .data("\(path): expected at least one item, found none (every count is zero)")
    }
    return matrix
  }

  /// Refuses a folder where a file is expected, before anything is read, so
  /// the error names the problem rather than a failed read.
  ///
  /// - Parameters:
  ///   - paths: The paths as given; `-` (standard input) is always accepted.
  ///   - kind: What the file should be, for the message.
  /// - Throws: A failure with status 66 (`EX_NOINPUT`) for a folder.
  static func checkNotDirectories(_ paths: [String], kind: String = "a prediction file")
    throws(CommandFailure)
  {
    for path in paths where path != "-" {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        throw .noInput("\(path): is a folder; expected \(kind)")
      }
    }
  }

  /// Reads a file's items in order, for paired comparisons.
  ///
  /// - Parameter path: The file, or `-` for standard input.
  /// - Returns: The items.
  /// - Throws: A one-line failure with the reader's exit status.
  func readItems(_ path: String) throws(CommandFailure) -> ItemPredictions {
    do {
      let items = try PredictionReader(path: path, options: reader).readItems()
      for warning in items.warnings { Console.writeError("warning: \(warning)\n") }
      return items
    } catch {
      throw Self.failure(error)
    }
  }

  /// A reader error as a failure: 66 (`EX_NOINPUT`) when the file cannot be
  /// opened, 65 (`EX_DATAERR`) for anything wrong inside it, 64 when the
  /// options contradict each other or must name the positive label.
  ///
  /// - Parameter error: The reader's error.
  /// - Returns: The failure.
  static func failure(_ error: PredictionFileError) -> CommandFailure {
    let status: ExitStatus =
      switch error.reason {
      case .cannotOpen: .noInput
      case .invalidOptions, .positiveLabelNeeded: .usage
      default: .dataError
      }
    return CommandFailure(error.description, status: status)
  }
}
