import F1Kit

/// The label-set facts the multilabel rules use, over the evaluated
/// labels: item counts, and beside them the weight sums the metrics count
/// with sample weights.
///
/// Without sample weights every weight is the item count, so a rule that
/// decides on weights decides as it would on items; with them a rule
/// decides on what the metrics count (a label in many gold sets of little
/// weight is a rare label to them) and names both, as
/// `ClassProfile` does for single-label classes.
struct LabelSetProfile {
  let metrics: MultilabelMetrics
  let labels: [String]
  /// Whether the items carry sample weights.
  let isWeighted: Bool
  /// The number of items whose gold set holds each label.
  var goldSupports: [Int]
  /// The weight of the items whose gold set holds each label; the item
  /// count without sample weights.
  var goldWeights: [Double]
  var itemCount = 0
  /// The sum of the items' weights; the item count without sample
  /// weights.
  var totalWeight = 0.0
  var emptyGoldItems = 0
  var emptyGoldWeight = 0.0
  var emptyPredictedItems = 0
  var emptyPredictedWeight = 0.0
  var largestGoldSet = 0
  private var goldLabelWeight = 0.0

  init(_ metrics: MultilabelMetrics) {
    self.metrics = metrics
    labels = metrics.labels
    isWeighted = metrics.isWeighted
    goldSupports = Array(repeating: 0, count: labels.count)
    goldWeights = Array(repeating: 0, count: labels.count)
    let bound = labels.count
    guard let counts = metrics.counts else {
      preconditionFailure(
        "multilabel advice needs the label-set patterns (MultilabelMetrics(counts:options:))")
    }
    for group in counts.groups {
      let gold = group.gold.prefix(below: bound)
      let predicted = group.predicted.prefix(below: bound)
      let size = gold.count
      // A group's weight is each of its items' weight.
      let weight = (isWeighted ? group.weight : 1) * Double(group.itemCount)
      itemCount += group.itemCount
      totalWeight += weight
      goldLabelWeight += Double(size) * weight
      largestGoldSet = max(largestGoldSet, size)
      if size == 0 {
        emptyGoldItems += group.itemCount
        emptyGoldWeight += weight
      }
      if predicted.isEmpty {
        emptyPredictedItems += group.itemCount
        emptyPredictedWeight += weight
      }
      gold.forEachIndex {
        goldSupports[$0] += group.itemCount
        goldWeights[$0] += weight
      }
    }
  }

  /// Gold labels per item, each item counted by its weight.
  var cardinality: Double { totalWeight == 0 ? 0 : goldLabelWeight / totalWeight }

  /// The label of most gold weight; the first in label order on a tie.
  var mostFrequent: Int? {
    labels.indices.filter { goldWeights[$0] > 0 }.reduce(nil) { best, next in
      guard let best else { return next }
      return goldWeights[next] > goldWeights[best] ? next : best
    }
  }

  /// The label of least gold weight among those with any; the first on a
  /// tie.
  var leastFrequent: Int? {
    labels.indices.filter { goldWeights[$0] > 0 }.reduce(nil) { best, next in
      guard let best else { return next }
      return goldWeights[next] < goldWeights[best] ? next : best
    }
  }

  /// A number of items in words, with their weight when weighted: `3
  /// items`, or `3 items (weight 0.5)`.
  func items(_ count: Int, weight: Double) -> String {
    AdviceText.items(count) + (isWeighted ? " (weight \(DisplayNumber.weight(weight)))" : "")
  }

  /// A label's gold sets in words: `in 35 gold sets`, or with sample
  /// weights `in 35 gold sets, weight 35`.
  func goldSets(of label: Int) -> String {
    let count = goldSupports[label]
    return "in \(DisplayNumber.count(count)) gold \(count == 1 ? "set" : "sets")"
      + (isWeighted ? ", weight \(DisplayNumber.weight(goldWeights[label]))" : "")
  }

  /// The evidence of a label's gold size: its gold weight with sample
  /// weights (as `evaluate` reports support), its item count otherwise.
  func supportEvidence(_ label: Int, model: String? = nil) -> AdviceEvidence {
    isWeighted
      ? AdviceEvidence("support", label: labels[label], model: model, value: goldWeights[label])
      : AdviceEvidence("support", label: labels[label], model: model, count: goldSupports[label])
  }
}
