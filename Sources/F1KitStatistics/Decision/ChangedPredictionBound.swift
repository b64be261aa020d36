import F1Kit

/// The largest change of a metric that changing the baseline's predicted
/// labels on at most *k* items can make, gold labels fixed: the worst-case
/// cap a release gate reads when resampling cannot show how far apart two
/// models could be (``ResamplingShortfall``).
///
/// A changed item takes one prediction away from its old class and gives
/// one to its new class, so it touches at most two classes, each once:
/// a class loses a true positive or a false positive, or gains one. Every
/// metric here is a function of each class's (true positives, predicted,
/// gold) counts, with gold fixed, so for each class the worst change of
/// its score is found by enumerating how at most *l* losses and *g* gains
/// split between true and false positives (within the counts the class
/// has), and the classes are combined by a small dynamic programme over
/// the *k* losses and *k* gains the changed items make in all:
///
/// - **binary** averages score one class, which each changed item touches
///   at most once: the bound is the exact worst case.
/// - **macro**, **weighted** and **balanced accuracy** add the classes'
///   worst changes, weighted 1/*K*, by gold share, or 1/*K* over the gold
///   classes (recall); a class's worst change need not happen together
///   with another's, so the bound can exceed the worst case, never fall
///   below it.
/// - **micro** averages pool the evaluated classes: each changed item
///   moves the pooled true positives and predictions by one step of
///   (±1, 0), (0, ±1) or ±(1, 1), so every reachable pair lies within
///   *k* steps of that hexagonal norm, which the bound searches.
/// - **accuracy** moves by at most *k*/*n*, exactly.
///
/// When whole groups were resampled the gate passes *k* as the items of
/// the largest groups that may differ: changing items of that many whole
/// groups changes at most *k* items, one of the ways of changing any *k*
/// items, so the cap is never below the worst case of changing whole
/// groups either (it may exceed it).
///
/// With `zero_division` `nan`, a class whose score could turn undefined
/// (or defined) within *k* changes would change the number of classes an
/// average runs over; no bound is given then. The Matthews correlation and
/// Cohen's kappa are not a sum over classes, and no bound is given for
/// them either.
public struct ChangedPredictionBound: Hashable, Sendable {
  /// The most items whose predicted label may change: *k*.
  public let changedItemCount: Int
  /// The largest decrease of the metric: never below the true worst case.
  public let largestDecrease: Double
  /// The largest increase of the metric: never below the true worst case.
  public let largestIncrease: Double
  /// Whether ``largestDecrease`` and ``largestIncrease`` are the exact
  /// worst cases (binary averages and accuracy) rather than bounds on them.
  public let isExact: Bool

  /// The largest change a gate of this mode has to rule out: the decrease
  /// for non-inferiority and superiority, either direction for
  /// equivalence.
  ///
  /// - Parameter mode: The gate's mode.
  /// - Returns: The change.
  public func largestChange(for mode: ReleaseGate.Mode) -> Double {
    mode == .equivalence ? max(largestDecrease, largestIncrease) : largestDecrease
  }

  /// Whether a metric has a bound: accuracy, balanced accuracy and every
  /// precision, recall and F-score average; not the Matthews correlation
  /// or Cohen's kappa.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: `true` when ``init(metric:baseline:scope:changedItemCount:)``
  ///   can give a bound for it.
  public static func isBounded(_ metric: Metric) -> Bool {
    metric == .accuracy || metric == .balancedAccuracy || metric.averagedScore(beta: 1) != nil
  }

  /// Bounds the change of a metric when at most `changedItemCount` of the
  /// baseline's predictions change.
  ///
  /// - Parameters:
  ///   - metric: The metric.
  ///   - baseline: The baseline's confusion matrix: the items whose
  ///     predictions may change.
  ///   - scope: The label set, positive class, zero-division rule and
  ///     beta the metric is scored with.
  ///   - changedItemCount: The most items that may change: *k* ≥ 0.
  /// - Returns: `nil` when the metric has no bound (``isBounded(_:)``), is
  ///   undefined on the baseline, or could become undefined (or defined)
  ///   within *k* changes.
  /// - Complexity: O(*K* *k*⁴) for *K* classes, or O(*K* *k*³) when that
  ///   is large.
  public init?(
    metric: Metric, baseline: ConfusionMatrix, scope: MetricScope, changedItemCount: Int
  ) {
    self.init(
      metric: metric, baseline: baseline, scope: scope, changedItemCount: changedItemCount,
      combiningStepLimit: 20_000_000)
  }

