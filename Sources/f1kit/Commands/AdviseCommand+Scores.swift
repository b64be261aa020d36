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
  /// `--score-array-column` (which then make the predictions), or from a
  /// column named `score` beside the prediction column; `nil` without
  /// scores.
  ///
  /// - Returns: The scores, or `nil`.
  /// - Throws: A one-line failure when the file or its scores cannot be
  ///   read, or the `--threshold-from` cut-off cannot be worked out.
  func readScores() throws(CommandFailure) -> Scores? {
    if input.hasScores {
      let (items, model) = try input.readScoredModel(path)
      let threshold = try input.thresholdChoice(for: path)
      var summary = try summary(model, source: items.sourceDescription, threshold: threshold)
      // Two per-class columns: binary average precision and ROC-AUC of the
      // positive label's column, as `evaluate` adds them.
      if let column = input.positiveColumn(of: items, path: path),
        let binary = try? ScoredModel(column.items)
      {
        summary.addPositiveColumn(
          try self.summary(binary, source: "", threshold: nil), positiveLabel: column.label)
      }
      return Scores(
        summary: summary,
        advised: AdvisedScores(name: path, scores: model, threshold: threshold),
        matrix: try input.confusionMatrix(of: items, path: path), note: nil)
    }
    switch input.detectScores(path) {
    case .none: return nil
    case .unreadable(let reason):
      Console.writeError(
        "warning: \(path): the column “\(InputOptions.detectedScoreColumn)” is not read as scores\(reason)\n"
      )
      return nil
    case .scores(let items):
      let model: ScoredModel
      do {
        model = try ScoredModel(items)
      } catch {
        throw .data("\(path): \(error.description)")
      }
      let implied = ScoreReport.impliedThreshold(items, try input.readItems(path))
      return Scores(
        summary: try summary(
          model, source: items.sourceDescription + " from the column “score” (found by name)",
          threshold: nil),
        advised: AdvisedScores(
          name: path, scores: model, threshold: nil, impliedThreshold: implied),
        matrix: nil, note: InputOptions.detectedScoreNote)
    }
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
