import F1Kit

extension PairedPredictions {
  /// Counts the joint cells of two models' predictions given as label
  /// strings.
  ///
  /// Labels match exactly, as `ConfusionMatrix` matches them, and class
  /// *i* is `labels[i]`, so a `MetricScope` and a confusion matrix over
  /// the same labels line up with these counts:
  ///
  /// ```swift
  /// let gold = ["cat", "dog", "dog", "cat"]
  /// let first = ["cat", "dog", "cat", "cat"]
  /// let second = ["dog", "dog", "dog", "cat"]
  /// let labels = try ConfusionMatrix(gold: gold, predicted: first).labels
  /// let pairs = try PairedPredictions(
  ///   gold: gold, first: first, second: second, labels: labels)
  /// let comparison = try PairedComparison(
  ///   predictions: pairs, scope: MetricScope(classCount: labels.count))
  /// ```
  ///
  /// - Parameters:
  ///   - gold: The gold label of each item.
  ///   - first: The first model's predicted label of each item.
  ///   - second: The second model's predicted label of each item.
  ///   - labels: The classes, in order; every label above must be one of
  ///     them.
  /// - Throws: ``StatisticsError/lengthMismatch(gold:first:second:)`` when
  ///   the sequences differ in length, and
  ///   ``StatisticsError/unknownLabel(_:)`` for a label not in `labels`.
  /// - Complexity: O(*n*) for *n* items, plus the cost of the code-based
  ///   initializer.
  public init(
    gold: some Sequence<String>, first: some Sequence<String>, second: some Sequence<String>,
    labels: [String]
  ) throws(StatisticsError) {
    let positions = labels.exactLabelPositions()
    func codes(_ sequence: some Sequence<String>) throws(StatisticsError) -> [Int32] {
      var codes: [Int32] = []
      for label in sequence {
        guard let position = positions[ExactLabel(label)] else { throw .unknownLabel(label) }
        codes.append(Int32(position))
      }
      return codes
    }
    try self.init(
      gold: try codes(gold), first: try codes(first), second: try codes(second),
      classCount: labels.count)
  }
}
