import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics

extension EvaluateCommand {
  /// Scores each model of a file that holds one binary score column per
  /// model (`--score-columns-of a=a_score,b=b_score`): each exactly as a
  /// file of its own read with `--score-column` is scored, score metrics
  /// included, one report per model in the order given.
  ///
  /// - Parameter columns: The models and their score columns.
  /// - Returns: One report per model, as for `--pred-columns`.
  /// - Throws: A one-line failure with the reader's exit status.
  func evaluateScoreColumns(_ columns: ModelScoreColumns) throws(CommandFailure)
    -> CommandOutput
  {
    if design != nil {
      throw .usage("--group-column and --stratify are not available with --score-columns-of yet")
    }
    if input.isMultilabel(path, problem: scoring.problem) {
      throw .usage("--score-columns-of reads binary scores; this file holds label sets")
    }
    let isTable = format == .markdown || format == .latex
    var models: [(name: String, metrics: ClassificationMetrics, scores: ScoreSummary?)] = []
    for (index, model) in columns.models.enumerated() {
      let modelInput = columns.input(ofModel: index, from: input)
      let scored = try modelInput.readScoredModel(path)
      let matrix = try modelInput.confusionMatrix(of: scored.items, path: path)
      let metrics: ClassificationMetrics
      do {
        metrics = try ClassificationMetrics(confusionMatrix: matrix, options: scoring.evaluation)
      } catch {
        throw .usage(error.description)
      }
      if !scoring.isZeroDivisionChosen { Self.warnAboutUndefinedScores(metrics) }
      let scores =
        isTable
        ? nil : try scoreSummary((scored.items.sourceDescription, scored.model), input: modelInput)
      models.append((model.name, metrics, scores))
    }
    return try outputModels(models)
  }
}
