extension EvaluationOptions {
  /// These options with each named label that is missing from `labels` but
  /// is the same Boolean in another letter case, when every one of
  /// `labels` is a Boolean: `--positive True` names the label `true` of a
  /// JSON Lines file (`to_json` writes `true`), and `--positive true` the
  /// label `True` of a CSV file (`to_csv` writes `True`).
  ///
  /// - Parameter labels: The labels that occur (a confusion matrix's).
  /// - Returns: The options, with Boolean labels respelled where needed.
  /// - Complexity: O(*k* + *m*) for *k* labels and *m* named.
  package func spellingBooleans(like labels: [String]) -> EvaluationOptions {
    let named = (self.labels ?? []) + (positiveLabel.map { [$0] } ?? [])
    let present = Set(labels.map(ExactLabel.init))
    guard named.contains(where: { !present.contains(ExactLabel($0)) }) else { return self }
    var spellings: [Bool: String] = [:]
    for label in labels {
      guard let value = Self.booleanValue(label) else { return self }
      // Two spellings of one value: leave the choice to the caller.
      if spellings.updateValue(label, forKey: value) != nil { return self }
    }
    func respelled(_ label: String) -> String {
      guard !present.contains(ExactLabel(label)), let value = Self.booleanValue(label),
        let spelling = spellings[value]
      else { return label }
      return spelling
    }
    var options = self
    options.labels = self.labels?.map(respelled)
    options.positiveLabel = positiveLabel.map(respelled)
    return options
  }

  /// The Boolean a label spells in any letter case (`true`, `True`,
  /// `FALSE`), or `nil`.
  private static func booleanValue(_ label: String) -> Bool? {
    switch label.lowercased() {
    case "true": true
    case "false": false
    default: nil
    }
  }
}
