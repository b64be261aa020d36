extension EvaluationOptions {
  /// These options with each named label that is missing from `labels` but
  /// equal in value to one of them spelled as it is there, when every one of
  /// `labels` is a number: `--labels 0.0,1.0` and `--positive 1e0` name the
  /// labels `0` and `1`, as they would in scikit-learn after pandas reads
  /// both as numbers.
  ///
  /// - Parameter labels: The labels that occur (a confusion matrix's).
  /// - Returns: The options, with numeric labels respelled where needed.
  /// - Complexity: O(*k* + *m*) label readings for *k* labels and *m* named.
  package func spellingNumbers(like labels: [String]) -> EvaluationOptions {
    let named = (self.labels ?? []) + (positiveLabel.map { [$0] } ?? [])
    let present = Set(labels.map(ExactLabel.init))
    guard named.contains(where: { !present.contains(ExactLabel($0)) }) else { return self }
    var spellings: [DecimalLabel: String] = [:]
    for label in labels {
      guard case .number(let value) = DecimalLabel.reading(label) else { return self }
      // Two spellings of one value: leave the choice to the caller.
      if spellings.updateValue(label, forKey: value) != nil { return self }
    }
    func respelled(_ label: String) -> String {
      guard !present.contains(ExactLabel(label)),
        case .number(let value) = DecimalLabel.reading(label), let spelling = spellings[value]
      else { return label }
      return spelling
    }
    var options = self
    options.labels = self.labels?.map(respelled)
    options.positiveLabel = positiveLabel.map(respelled)
    return options
  }
}