  /// Bounds the change of a metric, combining classes over losses and
  /// gains while that takes at most `combiningStepLimit` steps, over
  /// touches alone otherwise (a looser, cheaper bound).
  init?(
    metric: Metric, baseline: ConfusionMatrix, scope: MetricScope, changedItemCount: Int,
    combiningStepLimit: Int
  ) {
    guard baseline.classCount == scope.classCount, changedItemCount >= 0, baseline.total > 0
    else { return nil }
    let k = min(changedItemCount, baseline.total)
    let table = ClassCounts(
      baseline, changedItemCount: k, combiningStepLimit: combiningStepLimit)
    let bound: (decrease: Double, increase: Double, isExact: Bool)?
    if metric == .accuracy {
      let correct = table.truePositives.reduce(0, +)
      let total = Double(table.total)
      bound = (Double(min(k, correct)) / total, Double(min(k, table.total - correct)) / total, true)
    } else if metric == .balancedAccuracy {
      let classes = (0..<scope.classCount).filter { table.gold[$0] > 0 }
      bound =
        classes.isEmpty
        ? nil
        : table.combined(
          classes: classes, weights: classes.map { _ in 1 / Double(classes.count) },
          score: .recall, scope: scope)
    } else if let (average, score) = metric.averagedScore(beta: scope.beta) {
      let evaluated = Array(0..<scope.evaluatedClassCount)
      switch average {
      case .binary:
        if let positive = scope.positiveClass,
          let changes = table.changes(ofClass: positive, score: score, scope: scope),
          changes.isDefined
        {
          bound = (changes.decrease.max() ?? 0, changes.increase.max() ?? 0, true)
        } else {
          bound = nil
        }
      case .micro:
        bound = table.pooledChanges(of: evaluated, score: score, scope: scope)
      case .macro, .weighted:
        bound = table.averagedChanges(
          of: evaluated, score: score, isWeighted: average == .weighted, scope: scope)
      }
    } else {
      bound = nil
    }
    guard let bound else { return nil }
    self.changedItemCount = k
    self.largestDecrease = bound.decrease
    self.largestIncrease = bound.increase
    self.isExact = bound.isExact
  }

  /// Bounds the change of accuracy over items that carry sample weights,
  /// when at most `changedItemCount` of the baseline's predictions change:
  /// the heaviest *k* items the baseline gets right (for a decrease) or
  /// wrong (for an increase), over the total weight.
  ///
  /// - Parameters:
  ///   - baseline: The baseline's weighted items.
  ///   - changedItemCount: The most items that may change: *k* ≥ 0.
  /// - Returns: `nil` when the total weight is not positive.
  /// - Complexity: O(*c* log *c*) for *c* distinct rows.
  public init?(accuracyOf baseline: WeightedPredictions, changedItemCount: Int) {
    let total = baseline.totalWeight
    guard total > 0, changedItemCount >= 0 else { return nil }
    func heaviest(_ isCorrect: Bool) -> Double {
      let rows = baseline.cells.filter { ($0.gold == $0.predicted) == isCorrect }
        .sorted { $0.weight > $1.weight }
      var left = changedItemCount
      var sum = 0.0
      for row in rows where left > 0 {
        let taken = min(left, row.count)
        sum += Double(taken) * row.weight
        left -= taken
      }
      return min(1, sum / total)
    }
    self.changedItemCount = min(changedItemCount, baseline.itemCount)
    self.largestDecrease = heaviest(true)
    self.largestIncrease = heaviest(false)
    self.isExact = true
  }
}

/// A baseline's per-class counts, and the worst changes of per-class
/// scores when at most *k* predictions change.
private struct ClassCounts {
  var truePositives: [Int]
  var predicted: [Int]
  var gold: [Int]
  var total: Int
  /// *k*.
  var changedItemCount: Int

  /// The largest number of steps the combining programme over losses and
  /// gains takes before it falls back to a looser one over touches.
  var combiningStepLimit: Int

