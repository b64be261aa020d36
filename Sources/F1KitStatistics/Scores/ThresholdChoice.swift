import F1Kit
import F1KitSupport

/// The cut-off applied to a binary score column and where it came from:
/// the default 0.5, a value given on the command line, or a value tuned on
/// development data (and whether that data is the evaluated file itself).
public struct ThresholdChoice: Hashable, Sendable {
  /// Where a threshold came from.
  public enum Source: Hashable, Sendable {
    /// Nobody chose it: the default 0.5.
    case defaultValue
    /// It was given as a number.
    case given
    /// It was given as a number in a file with no record of tuning (a
    /// hand-written `{"threshold": 0.4}` read by `--threshold-from`).
    ///
    /// - Parameter file: The file.
    case givenInFile(String)
    /// It was tuned on a development file.
    ///
    /// - Parameters:
    ///   - file: The file it was tuned on.
    ///   - tuning: The tuner's result there.
    ///   - isEvaluatedFile: Whether that file is the evaluated file itself
    ///     (same path or same contents), which makes the result optimistic.
    case tuned(file: String, tuning: ThresholdTuning, isEvaluatedFile: Bool)
  }

  /// The threshold: an item is positive when its score is at least this.
  public let threshold: Double
  /// Where it came from.
  public let source: Source

  /// Describes a threshold.
  ///
  /// - Parameters:
  ///   - threshold: The threshold.
  ///   - source: Where it came from.
  public init(threshold: Double, source: Source) {
    self.threshold = threshold
    self.source = source
  }

  /// Whether the threshold was tuned on the evaluated file itself.
  public var isTunedOnEvaluatedFile: Bool {
    if case .tuned(_, _, true) = source { return true }
    return false
  }

  /// One sentence for people, such as `threshold 0.37 chosen on dev.csv
  /// for binary_f1 (0.9120 there)`.
  ///
  /// - Parameter digits: Decimal places of the tuned value.
  /// - Returns: The sentence, without a newline.
  public func sentence(digits: Int = 4) -> String {
    let value = NumberText.shortest(threshold)
    switch source {
    case .defaultValue:
      return "threshold \(value) (the default; not chosen on development data)"
    case .given:
      return "threshold \(value) (given with --threshold)"
    case .givenInFile(let file):
      return "threshold \(value) (given in \(file))"
    case .tuned(let file, let tuning, let isEvaluatedFile):
      let floor = tuning.constraint.map { " at \($0.description)" } ?? ""
      var text =
        "threshold \(value) chosen on \(file) for \(tuning.objectiveName)\(floor) (\(NumberText.fixed(tuning.value, digits: digits)) there)"
      if isEvaluatedFile {
        text += "; WARNING: that is the evaluated file itself, so its results are optimistic"
      }
      return text
    }
  }

  /// The JSON object: `value`, `source` (`default`, `given` or `tuned`),
  /// `given_in` for a value given in a file, and, when tuned, `tuned_on`,
  /// `metric`, `tuned_value` and `tuned_on_evaluated_file` (and `beta` for
  /// an F-beta metric).
  ///
  /// - Returns: The object.
  public func jsonValue() -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [("value", .number(threshold))]
    switch source {
    case .defaultValue: members.append(("source", .string("default")))
    case .given: members.append(("source", .string("given")))
    case .givenInFile(let file):
      members += [("source", .string("given")), ("given_in", .string(file))]
    case .tuned(let file, let tuning, let isEvaluatedFile):
      members += [
        ("source", .string("tuned")), ("tuned_on", .string(file)),
        ("metric", .string(tuning.metric.rawValue)), ("tuned_value", .number(tuning.value)),
        ("tuned_on_evaluated_file", .bool(isEvaluatedFile)),
      ]
      if let constraint = tuning.constraint {
        members.append(("constraint", .string(constraint.description)))
      }
      if let beta = tuning.beta { members.append(("beta", .number(beta))) }
    }
    return .object(members)
  }
}
