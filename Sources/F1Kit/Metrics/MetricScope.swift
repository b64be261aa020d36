/// What a metric is computed over: how many classes the matrix has, which of
/// them are evaluated, which is positive, and how undefined scores count.
///
/// A scope turns a confusion matrix's counts into any ``Metric`` without
/// allocating, which is what the bootstrap needs: it holds the label set
/// fixed while thousands of resampled matrices are scored, so a class that
/// vanishes from one resample still counts in every average.
///
/// The evaluated classes are the first ``evaluatedClassCount`` rows and
/// columns of the matrix, the way scikit-learn's `labels=` selects classes:
/// per-class scores and their averages cover only those, while accuracy,
/// balanced accuracy and the Matthews correlation use every class.
public struct MetricScope: Hashable, Sendable {
  /// The number of rows (and columns) of the matrices this scope scores.
  public let classCount: Int
  /// The number of leading classes that per-class scores and averages cover.
  public let evaluatedClassCount: Int
  /// The index of the positive class for binary scores, if any.
  public let positiveClass: Int?
  /// The value of a score whose denominator is zero.
  public let zeroDivision: ZeroDivision
  /// The beta of the F-beta metrics (``Metric/macroFBeta`` and the
  /// others); F1 metrics always use 1.
  public let beta: Double

  /// Creates a scope.
  ///
  /// - Parameters:
  ///   - classCount: The number of rows (and columns) of the matrices.
  ///   - evaluatedClassCount: How many leading classes are evaluated;
  ///     `nil` evaluates all.
  ///   - positiveClass: The index of the positive class, if binary scores
  ///     are wanted.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  ///   - beta: The beta of the F-beta metrics, not negative.
  public init(
    classCount: Int, evaluatedClassCount: Int? = nil, positiveClass: Int? = nil,
    zeroDivision: ZeroDivision = .zero, beta: Double = 1
  ) {
    precondition(classCount >= 0 && (evaluatedClassCount ?? 0) <= classCount)
    precondition(beta >= 0, "beta must not be negative")
    self.beta = beta
    self.classCount = classCount
    self.evaluatedClassCount = evaluatedClassCount ?? classCount
    self.positiveClass = positiveClass
    self.zeroDivision = zeroDivision
  }

  /// Computes a metric from row-major counts.
  ///
  /// - Parameters:
  ///   - metric: The metric to compute.
  ///   - counts: `classCount × classCount` counts, gold labels down and
  ///     predicted labels across.
  /// - Returns: The metric's value; NaN where it is undefined (for example
  ///   a binary metric without a positive class).
  /// - Complexity: O(*k*²) for *k* classes; no heap allocation for small
  ///   *k*.
  package func value(of metric: Metric, counts: UnsafeBufferPointer<Double>) -> Double {
    precondition(counts.count == classCount * classCount)
    return withTallies(of: counts) { value(of: metric, tallies: $0) }
  }

  /// Computes a metric from a confusion matrix whose labels this scope was
  /// made for.
  ///
  /// - Parameters:
  ///   - metric: The metric to compute.
  ///   - matrix: A matrix with ``classCount`` labels.
  /// - Returns: The metric's value; NaN where it is undefined.
  /// - Complexity: O(*k* + *c*) for *k* classes and *c* non-empty cells
  ///   (O(*k*²) for a dense matrix).
  public func value(of metric: Metric, in matrix: ConfusionMatrix) -> Double {
    precondition(matrix.classCount == classCount)
    return tallies(of: matrix).withUnsafeBufferPointer { value(of: metric, tallies: $0) }
  }

  /// Combines one per-class score over the evaluated classes.
  ///
  /// - Parameters:
  ///   - score: Precision, recall or an F-score.
  ///   - average: How to combine the per-class values.
  ///   - counts: Row-major counts.
  /// - Returns: The averaged score, NaN when every value it averages is.
  /// - Complexity: O(*k*²) for *k* classes; no heap allocation for small
  ///   *k*.
  package func averaged(
    _ score: Score, by average: Average, counts: UnsafeBufferPointer<Double>
  ) -> Double {
    precondition(counts.count == classCount * classCount)
    return withTallies(of: counts) { averaged(score, by: average, tallies: $0) }
  }

