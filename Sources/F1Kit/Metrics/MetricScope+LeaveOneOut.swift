extension MetricScope {
  /// Scores a table with one item left out of one cell at a time, for the
  /// jackknife of BCa intervals (or one cell's count changed by any amount,
  /// for the delta method's numerical derivatives).
  ///
  /// Every metric is a sum over classes of terms that depend on one class's
  /// tally, then a few operations on those sums. Leaving one item out of
  /// cell (*g*, *p*) changes the tallies of classes *g* and *p* only, so
  /// the scorer keeps each metric's sums over the whole table and, for each
  /// left-out item, replaces the terms of those two classes. Scoring every
  /// non-empty cell then costs O(*c* · *m*) for *c* cells and *m* metrics,
  /// after O(*k* · *m*) to form the sums, instead of O(*c* · *m* · *k*).
  ///
  /// The values equal ``value(of:tallies:)`` on the table with the item
  /// removed, up to floating-point rounding (count sums are whole numbers
  /// and exact; sums of per-class scores differ in the last bits).
  package struct LeaveOneOutScorer {
    /// One metric's sums over classes.
    private enum Sums {
      /// Accuracy: the true positives of every class.
      case accuracy(correct: Double)
      /// A score of the positive class.
      case binary(Score)
      /// A score of the pooled tallies of the evaluated classes.
      case micro(Score, pooled: ClassTally)
      /// The mean of a per-class score over the evaluated classes where it
      /// is defined, plain or weighted by gold count.
      case mean(Score, isWeighted: Bool, MeanSums)
      /// Mean recall over classes with gold items.
      case balancedAccuracy(sum: Double, classes: Int)
      /// Gorodkin's sums over every class.
      case matthews(MatthewsSums)
      /// Kappa's sums over the evaluated classes.
      case kappa(KappaSums)
    }

    private struct MeanSums {
      var sum = 0.0
      var weightedSum = 0.0
      var totalWeight = 0.0
      var defined = 0
    }

    private struct MatthewsSums {
      var correct = 0.0
      var total = 0.0
      var goldDotPredicted = 0.0
      var predictedSquares = 0.0
      var goldSquares = 0.0
    }

    private struct KappaSums {
      var agreement = 0.0
      var total = 0.0
      var predictedTotal = 0.0
      var chanceDiagonal = 0.0
    }

    /// The five numbers a class's terms depend on.
    private struct ClassNumbers {
      var truePositives: Double
      var actual: Double
      var predicted: Double
      var evaluatedActual: Double
      var evaluatedPredicted: Double

      var tally: ClassTally {
        ClassTally(truePositives: truePositives, predicted: predicted, actual: actual)
      }
    }

    private let scope: MetricScope
    private let tallies: [Double]
    private let sums: [Sums]

    /// The number of metrics scored.
    package var metricCount: Int { sums.count }

    /// Prepares to score `metrics` on a table.
    ///
    /// - Parameters:
    ///   - metrics: The metrics, in the order values are written.
    ///   - scope: The classes evaluated, positive class and zero-division
    ///     rule.
    ///   - tallies: The whole table's tallies (``tallyCount`` numbers).
    /// - Complexity: O(*k* · *m*) for *k* classes and *m* metrics.
    package init(metrics: [Metric], scope: MetricScope, tallies: [Double]) {
      precondition(tallies.count == scope.tallyCount)
      self.scope = scope
      self.tallies = tallies
      let classes = (0..<scope.classCount).map { Self.numbers(of: $0, in: tallies) }
      let evaluated = classes.prefix(scope.evaluatedClassCount)
      sums = metrics.map { metric in
        if let (average, score) = metric.averagedScore(beta: scope.beta) {
          switch average {
          case .binary: return .binary(score)
          case .micro:
            var pooled = ClassTally()
            for numbers in evaluated { pooled.add(numbers.tally) }
            return .micro(score, pooled: pooled)
          case .macro, .weighted:
            var mean = MeanSums()
            for numbers in evaluated {
              Self.add(score, of: numbers, to: &mean, sign: 1, scope: scope)
            }
            return .mean(score, isWeighted: average == .weighted, mean)
          }
        }
        switch metric {
        case .accuracy:
          return .accuracy(correct: classes.reduce(0) { $0 + $1.truePositives })
        case .balancedAccuracy:
          var sum = 0.0
          var count = 0
          for numbers in classes where numbers.actual > 0 {
            sum += numbers.truePositives / numbers.actual
            count += 1
          }
          return .balancedAccuracy(sum: sum, classes: count)
        case .matthewsCorrelation:
          var matthews = MatthewsSums()
          for numbers in classes { Self.add(numbers, to: &matthews, sign: 1) }
          return .matthews(matthews)
        case .cohenKappa:
          var kappa = KappaSums()
          for numbers in evaluated { Self.add(numbers, to: &kappa, sign: 1) }
          return .kappa(kappa)
        default: preconditionFailure("\(metric) is an averaged score")
        }
      }
    }

    /// Writes each metric's value on the table with one item of cell
    /// (`gold`, `predicted`) left out.
    ///
    /// - Parameters:
    ///   - gold: The cell's row; the cell must hold at least one item.
    ///   - predicted: The cell's column.
    ///   - values: One slot per metric, overwritten.
    /// - Complexity: O(*m*) for *m* metrics; no allocation.
    package func values(
      leavingOutGold gold: Int, predicted: Int, into values: UnsafeMutableBufferPointer<Double>
    ) {
      self.values(changingGold: gold, predicted: predicted, by: -1, into: values)
    }

    /// Writes each metric's value on the table with `amount` added to the
    /// count of cell (`gold`, `predicted`), as a numerical derivative
    /// needs.
    ///
    /// - Parameters:
    ///   - gold: The cell's row.
    ///   - predicted: The cell's column.
    ///   - amount: The change of the cell's count; the count must stay
    ///     non-negative.
    ///   - values: One slot per metric, overwritten.
    /// - Complexity: O(*m*) for *m* metrics; no allocation.
    package func values(
      changingGold gold: Int, predicted: Int, by amount: Double,
      into values: UnsafeMutableBufferPointer<Double>
    ) {
      let evaluatedCount = scope.evaluatedClassCount
      let isEvaluatedCell = gold < evaluatedCount && predicted < evaluatedCount
      // The changed classes, before and after: `gold` first, then
      // `predicted` when it is another class.
      let classCount = gold == predicted ? 1 : 2
      let oldGold = Self.numbers(of: gold, in: tallies)
      let oldPredicted = Self.numbers(of: predicted, in: tallies)
      var newGold = oldGold
      var newPredicted = oldPredicted
      if gold == predicted {
        newGold.truePositives += amount
        newGold.actual += amount
        newGold.predicted += amount
        if isEvaluatedCell {
          newGold.evaluatedActual += amount
          newGold.evaluatedPredicted += amount
        }
      } else {
        newGold.actual += amount
        newPredicted.predicted += amount
        if isEvaluatedCell {
          newGold.evaluatedActual += amount
          newPredicted.evaluatedPredicted += amount
        }
      }
      let indices = (gold, predicted)
      let old = (oldGold, oldPredicted)
      let new = (newGold, newPredicted)
      func forEachChanged(_ body: (Int, ClassNumbers, ClassNumbers) -> Void) {
        body(indices.0, old.0, new.0)
        if classCount == 2 { body(indices.1, old.1, new.1) }
      }
      let total = tallies[tallies.count - 1] + amount
      for (index, sums) in sums.enumerated() {
        switch sums {
        case .accuracy(let correct):
          values[index] = (correct + (gold == predicted ? amount : 0)) / total
        case .binary(let score):
          guard let positive = scope.positiveClass else {
            values[index] = .nan
            continue
          }
          var numbers = Self.numbers(of: positive, in: tallies)
          forEachChanged { changed, _, after in if changed == positive { numbers = after } }
          values[index] = scope.value(of: score, for: numbers.tally)
        case .micro(let score, var pooled):
          forEachChanged { changed, before, after in
            guard changed < evaluatedCount else { return }
            pooled.truePositives += after.truePositives - before.truePositives
            pooled.actual += after.actual - before.actual
            pooled.predicted += after.predicted - before.predicted
          }
          values[index] = scope.value(of: score, for: pooled)
        case .mean(let score, let isWeighted, var mean):
          forEachChanged { changed, before, after in
            guard changed < evaluatedCount else { return }
            Self.add(score, of: before, to: &mean, sign: -1, scope: scope)
            Self.add(score, of: after, to: &mean, sign: 1, scope: scope)
          }
          if mean.defined == 0 {
            values[index] = .nan
          } else if isWeighted && mean.totalWeight != 0 {
            values[index] = mean.weightedSum / mean.totalWeight
          } else {
            values[index] = mean.sum / Double(mean.defined)
          }
        case .balancedAccuracy(var sum, var classes):
          forEachChanged { _, before, after in
            if before.actual > 0 {
              sum -= before.truePositives / before.actual
              classes -= 1
            }
            if after.actual > 0 {
              sum += after.truePositives / after.actual
              classes += 1
            }
          }
          values[index] = classes == 0 ? .nan : sum / Double(classes)
        case .matthews(var matthews):
          forEachChanged { _, before, after in
            Self.add(before, to: &matthews, sign: -1)
            Self.add(after, to: &matthews, sign: 1)
          }
          let covariance = matthews.correct * matthews.total - matthews.goldDotPredicted
          let varianceProduct =
            (matthews.total * matthews.total - matthews.predictedSquares)
            * (matthews.total * matthews.total - matthews.goldSquares)
          values[index] = varianceProduct == 0 ? 0 : covariance / varianceProduct.squareRoot()
        case .kappa(var kappa):
          forEachChanged { changed, before, after in
            guard changed < evaluatedCount else { return }
            Self.add(before, to: &kappa, sign: -1)
            Self.add(after, to: &kappa, sign: 1)
          }
          guard kappa.total != 0 else {
            values[index] = .nan
            continue
          }
          let expectedDisagreement =
            (kappa.total * kappa.predictedTotal - kappa.chanceDiagonal) / kappa.total
          values[index] =
            expectedDisagreement == 0
            ? .nan : 1 - (kappa.total - kappa.agreement) / expectedDisagreement
        }
      }
    }

    private static func numbers(of index: Int, in tallies: [Double]) -> ClassNumbers {
      let base = index * MetricScope.tallyStride
      return ClassNumbers(
        truePositives: tallies[base], actual: tallies[base + 1], predicted: tallies[base + 2],
        evaluatedActual: tallies[base + 3], evaluatedPredicted: tallies[base + 4])
    }

    /// Adds (or, with `sign` −1, removes) one class's term of a mean of
    /// per-class scores, skipping an undefined score as
    /// ``MetricScope/value(of:tallies:)`` does.
    private static func add(
      _ score: Score, of numbers: ClassNumbers, to mean: inout MeanSums, sign: Double,
      scope: MetricScope
    ) {
      let tally = numbers.tally
      let value = scope.value(of: score, for: tally)
      if value.isNaN { return }
      mean.sum += sign * value
      mean.defined += sign > 0 ? 1 : -1
      mean.weightedSum += sign * value * tally.actual
      mean.totalWeight += sign * tally.actual
    }

    private static func add(_ numbers: ClassNumbers, to sums: inout MatthewsSums, sign: Double) {
      sums.correct += sign * numbers.truePositives
      sums.total += sign * numbers.actual
      sums.goldDotPredicted += sign * numbers.actual * numbers.predicted
      sums.predictedSquares += sign * numbers.predicted * numbers.predicted
      sums.goldSquares += sign * numbers.actual * numbers.actual
    }

    private static func add(_ numbers: ClassNumbers, to sums: inout KappaSums, sign: Double) {
      sums.agreement += sign * numbers.truePositives
      sums.total += sign * numbers.evaluatedActual
      sums.predictedTotal += sign * numbers.evaluatedPredicted
      sums.chanceDiagonal += sign * numbers.evaluatedActual * numbers.evaluatedPredicted
    }
  }
}
