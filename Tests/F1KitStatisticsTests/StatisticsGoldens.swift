import F1Kit
import Testing
import _TestSupport

/// fixtures/goldens/statistics.json, made by tools/make_statistics_goldens.py
/// with SciPy and statsmodels.
struct StatisticsGoldens: Decodable, Sendable {
  struct GeneratorCase: Decodable, Sendable {
    let seed: String
    let outputs: [String]
  }
  struct SmallBootstrap: Decodable, Sendable {
    let confidence: Double
    let distribution: [Double]
    let lower: Double
    let upper: Double
  }
  struct BootstrapCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let classCount: Int
    let gold: [Int]
    let predicted: [Int]
    let metric: Metric
    let method: IntervalMethodName
    let estimate: Double
    let confidence: Double
    let resamples: Int
    let lower: Double
    let upper: Double
    let standardError: Double
    let small: SmallBootstrap

    var testDescription: String { "\(name) \(metric.rawValue) \(method.rawValue)" }

    /// Row-major confusion-matrix counts over classes 0..<classCount.
    var counts: [Int] {
      var counts = [Int](repeating: 0, count: classCount * classCount)
      for (gold, predicted) in zip(gold, predicted) { counts[gold * classCount + predicted] += 1 }
      return counts
    }
  }
  /// The interval method names the goldens use.
  enum IntervalMethodName: String, Decodable, Sendable {
    case bca, percentile
  }
  struct McNemarCase: Decodable, Sendable, CustomTestStringConvertible {
    let b: Int
    let c: Int
    let exact: Double
    let chiSquare: Double
    let chiSquareStatistic: Double
    let chiSquareUncorrected: Double
    let midP: Double
    var testDescription: String { "b = \(b), c = \(c)" }
  }
  struct PermutationCase: Decodable, Sendable, CustomTestStringConvertible {
    let classCount: Int
    let gold: [Int32]
    let first: [Int32]
    let second: [Int32]
    let metric: Metric
    let difference: Double
    let pValue: Double
    let resamples: Int
    let isExact: Bool
    var testDescription: String { "\(gold.count) items, \(metric.rawValue)" }
  }
  struct MultipleTestsCase: Decodable, Sendable, CustomTestStringConvertible {
    let pValues: [Double]
    let holm: [Double]
    let benjaminiHochberg: [Double]
    var testDescription: String { "\(pValues.count) p-values" }
  }
  struct WilsonCase: Decodable, Sendable, CustomTestStringConvertible {
    let successes: Int
    let trials: Int
    let confidence: Double
    let lower: Double
    let upper: Double
    var testDescription: String { "\(successes)/\(trials) at \(confidence)" }
  }

  let generator: [GeneratorCase]
  let bootstrap: [BootstrapCase]
  let mcnemar: [McNemarCase]
  let permutation: [PermutationCase]
  let multipletests: [MultipleTestsCase]
  let wilson: [WilsonCase]

  /// The decoded fixture, read once.
  static let shared: StatisticsGoldens = {
    do {
      return try Fixtures.decode(StatisticsGoldens.self, from: "goldens/statistics.json")
    } catch {
      fatalError("cannot read fixtures/goldens/statistics.json: \(error)")
    }
  }()
}
