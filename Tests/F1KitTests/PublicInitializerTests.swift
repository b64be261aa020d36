import F1Kit
import Testing

@Suite("Result types users can build")
struct PublicInitializerTests {
  @Test("a ClassScores built by hand equals the computed row")
  func classScores() throws {
    let matrix = try ConfusionMatrix(
      gold: ["cat", "dog", "dog", "cat"], predicted: ["cat", "dog", "cat", "cat"])
    let metrics = try ClassificationMetrics(
      confusionMatrix: matrix, options: EvaluationOptions(positiveLabel: "dog"))
    let cat = ClassScores(label: "cat", precision: 2.0 / 3.0, recall: 1, fScore: 0.8, support: 2)
    let computed = try #require(metrics.perClass().first { $0.label == "cat" })
    #expect(computed.label == cat.label && computed.support == cat.support)
    #expect(abs(computed.precision - cat.precision) < 1e-12)
    #expect(abs(computed.recall - cat.recall) < 1e-12)
    #expect(abs(computed.fScore - cat.fScore) < 1e-12)
  }

  @Test("an UndefinedScore's F-score is undefined by default only when both others are")
  func undefinedScore() {
    #expect(
      UndefinedScore(label: "x", isPrecisionUndefined: true, isRecallUndefined: true)
        .isFScoreUndefined)
    #expect(
      !UndefinedScore(label: "x", isPrecisionUndefined: true, isRecallUndefined: false)
        .isFScoreUndefined)
  }
}
