import F1Kit
import Testing

@testable import F1KitStatistics

/// The jackknife's leave-one-out values, updated per cell, against
/// rescoring the whole table with the item removed.
@Suite("Leave-one-out scoring for the BCa jackknife")
struct LeaveOneOutScorerTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var classCount: Int
    var evaluatedClassCount: Int
    var positiveClass: Int?
    var zeroDivision: ZeroDivision
    var beta: Double
    var items: Int

    var testDescription: String {
      "k=\(classCount), evaluated \(evaluatedClassCount), positive \(positiveClass.map(String.init) ?? "none"), zero_division \(zeroDivision.rawValue), beta \(beta), n=\(items)"
    }
  }

  static let cases: [Case] = [
    Case(
      classCount: 2, evaluatedClassCount: 2, positiveClass: 1, zeroDivision: .zero, beta: 1,
      items: 30),
    Case(
      classCount: 2, evaluatedClassCount: 2, positiveClass: 0, zeroDivision: .nan, beta: 2, items: 7
    ),
    Case(
      classCount: 5, evaluatedClassCount: 5, positiveClass: nil, zeroDivision: .nan, beta: 0.5,
      items: 12),
    Case(
      classCount: 6, evaluatedClassCount: 4, positiveClass: nil, zeroDivision: .one, beta: 1,
      items: 40),
    Case(
      classCount: 40, evaluatedClassCount: 40, positiveClass: nil, zeroDivision: .zero, beta: 1,
      items: 300),
    Case(
      classCount: 40, evaluatedClassCount: 25, positiveClass: nil, zeroDivision: .nan, beta: 1,
      items: 60),
  ]

  @Test(
    "equals the metric of the table with one item removed, for every metric and cell",
    arguments: cases)
  func matchesRescoring(_ testCase: Case) {
    var generator = Xoshiro256StarStar(seed: UInt64(testCase.classCount * 1_000 + testCase.items))
    let scope = MetricScope(
      classCount: testCase.classCount, evaluatedClassCount: testCase.evaluatedClassCount,
      positiveClass: testCase.positiveClass, zeroDivision: testCase.zeroDivision,
      beta: testCase.beta)
    // Skewed cells, so some classes are never predicted or never gold.
    var counts = [Int](repeating: 0, count: testCase.classCount * testCase.classCount)
    let k = UInt64(testCase.classCount)
    for _ in 0..<testCase.items {
      let gold = Int(generator.next(upperBound: k) * generator.next(upperBound: k) / k)
      let isRight = generator.next(upperBound: 3 as UInt64) > 0
      let predicted = isRight ? gold : Int(generator.next(upperBound: k))
      counts[gold * testCase.classCount + predicted] += 1
    }
    let metrics = Metric.allCases
    var tallies = [Double](repeating: 0, count: scope.tallyCount)
    tallies.withUnsafeMutableBufferPointer { buffer in
      for (position, count) in counts.enumerated() where count > 0 {
        scope.addToTallies(
          Double(count), gold: position / testCase.classCount,
          predicted: position % testCase.classCount, buffer)
      }
    }
    let scorer = MetricScope.LeaveOneOutScorer(metrics: metrics, scope: scope, tallies: tallies)
    var values = [Double](repeating: 0, count: metrics.count)
    var mismatches: [String] = []
    for (position, count) in counts.enumerated() where count > 0 {
      let gold = position / testCase.classCount
      let predicted = position % testCase.classCount
      values.withUnsafeMutableBufferPointer {
        scorer.values(leavingOutGold: gold, predicted: predicted, into: $0)
      }
      var reduced = tallies
      reduced.withUnsafeMutableBufferPointer { buffer in
        scope.addToTallies(-1, gold: gold, predicted: predicted, buffer)
        for (index, metric) in metrics.enumerated() {
          let expected = scope.value(of: metric, tallies: UnsafeBufferPointer(buffer))
          let isEqual =
            expected.isNaN
            ? values[index].isNaN : abs(values[index] - expected) <= 1e-12 * max(1, abs(expected))
          if !isEqual {
            mismatches.append(
              "\(metric.rawValue) at (\(gold), \(predicted)): \(values[index]) vs \(expected)")
          }
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }
}
