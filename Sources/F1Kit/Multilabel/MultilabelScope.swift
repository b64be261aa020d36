/// What multilabel metrics are computed over: which labels are evaluated,
/// how undefined scores count, and the per-group quantities every metric
/// is made of.
///
/// A scope is built once from ``MultilabelCounts``; then ``tally(into:multiplicities:)``
/// totals any reweighting of the groups (the bootstrap draws one per
/// resample) without allocating, and ``value(of:in:)`` turns the totals
/// into a metric. Per-label scores and their averages, and the
/// samples averages, cover the first ``evaluatedLabelCount`` labels, as
/// scikit-learn's `labels=` selects indicator columns; subset accuracy and
/// Hamming loss see every label, as `accuracy_score` and `hamming_loss` see
/// every column.
public struct MultilabelScope: Sendable {
  /// The number of labels (indicator columns).
  public let labelCount: Int
  /// The number of leading labels that per-label scores and averages cover.
  public let evaluatedLabelCount: Int
  /// The value of a score whose denominator is zero.
  public let zeroDivision: ZeroDivision
  /// The beta of the F-beta metrics.
  public let beta: Double
  /// The weight of one item of each group.
  let weights: [Double]
  /// The item count of each group: the multiplicities of the data itself.
  let itemCounts: [Double]
  /// Per group, over the evaluated labels: gold, predicted and shared counts.
  let goldCounts: [Double]
  let predictedCounts: [Double]
  let sharedCounts: [Double]
  /// Per group, over every label: how many labels differ.
  let differences: [Double]
  /// The evaluated labels of each group that are true positives, false
  /// positives and false negatives, flattened; group `g` owns
  /// `offsets[g]..<offsets[g + 1]` of each.
  let truePositiveLabels: [Int32]
  let truePositiveOffsets: [Int]
  let falsePositiveLabels: [Int32]
  let falsePositiveOffsets: [Int]
  let falseNegativeLabels: [Int32]
  let falseNegativeOffsets: [Int]

  /// Creates a scope for counts.
  ///
  /// - Parameters:
  ///   - counts: The groups to score.
  ///   - evaluatedLabelCount: How many leading labels are evaluated; `nil`
  ///     evaluates all.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  ///   - beta: The beta of the F-beta metrics, not negative.
  /// - Complexity: O(*g* · *s*) for *g* groups of at most *s* labels.
  public init(
    counts: MultilabelCounts, evaluatedLabelCount: Int? = nil, zeroDivision: ZeroDivision = .zero,
    beta: Double = 1
  ) {
    self.init(
      labelCount: counts.labels.count, groups: counts.groups,
      evaluatedLabelCount: evaluatedLabelCount, zeroDivision: zeroDivision, beta: beta)
  }

