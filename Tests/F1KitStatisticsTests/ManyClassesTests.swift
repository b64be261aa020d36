import F1Kit
import F1KitStatistics
import Testing

@Suite("Statistics over many classes")
struct ManyClassesTests {
  /// Codes for `count` items over `classCount` classes: gold and two
  /// models, each right about 70% of the time.
  static func codes(classCount: Int, count: Int) -> (gold: [Int32], first: [Int32], second: [Int32])
  {
    var generator = Xoshiro256StarStar(seed: 7)
    var gold: [Int32] = []
    var first: [Int32] = []
    var second: [Int32] = []
    for _ in 0..<count {
      let label = Int32(generator.next(upperBound: UInt64(classCount)))
      gold.append(label)
      for model in 0..<2 {
        let isRight = generator.next(upperBound: UInt64(10)) < UInt64(7)
        let prediction = isRight ? label : Int32(generator.next(upperBound: UInt64(classCount)))
        if model == 0 { first.append(prediction) } else { second.append(prediction) }
      }
    }
    return (gold, first, second)
  }

  @Test("joint cells counted by sorting equal those counted densely", arguments: [40, 5_000])
  func sortedCountingEqualsDense(classCount: Int) throws {
    let (gold, first, second) = Self.codes(classCount: classCount, count: 800)
    let pairs = try PairedPredictions(
      gold: gold, first: first, second: second, classCount: classCount)
    var byHand: [PairedPredictions.Cell] = []
    for item in gold.indices {
      byHand.append(
        .init(gold: Int(gold[item]), first: Int(first[item]), second: Int(second[item]), count: 1))
    }
    let reference = try PairedPredictions(classCount: classCount, cells: byHand)
    #expect(pairs == reference)
    #expect(pairs.itemCount == 800)
    #expect(pairs.cells.count <= 800)
    #expect(
      pairs.cells
        == pairs.cells.sorted { ($0.gold, $0.first, $0.second) < ($1.gold, $1.first, $1.second) })
    if classCount == 40 {
      #expect(try PairedPredictions(classCount: classCount, counts: pairs.counts) == pairs)
    }
    let item = 17
    #expect(
      pairs.count(gold: Int(gold[item]), first: Int(first[item]), second: Int(second[item])) >= 1)
  }

  @Test("a sparse matrix's bootstrap intervals equal those of its dense counts")
  func sparseBootstrapEqualsDense() throws {
    let (gold, first, _) = Self.codes(classCount: 300, count: 2_000)
    let matrix = try ConfusionMatrix(
      gold: gold.map { "c\($0)" }, predicted: first.map { "c\($0)" })
    #expect(matrix.isSparse)
    let metrics = try ClassificationMetrics(confusionMatrix: matrix)
    let bootstrap = Bootstrap(options: BootstrapOptions(resamples: 200))
    let wanted: [Metric] = [.macroF1, .accuracy, .cohenKappa, .matthewsCorrelation]
    let sparse = try bootstrap.intervals(for: wanted, of: metrics, seed: 3)
    let dense = try bootstrap.intervals(
      for: wanted, counts: metrics.confusionMatrix.counts, scope: metrics.scope, seed: 3)
    #expect(sparse == dense)
    for metric in [Metric.macroF1, .weightedF1, .microF1, .accuracy, .matthewsCorrelation] {
      let delta = try AnalyticInterval.deltaMethod(for: metric, of: metrics)
      let denseDelta = try AnalyticInterval.deltaMethod(
        for: metric, counts: metrics.confusionMatrix.counts, scope: metrics.scope)
      #expect(delta.estimate == denseDelta.estimate)
      #expect(
        abs(delta.standardError - denseDelta.standardError) < 1e-9 * denseDelta.standardError,
        "\(metric.rawValue): \(delta.standardError) vs \(denseDelta.standardError)")
    }
  }

  @Test("paired tests over 2,000 classes run on the non-empty cells")
  func pairedTestsOnManyClasses() throws {
    let classCount = 2_000
    let (gold, first, second) = Self.codes(classCount: classCount, count: 3_000)
    let pairs = try PairedPredictions(
      gold: gold, first: first, second: second, classCount: classCount)
    let comparison = try PairedComparison(
      predictions: pairs, scope: MetricScope(classCount: classCount))
    let bootstrap = try comparison.bootstrap(
      for: [.macroF1, .accuracy], options: BootstrapOptions(resamples: 99), seed: 1)
    let accuracyDifference =
      Double(
        zip(gold, second).filter { $0 == $1 }.count - zip(gold, first).filter { $0 == $1 }.count)
      / Double(gold.count)
    #expect(abs(bootstrap[.accuracy]!.difference.estimate - accuracyDifference) < 1e-12)
    #expect(bootstrap[.macroF1]!.difference.lower <= bootstrap[.macroF1]!.difference.upper)
    let same = try PairedComparison(
      predictions: try PairedPredictions(
        gold: gold, first: first, second: first, classCount: classCount),
      scope: MetricScope(classCount: classCount))
    let permutation = try same.permutationTest(for: [.macroF1], resamples: 99, seed: 1)
    #expect(permutation[.macroF1]!.pValue == 1)
  }
}
