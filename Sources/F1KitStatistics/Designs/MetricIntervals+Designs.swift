import F1Kit
import F1KitSupport

extension MetricIntervals {
  /// Computes intervals for every metric a classification reports, with a
  /// bootstrap that draws test sets under a ``ResamplingDesign``: whole
  /// groups of items, or items within each gold class.
  ///
  /// Every metric is scored on the same resampled test sets. The BCa
  /// jackknife leaves out one group under ``ResamplingDesign/groups`` and
  /// one item otherwise. Under ``ResamplingDesign/groups`` the analytic
  /// intervals are left out (they assume independent items), and each
  /// metric's item-level bootstrap interval is kept in ``itemLevel``, from
  /// as many resamples and the same seed as ``init(for:options:seed:progress:)``
  /// gives (and so equal to it), so the two widths can be compared.
  ///
  /// - Parameters:
  ///   - classification: The scored predictions, whose confusion matrix
  ///     the counts' one run gives.
  ///   - counts: The items' gold and predicted codes and, for
  ///     ``ResamplingDesign/groups``, their groups: one model with one run.
  ///   - design: How test sets are drawn.
  ///   - options: Resamples, confidence and interval method.
  ///   - seed: The seed of the random number generator.
  /// - Throws: ``StatisticsError`` when the options are invalid, the counts
  ///   have more than one run (``StatisticsError/unpairedModels``), their
  ///   classes differ from the classification's, or the design is
  ///   ``ResamplingDesign/groups`` for ungrouped counts.
  /// - Complexity: O(*R* · (*d* + *m* · *k*²)) for *R* resamples, *d*
  ///   distinct rows or group entries, *m* metrics and *k* classes, twice
  ///   under ``ResamplingDesign/groups``; plus O(*g* · *d* · *m*) for the
  ///   jackknife over *g* groups.
  public init(
    for classification: ClassificationMetrics, counts: ExperimentCounts,
    design: ResamplingDesign, options: BootstrapOptions = .init(),
    seed: UInt64 = Xoshiro256StarStar.defaultSeed
  ) throws(StatisticsError) {
    try options.validate()
    guard counts.runCounts == [1] else { throw .unpairedModels }
    guard counts.classCount == classification.scope.classCount else {
      throw .classCountMismatch(data: counts.classCount, scope: classification.scope.classCount)
    }
    if design == .groups && !counts.isGrouped { throw .noGroups }
    if design == .groups && counts.groupCount < ExperimentComparison.minimumGroups {
      throw .tooFewGroups(counts.groupCount)
    }
    let metrics = classification.reportedMetrics
    // The distinct rows in the canonical order compare resamples them in
    // (items are counted in first-seen order): the same draws, and the
    // jackknife's sums in the same order, whatever order the file's rows
    // come in.
    let counts = counts.projected(models: [0])
    // The experiment engine's seeding: one output of the seeded generator
    // seeds the resampling blocks, so the intervals equal the engine's.
    var generator = Xoshiro256StarStar(seed: seed)
    let blockSeed = generator.next()
    let bootstrap = Self.designIntervals(
      metrics: metrics, scope: classification.scope, counts: counts, design: design,
      options: options, seed: blockSeed, stream: 0)
    var analytic: [Metric: ConfidenceInterval] = [:]
    if design != .groups {
      analytic[.accuracy] = try AnalyticInterval.wilson(
        accuracyOf: classification, confidence: options.confidence)
      for metric in Self.analyticMetrics.dropFirst() where metrics.contains(metric) {
        analytic[metric] = try AnalyticInterval.deltaMethod(
          for: metric, of: classification, confidence: options.confidence)
      }
    }
    self.init(
      bootstrap: bootstrap, analytic: analytic, metrics: metrics, options: options, seed: seed)
    self.design = design
    if design == .stratifiedByGold {
      smallStrataNote = ExperimentComparison.smallStrataNote(
        goldCounts: counts.labelTallies().gold, labels: classification.confusionMatrix.labels)
    }
    if design == .groups {
      groupCount = counts.groupCount
      groupBalance = counts.groupBalance
      // The item-level intervals are the ones the same seed gives without
      // groups, digit for digit, so the two outputs can be set side by side.
      itemLevel = try MetricIntervals(for: classification, options: options, seed: seed).bootstrap
    }
  }

