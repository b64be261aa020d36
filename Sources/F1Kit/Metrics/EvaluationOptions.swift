/// Choices that change how a confusion matrix is scored, mirroring
/// scikit-learn's `labels`, `pos_label` and `zero_division` parameters.
public struct EvaluationOptions: Hashable, Sendable {
  /// The labels to evaluate, in report order; `nil` evaluates every label
  /// that occurs, in ``LabelOrdering`` order. Like scikit-learn's `labels=`,
  /// it may name labels that never occur, and labels it leaves out are
  /// excluded from per-class scores and their averages; but
  /// `ClassificationMetrics` refuses labels of which none is a gold label,
  /// or one that occurs nowhere while an unnamed label differs from it only
  /// in letter case (``MetricsError/noNamedLabelInGold(named:gold:)``,
  /// ``MetricsError/namedLabelMisspelt(_:occurring:)``).
  public var labels: [String]?
  /// The positive label of a binary problem; `nil` takes the positive
  /// member of a well-known pair (`1` of 0/1, `true` of false/true; see
  /// ``PositiveLabelConvention``) and refuses any other pair.
  public var positiveLabel: String?
  /// The kind of problem; `nil` infers binary for two labels and
  /// multiclass otherwise.
  public var problem: ProblemKind?
  /// The value of a score whose denominator is zero.
  public var zeroDivision: ZeroDivision
  /// The beta of the F-beta metrics to report beside F1, as
  /// scikit-learn's `fbeta_score(beta=)`; `nil` reports no F-beta metric.
  /// Beta > 1 weighs recall more, beta < 1 precision.
  public var beta: Double?

  /// Creates options; every argument defaults to scikit-learn's default.
  ///
  /// - Parameters:
  ///   - labels: The labels to evaluate, in order, or `nil` for all.
  ///   - positiveLabel: The positive label of a binary problem.
  ///   - problem: The kind of problem, or `nil` to infer it.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  ///   - beta: The beta of the F-beta metrics to report, or `nil` for none.
  public init(
    labels: [String]? = nil, positiveLabel: String? = nil, problem: ProblemKind? = nil,
    zeroDivision: ZeroDivision = .zero, beta: Double? = nil
  ) {
    self.beta = beta
    self.labels = labels
    self.positiveLabel = positiveLabel
    self.problem = problem
    self.zeroDivision = zeroDivision
  }

  /// Whether a beta can weigh F-beta: at least 0, with a finite square.
  ///
  /// scikit-learn's `fbeta_score` computes `beta ** 2`, which raises an
  /// `OverflowError` above about 1.34e154; in doubles the square is
  /// infinite there and every F-beta would be NaN.
  ///
  /// - Parameter beta: The beta.
  /// - Returns: Whether `beta` is at least 0 and `beta * beta` is finite.
  public static func isValidBeta(_ beta: Double) -> Bool {
    beta >= 0 && (beta * beta).isFinite
  }
}
