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
    respelling(like: labels) { label -> Bool? in
      switch label.lowercased() {
      case "true": true
      case "false": false
      default: nil
      }
    }
  }
}