  /// Creates a scope for groups given one by one, kept in order and never
  /// merged: a paired comparison lays out both models' groups side by side
  /// and weights them with its own multiplicities.
  ///
  /// - Parameters:
  ///   - labelCount: The number of labels (indicator columns).
  ///   - groups: The groups, whose indices are below `labelCount`.
  ///   - evaluatedLabelCount: How many leading labels are evaluated; `nil`
  ///     evaluates all.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  ///   - beta: The beta of the F-beta metrics, not negative.
  /// - Complexity: O(*g* · *s*) for *g* groups of at most *s* labels.
  package init(
    labelCount: Int, groups: [MultilabelCounts.Group], evaluatedLabelCount: Int? = nil,
    zeroDivision: ZeroDivision = .zero, beta: Double = 1
  ) {
    let evaluated = evaluatedLabelCount ?? labelCount
    precondition(evaluated <= labelCount && beta >= 0)
    self.labelCount = labelCount
    self.evaluatedLabelCount = evaluated
    self.zeroDivision = zeroDivision
    self.beta = beta
    var weights: [Double] = []
    var itemCounts: [Double] = []
    var goldCounts: [Double] = []
    var predictedCounts: [Double] = []
    var sharedCounts: [Double] = []
    var differences: [Double] = []
    var truePositives: [Int32] = []
    var falsePositives: [Int32] = []
    var falseNegatives: [Int32] = []
    var truePositiveOffsets = [0]
    var falsePositiveOffsets = [0]
    var falseNegativeOffsets = [0]
    for group in groups {
      weights.append(group.weight)
      itemCounts.append(Double(group.itemCount))
      let shared = group.gold.intersectionCount(with: group.predicted)
      differences.append(Double(group.gold.count + group.predicted.count - 2 * shared))
      var gold = 0
      var predicted = 0
      var both = 0
      group.gold.forEachIndex { label in
        guard label < evaluated else { return }
        gold += 1
        if group.predicted.contains(label) {
          both += 1
          truePositives.append(Int32(label))
        } else {
          falseNegatives.append(Int32(label))
        }
      }
      group.predicted.forEachIndex { label in
        guard label < evaluated else { return }
        predicted += 1
        if !group.gold.contains(label) { falsePositives.append(Int32(label)) }
      }
      goldCounts.append(Double(gold))
      predictedCounts.append(Double(predicted))
      sharedCounts.append(Double(both))
      truePositiveOffsets.append(truePositives.count)
      falsePositiveOffsets.append(falsePositives.count)
      falseNegativeOffsets.append(falseNegatives.count)
    }
    self.weights = weights
    self.itemCounts = itemCounts
    self.goldCounts = goldCounts
    self.predictedCounts = predictedCounts
    self.sharedCounts = sharedCounts
    self.differences = differences
    truePositiveLabels = truePositives
    falsePositiveLabels = falsePositives
    falseNegativeLabels = falseNegatives
    self.truePositiveOffsets = truePositiveOffsets
    self.falsePositiveOffsets = falsePositiveOffsets
    self.falseNegativeOffsets = falseNegativeOffsets
  }

  /// The number of groups.
  public var groupCount: Int { weights.count }

  /// The item count of each group, the multiplicities of the data as read.
  public var groupItemCounts: [Double] { itemCounts }

  /// Totals of the data itself.
  ///
  /// - Returns: The tallies with every group at its own item count.
  public func tally() -> MultilabelTallies {
    var tallies = MultilabelTallies(evaluatedLabelCount: evaluatedLabelCount)
    itemCounts.withUnsafeBufferPointer { tally(into: &tallies, multiplicities: $0) }
    return tallies
  }

  /// Totals the groups, each counted a given number of times.
  ///
  /// - Parameters:
  ///   - tallies: Totals to overwrite, made for this scope (its arrays are
  ///     reused, so resampling does not allocate).
  ///   - multiplicities: How many items of each group to count; the data's
  ///     own item counts give the metrics of the data.
  /// - Complexity: O(*g* · *s*) for *g* groups of at most *s* labels.
  public func tally(
    into tallies: inout MultilabelTallies, multiplicities: UnsafeBufferPointer<Double>
  ) {
    precondition(multiplicities.count == groupCount)
    tallies.reset()
    for group in 0..<groupCount {
      let multiplicity = multiplicities[group]
      if multiplicity == 0 { continue }
      add(group: group, multiplicity: multiplicity, to: &tallies)
    }
  }

  /// Totals with one item of a group left out: the jackknife's
  /// leave-one-out totals, made by subtracting that item's contribution
  /// from the totals of all items rather than by tallying again.
  ///
  /// - Parameters:
  ///   - group: The group one of whose items is left out.
  ///   - total: Totals of every item, from ``tally(into:multiplicities:)``.
  ///   - tallies: Totals to overwrite, made for this scope (its arrays are
  ///     reused, so the jackknife does not allocate).
  /// - Complexity: O(*k* + *s*) for *k* evaluated labels and a group of at
  ///   most *s* labels.
  public func leavingOutOneItem(
    ofGroup group: Int, from total: MultilabelTallies, into tallies: inout MultilabelTallies
  ) {
    tallies.copy(from: total)
    add(group: group, multiplicity: -1, to: &tallies)
  }

