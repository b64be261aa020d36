import F1Kit
import F1KitReading
import F1KitStatistics
import Testing

@testable import F1KitReport

/// One interval per statistic on a page: the positive class's F1 in the
/// per-class table is the headline binary F1, and identical models get
/// identical intervals.
@Suite("Report: the per-class F1 interval of the positive class is the headline binary F1's")
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
}
