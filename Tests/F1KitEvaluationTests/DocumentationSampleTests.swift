import F1Kit
import F1KitEvaluation
import F1KitSupport
import Foundation
import Testing
import _TestSupport

// MARK: - The training-loop sample of docs/evaluator.md, verbatim

/// A one-feature logistic model: the probability grows with word overlap.
struct OverlapLogisticModel: CrossEncoder {
  var weight = 0.0
  var bias = 0.0
  var outputCount: Int { 1 }

  static func overlap(_ pair: SentencePair) -> Double {
    let first = Set(pair.first.lowercased().split(separator: " "))
    let second = Set(pair.second.lowercased().split(separator: " "))
    return Double(first.intersection(second).count) / Double(max(1, first.union(second).count))
  }

  func scores(for pairs: ArraySlice<SentencePair>) -> [[Double]] {
    pairs.map { [1 / (1 + exp(-(weight * Self.overlap($0) + bias)))] }
  }

  mutating func learn(_ pair: SentencePair, label: Int, learningRate: Double = 0.5) {
    let error = scores(for: [pair][...])[0][0] - Double(label)
    weight -= learningRate * error * Self.overlap(pair)
    bias -= learningRate * error
  }
}

func trainAndTest(
  train: [InputExample], development: [InputExample], test: [InputExample],
  output: URL, epochs: Int = 2, evaluationSteps: Int = 500
) throws -> (best: EvaluationResult, test: EvaluationResult) {
  let developmentEvaluator = try CrossEncoderEvaluator(
    examples: development, name: "dev",
    task: .binary(.tunedThreshold(maximizing: .binaryF1)))
  var model = OverlapLogisticModel()
  var best: (result: EvaluationResult, model: OverlapLogisticModel)?
  var step = 0
  for _ in 0..<epochs {
    for (index, example) in train.enumerated() {
      model.learn(SentencePair(example.texts[0], example.texts[1]), label: example.label)
      step += 1
      guard step % evaluationSteps == 0 || index == train.count - 1 else { continue }
      let result = try developmentEvaluator.evaluate(
        model, outputDirectory: output, epoch: Double(step) / Double(train.count), step: step)
      if result.isImprovement(over: best?.result) { best = (result, model) }
    }
  }
  guard let best, let threshold = best.result.threshold else {
    preconditionFailure("no training examples")
  }
  // Frozen: the test set is scored at the development set's threshold.
  let testEvaluator = try CrossEncoderEvaluator(
    examples: test, name: "test", task: .binary(.threshold(threshold)))
  let testResult = try testEvaluator.evaluate(
    best.model, outputDirectory: output, epoch: best.result.epoch, step: best.result.step)
  return (best.result, testResult)
}

// MARK: - Tests

@Suite("Documentation sample")
struct DocumentationSampleTests {
  static func examples(_ split: SentencePairSplit, count: Int) -> [InputExample] {
    zip(split.pairs, split.labels).prefix(count).map {
      InputExample(texts: [$0.first, $0.second], label: $1)
    }
  }

  @Test(
    "the training loop in docs/evaluator.md runs, logs every evaluation and freezes the threshold")
  func trainingLoopRuns() throws {
    let folder = TemporaryDirectory()
    let train = Self.examples(try SentencePairSplit.load("train"), count: 1_000)
    let (best, test) = try trainAndTest(
      train: train, development: Self.examples(.development, count: 500),
      test: Self.examples(.test, count: 500), output: folder.url, epochs: 2,
      evaluationSteps: 400)
    // Steps 400 and 800 and the end of each epoch (1000, 2000), plus 1200,
    // 1600: six evaluations.
    let rows = try CSVText.records(
      in:
        try String(
          contentsOf: folder.url.appendingPathComponent("dev_results.csv"), encoding: .utf8))
    #expect(rows.count == 1 + 6)
    let column = rows[0].firstIndex(of: "binary_f1")!
    let bestLogged = rows.dropFirst().map { Double($0[column])! }.max()!
    #expect(best.primaryValue == bestLogged)
    #expect(test.threshold == best.threshold)
    #expect(test.step == best.step)
    #expect(test.primaryMetricKey == "test_binary_f1")
    #expect(test.primaryValue > 0.5)
  }

  @Test("the sample in docs/evaluator.md is the code this file compiles")
  func sampleIsMirrored() throws {
    let documentation = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/evaluator.md"), encoding: .utf8)
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let loop = try #require(documentation.range(of: "## The training loop"))
    let fenceStart = try #require(
      documentation.range(of: "```swift\n", range: loop.upperBound..<documentation.endIndex))
    let fenceEnd = try #require(
      documentation.range(of: "```\n", range: fenceStart.upperBound..<documentation.endIndex))
    let sample = documentation[fenceStart.upperBound..<fenceEnd.lowerBound]
      .replacingOccurrences(of: "import F1KitEvaluation\nimport Foundation\n\n", with: "")
    #expect(source.contains(sample))
  }
}
