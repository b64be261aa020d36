import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics
import Foundation

extension EvaluateCommand {
  /// Scores shards summed into one data set (`evaluate a.csv b.csv …`),
  /// or each model of a file with one prediction column per model
  /// (`--pred-columns`), from each model's counts: by the counting path,
  /// so memory stays flat in the number of items.
  ///
  /// One model prints exactly what one file holding every shard's items
  /// prints. Several models print one report each, in column order: text
  /// and tables one after another under the model's name, JSON as
  /// `{"models": [{"name": …, …}, …]}`.
  func evaluateJointCounts() throws(CommandFailure) -> CommandOutput {
    if input.labelSets.weightColumn != nil {
      throw .usage("--weight-column is not available yet with several files or --pred-columns")
    }
    if let predictionColumns,
      paths.contains(where: {
        input.isMultilabel($0, problem: scoring.problem, predictionColumns: predictionColumns)
      })
    {
      throw input.multilabelColumnsRefusal(in: "evaluate")
    }
    if paths.contains(where: { input.isMultilabel($0, problem: scoring.problem) }) {
      throw .usage("multilabel files cannot yet be read as shards or with --pred-columns")
    }
    let counts = try ModelColumns.readModelCounts(paths, columns: predictionColumns, input: input)
    let names = predictionColumns ?? [ModelNames.defaults([path])[0]]
    var models: [(name: String, metrics: ClassificationMetrics)] = []
    for (model, name) in names.enumerated() {
      do {
        let matrix = try counts[model].confusionMatrix(ofModel: 0, labels: input.labels)
        models.append(
          (name, try ClassificationMetrics(confusionMatrix: matrix, options: scoring.evaluation)))
      } catch let error as ConfusionMatrixError {
        throw .usage(error.description)
      } catch let error as MetricsError {
        throw .usage(error.description)
      } catch {
        throw .usage("\(error)")
      }
      if !scoring.isZeroDivisionChosen { Self.warnAboutUndefinedScores(models[model].metrics) }
    }
    Console.writeWarnings(
      StrayPredictedLabels.warnings(
        matrices: models.map(\.metrics.confusionMatrix), sources: names,
        evaluation: scoring.evaluation))
    if predictionColumns == nil {
      return try output(models[0].metrics, scores: nil, name: models[0].name)
    }
    return try outputModels(models.map { ($0.name, $0.metrics, nil) })
  }

  /// Several models' reports, in order: text and tables one after another
  /// under each model's name, JSON as `{"models": [{"name": …, …}, …]}`.
  ///
  /// - Parameter models: Each model's name, metrics and score summary.
  /// - Returns: The output.
  /// - Throws: A usage failure for `--format csv`, which prints one model.
  func outputModels(
    _ models: [(name: String, metrics: ClassificationMetrics, scores: ScoreSummary?)]
  ) throws(CommandFailure) -> CommandOutput {
    switch format {
    case .json:
      var documents: [JSONValue] = []
      for model in models {
        let intervals = isIntervalRequested ? try intervals(for: model.metrics) : nil
        documents.append(
          .object(
            [("name", .string(model.name))] + model.metrics.jsonDocument()
              + (intervals?.jsonMembers() ?? []) + (model.scores?.jsonMembers() ?? [])))
      }
      return CommandOutput(JSONValue.object([("models", .array(documents))]).serialized() + "\n")
    case .csv:
      throw .usage("--format csv prints one model; use --format json for several models")
    case .text:
      var text: [String] = []
      for model in models {
        text.append(
          "== \(model.name) ==\n\n"
            + (try output(model.metrics, scores: model.scores, name: model.name).text))
      }
      return CommandOutput(text.joined(separator: "\n"))
    case .markdown, .latex:
      var text: [String] = []
      for model in models {
        text.append(try output(model.metrics, scores: nil, name: model.name).text)
      }
      return CommandOutput(text.joined(separator: "\n"))
    }
  }
}