  /// The score of one class.
  ///
  /// - Parameters:
  ///   - score: Precision, recall or an F-score.
  ///   - index: The class's row in the matrix.
  ///   - counts: Row-major counts.
  /// - Returns: The class's score, or the zero-division value when undefined.
  /// - Complexity: O(*k*) for *k* classes.
  package func value(
    of score: Score, forClass index: Int, counts: UnsafeBufferPointer<Double>
  ) -> Double {
    var result = ClassTally()
    result.truePositives = counts[index * classCount + index]
    for other in 0..<classCount {
      result.actual += counts[index * classCount + other]
      result.predicted += counts[other * classCount + index]
    }
    return value(of: score, for: result)
  }

  /// The score of one class, from a tally buffer.
  ///
  /// - Parameters:
  ///   - score: Precision, recall or an F-score.
  ///   - index: The class.
  ///   - tallies: A buffer of ``tallyCount`` numbers.
  /// - Returns: The class's score, or the zero-division value when undefined.
  /// - Complexity: O(1).
  package func value(
    of score: Score, forClass index: Int, tallies: UnsafeBufferPointer<Double>
  ) -> Double {
    value(of: score, for: tally(of: index, tallies))
  }

  // MARK: - Tallies

  /// The length of a tally buffer: ``tallyStride`` numbers per class, then
  /// the total count.
  ///
  /// Every metric is a function of five numbers per class — its true
  /// positives, gold count, predicted count, and its gold and predicted
  /// counts within the evaluated classes (for Cohen's kappa) — and the total.
  /// Scoring from these costs O(*k*) whatever the number of cells, and they
  /// are filled from the non-empty cells alone, so nothing costs *k*².
  package var tallyCount: Int { Self.tallyStride * classCount + 1 }

  /// The numbers kept per class in a tally buffer.
  package static let tallyStride = 5

  /// Zeroes a tally buffer.
  @inline(__always)
  package func clearTallies(_ tallies: UnsafeMutableBufferPointer<Double>) {
    for index in tallies.indices { tallies[index] = 0 }
  }

  /// Adds one cell's count to a tally buffer.
  ///
  /// Adding cells in row-major order sums each class's counts in the same
  /// order as a row or column sum of the dense matrix, so the result does
  /// not depend on whether the matrix was dense or sparse.
  ///
  /// - Parameters:
  ///   - count: The number of items (or weight) in the cell.
  ///   - gold: The cell's row.
  ///   - predicted: The cell's column.
  ///   - tallies: A buffer of ``tallyCount`` numbers.
  @inline(__always)
  package func addToTallies(
    _ count: Double, gold: Int, predicted: Int, _ tallies: UnsafeMutableBufferPointer<Double>
  ) {
    let goldBase = gold &* Self.tallyStride
    let predictedBase = predicted &* Self.tallyStride
    if gold == predicted { tallies[goldBase] += count }
    tallies[goldBase &+ 1] += count
    tallies[predictedBase &+ 2] += count
    if gold < evaluatedClassCount && predicted < evaluatedClassCount {
      tallies[goldBase &+ 3] += count
      tallies[predictedBase &+ 4] += count
    }
    tallies[tallies.count &- 1] += count
  }

  /// The tallies of a matrix, from its non-empty cells.
  ///
  /// - Parameter matrix: A matrix with ``classCount`` labels.
  /// - Returns: A buffer of ``tallyCount`` numbers.
  /// - Complexity: O(*k* + *c* log *c*) for *c* non-empty cells (O(*k*²)
  ///   for a dense matrix).
  /// The tallies of dense row-major cells, such as weight sums.
  ///
  /// - Parameter cells: `classCount`² values, gold down, predicted across.
  /// - Returns: The tallies.
  package func tallies(ofCells cells: [Double]) -> [Double] {
    precondition(cells.count == classCount * classCount)
    var result = [Double](repeating: 0, count: tallyCount)
    result.withUnsafeMutableBufferPointer { tallies in
      for gold in 0..<classCount {
        for predicted in 0..<classCount where cells[gold * classCount + predicted] != 0 {
          addToTallies(
            cells[gold * classCount + predicted], gold: gold, predicted: predicted, tallies)
        }
      }
    }
    return result
  }

