import F1Kit

/// A reason a statistical computation cannot be carried out as asked.
public enum StatisticsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A resample count below 1.
  case invalidResampleCount(Int)
  /// A confidence level outside (0, 1).
  case invalidConfidence(Double)
  /// An interval method that a bootstrap cannot compute.
  case notABootstrapMethod(IntervalMethod)
  /// There are no items to resample.
  case noItems
  /// The gold labels and the two sets of predictions differ in length.
  case lengthMismatch(gold: Int, first: Int, second: Int)
  /// A class index outside 0..<classCount.
  case classOutOfRange(Int32, classCount: Int)
  /// A label that is not among the labels given for the classes.
  case unknownLabel(String)
  /// A table of counts has the wrong number of cells.
  case countShapeMismatch(expected: Int, found: Int)
  /// A count below zero.
  case negativeCount(Int)
  /// Data and scope have different numbers of classes.
  case classCountMismatch(data: Int, scope: Int)
  /// A successes count outside 0...trials.
  case invalidProportion(successes: Int, trials: Int)
  /// A p-value outside [0, 1].
  case invalidPValue(Double)
  /// Groups were asked to be resampled, but the items carry no groups.
  case noGroups
  /// Groups were asked to be resampled, but the items form fewer than
  /// `ExperimentComparison.minimumGroups` groups, too few for a grouped
  /// bootstrap's intervals and tests to mean anything.
  case tooFewGroups(Int)
  /// Models compared on scores do not score the same items against the
  /// same gold labels.
  case unpairedModels
  /// A sample weight that is negative, NaN or infinite.
  case invalidWeight(Double)
  /// Every sample weight is zero, so no weighted metric is defined.
  case zeroTotalWeight
  /// A weighted comparison was not given one weight per item.
  case weightCountMismatch(items: Int, weights: Int)

  /// A one-line explanation for people.
  public var description: String {
    switch self {
    case .invalidResampleCount(let count):
      "expected at least 1 resample, found \(count)"
    case .invalidConfidence(let confidence):
      "expected a confidence level between 0 and 1 (exclusive), found \(confidence)"
    case .notABootstrapMethod(let method):
      "\"\(method.rawValue)\" is not a bootstrap interval; use bca, percentile or basic"
    case .noItems:
      "expected at least one item to resample, found none"
    case .lengthMismatch(let gold, let first, let second):
      "expected as many predictions of each model as gold labels, found \(gold) gold labels, \(first) and \(second) predictions"
    case .classOutOfRange(let index, let classCount):
      "expected class indices from 0 to \(classCount - 1), found \(index)"
    case .unknownLabel(let label):
      "expected one of the given labels, found \(TerminalText.quoted(label))"
    case .countShapeMismatch(let expected, let found):
      "expected \(expected) counts, found \(found)"
    case .negativeCount(let count):
      "expected counts of zero or more, found \(count)"
    case .classCountMismatch(let data, let scope):
      "the data have \(data) classes but the metric scope has \(scope)"
    case .invalidProportion(let successes, let trials):
      "expected 0 to \(trials) successes out of \(trials) trials, found \(successes)"
    case .invalidPValue(let value):
      "expected p-values between 0 and 1, found \(value)"
    case .noGroups:
      "expected a group for every item to resample groups, found none"
    case .tooFewGroups(let count) where count < 2:
      "expected at least \(ExperimentComparison.minimumGroups) groups to resample groups (about \(ExperimentComparison.fewGroups) for intervals to trust), found \(count): a bootstrap over one group redraws it whole every time, so its intervals have no width and its p-values mean nothing"
    case .tooFewGroups(let count):
      "expected at least \(ExperimentComparison.minimumGroups) groups to resample groups (about \(ExperimentComparison.fewGroups) for intervals to trust), found \(count): over so few groups the permutation test cannot reach p ≤ 0.05 (its smallest p-value over g groups is 2/2^g, 0.0625 at 5), and in simulation over 3 to 5 groups 95% intervals covered 73–85% and the paired bootstrap rejected a true zero difference 14–27% of the time (docs/statistics.md)"
    case .unpairedModels:
      "expected every model to score the same items against the same gold labels"
    case .invalidWeight(let weight):
      "expected a finite sample weight of at least 0, found \(weight)"
    case .zeroTotalWeight:
      "expected sample weights that are not all zero, found a total weight of 0"
    case .weightCountMismatch(let items, let weights):
      "expected one sample weight per item (\(items)), found \(weights)"
    }
  }
}