  /// Adds `multiplicity` items of a group (a negative one removes items).
  @inline(__always)
  private func add(group: Int, multiplicity: Double, to tallies: inout MultilabelTallies) {
    let weight = weights[group] * multiplicity
    tallies.totalWeight += weight
    tallies.differenceWeight += weight * differences[group]
    if differences[group] == 0 { tallies.exactWeight += weight }
    for offset in truePositiveOffsets[group]..<truePositiveOffsets[group + 1] {
      tallies.truePositives[Int(truePositiveLabels[offset])] += weight
    }
    for offset in falsePositiveOffsets[group]..<falsePositiveOffsets[group + 1] {
      tallies.falsePositives[Int(falsePositiveLabels[offset])] += weight
    }
    for offset in falseNegativeOffsets[group]..<falseNegativeOffsets[group + 1] {
      tallies.falseNegatives[Int(falseNegativeLabels[offset])] += weight
    }
    // scikit-learn multiplies an item's counts by its weight before
    // dividing, so a zero-weight item's scores are undefined; with weight
    // zero it adds nothing to any samples mean either way.
    if weights[group] == 0 { return }
    let gold = goldCounts[group]
    let predicted = predictedCounts[group]
    let shared = sharedCounts[group]
    tallies.samplesPrecision.add(divide(shared, by: predicted), weight: weight)
    tallies.samplesRecall.add(divide(shared, by: gold), weight: weight)
    tallies.samplesF1.add(divide(2 * shared, by: gold + predicted), weight: weight)
    tallies.samplesFBeta.add(
      fScore(beta: beta, shared, gold: gold, predicted: predicted), weight: weight)
    tallies.samplesJaccard.add(divide(shared, by: gold + predicted - shared), weight: weight)
  }

  /// Computes a metric from tallies made by this scope.
  ///
  /// - Parameters:
  ///   - metric: The metric.
  ///   - tallies: Totals from ``tally(into:multiplicities:)``.
  /// - Returns: The metric's value; NaN where it is undefined.
  /// - Complexity: O(*k*) for *k* evaluated labels, with no allocation.
  public func value(of metric: MultilabelMetric, in tallies: MultilabelTallies) -> Double {
    switch metric {
    case .subsetAccuracy:
      return tallies.totalWeight == 0 ? .nan : tallies.exactWeight / tallies.totalWeight
    case .hammingLoss:
      let cells = tallies.totalWeight * Double(labelCount)
      return cells == 0 ? .nan : tallies.differenceWeight / cells
    case .samplesPrecision: return tallies.samplesPrecision.mean
    case .samplesRecall: return tallies.samplesRecall.mean
    case .samplesF1: return tallies.samplesF1.mean
    case .samplesFBeta: return tallies.samplesFBeta.mean
    case .jaccardSamples: return tallies.samplesJaccard.mean
    case .microPrecision: return micro(.precision, tallies)
    case .microRecall: return micro(.recall, tallies)
    case .microF1: return micro(.fScore(beta: 1), tallies)
    case .microFBeta: return micro(.fScore(beta: beta), tallies)
    case .jaccardMicro: return micro(.jaccard, tallies)
    case .macroPrecision: return mean(.precision, tallies, weighted: false)
    case .macroRecall: return mean(.recall, tallies, weighted: false)
    case .macroF1: return mean(.fScore(beta: 1), tallies, weighted: false)
    case .macroFBeta: return mean(.fScore(beta: beta), tallies, weighted: false)
    case .jaccardMacro: return mean(.jaccard, tallies, weighted: false)
    case .weightedPrecision: return mean(.precision, tallies, weighted: true)
    case .weightedRecall: return mean(.recall, tallies, weighted: true)
    case .weightedF1: return mean(.fScore(beta: 1), tallies, weighted: true)
    case .weightedFBeta: return mean(.fScore(beta: beta), tallies, weighted: true)
    case .jaccardWeighted: return mean(.jaccard, tallies, weighted: true)
    }
  }

  /// One label's score.
  ///
  /// - Parameters:
  ///   - score: The score.
  ///   - label: The label's index, below ``evaluatedLabelCount``.
  ///   - tallies: Totals made by this scope.
  /// - Returns: The score, or the zero-division value when undefined.
  public func value(
    of score: LabelScore, forLabel label: Int, in tallies: MultilabelTallies
  ) -> Double {
    value(
      of: score, truePositives: tallies.truePositives[label],
      falsePositives: tallies.falsePositives[label],
      falseNegatives: tallies.falseNegatives[label])
  }

