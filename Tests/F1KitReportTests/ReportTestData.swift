import F1Kit
import F1KitReading
import F1KitStatistics
import Foundation
import _TestSupport

@testable import F1KitReport

/// Small confusion matrices and real fixtures for the report's tests.
enum ReportTestData {
  /// Metrics of a confusion matrix given as rows (gold down, predicted
  /// across).
  static func metrics(
    _ labels: [String], _ rows: [[Int]], options: EvaluationOptions = EvaluationOptions()
  ) throws -> ClassificationMetrics {
    try ClassificationMetrics(
      confusionMatrix: ConfusionMatrix(labels: labels, counts: rows), options: options)
  }

  /// A report input read from a file under `fixtures/`.
  static func fixtureInput(_ path: String) throws -> ReportInput {
    let items = try PredictionReader(path: Fixtures.url(path).path).readItems()
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return try ReportInput(name: name, sourceFile: "fixtures/" + path, items: items)
  }

  /// The metrics of a fixture file.
  static func fixtureMetrics(_ path: String) throws -> ClassificationMetrics {
    let matrix = try PredictionReader(path: Fixtures.url(path).path).readConfusionMatrix()
    return try ClassificationMetrics(confusionMatrix: matrix)
  }

  /// `count` models on the same `classCount`-class gold labels, with
  /// deterministic pseudo-random errors; labels are long so that they get
  /// truncated.
  static func syntheticInputs(models count: Int, classes classCount: Int) -> [ReportInput] {
    let labels = (0..<classCount).map { "topic-with-a-rather-long-name-\($0 < 10 ? "0" : "")\($0)" }
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    let support = (0..<classCount).map { 5 + (classCount - $0) * 7 }
    return (0..<count).map { model in
      var rows = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
      for gold in 0..<classCount {
        for _ in 0..<support[gold] {
          let isCorrect = next() % 100 < 70 + model * 8
          rows[gold][isCorrect ? gold : next() % classCount] += 1
        }
      }
      let matrix = try! ConfusionMatrix(labels: labels, counts: rows)
      return ReportInput(
        name: "model-\(model + 1)", sourceFile: "model-\(model + 1).csv", confusionMatrix: matrix)
    }
  }

  /// A small training log in the results log's format.
  static let trainingLog = """
    epoch,steps,accuracy,binary_f1,mcc
    0.5,100,0.71,0.69,0.42
    1,200,0.78,0.77,0.56
    1.5,300,0.8,0.8,0.6
    2,400,0.82,0.83,0.64
    2.5,500,nan,0.829,0.65
    3,600,0.83,0.835,0.66

    """
}

extension ReportTestData {
  /// A report input read from a fixture with its binary scores: the
  /// predictions from the prediction column, the scores from `score`
  /// beside it, as `f1kit report` reads the STS-B fixtures.
  static func scoredFixtureInput(_ path: String) throws -> ReportInput {
    var input = try fixtureInput(path)
    var options = PredictionFileOptions()
    options.scoreColumn = "score"
    let items = try PredictionReader(path: Fixtures.url(path).path, options: options)
      .readItemScores()
    input.scores = ScoreInput(items: items, source: "the score column “score”", threshold: nil)
    return input
  }

  /// The STS-B fixture's scores turned into probabilities (a logistic of
  /// the cosine), cut at 0.5 by default: a binary model whose log loss,
  /// Brier score, ECE and reliability diagram are defined.
  static func probabilityInput(_ path: String, threshold: Double = 0.5) throws -> ReportInput {
    var options = PredictionFileOptions()
    options.scoreColumn = "score"
    let raw = try PredictionReader(path: Fixtures.url(path).path, options: options)
      .readItemScores()
    let probabilities = raw.scores.map { 1 / (1 + exp(-8 * ($0 - 0.6))) }
    let positive = raw.predictions.labels.firstIndex(of: "1")!
    let negative = raw.predictions.labels.firstIndex(of: "0")!
    let predicted = probabilities.map { Int32($0 >= threshold ? positive : negative) }
    let predictions = ItemPredictions(
      labels: raw.predictions.labels, gold: raw.predictions.gold, predicted: predicted,
      ids: raw.predictions.ids)
    let items = ItemScores(
      predictions: predictions, scoredLabels: ["1"], scores: probabilities, positiveLabel: "1")
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + "-probability"
    var input = try ReportInput(name: name, sourceFile: name + ".csv", items: predictions)
    input.scores = ScoreInput(
      items: items, source: "a logistic of the score column",
      threshold: ThresholdChoice(threshold: threshold, source: .defaultValue))
    return input
  }
}