  /// How many times as wide `interval` is as `reference`, or `nil` when
  /// either width is not a positive finite number.
  ///
  /// - Parameters:
  ///   - interval: The wider interval, usually by group.
  ///   - reference: The narrower interval, usually by item.
  /// - Returns: The ratio of the widths.
  public static func widthRatio(_ interval: ConfidenceInterval, _ reference: ConfidenceInterval)
    -> Double?
  {
    let width = interval.upper - interval.lower
    let referenceWidth = reference.upper - reference.lower
    guard width.isFinite, referenceWidth.isFinite, referenceWidth > 0 else { return nil }
    return width / referenceWidth
  }

  /// Bootstrap intervals of `metrics` for the one run of `counts`, every
  /// metric scored on the same resamples, drawn in blocks on every core
  /// (``ResampleBlocks``) from `seed` and `stream`.
  private static func designIntervals(
    metrics: [Metric], scope: MetricScope, counts: ExperimentCounts, design: ResamplingDesign,
    options: BootstrapOptions, seed: UInt64, stream: UInt64
  ) -> [Metric: ConfidenceInterval] {
    let k = counts.classCount
    let draws = ExperimentResampling(counts: counts, design: design)
    @Sendable func fill(_ table: inout [Double], from weights: [Double]) {
      for cell in table.indices { table[cell] = 0 }
      for pattern in weights.indices where weights[pattern] != 0 {
        table[
          counts.gold(ofPattern: pattern) * k + counts.prediction(ofPattern: pattern, run: 0)] +=
          weights[pattern]
      }
    }
    let blocks = ResampleBlocks(seed: seed, stream: stream, resamples: options.resamples)
    let stored = blocks.run(width: metrics.count) { range, generator, store in
      var weights = [Double](repeating: 0, count: counts.patternCount)
      var scratch: [Int] = []
      var table = [Double](repeating: 0, count: k * k)
      for resample in range {
        draws.draw(into: &weights, scratch: &scratch, using: &generator)
        fill(&table, from: weights)
        table.withUnsafeBufferPointer { table in
          for (index, metric) in metrics.enumerated() {
            store.store(scope.value(of: metric, counts: table), index: index, resample: resample)
          }
        }
      }
    }
    let resamples = options.resamples
    let values = metrics.indices.map { index in
      Array(stored[(index * resamples)..<((index + 1) * resamples)])
    }
    var table = [Double](repeating: 0, count: k * k)
    let full = counts.patternCounts.map(Double.init)
    fill(&table, from: full)
    let estimates = table.withUnsafeBufferPointer { table in
      metrics.map { scope.value(of: $0, counts: table) }
    }
    var intervals: [Metric: ConfidenceInterval] = [:]
    for (index, metric) in metrics.enumerated() {
      let distribution = BootstrapDistribution(values: values[index], estimate: estimates[index])
      var acceleration = 0.0
      if options.method == .bca {
        let jackknife = RunScorer(counts: counts, scope: scope, metric: metric)
          .jackknifeModelValues(grouped: design == .groups)
        acceleration = BootstrapDistribution.acceleration(
          values: jackknife.values[0], weights: jackknife.weights)
      }
      intervals[metric] = distribution.interval(
        method: options.method, confidence: options.confidence, acceleration: acceleration)
    }
    return intervals
  }

  /// The resampling design in the text table's heading, after
  /// "bootstrap".
  var designPhrase: String {
    switch design {
    case .items: ""
    case .stratifiedByGold: " within each gold class"
    case .groups:
      " by group, \(NumberText.grouped(groupCount ?? 0)) groups; items: the item-level bootstrap"
    }
  }

  /// Cautions the design calls for: too few groups, no analytic
  /// intervals for grouped items, gold classes too small to vary within.
  var designNotes: [String] {
    if let smallStrataNote { return [smallStrataNote] }
    guard design == .groups, groupCount != nil else { return [] }
    var notes = [
      "intervals resample whole groups; analytic intervals are left out, as they assume independent items."
    ]
    if let note = groupBalance?.fewGroupsNote { notes.append(note) }
    return notes
  }

  /// The `resampling` member: `{"unit", "groups"}` and, by group, the
  /// item-level intervals.
  func designJSONMembers() -> [(key: String, value: JSONValue)] {
    var resampling: [(key: String, value: JSONValue)] = [
      ("unit", .string(design == .groups ? "groups" : "items")),
      ("stratified_by_gold", .bool(design == .stratifiedByGold)),
    ]
    if let groupCount { resampling.append(("groups", .integer(groupCount))) }
    var members: [(key: String, value: JSONValue)] = [("resampling", .object(resampling))]
    if !itemLevel.isEmpty {
      members.append(
        (
          "item_level_intervals",
          .object(
            metrics.compactMap { metric in
              itemLevel[metric].map { (metric.rawValue, ModelComparison.intervalJSON($0)) }
            })
        ))
    }
    return members
  }
}
