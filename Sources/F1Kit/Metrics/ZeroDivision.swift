/// The value a score takes when its denominator is zero, as scikit-learn's
/// `zero_division` parameter sets it.
///
/// Precision is undefined for a class that is never predicted, recall for a
/// class that never occurs, and F-score when both are. scikit-learn's default
/// (`"warn"`) scores these 0 and warns; `nan` leaves them out of macro and
/// weighted averages instead.
public enum ZeroDivision: String, CaseIterable, Hashable, Sendable, Codable {
  /// Score an undefined value as 0 (scikit-learn's default, which warns).
  case zero = "0"
  /// Score an undefined value as 1.
  case one = "1"
  /// Leave an undefined value undefined; averages skip it.
  case nan

  /// The number an undefined score is replaced by.
  public var value: Double {
    switch self {
    case .zero: 0
    case .one: 1
    case .nan: .nan
    }
  }
}
