import Testing

@testable import F1KitStatistics

/// A verdict whose interval and test disagree on significance says so.
@Suite("Verdicts say when the interval and the test disagree")
struct VerdictAgreementTests {
  static func interval(_ lower: Double, _ upper: Double) -> ConfidenceInterval {
    ConfidenceInterval(
      lower: lower, upper: upper, estimate: (lower + upper) / 2, method: .bca, confidence: 0.95,
      standardError: 0.01)
  }

  @Test(
    "a sentence only when the two disagree and p-values are not adjusted",
    arguments: [
      (0.01, 0.05, true, false, ""),
      (-0.01, 0.05, false, false, ""),
      (-0.05, -0.01, true, false, ""),
      (
        0.001, 0.05, false, false,
        " The 95% interval excludes 0 although the test does not reject: the two disagree at the margin, so read the difference as borderline, not absent."
      ),
      (
        -0.05, -0.001, false, false,
        " The 95% interval excludes 0 although the test does not reject: the two disagree at the margin, so read the difference as borderline, not absent."
      ),
      (
        -0.001, 0.05, true, false,
        " The 95% interval still contains 0 although the test rejects: the two disagree at the margin, so read the difference as borderline."
      ),
      (0.001, 0.05, false, true, ""),
      (-0.001, 0.05, true, true, ""),
    ])
  func disagreementSentence(
    lower: Double, upper: Double, isSignificant: Bool, isAdjusted: Bool, expected: String
  ) {
    #expect(
      ModelComparison.disagreementSentence(
        interval: Self.interval(lower, upper), isSignificant: isSignificant,
        isAdjusted: isAdjusted) == expected)
  }

  @Test(
    "an interval ending exactly at 0 contains it: no disagreement with a test that does not reject")
  func zeroAtTheEnd() {
    #expect(
      ModelComparison.disagreementSentence(
        interval: Self.interval(0, 0.05), isSignificant: false, isAdjusted: false) == "")
  }
}
