import F1Kit
import F1KitReading
import F1KitStatistics
import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

/// One interval per statistic on a page: the positive class's precision,
/// recall and F1 in the per-class table are the headline binary metrics,
/// with their intervals, and identical models get identical intervals.
@Suite("Report: the positive class's per-class intervals are the headline binary intervals")
struct ReportClassIntervalTests {
  static let labels = ["0", "1"]

  /// 300 binary items and a model right with probability `accuracy`.
  static func input(_ name: String, accuracy: Double, seed: UInt64) throws -> ReportInput {
    var goldGenerator = Xoshiro256StarStar(seed: 11)
    let gold = (0..<300).map { _ in Int32(goldGenerator.next() % 2) }
    var generator = Xoshiro256StarStar(seed: seed)
    let predicted = gold.map {
      Double(generator.next() % 1_000) / 1_000 < accuracy ? $0 : 1 - $0
    }
    return try ReportInput(
      name: name, sourceFile: name + ".csv",
      items: ItemPredictions(labels: labels, gold: gold, predicted: predicted))
  }

  @Test("class \"1\" F1 and binary F1 share one interval, for every model")
  func positiveClassMatchesHeadline() throws {
    let report = try ReportBuilder(options: ReportOptions(seed: 3, resamples: 400)).build([
      try Self.input("l6", accuracy: 0.85, seed: 1), try Self.input("l3", accuracy: 0.8, seed: 2),
    ])
    for model in report.models {
      let headline = try #require(model.intervals[.binaryF1])
      let positive = try #require(model.classIntervals.first { $0.label == "1" }?.f1)
      #expect(positive == headline)
    }
  }

