extension EvaluationOptions {
  /// These options with each named label that is missing from `labels` but
  /// is the same Boolean in another letter case, when every one of
  /// `labels` is a Boolean: `--positive True` names the label `true` of a
  /// JSON Lines file (`to_json` writes `true`), and `--positive true` the
  /// label `True` of a CSV file (`to_csv` writes `True`).
  ///
  /// When every one of `labels` is the number 0 or 1 instead, a named
  /// Boolean names the number it equals (`True` names `1`), as numpy
  /// compares them and so scikit-learn's `pos_label=True` does on integer
  /// labels; a reader that read a bool gold column beside 0/1 predictions
  /// as the numbers 0 and 1 says so.
  ///
  /// - Parameter labels: The labels that occur (a confusion matrix's).
  /// - Returns: The options, with Boolean labels respelled where needed.
  /// - Complexity: O(*k* + *m*) for *k* labels and *m* named.
  package func spellingBooleans(like labels: [String]) -> EvaluationOptions {
    let areBits = labels.allSatisfy { Self.bitValue(of: $0) != nil }
    return respelling(like: labels) { label -> Bool? in
      switch label.lowercased() {
      case "true": true
      case "false": false
      default: areBits ? Self.bitValue(of: label) : nil
      }
    }
  }

  /// The truth value of a label that is the number 1 or 0 in any
  /// spelling (`1`, `1.0`, `0e0`), or `nil` for any other label.
  private static func bitValue(of label: String) -> Bool? {
    guard case .number(let value) = DecimalLabel.reading(label) else { return nil }
    switch value.spelling {
    case "1": return true
    case "0": return false
    default: return nil
    }
  }
}
