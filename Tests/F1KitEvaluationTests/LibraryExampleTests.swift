import F1Kit
import F1KitEvaluation
import Foundation
import Testing
import _TestSupport

// MARK: - The library example of docs/evaluator.md, verbatim

/// Scores an NLI model on a development set: its primary metric, each
/// class's F1 by name, and a prediction file for `f1kit`.
func describeNLIModel(
  _ model: some CrossEncoder, pairs: [SentencePair], labels: [Int], folder: URL
) throws -> (primary: Double, perClassF1: [String: Double]) {
  // Any two label lists give scikit-learn's metrics, by label name.
  let matrix = try ConfusionMatrix(
    gold: ["entailment", "neutral", "neutral"],
    predicted: ["entailment", "neutral", "contradiction"])
  let metrics = try ClassificationMetrics(confusionMatrix: matrix)
  print("macro-F1 of the toy lists:", metrics.value(of: .macroF1))

  // The evaluator: call it every N steps; the primary value picks the best step.
  let evaluator = try CrossEncoderEvaluator(
    sentencePairs: pairs, labels: labels, name: "nli-dev", task: .multiclass)
  let result = try evaluator.evaluate(model, outputDirectory: folder, epoch: 1, step: 100)
  print(result.primaryMetricKey, result.primaryValue)  // nli-dev_macro_f1 0.…

  // Per-class precision, recall, F1 and support, the classes named.
  let classNames = ["contradiction", "entailment", "neutral"]
  let predictions = try evaluator.predict(model)
  var perClassF1: [String: Double] = [:]
  for row in try evaluator.perClassResults(for: predictions, classNames: classNames) {
    print(row.label, row.precision, row.recall, row.fScore, row.support)
    perClassF1[row.label] = row.fScore
  }

  // `id,label,prediction` and a score column per class, every field escaped:
  // `f1kit evaluate nli-dev.csv` reads it as written.
  let file = try evaluator.predictionFile(for: predictions, classNames: classNames)
  try file.write(toPath: folder.appendingPathComponent("nli-dev.csv").path)
  return (result.primaryValue, perClassF1)
}

// MARK: - Tests

