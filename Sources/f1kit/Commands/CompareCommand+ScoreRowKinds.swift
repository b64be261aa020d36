import CommandLineSupport
import F1Kit
import F1KitStatistics

extension CompareCommand {
  /// Refuses to compare per-class scores on a one-vs-rest metric when some
  /// models' rows are probabilities and others' are not (logits, say).
  ///
  /// One-vs-rest ROC-AUC and macro average precision read each class's
  /// column on its own, and a softmax, which mixes the columns, changes
  /// them: the same model written once as logits and once as probabilities
  /// scores differently, so a difference between such files mixes model
  /// quality with the way the scores were written.
  ///
  /// - Parameters:
  ///   - models: The models, in the order of `paths`.
  ///   - metric: The metric compared.
  /// - Throws: A data failure naming the files of each kind and the fix.
  func checkScoreRowKinds(of models: [ScoredModel], on metric: ScoreMetric)
    throws(CommandFailure)
  {
    guard metric.isRankBased, !metric.needsProbabilities else { return }
    var probabilityFiles: [String] = []
    var otherFiles: [String] = []
    for (model, path) in zip(models, paths) {
      guard case .multiclass(let scores) = model else { return }
      let name = InputOptions.displayName(of: path)
      if scores.isProbability {
        probabilityFiles.append(name)
      } else {
        otherFiles.append(name)
      }
    }
    guard let probability = probabilityFiles.first, let other = otherFiles.first else { return }
    throw .data(
      "\(other)'s score rows are not probabilities (logits?) while \(probability)'s are, and \(metric.rawValue) reads each class's column on its own, so a softmax alone changes it: the difference would mix the models with how their scores were written; give every model's probabilities (scipy.special.softmax(logits, axis=1)) or every model's logits"
    )
  }
}
