import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics

extension EvaluateCommand {
  /// The score metrics of a file read with its scores, with bootstrap
  /// intervals over items when `--ci` is given.
  ///
  /// - Parameters:
  ///   - scored: Where the scores came from and their model.
  ///   - modelInput: How the model was read, when not by ``input``.
  /// - Returns: The summary to print.
  /// - Throws: A usage failure for invalid resampling options; a failure
  ///   when the `--threshold-from` cut-off cannot be worked out.
  func scoreSummary(
    _ scored: (source: String, model: ScoredModel), input modelInput: InputOptions? = nil
  ) throws(CommandFailure) -> ScoreSummary {
    let input = modelInput ?? self.input
    let options =
      isIntervalRequested
      ? ScoreComparison.Options(
        metrics: [], bootstrap: resampling.bootstrap, seed: resampling.seed) : nil
    let threshold = try input.thresholdChoice(for: path)
    let bar = ProgressBar(label: "score bootstrap", isQuiet: resampling.isQuiet || options == nil)
    defer { bar.finish() }
    do {
      return try ScoreSummary(
        model: scored.model, source: scored.source, intervalOptions: options,
        threshold: threshold, progress: bar.handler)
    } catch {
      throw .usage(error.description)
    }
  }

  /// The positive label's column of two per-class columns of a binary
  /// problem and its binary model (``InputOptions/positiveColumn(of:path:)``).
  ///
  /// - Parameter items: The file's items with their per-class scores.
  /// - Returns: The positive label and the binary model of its column, or
  ///   `nil` when there is none.
  func positiveColumnModel(of items: ItemScores) -> (label: String, model: ScoredModel)? {
    guard let column = input.positiveColumn(of: items, path: path),
      let model = try? ScoredModel(column.items)
    else { return nil }
    return (column.label, model)
  }
}