  init(_ matrix: ConfusionMatrix, changedItemCount: Int, combiningStepLimit: Int) {
    self.combiningStepLimit = combiningStepLimit
    truePositives = (0..<matrix.classCount).map { matrix[gold: $0, predicted: $0] }
    predicted = matrix.predictedTotals
    gold = matrix.goldTotals
    total = matrix.total
    self.changedItemCount = changedItemCount
  }

  /// One class's worst changes: entry `l · (k + 1) + g` holds the largest
  /// decrease (or increase) of its score with at most *l* losses and *g*
  /// gains, *l* + *g* ≤ *k*.
  struct Changes {
    var decrease: [Double]
    var increase: [Double]
    /// Whether the class's score is defined on the baseline (and so after
    /// any *k* changes).
    var isDefined: Bool
  }

  /// A score of one class from its counts, as the scope scores it.
  static func value(
    of score: Score, truePositives: Int, predicted: Int, gold: Int, scope: MetricScope
  ) -> Double {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: MetricScope.tallyStride) { tallies in
      tallies.initialize(repeating: 0)
      tallies[0] = Double(truePositives)
      tallies[1] = Double(gold)
      tallies[2] = Double(predicted)
      return scope.value(of: score, forClass: 0, tallies: UnsafeBufferPointer(tallies))
    }
  }

  /// The worst changes of one class's score, from its counts: *a* true
  /// positives and *b* false positives lost, *c* true positives and *d*
  /// false positives gained, each within what the class has. Losing and
  /// gaining a true positive together is the same as doing neither, so
  /// only one of *a* and *c* (and of *b* and *d*) is ever positive.
  ///
  /// - Returns: `nil` when the score could turn undefined or defined.
  func changes(ofClass index: Int, score: Score, scope: MetricScope) -> Changes? {
    changes(
      truePositives: truePositives[index], predicted: predicted[index], gold: gold[index],
      score: score, scope: scope)
  }

  private func changes(
    truePositives tp: Int, predicted p: Int, gold g: Int, score: Score, scope: MetricScope
  ) -> Changes? {
    let k = changedItemCount
    let width = k + 1
    let (falsePositives, falseNegatives) = (p - tp, g - tp)
    let trueNegatives = total - g - falsePositives
    let base = Self.value(of: score, truePositives: tp, predicted: p, gold: g, scope: scope)
    var result = Changes(
      decrease: Array(repeating: 0, count: width * width),
      increase: Array(repeating: 0, count: width * width), isDefined: !base.isNaN)
    for a in 0...min(k, tp) {
      for b in 0...min(k - a, falsePositives) {
        for c in 0...(a == 0 ? min(k - a - b, falseNegatives) : 0) {
          for d in 0...(b == 0 ? min(k - a - b - c, trueNegatives) : 0) {
            let value = Self.value(
              of: score, truePositives: tp - a + c, predicted: p - a - b + c + d, gold: g,
              scope: scope)
            guard value.isNaN == base.isNaN else { return nil }
            guard !base.isNaN else { continue }
            let entry = (a + b) * width + c + d
            result.decrease[entry] = max(result.decrease[entry], base - value)
            result.increase[entry] = max(result.increase[entry], value - base)
          }
        }
      }
    }
    // At most l losses and g gains: the best over every smaller split.
    for losses in 0...k {
      for gains in 0...(k - losses) {
        let entry = losses * width + gains
        for values in [\Changes.decrease, \Changes.increase] {
          var best = result[keyPath: values][entry]
          if losses > 0 { best = max(best, result[keyPath: values][entry - width]) }
          if gains > 0 { best = max(best, result[keyPath: values][entry - 1]) }
          result[keyPath: values][entry] = best
        }
      }
    }
    return result
  }

  /// The macro or support-weighted mean's worst changes over the
  /// evaluated classes whose score is defined.
  func averagedChanges(
    of classes: [Int], score: Score, isWeighted: Bool, scope: MetricScope
  ) -> (decrease: Double, increase: Double, isExact: Bool)? {
    var defined: [Int] = []
    for index in classes {
      guard let changes = changes(ofClass: index, score: score, scope: scope) else { return nil }
      if changes.isDefined { defined.append(index) }
    }
    guard !defined.isEmpty else { return nil }
    let goldSum = defined.reduce(0) { $0 + gold[$1] }
    let weights = defined.map {
      isWeighted && goldSum > 0 ? Double(gold[$0]) / Double(goldSum) : 1 / Double(defined.count)
    }
    return combined(classes: defined, weights: weights, score: score, scope: scope)
  }

  /// The worst changes of Σ weight × class score over some classes, each
  /// class's score defined throughout.
  func combined(
    classes: [Int], weights: [Double], score: Score, scope: MetricScope
  ) -> (decrease: Double, increase: Double, isExact: Bool)? {
    var tables: [(weight: Double, changes: Changes)] = []
    for (index, weight) in zip(classes, weights) where weight > 0 {
      guard let changes = changes(ofClass: index, score: score, scope: scope) else { return nil }
      tables.append((weight, changes))
    }
    return (
      combine(tables.map { ($0.weight, $0.changes.decrease) }),
      combine(tables.map { ($0.weight, $0.changes.increase) }), false
    )
  }

  /// The largest Σ weight × change over the classes when the classes'
  /// losses add up to at most *k*, and so do their gains: a dynamic
  /// programme over (losses, gains) used so far. When that would take too
  /// long, a looser one over touches alone: the classes' losses and gains
  /// add up to at most 2*k*.
  private func combine(_ tables: [(weight: Double, values: [Double])]) -> Double {
    let k = changedItemCount
    let width = k + 1
    let tables = tables.filter { table in table.values.contains { $0 > 0 } }
    let stepsPerClass = width * width * width * width / 4 + 1
    guard tables.count <= combiningStepLimit / stepsPerClass else {
      var best = [Double](repeating: 0, count: 2 * k + 1)
      for table in tables {
        // The class's worst change with at most t touches, t ≤ k.
        var byTouches = [Double](repeating: 0, count: width)
        for losses in 0...k {
          for gains in 0...(k - losses) {
            let value = table.weight * table.values[losses * width + gains]
            byTouches[losses + gains] = max(byTouches[losses + gains], value)
          }
        }
        for touches in stride(from: 2 * k, through: 1, by: -1) {
          for used in 1...min(k, touches) {
            best[touches] = max(best[touches], best[touches - used] + byTouches[used])
          }
        }
      }
      return best[2 * k]
    }
    var best = [Double](repeating: 0, count: width * width)
    for table in tables {
      var next = best
      for usedLosses in 0...k {
        for usedGains in 0...k {
          var value = best[usedLosses * width + usedGains]
          for losses in 0...usedLosses {
            for gains in 0...min(usedGains, k - losses) where losses + gains > 0 {
              let before = best[(usedLosses - losses) * width + usedGains - gains]
              value = max(value, before + table.weight * table.values[losses * width + gains])
            }
          }
          next[usedLosses * width + usedGains] = value
        }
      }
      best = next
    }
    return best[k * width + k]
  }

  /// The worst changes of a score of the pooled counts of some classes
  /// (a micro average): every (Δ true positives, Δ predicted) within *k*
  /// steps of the hexagonal norm that one changed item moves them by, and
  /// within what the pooled counts allow.
  func pooledChanges(
    of classes: [Int], score: Score, scope: MetricScope
  ) -> (decrease: Double, increase: Double, isExact: Bool)? {
    let k = changedItemCount
    let tp = classes.reduce(0) { $0 + truePositives[$1] }
    let p = classes.reduce(0) { $0 + predicted[$1] }
    let g = classes.reduce(0) { $0 + gold[$1] }
    // With every class pooled, each item is predicted as one of them.
    let isEveryClass = classes.count == truePositives.count
    let base = Self.value(of: score, truePositives: tp, predicted: p, gold: g, scope: scope)
    guard !base.isNaN else { return nil }
    var decrease = 0.0
    var increase = 0.0
    for x in -k...k {
      for y in isEveryClass ? 0...0 : -k...k {
        let steps = x * y >= 0 ? max(abs(x), abs(y)) : abs(x) + abs(y)
        let (newTP, newP) = (tp + x, p + y)
        guard steps <= k, newTP >= 0, newTP <= g, newP >= newTP, newP <= total else { continue }
        let value = Self.value(
          of: score, truePositives: newTP, predicted: newP, gold: g, scope: scope)
        guard !value.isNaN else { return nil }
        decrease = max(decrease, base - value)
        increase = max(increase, value - base)
      }
    }
    return (decrease, increase, false)
  }
}
