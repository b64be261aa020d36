/// How much wider an experiment's intervals are when whole groups of items
/// are resampled than when items are resampled one by one.
///
/// Items that share a query, document or premise are alike, so a test set
/// of *n* items in *g* groups holds less information than *n* independent
/// items. The ratio of the two interval widths shows how much: about the
/// square root of the design effect 1 + (*m* − 1)ρ for groups of *m* items
/// with intra-group correlation ρ (Kish 1965). A ratio near 1 means the
/// groups hardly matter.
public struct GroupWidening: Hashable, Sendable {
  /// The number of groups.
  public var groupCount: Int
  /// Each model's interval with items resampled one by one (runs
  /// resampled as before).
  public var itemLevelModels: [ConfidenceInterval]
  /// Each pair's difference interval with items resampled one by one, in
  /// pair order.
  public var itemLevelDifferences: [ConfidenceInterval]
  /// Each model's group interval width over its item-level width; `nil`
  /// where a width is zero or undefined.
  public var modelRatios: [Double?]
  /// Each pair's group difference width over its item-level width; `nil`
  /// where a width is zero or undefined.
  public var differenceRatios: [Double?]

  /// The largest ratio over models and differences, if any is defined.
  public var largestRatio: Double? {
    (modelRatios + differenceRatios).compactMap { $0 }.max()
  }
}

extension ExperimentComparison {
  /// The most resamples spent on the item-level reference intervals of
  /// ``measureGroupWidening(seed:)``: a width ratio needs less precision
  /// than an interval, and the reference should not double the cost of a
  /// grouped comparison.
  public static let wideningResampleLimit = 1_999

  /// Measures how much wider this grouped comparison's intervals are than
  /// item-level ones: the same comparison with items resampled one by one
  /// (at most ``wideningResampleLimit`` resamples), whose widths are
  /// compared with this comparison's. Does nothing unless the design is
  /// ``ResamplingDesign/groups``.
  ///
  /// - Parameter seed: The seed of the reference's random number generator.
  /// - Throws: ``StatisticsError`` as the comparison's initializer.
  /// - Complexity: That of an item-level comparison with at most
  ///   ``wideningResampleLimit`` resamples.
  public mutating func measureGroupWidening(seed: UInt64) throws(StatisticsError) {
    guard design == .groups else { return }
    var referenceOptions = options
    referenceOptions.resamples = min(options.resamples, Self.wideningResampleLimit)
    let reference = try ExperimentComparison(
      counts: counts, metric: metric, scope: scope, design: .items, options: referenceOptions,
      seed: seed)
    groupWidening = GroupWidening(
      groupCount: counts.groupCount,
      itemLevelModels: reference.models.map(\.interval),
      itemLevelDifferences: reference.pairs.map(\.difference),
      modelRatios: zip(models, reference.models).map {
        MetricIntervals.widthRatio($0.interval, $1.interval)
      },
      differenceRatios: zip(pairs, reference.pairs).map {
        MetricIntervals.widthRatio($0.difference, $1.difference)
      })
  }
}
