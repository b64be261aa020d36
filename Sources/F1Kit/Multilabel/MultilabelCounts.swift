/// The sufficient statistics of a multilabel evaluation: every distinct
/// (gold set, predicted set, item weight) with the number of items that
/// have it.
///
/// Items with the same gold set, predicted set and weight are
/// interchangeable for every metric and for resampling, so the statistic
/// grows with the number of distinct patterns, not with the number of
/// items: a million items over twenty labels usually make a few thousand
/// groups. Readers build it in one pass; the bootstrap resamples its groups.
public struct MultilabelCounts: Sendable {
  /// One distinct pattern and how many items have it.
  public struct Group: Hashable, Sendable {
    /// The gold labels, as indices into ``MultilabelCounts/labels``.
    public var gold: LabelSet
    /// The predicted labels, as indices into ``MultilabelCounts/labels``.
    public var predicted: LabelSet
    /// The weight of each item in the group; 1 when unweighted.
    public var weight: Double
    /// The number of items.
    public var itemCount: Int

    /// Creates a group.
    ///
    /// - Parameters:
    ///   - gold: The gold label indices.
    ///   - predicted: The predicted label indices.
    ///   - weight: The weight of each item.
    ///   - itemCount: The number of items.
    public init(gold: LabelSet, predicted: LabelSet, weight: Double = 1, itemCount: Int) {
      self.gold = gold
      self.predicted = predicted
      self.weight = weight
      self.itemCount = itemCount
    }
  }

  private struct Key: Hashable {
    var gold: LabelSet
    var predicted: LabelSet
    var weightBits: UInt64
  }

  /// The labels, in the order their indices refer to.
  public private(set) var labels: [String]
  /// The distinct patterns, in first-seen order.
  public private(set) var groups: [Group] = []
  /// Whether items carry sample weights (even if every weight is 1).
  public let isWeighted: Bool
  private var groupIndex: [Key: Int] = [:]

  /// Creates empty counts over the given labels.
  ///
  /// - Parameters:
  ///   - labels: Distinct labels; more may be added with ``appendLabel(_:)``.
  ///   - isWeighted: Whether the items carry sample weights.
  public init(labels: [String], isWeighted: Bool = false) {
    self.labels = labels
    self.isWeighted = isWeighted
  }

  /// Counts label sets given as strings.
  ///
  /// - Parameters:
  ///   - gold: The gold labels of each item.
  ///   - predicted: The predicted labels of each item, in the same order.
  ///   - labels: Labels to put first, which may never occur; the other
  ///     labels follow in ``LabelOrdering`` order. `nil` orders them all.
  ///   - weights: One sample weight per item, or `nil` for none.
  /// - Throws: ``MetricsError`` when the lengths differ, a label repeats in
  ///   `labels`, or a weight is negative or not finite.
  /// - Complexity: O(*n* · *s*) for *n* items of at most *s* labels.
  public init(
    gold: [[String]], predicted: [[String]], labels: [String]? = nil, weights: [Double]? = nil
  ) throws(MetricsError) {
    guard gold.count == predicted.count, weights.map({ $0.count == gold.count }) ?? true else {
      throw .lengthMismatch(gold: gold.count, predicted: predicted.count, weights: weights?.count)
    }
    let order: [String]
    do {
      order = try ConfusionMatrix.labelOrder(
        naming: labels, occurring: [gold, predicted].joined().joined())
    } catch {
      guard case .duplicateLabel(let label) = error else { throw .noLabels }
      throw .duplicateLabel(label)
    }
    let positions = order.exactLabelPositions()
    self.init(labels: order, isWeighted: weights != nil)
    for item in gold.indices {
      let weight = weights?[item] ?? 1
      try Self.validate(weight: weight, item: item)
      add(
        gold: LabelSet(gold[item].map { positions[ExactLabel($0)]! }),
        predicted: LabelSet(predicted[item].map { positions[ExactLabel($0)]! }), weight: weight)
    }
  }

  /// Checks one sample weight.
  ///
  /// - Parameters:
  ///   - weight: The weight.
  ///   - item: The item's position, for the message.
  /// - Throws: ``MetricsError/invalidWeight(_:item:)`` for a negative, NaN
  ///   or infinite weight.
  public static func validate(weight: Double, item: Int) throws(MetricsError) {
    guard weight.isFinite, weight >= 0 else { throw .invalidWeight(weight, item: item) }
  }

  /// Adds a label at the end of the order.
  ///
  /// - Parameter label: A label not yet present.
  /// - Returns: Its index.
  @discardableResult
  public mutating func appendLabel(_ label: String) -> Int {
    labels.append(label)
    return labels.count - 1
  }

  /// Names the labels the indices refer to, for a reader that learns them
  /// while counting.
  ///
  /// - Parameter labels: Distinct labels, at least as many as the largest
  ///   index used plus one.
  package mutating func replaceLabels(_ labels: [String]) {
    self.labels = labels
  }

  /// Adds items with one pattern.
  ///
  /// - Parameters:
  ///   - gold: The gold label indices.
  ///   - predicted: The predicted label indices.
  ///   - weight: The weight of each item: finite and not negative.
  ///   - count: How many items to add.
  /// - Complexity: O(*w*) for sets of *w* words, amortized.
  public mutating func add(gold: LabelSet, predicted: LabelSet, weight: Double = 1, count: Int = 1)
  {
    let key = Key(gold: gold, predicted: predicted, weightBits: weight.bitPattern)
    if let index = groupIndex[key] {
      groups[index].itemCount += count
    } else {
      groupIndex[key] = groups.count
      groups.append(Group(gold: gold, predicted: predicted, weight: weight, itemCount: count))
    }
  }

  /// Adds every group of other counts over the same labels.
  ///
  /// - Parameter other: Counts whose indices refer to the same labels.
  public mutating func merge(_ other: MultilabelCounts) {
    for group in other.groups {
      add(
        gold: group.gold, predicted: group.predicted, weight: group.weight,
        count: group.itemCount)
    }
  }

  /// The number of items.
  public var itemCount: Int { groups.reduce(0) { $0 + $1.itemCount } }

  /// The sum of the items' weights; the item count when unweighted.
  public var totalWeight: Double {
    groups.reduce(0) { $0 + $1.weight * Double($1.itemCount) }
  }

  /// The same counts with labels in a new order.
  ///
  /// - Parameter requested: Labels to put first, which may never occur;
  ///   the others follow in ``LabelOrdering`` order. `nil` orders all.
  /// - Returns: The reordered counts.
  /// - Throws: ``MetricsError/duplicateLabel(_:)`` when a label repeats.
  /// - Complexity: O(*g* · *s* + *k* log *k*) for *g* groups and *k* labels.
  public func reordered(to requested: [String]?) throws(MetricsError) -> MultilabelCounts {
    let order: [String]
    do {
      order = try ConfusionMatrix.labelOrder(naming: requested, occurring: labels)
    } catch {
      guard case .duplicateLabel(let label) = error else { throw .noLabels }
      throw .duplicateLabel(label)
    }
    let positions = order.exactLabelPositions()
    let mapping = labels.map { positions[ExactLabel($0)]! }
    var result = MultilabelCounts(labels: order, isWeighted: isWeighted)
    for group in groups {
      result.add(
        gold: group.gold.mapped(by: mapping), predicted: group.predicted.mapped(by: mapping),
        weight: group.weight, count: group.itemCount)
    }
    return result
  }
}
