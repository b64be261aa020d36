import Foundation

/// Something a training loop can call every few steps to score a model.
///
/// ``CrossEncoderEvaluator`` and ``SequentialEvaluator`` conform; so can a
/// custom evaluator that a ``SequentialEvaluator`` should run alongside.
public protocol CrossEncoderEvaluating: Sendable {
  /// The name that prefixes every metric key and names the results log.
  var name: String { get }

  /// Scores a model and records the result.
  ///
  /// - Parameters:
  ///   - model: The model to score.
  ///   - outputDirectory: Where to append the results log, or `nil` to write
  ///     nothing.
  ///   - epoch: The epoch, fractional within an epoch; -1 when not training.
  ///   - step: The global training step; -1 when not training.
  /// - Returns: Every metric keyed with the evaluator's name, the primary
  ///   metric and whether greater is better.
  /// - Throws: ``EvaluationError`` when the model fails or returns scores
  ///   the task cannot use, or the results log cannot be written.
  func evaluate(
    _ model: some CrossEncoder, outputDirectory: URL?, epoch: Double, step: Int
  ) throws(EvaluationError) -> EvaluationResult
}
