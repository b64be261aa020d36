/// Running totals of a multilabel evaluation, added to item by item, from
/// which ``MultilabelMetrics/init(accumulated:)`` computes every metric:
/// memory grows with the number of labels, not with the number of items.
///
/// It keeps, per label, the weight of true positives, false positives and
/// false negatives; the total weight, the weight of items predicted
/// exactly and the weighted number of wrong item-label cells; and running
/// means of each item's precision, recall, F1, F-beta and Jaccard index
/// over the evaluated labels. Those per-item scores depend on the
/// evaluated labels, the zero-division rule and the beta, so they are
/// fixed when the accumulator is made. Every sum is compensated
/// (Neumaier), and a pattern added `count` times counts as `count` items
/// added one by one: the totals do not depend on the order items arrive
/// in, nor on whether equal items were grouped first.
///
/// ```swift
/// var accumulator = MultilabelAccumulator(options: EvaluationOptions(beta: 2))
/// let sports = accumulator.appendLabel("sports")
/// let tech = accumulator.appendLabel("tech")
/// accumulator.add(gold: LabelSet([sports, tech]), predicted: LabelSet([tech]))
/// let metrics = try MultilabelMetrics(accumulated: accumulator)
/// ```
///
/// A bootstrap interval resamples items, so it needs the patterns that
/// ``MultilabelCounts`` keeps; metrics made from an accumulator have none.
public struct MultilabelAccumulator: Sendable {
  /// The labels, in the order their indices refer to (first seen first).
  public private(set) var labels: [String] = []
  /// The choices the per-item scores were made with, and that
  /// ``MultilabelMetrics/init(accumulated:)`` scores with.
  public let options: EvaluationOptions
  /// Whether items carry sample weights (even if every weight is 1).
  public let isWeighted: Bool
  /// The number of items added.
  public private(set) var itemCount = 0
  /// The items whose scores in the samples averages the zero-division
  /// rule decides: those with an empty gold or predicted set over the
  /// evaluated labels (items of weight 0 count in no average).
  public private(set) var emptySets = EmptyLabelSetCounts()

  /// The labels `options.labels` names, or `nil` when every label is
  /// evaluated.
  private let requested: Set<ExactLabel>?
  /// The beta of the per-item F-beta.
  private let beta: Double
  /// Per label index, whether its scores and the samples averages cover it.
  private var isEvaluated: [Bool] = []
  private var truePositives: [CompensatedSum] = []
  private var falsePositives: [CompensatedSum] = []
  private var falseNegatives: [CompensatedSum] = []
  private var total = CompensatedSum()
  private var exact = CompensatedSum()
  private var differences = CompensatedSum()
  private var samplesPrecision = MultilabelTallies.Mean()
  private var samplesRecall = MultilabelTallies.Mean()
  private var samplesF1 = MultilabelTallies.Mean()
  private var samplesFBeta = MultilabelTallies.Mean()
  private var samplesJaccard = MultilabelTallies.Mean()

  /// Creates empty totals.
  ///
  /// Invalid options are not refused here but by
  /// ``MultilabelMetrics/init(accumulated:)``, after the data is read, as
  /// ``MultilabelMetrics/init(counts:options:)`` refuses them.
  ///
  /// - Parameters:
  ///   - options: The labels to evaluate (`labels`: the per-label scores,
  ///     their averages and the samples averages cover only these, and
  ///     may name labels that never occur), the zero-division rule and the
  ///     beta (1 when `nil`).
  ///   - isWeighted: Whether the items carry sample weights.
  public init(options: EvaluationOptions = EvaluationOptions(), isWeighted: Bool = false) {
    self.options = options
    self.isWeighted = isWeighted
    requested = options.labels.map { Set($0.map(ExactLabel.init)) }
    beta = options.beta ?? 1
  }

  /// Adds a label at the end of the order.
  ///
  /// - Parameter label: A label not yet present.
  /// - Returns: Its index, for the sets given to
  ///   ``add(gold:predicted:weight:count:)``.
  @discardableResult
  public mutating func appendLabel(_ label: String) -> Int {
    labels.append(label)
    isEvaluated.append(requested?.contains(ExactLabel(label)) ?? true)
    truePositives.append(CompensatedSum())
    falsePositives.append(CompensatedSum())
    falseNegatives.append(CompensatedSum())
    return labels.count - 1
  }

  /// Respells the labels, as a reader does once it has merged numbers
  /// written two ways (`1` and `1.0`) into one label.
  ///
  /// The evaluated labels were chosen by the old spellings, so a reader
  /// respells only totals that evaluate every label.
  ///
  /// - Parameter labels: One new spelling per label, in order.
  package mutating func replaceLabels(_ labels: [String]) {
    precondition(labels.count == self.labels.count && requested == nil)
    self.labels = labels
  }