  private func micro(_ score: LabelScore, _ tallies: MultilabelTallies) -> Double {
    var truePositives = 0.0
    var falsePositives = 0.0
    var falseNegatives = 0.0
    for label in 0..<evaluatedLabelCount {
      truePositives += tallies.truePositives[label]
      falsePositives += tallies.falsePositives[label]
      falseNegatives += tallies.falseNegatives[label]
    }
    return value(
      of: score, truePositives: truePositives, falsePositives: falsePositives,
      falseNegatives: falseNegatives)
  }

  /// The mean of per-label scores that are not NaN, optionally weighted by
  /// support; all-zero weights fall back to the plain mean, as
  /// scikit-learn's `_nanaverage` does.
  private func mean(_ score: LabelScore, _ tallies: MultilabelTallies, weighted: Bool) -> Double {
    var sum = 0.0
    var weightedSum = 0.0
    var totalWeight = 0.0
    var defined = 0
    for label in 0..<evaluatedLabelCount {
      let labelValue = value(of: score, forLabel: label, in: tallies)
      if labelValue.isNaN { continue }
      let support = tallies.truePositives[label] + tallies.falseNegatives[label]
      sum += labelValue
      defined += 1
      weightedSum += labelValue * support
      totalWeight += support
    }
    if defined == 0 { return .nan }
    if weighted && totalWeight != 0 { return weightedSum / totalWeight }
    return sum / Double(defined)
  }

  private func value(
    of score: LabelScore, truePositives: Double, falsePositives: Double, falseNegatives: Double
  ) -> Double {
    switch score {
    case .precision: return divide(truePositives, by: truePositives + falsePositives)
    case .recall: return divide(truePositives, by: truePositives + falseNegatives)
    case .fScore(let beta):
      return fScore(
        beta: beta, truePositives, gold: truePositives + falseNegatives,
        predicted: truePositives + falsePositives)
    case .jaccard:
      return divide(truePositives, by: truePositives + falsePositives + falseNegatives)
    }
  }

  private func fScore(beta: Double, _ shared: Double, gold: Double, predicted: Double) -> Double {
    Self.fScore(beta: beta, shared, gold: gold, predicted: predicted, zeroDivision: zeroDivision)
  }

  private func divide(_ numerator: Double, by denominator: Double) -> Double {
    Self.divide(numerator, by: denominator, zeroDivision: zeroDivision)
  }

  /// F-beta as scikit-learn computes it: (1 + β²)·tp / (β²·gold + predicted),
  /// with recall for β = ∞ and precision for β = 0.
  static func fScore(
    beta: Double, _ shared: Double, gold: Double, predicted: Double, zeroDivision: ZeroDivision
  ) -> Double {
    if beta == .infinity { return divide(shared, by: gold, zeroDivision: zeroDivision) }
    if beta == 0 { return divide(shared, by: predicted, zeroDivision: zeroDivision) }
    let betaSquared = beta * beta
    return divide(
      (1 + betaSquared) * shared, by: betaSquared * gold + predicted, zeroDivision: zeroDivision)
  }

  /// A ratio, or the zero-division value when the denominator is zero.
  static func divide(_ numerator: Double, by denominator: Double, zeroDivision: ZeroDivision)
    -> Double
  {
    denominator == 0 ? zeroDivision.value : numerator / denominator
  }
}

/// A per-label score of a multilabel problem.
public enum LabelScore: Hashable, Sendable {
  /// True positives over predicted positives.
  case precision
  /// True positives over gold positives.
  case recall
  /// The F-score for a beta.
  case fScore(beta: Double)
  /// True positives over the union of gold and predicted positives.
  case jaccard
}

/// The totals every multilabel metric is computed from, for one weighting
/// of the groups.
public struct MultilabelTallies: Sendable {
  /// A running mean of per-item scores that skips undefined (NaN) ones.
  ///
  /// Sums are compensated (Neumaier, with each product's rounding error
  /// from a fused multiply-add): a million items added one by one
  /// otherwise drift by about 1e-12, more than the 1e-12 F1Kit promises
  /// against scikit-learn, whose NumPy sums are pairwise.
  public struct Mean: Sendable {
    /// The weighted sum of defined values, without its compensation.
    public var sum = 0.0
    /// The sum of the weights of defined values, without its compensation.
    public var weight = 0.0
    /// The rounding errors lost from `sum` so far.
    private var sumError = 0.0
    /// The rounding errors lost from `weight` so far.
    private var weightError = 0.0