@Suite("The library example in docs/evaluator.md, and the prediction file writer")
struct LibraryExampleTests {
  /// Twelve NLI-style pairs: the word overlap decides the class of the
  /// banded model, and the gold labels are set so that it gets most right.
  static let pairs = [
    SentencePair("a man plays a guitar", "a woman eats soup"),
    SentencePair("a dog runs in the park", "a cat sleeps on a sofa"),
    SentencePair("the sky is blue today", "stocks fell sharply"),
    SentencePair("kids play football outside", "children play football in the yard"),
    SentencePair("a chef cooks pasta", "a chef is cooking some pasta now"),
    SentencePair("two people walk a dog", "people walk with a dog slowly"),
    SentencePair("a girl reads a book", "a girl reads a book"),
    SentencePair("the train arrives late", "the train arrives late"),
    SentencePair("a bird sings at dawn", "a bird sings at dawn loudly"),
    SentencePair("a boy rides a bike", "a boy rides a red bike"),
    SentencePair("rain falls on the roof", "sun shines on the beach"),
    SentencePair("a band plays jazz", "a band plays loud jazz tonight"),
  ]
  static let labels = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 1, 1]

  @Test(
    "the example runs: the primary value is macro-F1, per-class F1 is named, the file is written")
  func exampleRuns() throws {
    let folder = TemporaryDirectory()
    let (primary, perClassF1) = try describeNLIModel(
      BandedOverlapModel(), pairs: Self.pairs, labels: Self.labels, folder: folder.url)
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: Self.pairs, labels: Self.labels, task: .multiclass, progress: .hidden,
      writesResults: false)
    let predictions = try evaluator.predict(BandedOverlapModel())
    let names = ["contradiction", "entailment", "neutral"]
    let metrics = try ClassificationMetrics(
      confusionMatrix: ConfusionMatrix(
        gold: Self.labels.map { names[$0] }, predicted: predictions.classes.map { names[$0] },
        labels: names))
    #expect(primary == metrics.value(of: .macroF1))
    #expect(Set(perClassF1.keys) == Set(names))
    for row in metrics.perClass() { #expect(perClassF1[row.label] == row.fScore) }
    let file = try String(
      contentsOf: folder.url.appendingPathComponent("nli-dev.csv"), encoding: .utf8)
    let lines = file.split(separator: "\n")
    #expect(lines.first == "id,label,prediction,contradiction,entailment,neutral")
    #expect(lines.count == Self.pairs.count + 1)
    #expect(lines[1].hasPrefix("1,contradiction,\(names[predictions.classes[0]]),"))
  }

  @Test("the block in docs/evaluator.md is the code this file compiles")
  func documentationMatchesTest() throws {
    let documentation = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/evaluator.md"),
      encoding: .utf8)
    let source = try String(contentsOfFile: #filePath, encoding: .utf8)
    let marker = "```swift\nimport F1Kit\nimport F1KitEvaluation\n"
    let start = try #require(documentation.range(of: marker))
    let end = try #require(documentation[start.upperBound...].range(of: "```\n"))
    let block = documentation[start.lowerBound..<end.lowerBound].dropFirst("```swift\n".count)
    let body = try #require(block.range(of: "/// Scores an NLI model"))
    #expect(source.contains(block[body.lowerBound...]))
    for line in block[..<body.lowerBound].split(separator: "\n") where !line.isEmpty {
      #expect(source.contains(line + "\n"))
    }
  }

  @Test("per-class results follow the class names; the wrong number of names is an error")
  func perClassNames() throws {
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: Array(Self.pairs.prefix(4)), labels: [0, 1, 1, 0],
      task: .binary(.threshold(0.3)), progress: .hidden, writesResults: false)
    let predictions = try evaluator.predict(WordOverlapModel())
    let rows = try evaluator.perClassResults(for: predictions, classNames: ["different", "same"])
    #expect(rows.map(\.label) == ["different", "same"])
    #expect(rows.map(\.support) == [2, 2])
    let unnamed = try evaluator.perClassResults(for: predictions)
    #expect(unnamed.map(\.label) == ["0", "1"])
    #expect(unnamed.map(\.fScore) == rows.map(\.fScore))
    #expect(throws: EvaluationError.self) {
      try evaluator.perClassResults(for: predictions, classNames: ["only one"])
    }
    #expect(throws: EvaluationError.self) {
      try evaluator.perClassResults(for: predictions, classNames: ["same", "same"])
    }
    let file = try evaluator.predictionFile(
      for: predictions, identifiers: ["a", "b", "c", "d"], classNames: ["different", "same"])
    #expect(file.columns == ["id", "label", "prediction", "score"])
    #expect(file.rowCount == 4)
  }

  @Test(
    "hand-made predictions with a class outside the evaluator's classes are refused, not a crash",
    arguments: [-1, 3, 7])
  func predictionOutOfRange(predicted: Int) throws {
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: Array(Self.pairs.prefix(3)), labels: [0, 1, 2], task: .multiclass,
      progress: .hidden, writesResults: false)
    let predictions = Predictions(
      scores: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], classes: [0, 1, predicted])
    let isOutOfRange = { (error: any Error) in
      guard case .predictionOutOfRange(predicted, 2, 3) = error as? EvaluationError else {
        return false
      }
      return true
    }
    #expect(performing: { try evaluator.perClassResults(for: predictions) }, throws: isOutOfRange)
    #expect(performing: { try evaluator.predictionFile(for: predictions) }, throws: isOutOfRange)
    // Fewer score rows than pairs is refused too.
    let short = Predictions(scores: [[1, 0, 0]], classes: [0, 1, 2])
    #expect(throws: EvaluationError.self) { try evaluator.predictionFile(for: short) }
  }

  @Test("the writer quotes commas, quotes and line breaks, and refuses rows that do not fit")
  func writerEscapes() throws {
    var file = PredictionFileWriter(scoreColumns: ["score"])
    try file.append(id: "q1", label: "not, duplicate", prediction: "say \"no\"", scores: [0.25])
    try file.append(id: "q2\nsecond line", label: "duplicate", prediction: "duplicate", scores: [1])
    #expect(
      file.text
        == "id,label,prediction,score\nq1,\"not, duplicate\",\"say \"\"no\"\"\",0.25\n\"q2\nsecond line\",duplicate,duplicate,1\n"
    )
    #expect(throws: EvaluationError.self) {
      try file.append(id: "q3", label: "a", prediction: "b", scores: [])
    }
    #expect(throws: EvaluationError.self) {
      try file.append(label: "a", prediction: "b", scores: [0.5])
    }
    #expect(file.rowCount == 2)
    var plain = PredictionFileWriter(hasIdentifiers: false)
    try plain.append(label: "a", prediction: "b")
    #expect(plain.text == "label,prediction\na,b\n")

    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("p.csv").path
    try file.write(toPath: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == file.text)
    #expect {
      try file.write(toPath: folder.url.appendingPathComponent("missing/p.csv").path)
    } throws: { error in
      guard case .predictionFileUnwritable = error as? EvaluationError else { return false }
      return true
    }
  }

  @Test("a multilabel evaluator has no single-label prediction file")
  func multilabelRefused() throws {
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: Array(Self.pairs.prefix(2)), labelSets: [[0], [1]], threshold: 0.5,
      progress: .hidden, writesResults: false)
    let predictions = try evaluator.predict(TwoOutputOverlapModel())
    #expect(throws: EvaluationError.self) { try evaluator.predictionFile(for: predictions) }
  }
}
