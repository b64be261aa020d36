import F1Kit
import F1KitEvaluation
import Testing

@Suite("Evaluation results users can build")
struct EvaluationInitializerTests {
  @Test("single-label predictions carry one-element class sets")
  func predictions() {
    let predictions = Predictions(scores: [[0.2], [0.9]], classes: [0, 1], threshold: 0.5)
    #expect(predictions.classSets == [[0], [1]])
    #expect(predictions.threshold == 0.5)
    let multilabel = Predictions(scores: [[0.9, 0.8]], classSets: [[0, 1]])
    #expect(multilabel.classes.isEmpty)
    #expect(multilabel.classSets == [[0, 1]])
  }

  @Test("a threshold tuned elsewhere can be recorded")
  func thresholdTuning() {
    let tuning = ThresholdTuning(threshold: 0.4, metric: .binaryF1, value: 0.62, positiveCount: 90)
    #expect(tuning.threshold == 0.4 && tuning.metric == .binaryF1)
    #expect(tuning.value == 0.62 && tuning.positiveCount == 90)
  }
}
