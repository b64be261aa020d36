/// Two models' predictions for the same items, reduced to counts of
/// (gold, first model's prediction, second model's prediction) triples.
///
/// These *k*³ counts are the sufficient statistic of every paired
/// comparison: both models' confusion matrices, the per-item agreement
/// McNemar's test needs, and the resampling and permutation distributions
/// are functions of them.
public struct PairedPredictions: Hashable, Sendable {
  /// The number of classes *k*.
  public let classCount: Int
  /// The *k*³ joint counts; the cell of gold class `g`, first prediction
  /// `a` and second prediction `b` is at `(g × k + a) × k + b`.
  public let counts: [Int]

  /// Counts the joint cells of two models' predictions.
  ///
  /// - Parameters:
  ///   - gold: The gold class index of each item, in 0..<`classCount`.
  ///   - first: The first model's predicted class index of each item.
  ///   - second: The second model's predicted class index of each item.
  ///   - classCount: The number of classes *k*.
  /// - Throws: ``StatisticsError/lengthMismatch(gold:first:second:)`` when
  ///   the arrays differ in length, and
  ///   ``StatisticsError/classOutOfRange(_:classCount:)`` for an index
  ///   outside 0..<`classCount`.
  /// - Complexity: O(*n* + *k*³) for *n* items.
  public init(
    gold: [Int32], first: [Int32], second: [Int32], classCount: Int
  ) throws(StatisticsError) {
    guard gold.count == first.count, gold.count == second.count else {
      throw .lengthMismatch(gold: gold.count, first: first.count, second: second.count)
    }
    var counts = [Int](repeating: 0, count: classCount * classCount * classCount)
    let limit = Int32(clamping: classCount)
    for item in gold.indices {
      let g = gold[item]
      let a = first[item]
      let b = second[item]
      guard g >= 0, g < limit, a >= 0, a < limit, b >= 0, b < limit else {
        let outOfRange = (g < 0 || g >= limit) ? g : (a < 0 || a >= limit) ? a : b
        throw .classOutOfRange(outOfRange, classCount: classCount)
      }
      counts[(Int(g) * classCount + Int(a)) * classCount + Int(b)] += 1
    }
    self.classCount = classCount
    self.counts = counts
  }

  /// Wraps joint counts made elsewhere, such as merged shards.
  ///
  /// - Parameters:
  ///   - classCount: The number of classes *k*.
  ///   - counts: *k*³ non-negative counts in the layout of ``counts``.
  /// - Throws: ``StatisticsError/countShapeMismatch(expected:found:)`` or
  ///   ``StatisticsError/negativeCount(_:)``.
  public init(classCount: Int, counts: [Int]) throws(StatisticsError) {
    let expected = classCount * classCount * classCount
    guard counts.count == expected else {
      throw .countShapeMismatch(expected: expected, found: counts.count)
    }
    if let negative = counts.first(where: { $0 < 0 }) { throw .negativeCount(negative) }
    self.classCount = classCount
    self.counts = counts
  }

  /// The number of items.
  public var itemCount: Int { counts.reduce(0, +) }

  /// The first model's row-major confusion-matrix counts.
  public var firstCounts: [Int] { marginal(keepingFirst: true) }

  /// The second model's row-major confusion-matrix counts.
  public var secondCounts: [Int] { marginal(keepingFirst: false) }

  /// The numbers of items exactly one model gets right: the discordant
  /// pairs of McNemar's test.
  public var discordantCounts: (firstOnlyCorrect: Int, secondOnlyCorrect: Int) {
    var firstOnly = 0
    var secondOnly = 0
    for gold in 0..<classCount {
      for other in 0..<classCount where other != gold {
        firstOnly += counts[cell(gold, gold, other)]
        secondOnly += counts[cell(gold, other, gold)]
      }
    }
    return (firstOnly, secondOnly)
  }

  /// The index of a joint cell.
  func cell(_ gold: Int, _ first: Int, _ second: Int) -> Int {
    (gold * classCount + first) * classCount + second
  }

  private func marginal(keepingFirst: Bool) -> [Int] {
    var result = [Int](repeating: 0, count: classCount * classCount)
    for gold in 0..<classCount {
      for first in 0..<classCount {
        for second in 0..<classCount {
          let predicted = keepingFirst ? first : second
          result[gold * classCount + predicted] += counts[cell(gold, first, second)]
        }
      }
    }
    return result
  }
}
