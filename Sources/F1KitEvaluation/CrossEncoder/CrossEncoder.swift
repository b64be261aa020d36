/// A model that scores sentence pairs, such as a transformer cross-encoder
/// or a logistic regression over pair features.
///
/// Conform any Swift model: report how many scores it gives per pair and
/// score a batch. A multiclass model returns one score per class (logits or
/// probabilities; only their order matters to the argmax); a single-output
/// binary model returns one score per pair, compared with a threshold.
///
/// Scoring is synchronous and runs on the caller's thread, so a training
/// loop passes the model it owns — a struct it mutates between
/// evaluations, or a class — without actors or `Sendable` ceremony. The
/// protocol does not require `Sendable`; conform to it as well if you
/// evaluate from a detached task.
///
/// ```swift
/// struct WordOverlapModel: CrossEncoder {
///   var outputCount: Int { 1 }
///   func scores(for pairs: ArraySlice<SentencePair>) -> [[Double]] {
///     pairs.map { [jaccardOverlap($0.first, $0.second)] }
///   }
/// }
/// ```
public protocol CrossEncoder {
  /// The number of scores the model gives each pair: 1 for a single-output
  /// binary model, otherwise the number of classes.
  var outputCount: Int { get }

  /// Scores one batch of pairs.
  ///
  /// - Parameter pairs: The pairs of one batch, at most the evaluator's
  ///   batch size.
  /// - Returns: One row per pair, in order, each with ``outputCount``
  ///   scores; higher means more likely.
  /// - Throws: Any error the model meets; the evaluator passes it on as
  ///   ``EvaluationError/modelFailed(_:)``.
  func scores(for pairs: ArraySlice<SentencePair>) throws -> [[Double]]
}
