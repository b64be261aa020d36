import F1Kit
import F1KitSupport
import Foundation

extension ConfidenceInterval {
  /// Whether every resample gave the same finite value, so the interval
  /// has no width: a bootstrap of items that never move the value, which
  /// a reader takes for certainty.
  public var hasNoSpread: Bool { estimate.isFinite && lower == upper }

  /// The exact (Clopper–Pearson) interval of an accuracy of 1 or 0 on
  /// unweighted items: with no error in *n* items it is [(α/2)^(1/n), 1],
  /// and with no correct item its mirror image.
  ///
  /// - Parameters:
  ///   - matrix: The model's confusion matrix.
  ///   - confidence: The confidence level, such as 0.95.
  /// - Returns: Whether every item is right, and the interval; `nil` when
  ///   some items are right and some wrong, or there are fewer than two.
  /// - Complexity: O(*k*) for *k* labels.
  package static func exactAccuracy(ofAllOrNothing matrix: ConfusionMatrix, confidence: Double)
    -> (isAllRight: Bool, lower: Double, upper: Double)?
  {
    let itemCount = matrix.total
    guard itemCount > 1 else { return nil }
    let correct = matrix.correctCount
    let tail = pow((1 - confidence) / 2, 1 / Double(itemCount))
    if correct == itemCount { return (true, tail, 1) }
    if correct == 0 { return (false, 0, 1 - tail) }
    return nil
  }

  /// The sentence that follows a zero-width interval: why it has none,
  /// and, for a model that gets every unweighted item right or wrong, an
  /// exact interval for its accuracy.
  ///
  /// - Parameters:
  ///   - matrix: The model's confusion matrix, or `nil` for weighted
  ///     items, whose exact interval this is not.
  ///   - confidence: The intervals' confidence level.
  ///   - number: How a value is shown.
  /// - Returns: The ending, from ", so the bootstrap …" to the full stop.
  package static func noSpreadEnding(
    matrix: ConfusionMatrix?, confidence: Double, number: (Double) -> String
  ) -> String {
    let ending = ", so the bootstrap shows no uncertainty; that does not mean there is none"
    guard let matrix, let exact = exactAccuracy(ofAllOrNothing: matrix, confidence: confidence)
    else { return ending + "." }
    let percent = NumberText.shortestBare(confidence * 100) + "%"
    return
      ", since every one of the \(NumberText.grouped(matrix.total)) items is predicted \(exact.isAllRight ? "right" : "wrong")"
      + ending
      + ": an exact (Clopper–Pearson) \(percent) interval for the accuracy is [\(number(exact.lower)), \(number(exact.upper))]."
  }
}
