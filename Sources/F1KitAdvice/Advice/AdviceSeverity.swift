/// How strongly a piece of advice asks the reader to act.
///
/// The raw value is the severity's stable key in `f1kit advise --format
/// json` and in the report.
public enum AdviceSeverity: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
  /// A fact about the metrics worth knowing; nothing needs to change.
  case note
  /// A better choice of metric or reading exists.
  case recommendation
  /// A number as usually read would mislead.
  case warning

  /// Orders severities from ``note`` to ``warning``.
  ///
  /// - Parameters:
  ///   - left: A severity.
  ///   - right: Another severity.
  /// - Returns: `true` when `left` is milder than `right`.
  public static func < (left: AdviceSeverity, right: AdviceSeverity) -> Bool {
    left.rank < right.rank
  }

  private var rank: Int {
    switch self {
    case .note: 0
    case .recommendation: 1
    case .warning: 2
    }
  }
}
