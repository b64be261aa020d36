/// One labelled training or evaluation example: the texts a model reads and
/// the index of its gold class.
///
/// It mirrors sentence-transformers' `InputExample`, so data prepared for a
/// training loop can build an evaluator directly with
/// ``CrossEncoderEvaluator/init(examples:name:task:batchSize:progress:writesResults:beta:)``.
public struct InputExample: Hashable, Sendable {
  /// An optional identifier, kept for the caller's bookkeeping.
  public var identifier: String?
  /// The texts; a cross-encoder example has exactly two.
  public var texts: [String]
  /// The index of the gold class: 0 or 1 for a binary problem, `0..<k` for
  /// a problem with *k* classes.
  public var label: Int
  /// The example's sample weight: every metric of an evaluator built from
  /// examples weights the example by it, as scikit-learn's `sample_weight`
  /// does; 1 by default.
  public var weight: Double

  /// Creates an example.
  ///
  /// - Parameters:
  ///   - identifier: An optional identifier.
  ///   - texts: The texts; a cross-encoder example has exactly two.
  ///   - label: The index of the gold class.
  ///   - weight: The sample weight: finite, not negative; 1 by default.
  public init(identifier: String? = nil, texts: [String], label: Int, weight: Double = 1) {
    self.identifier = identifier
    self.texts = texts
    self.label = label
    self.weight = weight
  }
}
