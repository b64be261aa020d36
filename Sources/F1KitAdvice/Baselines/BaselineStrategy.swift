/// A classifier that ignores its input, whose scores show what "no skill"
/// looks like on a test set.
///
/// The raw value is the strategy's key in JSON output, after
/// scikit-learn's `DummyClassifier(strategy=...)`.
public enum BaselineStrategy: String, CaseIterable, Hashable, Sendable, Codable {
  /// Always predicts the most frequent gold label (`most_frequent`).
  case majorityClass = "most_frequent"
  /// Predicts each label at random with its gold frequency (`stratified`).
  case stratifiedRandom = "stratified"

  /// A short name for people, such as `majority class`.
  public var displayName: String {
    switch self {
    case .majorityClass: "majority class"
    case .stratifiedRandom: "stratified random"
    }
  }
}