    mutating func add(_ value: Double, weight itemWeight: Double) {
      guard !value.isNaN else { return }
      let product = value * itemWeight
      sumError += (-product).addingProduct(value, itemWeight)
      Self.accumulate(product, into: &sum, error: &sumError)
      Self.accumulate(itemWeight, into: &weight, error: &weightError)
    }

    /// Adds `count` items of one value and weight, as if they were added
    /// one by one: the rounding error of `itemWeight × count` is kept too,
    /// so grouped and ungrouped items give the same mean.
    mutating func add(_ value: Double, weight itemWeight: Double, count: Double) {
      guard count != 1 else { return add(value, weight: itemWeight) }
      guard !value.isNaN else { return }
      let groupWeight = itemWeight * count
      let groupWeightError = (-groupWeight).addingProduct(itemWeight, count)
      let product = value * groupWeight
      sumError += (-product).addingProduct(value, groupWeight) + value * groupWeightError
      Self.accumulate(product, into: &sum, error: &sumError)
      weightError += groupWeightError
      Self.accumulate(groupWeight, into: &weight, error: &weightError)
    }

    /// Adds `term` to `total`, keeping the rounding error (Neumaier).
    private static func accumulate(_ term: Double, into total: inout Double, error: inout Double) {
      let next = total + term
      error += abs(total) >= abs(term) ? (total - next) + term : (term - next) + total
      total = next
    }

    /// The mean, NaN when nothing defined was added.
    public var mean: Double {
      let totalWeight = weight + weightError
      return totalWeight == 0 ? .nan : (sum + sumError) / totalWeight
    }
  }

  /// Per evaluated label, the weight of true positives.
  public internal(set) var truePositives: [Double]
  /// Per evaluated label, the weight of false positives.
  public internal(set) var falsePositives: [Double]
  /// Per evaluated label, the weight of false negatives.
  public internal(set) var falseNegatives: [Double]
  /// The weight of all items.
  public internal(set) var totalWeight = 0.0
  /// The weight of items predicted exactly.
  public internal(set) var exactWeight = 0.0
  /// The weighted number of wrong item-label cells.
  public internal(set) var differenceWeight = 0.0
  /// The samples averages' running means.
  public internal(set) var samplesPrecision = Mean()
  /// The samples recall's running mean.
  public internal(set) var samplesRecall = Mean()
  /// The samples F1's running mean.
  public internal(set) var samplesF1 = Mean()
  /// The samples F-beta's running mean.
  public internal(set) var samplesFBeta = Mean()
  /// The samples Jaccard's running mean.
  public internal(set) var samplesJaccard = Mean()

  /// Creates zero totals.
  ///
  /// - Parameter evaluatedLabelCount: The number of evaluated labels.
  public init(evaluatedLabelCount: Int) {
    truePositives = Array(repeating: 0, count: evaluatedLabelCount)
    falsePositives = truePositives
    falseNegatives = truePositives
  }

  /// Overwrites these totals with others of the same scope, reusing the
  /// arrays.
  mutating func copy(from other: MultilabelTallies) {
    for label in truePositives.indices {
      truePositives[label] = other.truePositives[label]
      falsePositives[label] = other.falsePositives[label]
      falseNegatives[label] = other.falseNegatives[label]
    }
    totalWeight = other.totalWeight
    exactWeight = other.exactWeight
    differenceWeight = other.differenceWeight
    samplesPrecision = other.samplesPrecision
    samplesRecall = other.samplesRecall
    samplesF1 = other.samplesF1
    samplesFBeta = other.samplesFBeta
    samplesJaccard = other.samplesJaccard
  }

  mutating func reset() {
    for label in truePositives.indices {
      truePositives[label] = 0
      falsePositives[label] = 0
      falseNegatives[label] = 0
    }
    totalWeight = 0
    exactWeight = 0
    differenceWeight = 0
    samplesPrecision = Mean()
    samplesRecall = Mean()
    samplesF1 = Mean()
    samplesFBeta = Mean()
    samplesJaccard = Mean()
  }
}
