import F1Kit
import F1KitEvaluation
import F1KitSupport
import Foundation

/// The training run: train, evaluate every few steps, keep the best step,
/// then score the test split at the frozen threshold.
struct PairClassifierTraining {
  let options: TrainingOptions
  static let batchSize = 32

  struct Outcome {
    let best: EvaluationResult
    let test: EvaluationResult
    let steps: Int
    let files: [URL]
  }

  func run() throws -> Outcome {
    let train = try SentencePairFile(contentsOf: options.data.appendingPathComponent("train.csv"))
    let development = try SentencePairFile(
      contentsOf: options.data.appendingPathComponent("dev.csv"))
    let test = try SentencePairFile(contentsOf: options.data.appendingPathComponent("test.csv"))

    let developmentEvaluator = try CrossEncoderEvaluator(
      sentencePairs: development.pairs, labels: development.labels, name: "stsb-dev",
      task: .binary(.tunedThreshold(maximizing: .binaryF1)), batchSize: 64)

    var model = PairLogisticRegression()
    model.learningRate = options.learningRate
    let examples = train.pairs.indices.map {
      (vector: model.features.vector(for: train.pairs[$0]), label: train.labels[$0])
    }
    let stepsPerEpoch = (examples.count + Self.batchSize - 1) / Self.batchSize
    var generator = SplitMix64(seed: options.seed)
    var best: (result: EvaluationResult, weights: [Double])?
    var step = 0

    for _ in 0..<options.epochs {
      let order = examples.indices.shuffled(using: &generator)
      for start in stride(from: 0, to: order.count, by: Self.batchSize) {
        let batch = order[start..<min(start + Self.batchSize, order.count)].map { examples[$0] }
        model.step(on: batch)
        step += 1
        let isLastStep = step == options.epochs * stepsPerEpoch
        guard step % options.evaluationSteps == 0 || isLastStep else { continue }
        let result = try developmentEvaluator.evaluate(
          model, outputDirectory: options.output, epoch: Double(step) / Double(stepsPerEpoch),
          step: step)
        if result.isImprovement(over: best?.result) { best = (result, model.weights) }
      }
    }

    // The best step's threshold was tuned on the development split; the
    // test split is scored at that frozen threshold and never tunes its own.
    let chosen = best!
    model.weights = chosen.weights
    let testEvaluator = try CrossEncoderEvaluator(
      sentencePairs: test.pairs, labels: test.labels, name: "stsb-test",
      task: .binary(.threshold(chosen.result.threshold!)), batchSize: 64)
    let testResult = try testEvaluator.evaluate(
      model, outputDirectory: options.output, epoch: chosen.result.epoch, step: chosen.result.step)
    let predictions = try testEvaluator.predict(model)
    let predictionsFile = options.output.appendingPathComponent("test-predictions.csv")
    try writePredictions(
      predictions, of: testEvaluator, split: test, to: predictionsFile)
    return Outcome(
      best: chosen.result, test: testResult, steps: step,
      files: [
        options.output.appendingPathComponent(ResultsLog.fileName(name: "stsb-dev")),
        options.output.appendingPathComponent(ResultsLog.fileName(name: "stsb-test")),
        predictionsFile,
      ])
  }

  /// Writes `id,label,prediction,score`, the columns `f1kit evaluate` reads,
  /// through the evaluator's prediction file, which escapes every field.
  private func writePredictions(
    _ predictions: Predictions, of evaluator: CrossEncoderEvaluator, split: SentencePairFile,
    to file: URL
  ) throws(TrainingError) {
    do {
      try evaluator.predictionFile(for: predictions, identifiers: split.identifiers)
        .write(toPath: file.path)
    } catch {
      if case .predictionFileUnwritable(_, let reason) = error {
        throw .unwritableOutput(file.path, reason: reason)
      }
      throw .unwritableOutput(file.path, reason: error.description)
    }
  }
}
