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
    respelling(like: labels) { label -> DecimalLabel? in
      guard case .number(let value) = DecimalLabel.reading(label) else { return nil }
      return value
    }
  }

  /// These options with each named label that is missing from `labels`
  /// but has the same value as one of them respelled as it is there, when
  /// every one of `labels` has a value.
  ///
  /// - Parameters:
  ///   - labels: The labels that occur.
  ///   - value: A label's value, or `nil` for a label that has none.
  /// - Returns: The options, respelled where needed; unchanged when a
  ///   label has no value or two labels spell one value (the choice is
  ///   then the caller's).
  func respelling<Value: Hashable>(like labels: [String], value: (String) -> Value?)
    -> EvaluationOptions
  {
    let named = (self.labels ?? []) + (positiveLabel.map { [$0] } ?? [])
    let present = Set(labels.map(ExactLabel.init))
    guard named.contains(where: { !present.contains(ExactLabel($0)) }) else { return self }
    var spellings: [Value: String] = [:]
    for label in labels {
      guard let labelValue = value(label) else { return self }
      if spellings.updateValue(label, forKey: labelValue) != nil { return self }
    }
    func respelled(_ label: String) -> String {
      guard !present.contains(ExactLabel(label)), let labelValue = value(label),
        let spelling = spellings[labelValue]
      else { return label }
      return spelling
    }
    var options = self
    options.labels = self.labels?.map(respelled)
    options.positiveLabel = positiveLabel.map(respelled)
    return options
  }
}