  /// Adds items with one pattern.
  ///
  /// - Parameters:
  ///   - gold: The gold label indices, each below `labels.count`.
  ///   - predicted: The predicted label indices, each below `labels.count`.
  ///   - weight: The weight of each item: finite and not negative.
  ///   - count: How many items to add.
  /// - Complexity: O(*s*) for sets of at most *s* labels (below 64 label
  ///   indices, one machine word each), with no allocation.
  public mutating func add(
    gold: LabelSet, predicted: LabelSet, weight: Double = 1, count: Int = 1
  ) {
    itemCount += count
    let items = Double(count)
    total.add(weight, times: items)
    var goldCount = 0
    var predictedCount = 0
    var sharedCount = 0
    var differenceCount = 0
    gold.forEachIndex { label in
      let isShared = predicted.contains(label)
      if !isShared { differenceCount += 1 }
      guard isEvaluated[label] else { return }
      goldCount += 1
      if isShared {
        sharedCount += 1
        truePositives[label].add(weight, times: items)
      } else {
        falseNegatives[label].add(weight, times: items)
      }
    }
    predicted.forEachIndex { label in
      let isShared = gold.contains(label)
      if !isShared { differenceCount += 1 }
      guard isEvaluated[label] else { return }
      predictedCount += 1
      if !isShared { falsePositives[label].add(weight, times: items) }
    }
    if differenceCount == 0 {
      exact.add(weight, times: items)
    } else {
      differences.add(weight, times: items * Double(differenceCount))
    }
    // scikit-learn multiplies an item's counts by its weight before
    // dividing, so a zero-weight item's scores are undefined; with weight
    // zero it adds nothing to any samples mean either way.
    if weight == 0 { return }
    if goldCount == 0 || predictedCount == 0 {
      emptySets.add(
        isGoldEmpty: goldCount == 0, isPredictedEmpty: predictedCount == 0, count: count)
    }
    let shared = Double(sharedCount)
    let goldTotal = Double(goldCount)
    let predictedTotal = Double(predictedCount)
    samplesPrecision.add(divide(shared, by: predictedTotal), weight: weight, count: items)
    samplesRecall.add(divide(shared, by: goldTotal), weight: weight, count: items)
    samplesF1.add(divide(2 * shared, by: goldTotal + predictedTotal), weight: weight, count: items)
    samplesFBeta.add(
      fScore(shared, gold: goldTotal, predicted: predictedTotal), weight: weight, count: items)
    samplesJaccard.add(
      divide(shared, by: goldTotal + predictedTotal - shared), weight: weight, count: items)
  }

  /// The sum of the items' weights; the item count when unweighted.
  public var totalWeight: Double { total.value }

  /// The totals over the evaluated labels in a given order.
  ///
  /// - Parameters:
  ///   - positions: The position of each of ``labels`` in the report
  ///     order; positions at or beyond `evaluatedLabelCount` are not
  ///     evaluated.
  ///   - evaluatedLabelCount: The number of evaluated labels.
  /// - Returns: The tallies, with zeros for evaluated labels that never
  ///   occurred.
  func tallies(positions: [Int], evaluatedLabelCount: Int) -> MultilabelTallies {
    var tallies = MultilabelTallies(evaluatedLabelCount: evaluatedLabelCount)
    for (label, position) in positions.enumerated() where position < evaluatedLabelCount {
      tallies.truePositives[position] = truePositives[label].value
      tallies.falsePositives[position] = falsePositives[label].value
      tallies.falseNegatives[position] = falseNegatives[label].value
    }
    tallies.totalWeight = total.value
    tallies.exactWeight = exact.value
    tallies.differenceWeight = differences.value
    tallies.samplesPrecision = samplesPrecision
    tallies.samplesRecall = samplesRecall
    tallies.samplesF1 = samplesF1
    tallies.samplesFBeta = samplesFBeta
    tallies.samplesJaccard = samplesJaccard
    return tallies
  }

  /// The gold weight of each evaluated label in a given order, then of
  /// all of them together, each summed over the items (true positives and
  /// false negatives with their compensation), for display: weights of one
  /// decimal give `54.3` where adding the two rounded sums can give
  /// `54.300000000000004`.
  ///
  /// - Parameters:
  ///   - positions: As for ``tallies(positions:evaluatedLabelCount:)``.
  ///   - evaluatedLabelCount: The number of evaluated labels.
  /// - Returns: `evaluatedLabelCount + 1` sums.
  func goldWeights(positions: [Int], evaluatedLabelCount: Int) -> [Double] {
    var sums = Array(repeating: CompensatedSum(), count: evaluatedLabelCount)
    for (label, position) in positions.enumerated() where position < evaluatedLabelCount {
      sums[position].add(truePositives[label])
      sums[position].add(falseNegatives[label])
    }
    var total = CompensatedSum()
    for sum in sums { total.add(sum) }
    return sums.map(\.value) + [total.value]
  }

  private func fScore(_ shared: Double, gold: Double, predicted: Double) -> Double {
    MultilabelScope.fScore(
      beta: beta, shared, gold: gold, predicted: predicted, zeroDivision: options.zeroDivision)
  }

  private func divide(_ numerator: Double, by denominator: Double) -> Double {
    MultilabelScope.divide(numerator, by: denominator, zeroDivision: options.zeroDivision)
  }
}
