/// A reason a release gate cannot be set up as asked.
public enum ReleaseGateError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A margin that is not finite, negative, or zero where the mode needs a
  /// positive one.
  case invalidMargin(Double, mode: ReleaseGate.Mode)
  /// The comparison holds no pair with the baseline before the candidate.
  case noSuchPair(baseline: Int, candidate: Int)

  /// A one-line explanation for people.
  public var description: String {
    switch self {
    case .invalidMargin(let margin, let mode):
      mode == .superiority
        ? "expected a margin of 0 or more for superiority, found \(margin)"
        : "expected a margin above 0 for \(mode.rawValue), found \(margin)"
    case .noSuchPair(let baseline, let candidate):
      "expected a comparison of model \(baseline) (baseline) with model \(candidate) (candidate), found none"
    }
  }
}
