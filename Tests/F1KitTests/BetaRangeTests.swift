import F1Kit
import Testing

/// A beta whose square overflows made every F-beta NaN (reported null,
/// exit 0); scikit-learn's `beta ** 2` raises `OverflowError` there.
@Suite("A beta whose square is not finite is refused")
struct BetaRangeTests {
  @Test(
    "betas are valid from 0 up to the largest with a finite square",
    arguments: [
      (0.0, true), (2.0, true), (1e154, true), (1.3e154, true), (1.4e154, false), (1e308, false),
      (-1.0, false), (.infinity, false), (.nan, false),
    ])
  func validity(beta: Double, isValid: Bool) {
    #expect(EvaluationOptions.isValidBeta(beta) == isValid)
  }

  @Test("multiclass and multilabel metrics refuse --beta 1e308")
  func refused() throws {
    let matrix = try ConfusionMatrix(gold: ["a", "b"], predicted: ["a", "a"])
    #expect(throws: MetricsError.invalidBeta(1e308)) {
      try ClassificationMetrics(confusionMatrix: matrix, options: EvaluationOptions(beta: 1e308))
    }
    let counts = try MultilabelCounts(gold: [["a"], ["b"]], predicted: [["a"], ["a"]])
    #expect(throws: MetricsError.invalidBeta(1e308)) {
      try MultilabelMetrics(counts: counts, options: EvaluationOptions(beta: 1e308))
    }
    #expect(
      MetricsError.invalidBeta(1e308).description
        == "expected a beta of at least 0 whose square is finite, found 1e+308")
  }
}