  package func tallies(of matrix: ConfusionMatrix) -> [Double] {
    var result = [Double](repeating: 0, count: tallyCount)
    result.withUnsafeMutableBufferPointer { tallies in
      for cell in matrix.nonEmptyCells {
        addToTallies(Double(cell.count), gold: cell.gold, predicted: cell.predicted, tallies)
      }
    }
    return result
  }

  /// Calls `body` with the tallies of row-major counts, in a temporary
  /// buffer.
  private func withTallies<Result>(
    of counts: UnsafeBufferPointer<Double>, _ body: (UnsafeBufferPointer<Double>) -> Result
  ) -> Result {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: tallyCount) { tallies in
      clearTallies(tallies)
      for gold in 0..<classCount {
        for predicted in 0..<classCount {
          let count = counts[gold &* classCount &+ predicted]
          if count != 0 { addToTallies(count, gold: gold, predicted: predicted, tallies) }
        }
      }
      return body(UnsafeBufferPointer(tallies))
    }
  }

  /// Computes a metric from a tally buffer.
  ///
  /// - Parameters:
  ///   - metric: The metric to compute.
  ///   - tallies: A buffer of ``tallyCount`` numbers.
  /// - Returns: The metric's value; NaN where it is undefined.
  /// - Complexity: O(*k*), with no allocation.
  package func value(of metric: Metric, tallies: UnsafeBufferPointer<Double>) -> Double {
    if let (average, score) = metric.averagedScore(beta: beta) {
      return averaged(score, by: average, tallies: tallies)
    }
    switch metric {
    case .accuracy: return accuracy(tallies)
    case .balancedAccuracy: return balancedAccuracy(tallies)
    case .matthewsCorrelation: return matthewsCorrelation(tallies)
    case .cohenKappa: return cohenKappa(tallies)
    default: preconditionFailure("\(metric) is an averaged score")
    }
  }

  /// Combines one per-class score over the evaluated classes, from a tally
  /// buffer.
  ///
  /// - Parameters:
  ///   - score: Precision, recall or an F-score.
  ///   - average: How to combine the per-class values.
  ///   - tallies: A buffer of ``tallyCount`` numbers.
  /// - Returns: The averaged score, NaN when every value it averages is.
  /// - Complexity: O(*k*), with no allocation.
  package func averaged(
    _ score: Score, by average: Average, tallies: UnsafeBufferPointer<Double>
  ) -> Double {
    switch average {
    case .binary:
      guard let positiveClass else { return .nan }
      return value(of: score, for: tally(of: positiveClass, tallies))
    case .micro:
      var pooled = ClassTally()
      for index in 0..<evaluatedClassCount { pooled.add(tally(of: index, tallies)) }
      return value(of: score, for: pooled)
    case .macro, .weighted:
      return mean(of: score, weighted: average == .weighted, tallies: tallies)
    }
  }

  /// The mean of per-class scores that are not NaN, optionally weighted by
  /// support; all-zero weights fall back to the plain mean, as
  /// scikit-learn's `_nanaverage` does.
  private func mean(
    of score: Score, weighted: Bool, tallies: UnsafeBufferPointer<Double>
  ) -> Double {
    var sum = 0.0
    var weightedSum = 0.0
    var totalWeight = 0.0
    var defined = 0
    for index in 0..<evaluatedClassCount {
      let classTally = tally(of: index, tallies)
      let classValue = value(of: score, for: classTally)
      if classValue.isNaN { continue }
      sum += classValue
      defined += 1
      weightedSum += classValue * classTally.actual
      totalWeight += classTally.actual
    }
    if defined == 0 { return .nan }
    if weighted && totalWeight != 0 { return weightedSum / totalWeight }
    return sum / Double(defined)
  }

  func value(of score: Score, for tally: ClassTally) -> Double {
    switch score {
    case .precision:
      return divide(tally.truePositives, by: tally.predicted)
    case .recall:
      return divide(tally.truePositives, by: tally.actual)
    case .fScore(let beta):
      if beta == .infinity { return divide(tally.truePositives, by: tally.actual) }
      if beta == 0 { return divide(tally.truePositives, by: tally.predicted) }
      let betaSquared = beta * beta
      return divide(
        (1 + betaSquared) * tally.truePositives,
        by: betaSquared * tally.actual + tally.predicted)
    }
  }

  private func divide(_ numerator: Double, by denominator: Double) -> Double {
    denominator == 0 ? zeroDivision.value : numerator / denominator
  }

  @inline(__always)
  func tally(of index: Int, _ tallies: UnsafeBufferPointer<Double>) -> ClassTally {
    let base = index &* Self.tallyStride
    return ClassTally(
      truePositives: tallies[base], predicted: tallies[base &+ 2], actual: tallies[base &+ 1])
  }

  private func accuracy(_ tallies: UnsafeBufferPointer<Double>) -> Double {
    var correct = 0.0
    for index in 0..<classCount { correct += tallies[index &* Self.tallyStride] }
    return correct / tallies[tallies.count - 1]
  }

  /// Mean recall over classes with gold items; scikit-learn drops classes
  /// that are only predicted.
  private func balancedAccuracy(_ tallies: UnsafeBufferPointer<Double>) -> Double {
    var sum = 0.0
    var classes = 0
    for index in 0..<classCount {
      let classTally = tally(of: index, tallies)
      guard classTally.actual > 0 else { continue }
      sum += classTally.truePositives / classTally.actual
      classes += 1
    }
    return classes == 0 ? .nan : sum / Double(classes)
  }

  /// Gorodkin's multiclass form, computed as scikit-learn does; a zero
  /// denominator (one class in gold or predictions) gives 0.
  private func matthewsCorrelation(_ tallies: UnsafeBufferPointer<Double>) -> Double {
    var correct = 0.0
    var total = 0.0
    var goldDotPredicted = 0.0
    var predictedSquares = 0.0
    var goldSquares = 0.0
    for index in 0..<classCount {
      let classTally = tally(of: index, tallies)
      correct += classTally.truePositives
      total += classTally.actual
      goldDotPredicted += classTally.actual * classTally.predicted
      predictedSquares += classTally.predicted * classTally.predicted
      goldSquares += classTally.actual * classTally.actual
    }
    let covariance = correct * total - goldDotPredicted
    let varianceProduct = (total * total - predictedSquares) * (total * total - goldSquares)
    return varianceProduct == 0 ? 0 : covariance / varianceProduct.squareRoot()
  }

  /// Kappa over the evaluated classes only, as scikit-learn restricts the
  /// matrix to `labels=`; undefined (NaN) when the restricted matrix is empty
  /// or chance agreement is certain.
  private func cohenKappa(_ tallies: UnsafeBufferPointer<Double>) -> Double {
    var total = 0.0
    var agreement = 0.0
    var goldTotal = 0.0
    var predictedTotal = 0.0
    var chanceDiagonal = 0.0
    for index in 0..<evaluatedClassCount {
      let base = index &* Self.tallyStride
      let gold = tallies[base &+ 3]
      let predicted = tallies[base &+ 4]
      agreement += tallies[base]
      total += gold
      goldTotal += gold
      predictedTotal += predicted
      chanceDiagonal += gold * predicted
    }
    guard total != 0 else { return .nan }
    let expectedDisagreement = (goldTotal * predictedTotal - chanceDiagonal) / total
    guard expectedDisagreement != 0 else { return .nan }
    return 1 - (total - agreement) / expectedDisagreement
  }
}

/// The three counts every per-class score is made of.
struct ClassTally {
  var truePositives = 0.0
  var predicted = 0.0
  var actual = 0.0

  mutating func add(_ other: ClassTally) {
    truePositives += other.truePositives
    predicted += other.predicted
    actual += other.actual
  }
}
