import CommandLineSupport
import F1Kit
import F1KitAdvice
import F1KitReading
import F1KitReport
import F1KitStatistics

extension AdviseCommand {
  /// A file's scores as `advise` shows and advises on them.
  struct Scores {
    /// The score metrics, the cut-off and where it came from, and how far
    /// F1 moves with it.
    var summary: ScoreSummary
    /// The scores for the advice rules.
    var advised: AdvisedScores
    /// The confusion matrix of the predictions, when the scores made them.
    var matrix: ConfusionMatrix?
    /// A line on where the scores came from, when found by name.
    var note: String?
  }

  /// The file's scores: from `--score-column`, `--score-columns` or
  /// `--score-array-column` (which then make the predictions), or from
  /// columns found by name beside the prediction column (one named
  /// `score`, or one named after each class); `nil` without scores.
  ///
  /// - Parameter labels: The file's labels, asked for only when columns
  ///   named after them are looked for.
  /// - Returns: The scores, or `nil`.
  /// - Throws: A one-line failure when the file or its scores cannot be
  ///   read, or the `--threshold-from` cut-off cannot be worked out.
  func readScores(labels: () -> [String]) throws(CommandFailure) -> Scores? {
    if input.hasScores {
      // The advice says at length what the hard-label warning would.
      let (items, model) = try input.readScoredModel(path, warnsAboutMisreadScores: false)
      let threshold = try input.thresholdChoice(for: path)
      return try scores(
        items, model: model, source: items.sourceDescription, threshold: threshold,
        matrix: try input.confusionMatrix(of: items, path: path), note: nil)
    }
    switch input.detectScores(path, labels: labels) {
    case .none: return nil
    case .unreadable(let columns, let reason):
      let phrase = columns.contains(",") ? "columns \(columns) are" : "column \(columns) is"
      Console.writeError("warning: \(path): the \(phrase) not read as scores\(reason)\n")
      return nil
    case .scores(let items):
      let model: ScoredModel
      do {
        model = try ScoredModel(items)
      } catch {
        throw .data("\(path): \(error.description)")
      }
      let note = InputOptions.detectedScoreNote(for: items)
      guard items.positiveLabel != nil else {
        return try scores(
          items, model: model,
          source:
            "per-class scores from the columns \(InputOptions.detectedColumns(of: items)) (found by name)",
          threshold: nil, matrix: nil, note: note)
      }
      let implied = ScoreReport.impliedThreshold(items, try input.readItems(path))
      return Scores(
        summary: try summary(
          model, source: items.sourceDescription + " from the column “score” (found by name)",
          threshold: nil),
        advised: AdvisedScores(
          name: path, scores: model, threshold: nil, impliedThreshold: implied),
        matrix: nil, note: note)
    }
  }

  /// Scores with their summary, which for two per-class columns adds the
  /// binary average precision and ROC-AUC of the positive label's column,
  /// as `evaluate` adds them.
  private func scores(
    _ items: ItemScores, model: ScoredModel, source: String, threshold: ThresholdChoice?,
    matrix: ConfusionMatrix?, note: String?
  ) throws(CommandFailure) -> Scores {
    var summary = try summary(model, source: source, threshold: threshold)
    if let column = input.positiveColumn(of: items, path: path),
      let binary = try? ScoredModel(column.items)
    {
      summary.addPositiveColumn(
        try self.summary(binary, source: "", threshold: nil), positiveLabel: column.label)
    }
    return Scores(
      summary: summary, advised: AdvisedScores(name: path, scores: model, threshold: threshold),
      matrix: matrix, note: note)
  }

  private func summary(_ model: ScoredModel, source: String, threshold: ThresholdChoice?)
    throws(CommandFailure) -> ScoreSummary
  {
    do {
      return try ScoreSummary(model: model, source: source, threshold: threshold)
    } catch {
      throw .usage(error.description)
    }
  }
}
