import CommandLineSupport
import F1KitReading

extension InputOptions {
  /// The column read as binary scores beside the prediction column, by
  /// `report` and `advise`, when no score option is given.
  static let detectedScoreColumn = "score"

  /// What a file's column named ``detectedScoreColumn`` holds.
  enum DetectedScores {
    /// No score option is given, or the file has no such column, or it is
    /// standard input (which cannot be read twice).
    case none
    /// One binary score per item.
    case scores(ItemScores)
    /// The column is there but cannot be read as binary scores: why, as
    /// the end of a sentence that names the column (from its opening
    /// parenthesis or colon).
    case unreadable(String)
  }

  /// Reads the column named ``detectedScoreColumn`` of a file whose
  /// predictions come from a prediction column, as binary scores for the
  /// score metrics; the predictions are read separately and unchanged.
  ///
  /// - Parameter path: The file.
  /// - Returns: The scores, or why there are none.
  func detectScores(_ path: String) -> DetectedScores {
    guard !hasScores, path != "-" else { return .none }
    var options = reader
    options.predictionColumn = nil
    options.scoreColumn = Self.detectedScoreColumn
    do {
      return .scores(try PredictionReader(path: path, options: options).readItemScores())
    } catch {
      switch error.reason {
      // No such column; or a file that cannot be opened or repeats an id,
      // which the read of the predictions reports.
      case .missingColumn, .cannotOpen, .duplicateID: return .none
      case .defaultThresholdOutsideScores(_, let lowest, let highest)
      where lowest >= 0.5 && highest <= 1:
        return .unreadable(": " + Self.confidenceNote)
      default: break
      }
      return .unreadable(" (give --score-column): " + error.description)
    }
  }

  /// Why a score column of a binary file whose every value lies in
  /// [0.5, 1] is not taken for the positive class's probability: that is
  /// the confidence of the predicted label, as Hugging Face's
  /// text-classification pipeline writes `{"label", "score"}`, and read
  /// as a probability it would rank every negative prediction high.
  static let confidenceNote =
    "every score lies between 0.5 and 1, as when it is the predicted label's confidence (Hugging Face pipelines write {\"label\", \"score\"} so); the score metrics need the positive class's probability: write the score where the prediction is positive and 1 - score where it is not"

  /// A sentence for people on the scores found by ``detectScores(_:)``.
  static var detectedScoreNote: String {
    "“\(detectedScoreColumn)” (found by name) for the score metrics; the predictions still come from the prediction column (give --score-column \(detectedScoreColumn) to make them from the score and a threshold)"
  }
}
