import CommandLineSupport
import F1KitReading

extension InputOptions {
  /// The column read as binary scores beside the prediction column, by
  /// `report` and `advise`, when no score option is given.
  static let detectedScoreColumn = "score"

  /// What a file's score columns found by name hold.
  enum DetectedScores {
    /// No score option is given, or the file has no such columns, or it
    /// is standard input (which cannot be read twice).
    case none
    /// One binary score per item (the column ``detectedScoreColumn``), or
    /// one score per class (columns named after the classes).
    case scores(ItemScores)
    /// The columns are there but cannot be read as scores: which, quoted
    /// (“score”, or each class's column), and why, as the end of a
    /// sentence that names them (from its opening parenthesis or colon).
    case unreadable(columns: String, reason: String)
  }

  /// Reads the scores a file holds beside its prediction column, for the
  /// score metrics; the predictions are read separately and unchanged.
  ///
  /// A column named ``detectedScoreColumn`` is read as binary scores.
  /// Without one, a column named after each of `labels` (as pandas writes
  /// `df[clf.classes_] = clf.predict_proba(X)`, and as
  /// `CrossEncoderEvaluator.predictionFile` writes a multi-output model's
  /// scores) is read as per-class scores.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - labels: The file's labels, whose columns are looked for when it
  ///     has no ``detectedScoreColumn`` (asked for only then); none to
  ///     look only for that.
  /// - Returns: The scores, or why there are none.
  func detectScores(_ path: String, labels: () -> [String] = { [] }) -> DetectedScores {
    guard !hasScores, path != "-" else { return .none }
    var options = reader
    options.predictionColumn = nil
    options.scoreColumn = Self.detectedScoreColumn
    let found = Self.readDetected(
      path, options: options, columns: "“\(Self.detectedScoreColumn)”", option: "--score-column")
    guard case .none = found else { return found }
    let labels = labels()
    guard labels.count >= 2 else { return .none }
    options.scoreColumn = nil
    options.scoreColumns = labels
    return Self.readDetected(
      path, options: options, columns: labels.map { "“\($0)”" }.joined(separator: ", "),
      option: "--score-columns")
  }

  /// Reads scores with detection's options: no such column is no scores.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - options: The reader's options, naming the columns.
  ///   - columns: The columns, quoted, for a reason they are not read.
  ///   - option: The option that reads them explicitly, for that reason.
  /// - Returns: The scores, or why there are none.
  private static func readDetected(
    _ path: String, options: PredictionFileOptions, columns: String, option: String
  ) -> DetectedScores {
    do {
      return .scores(try PredictionReader(path: path, options: options).readItemScores())
    } catch {
      // No such column; or a fault of the file, not of its scores, which
      // the read of the predictions reports in one line of its own.
      if isFileFault(error.reason) { return .none }
      switch error.reason {
      case .defaultThresholdOutsideScores(_, let lowest, let highest)
      where lowest >= 0.5 && highest <= 1:
        return .unreadable(columns: columns, reason: ": " + Self.confidenceNote)
      case .defaultThresholdOnScale where options.isDefaultThreshold:
        // Detected scores serve the score metrics, which take no cut-off;
        // the predictions come from the prediction column.
        var scale = options
        scale.isDefaultThreshold = false
        return readDetected(path, options: scale, columns: columns, option: option)
      default: break
      }
      return .unreadable(columns: columns, reason: " (give \(option)): " + error.description)
    }
  }

  /// Whether a failure to read detected scores is no fault of theirs: no
  /// such column, or a file that cannot be opened or read, is not text,
  /// is malformed, has a record past the limit or repeats an id. The read
  /// of the predictions stops at the same fault with its own line, so a
  /// warning that the scores were not read would only say it twice.
  ///
  /// - Parameter reason: Why the scores were not read.
  /// - Returns: Whether the predictions' read reports it.
  static func isFileFault(_ reason: PredictionFileError.Reason) -> Bool {
    switch reason {
    case .missingColumn, .cannotOpen, .cannotRead, .duplicateID, .recordTooLong, .emptyFile,
      .noDataRows, .notText, .notUTF8, .carriageReturnLineEnds, .repeatedHeader, .jsonArray,
      .pandasJSON,
      .malformedJSON,
      .unterminatedQuote, .strayQuote, .unexpectedCharacterAfterQuote, .wrongFieldCount:
      return true
    case .invalidUTF8(let column):
      return column == nil
    default:
      return false
    }
  }

  /// Why a score column of a binary file whose every value lies in
  /// [0.5, 1] is not taken for the positive class's probability: that is
  /// the confidence of the predicted label, as Hugging Face's
  /// text-classification pipeline writes `{"label", "score"}`, and read
  /// as a probability it would rank every negative prediction high.
  static let confidenceNote =
    "every score lies between 0.5 and 1, as when it is the predicted label's confidence (Hugging Face pipelines write {\"label\", \"score\"} so); the score metrics need the positive class's probability: write the score where the prediction is positive and 1 - score where it is not"

  /// A sentence for people on the scores found by
  /// ``detectScores(_:labels:)``.
  ///
  /// - Parameter scores: The scores found.
  /// - Returns: The sentence.
  static func detectedScoreNote(for scores: ItemScores) -> String {
    guard scores.positiveLabel == nil else {
      return
        "“\(detectedScoreColumn)” (found by name) for the score metrics; the predictions still come from the prediction column (give --score-column \(detectedScoreColumn) to make them from the score and a threshold)"
    }
    return
      "\(detectedColumns(of: scores)) (found by name, one per class) for the score metrics; the predictions still come from the prediction column (give --score-columns \(scores.scoredLabels.joined(separator: ",")) to make them from the highest score)"
  }

  /// The score columns found by name, quoted: “score”, or one per class.
  ///
  /// - Parameter scores: The scores found.
  /// - Returns: The columns, quoted and separated by commas.
  static func detectedColumns(of scores: ItemScores) -> String {
    guard scores.positiveLabel == nil else { return "“\(detectedScoreColumn)”" }
    return scores.scoredLabels.map { "“\($0)”" }.joined(separator: ", ")
  }
}