  @Test("a model and its copy get identical headline and per-class intervals")
  func identicalModels() throws {
    let report = try ReportBuilder(options: ReportOptions(seed: 3, resamples: 400)).build([
      try Self.input("a", accuracy: 0.85, seed: 1), try Self.input("b", accuracy: 0.8, seed: 2),
      try Self.input("a-copy", accuracy: 0.85, seed: 1),
    ])
    #expect(report.models[0].intervals == report.models[2].intervals)
    #expect(
      report.models[0].classIntervals.map(\.f1) == report.models[2].classIntervals.map(\.f1))
  }

  static let stsbPaths = ["stsb/test-minilm-l6.csv", "stsb/test-minilm-l3.csv"]

  /// The STS-B report at 400 resamples, seed 5, with a per-class budget
  /// (0 sends every class's F1 to the delta method).
  static func stsbReport(classBootstrapBudget: Double? = nil) throws -> ReportModel {
    var builder = ReportBuilder(options: ReportOptions(seed: 5, resamples: 400))
    if let classBootstrapBudget { builder.classBootstrapBudget = classBootstrapBudget }
    return try builder.build(try stsbPaths.map(ReportTestData.fixtureInput))
  }

  /// The `{"low", "high"}` ends of a JSON object's `<score>_low` and
  /// `<score>_high`, or of its `low` and `high` when `score` is empty.
  static func ends(_ object: [String: Any]?, _ score: String) throws -> [Double] {
    let prefix = score.isEmpty ? "" : score + "_"
    let low = try #require(object?[prefix + "low"] as? Double)
    let high = try #require(object?[prefix + "high"] as? Double)
    return [low, high]
  }

  @Test(
    "on STS-B, class \"1\" precision, recall and F1 have evaluate --ci's binary intervals, in the model and the JSON"
  )
  func stsbPositiveClassIsHeadline() throws {
    let report = try Self.stsbReport()
    let json = report.jsonDocument().serialized()
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let models = try #require(document["models"] as? [[String: Any]])
    for (index, model) in report.models.enumerated() {
      // evaluate --ci's intervals, from the file alone.
      let alone = try MetricIntervals(
        for: ReportTestData.fixtureMetrics(Self.stsbPaths[index]),
        options: BootstrapOptions(resamples: 400), seed: 5)
      let positive = try #require(model.classIntervals(of: "1"))
      #expect(positive.precision == alone.bootstrap[.binaryPrecision])
      #expect(positive.recall == alone.bootstrap[.binaryRecall])
      #expect(positive.f1 == alone.bootstrap[.binaryF1])
      #expect(positive.precision?.method == .bca)
      // The other class keeps Wilson intervals: 555 of the 643 items
      // test-minilm-l6 predicts as "0" are right, 555 of the 706 gold "0".
      let matrix = model.metrics.confusionMatrix
      let negative = try #require(model.classIntervals(of: "0"))
      let predictedZero = matrix[gold: 0, predicted: 0] + matrix[gold: 1, predicted: 0]
      #expect(
        negative.precision
          == (try AnalyticInterval.wilson(
            successes: matrix[gold: 0, predicted: 0], trials: predictedZero)))
      #expect(
        negative.recall
          == (try AnalyticInterval.wilson(
            successes: matrix[gold: 0, predicted: 0], trials: matrix.goldTotals[0])))
      // The JSON's class "1" has the ends of its headline metrics.
      let metrics = try #require(models[index]["metrics"] as? [String: [String: Any]])
      let perClass = try #require(models[index]["per_class"] as? [[String: Any]])
      let row = try #require(perClass.first { $0["label"] as? String == "1" })
      for (score, metric) in [
        ("precision", "binary_precision"), ("recall", "binary_recall"), ("f1", "binary_f1"),
      ] {
        let headline = try Self.ends(metrics[metric], "")
        #expect(try Self.ends(row, score) == headline)
        // As JSON text, to the 16th digit.
        let interval = try #require(Metric(rawValue: metric).flatMap { alone.bootstrap[$0] })
        #expect(abs(headline[0] - interval.lower) < 1e-15)
        #expect(abs(headline[1] - interval.upper) < 1e-15)
      }
      let zero = try #require(perClass.first { $0["label"] as? String == "0" })
      let zeroPrecision = try #require(negative.precision)
      let zeroEnds = try Self.ends(zero, "precision")
      #expect(abs(zeroEnds[0] - zeroPrecision.lower) < 1e-15)
      #expect(abs(zeroEnds[1] - zeroPrecision.upper) < 1e-15)
    }
    let first = report.models[0].metrics.confusionMatrix
    #expect(first[gold: 0, predicted: 0] == 555 && first.goldTotals[0] == 706)
  }

  @Test(
    "with the delta method for the other class's F1, class \"1\" keeps the headline F1 interval")
  func deltaMethodKeepsHeadline() throws {
    let report = try Self.stsbReport(classBootstrapBudget: 0)
    for (index, model) in report.models.enumerated() {
      let positive = try #require(model.classIntervals(of: "1")?.f1)
      #expect(positive == model.intervals[.binaryF1])
      #expect(positive.method == .bca)
      // Class "0"'s F1 is the delta-method binary F1 with "0" positive.
      var options = EvaluationOptions()
      options.positiveLabel = "0"
      let zeroPositive = try ClassificationMetrics(
        confusionMatrix: PredictionReader(path: Fixtures.url(Self.stsbPaths[index]).path)
          .readConfusionMatrix(),
        options: options)
      let negative = try #require(model.classIntervals(of: "0")?.f1)
      let expected = try AnalyticInterval.deltaMethod(for: .binaryF1, of: zeroPositive)
      #expect(negative.method == .deltaMethod)
      // From the non-empty cells rather than the table: the two agree to
      // about 2e-12 here.
      #expect(abs(negative.lower - expected.lower) < 1e-10, "\(negative) \(expected)")
      #expect(abs(negative.upper - expected.upper) < 1e-10, "\(negative) \(expected)")
    }
    #expect(
      report.metadata.methods.contains {
        $0.hasPrefix("Per-class F1 (the other class): 95% delta-method intervals")
      })
    let html = HTMLReport(report).render()
    #expect(
      html.contains(
        "with 95% intervals (class “\u{2068}1\u{2069}”: the headline binary precision, recall and F1 "
          + "intervals; class “\u{2068}0\u{2069}”: Wilson for precision and recall, delta method for F1; "
          + "bootstrap for the averages)"))
  }
}
