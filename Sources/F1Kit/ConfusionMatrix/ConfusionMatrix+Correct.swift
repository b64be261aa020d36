extension ConfusionMatrix {
  /// The number of items whose predicted label is their gold label: the
  /// matrix's diagonal, accuracy's numerator.
  ///
  /// - Complexity: O(*k*) for *k* labels.
  public var correctCount: Int {
    labels.indices.reduce(0) { $0 + self[gold: $1, predicted: $1] }
  }
}
