/// The positive label F1Kit takes for a binary problem when none is named.
///
/// scikit-learn's `pos_label` defaults to `1` and refuses to guess for other
/// labels. F1Kit guesses only for pairs whose positive member is plain:
/// `0`/`1`, `-1`/`1`, `false`/`true`, `no`/`yes`, `neg`/`pos` and
/// `negative`/`positive`, ignoring case (numbers by value, so `0.0`/`1.0`
/// counts). For any other pair, such as `duplicate`/`not_duplicate`, the
/// caller must name the positive label.
public enum PositiveLabelConvention {
  /// The well-known pairs, negative first, in lower case.
  public static let pairs: [(negative: String, positive: String)] = [
    ("0", "1"), ("-1", "1"), ("false", "true"), ("no", "yes"), ("neg", "pos"),
    ("negative", "positive"),
  ]

  /// The positive label of two labels that form a well-known pair.
  ///
  /// - Parameter labels: The two labels of a binary problem, in any order.
  /// - Returns: The positive one, spelled as given, or `nil` when the labels
  ///   are not two or form no well-known pair.
  /// - Complexity: O(*n*) for labels of *n* bytes in all.
  public static func positiveLabel(of labels: [String]) -> String? {
    guard labels.count == 2 else { return nil }
    let keys = labels.map(key)
    for pair in pairs {
      if keys[0] == pair.negative && keys[1] == pair.positive { return labels[1] }
      if keys[1] == pair.negative && keys[0] == pair.positive { return labels[0] }
    }
    return nil
  }

  /// A label as compared with the pairs: a number's one spelling, or the
  /// label in lower case.
  private static func key(_ label: String) -> String {
    if case .number(let value) = DecimalLabel.reading(label) { return value.spelling }
    return label.lowercased()
  }
}
