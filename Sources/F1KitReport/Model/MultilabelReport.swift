import F1Kit
import F1KitAdvice
import F1KitStatistics

/// Everything `f1kit report` shows for multilabel models: each model's
/// metrics with intervals, per-label scores, the label cardinality of the
/// gold and predicted sets, the gold label co-occurrence, the paired
/// comparisons and the multilabel advice.
///
/// Every interval and test comes from one `MultilabelComparison` (the
/// engine `f1kit compare` uses), so the report and `compare` agree.
public struct MultilabelReport: Sendable {
  /// One model's metrics and, when resampled, intervals.
  public struct Model: Sendable {
    /// The model's name.
    public var name: String
    /// The source file.
    public var sourceFile: String
    /// Every metric of the model's predictions.
    public var metrics: MultilabelMetrics
    /// Each metric's interval; empty without resampling.
    public var intervals: [MultilabelMetric: ConfidenceInterval]
    /// Each evaluated label's F1 interval, in label order; empty without
    /// resampling.
    public var labelIntervals: [ConfidenceInterval]
    /// How many items have each number of predicted labels: index *c*
    /// counts the items with *c* evaluated labels.
    public var cardinality: [Int]
  }

  /// The report's title.
  public var title: String
  /// The evaluated labels, in report order.
  public var labels: [String]
  /// The number of items.
  public var itemCount: Int
  /// The models, in input order.
  public var models: [Model]
  /// How many items have each number of gold labels.
  public var goldCardinality: [Int]
  /// The number of items whose gold set holds each label.
  public var goldSupports: [Int]
  /// Every pair of labels that share a gold set, with the number of items
  /// whose gold set holds both, `first` < `second`, in label order: memory
  /// grows with the pairs that occur, never with the square of the labels.
  public var cooccurrences: [LabelPair]
  /// The comparison engine's result; `nil` when not resampled.
  public var comparison: MultilabelComparison?
  /// The multilabel advice, most severe first.
  public var advice: [Advice]
  /// The settings the report was made with.
  public var options: ReportOptions

  /// The metrics the report tabulates, in order: the F1 averages first.
  /// They are every metric `f1kit evaluate` gives for multilabel files
  /// (the F-beta averages need a β, which the report does not take).
  public static let tabulatedMetrics: [MultilabelMetric] = [
    .samplesF1, .microF1, .macroF1, .weightedF1, .samplesPrecision, .samplesRecall,
    .microPrecision, .microRecall, .macroPrecision, .macroRecall, .weightedPrecision,
    .weightedRecall, .jaccardSamples, .jaccardMicro, .jaccardMacro, .jaccardWeighted,
    .subsetAccuracy, .hammingLoss,
  ]

  /// The metrics whose pairs are compared with tests: the three averages
  /// the advice discusses.
  public static let comparedMetrics: [MultilabelMetric] = [.samplesF1, .microF1, .macroF1]

  /// Scores and compares aligned multilabel models.
  ///
  /// - Parameters:
  ///   - gold: The gold set of each item.
  ///   - predictions: Each model's predicted set of each item.
  ///   - labels: The labels the sets' indices refer to.
  ///   - weights: One sample weight per item, or `nil`.
  ///   - names: A name for each model.
  ///   - sourceFiles: Each model's file.
  ///   - options: Title, evaluation options, resamples, confidence and seed;
  ///     0 resamples computes no intervals or tests.
  ///   - progress: Called as resampling advances.
  /// - Throws: `MetricsError` when the evaluation options do not fit the
  ///   data; `StatisticsError` for invalid resampling options or no items.
  /// - Complexity: O(*n* · *s*²) for the co-occurrence of *n* items with at
  ///   most *s* gold labels, then the comparison's cost.
  public init(
    gold: [LabelSet], predictions: [[LabelSet]], labels: [String], weights: [Double]?,
    names: [String], sourceFiles: [String], options: ReportOptions,
    progress: ResamplingProgress? = nil
  ) throws {
    precondition(predictions.count == names.count && names.count == sourceFiles.count)
    title = options.title
    self.options = options
    itemCount = gold.count
    var comparison: MultilabelComparison?
    var metrics: [MultilabelMetrics] = []
    if options.resamples > 0 {
      let isWeighted = weights != nil
      var comparisonOptions = MultilabelComparison.Options(
        metrics: Self.comparedMetrics, additionalIntervalMetrics: Self.tabulatedMetrics,
        tests: isWeighted ? [.permutation, .bootstrap] : [.permutation, .bootstrap, .mcnemar],
        bootstrap: BootstrapOptions(
          resamples: options.resamples, confidence: options.confidence),
        seed: options.seed)
      comparisonOptions.includesLabelIntervals = true
      let result = try MultilabelComparison(
        gold: gold, predictions: predictions, labels: labels, weights: weights, names: names,
        evaluation: options.evaluation, options: comparisonOptions, progress: progress)
      metrics = result.models.map(\.metrics)
      comparison = result
    } else {
      for prediction in predictions {
        var counts = MultilabelCounts(labels: labels, isWeighted: weights != nil)
        for item in gold.indices {
          counts.add(gold: gold[item], predicted: prediction[item], weight: weights?[item] ?? 1)
        }
        metrics.append(try MultilabelMetrics(counts: counts, options: options.evaluation))
      }
    }
    self.comparison = comparison
    let evaluated = metrics[0].labels
    self.labels = evaluated
    // Every model above was scored from its counts, which the charts read.
    let patterns = metrics.map { $0.counts! }
    goldCardinality = Self.cardinality(of: patterns[0], gold: true, bound: evaluated.count)
    goldSupports = Self.supports(of: patterns[0], bound: evaluated.count)
    cooccurrences = Self.cooccurrences(of: patterns[0], bound: evaluated.count)
    models = metrics.indices.map { index in
      Model(
        name: names[index], sourceFile: sourceFiles[index], metrics: metrics[index],
        intervals: comparison?.models[index].intervals ?? [:],
        labelIntervals: comparison?.models[index].labelIntervals ?? [],
        cardinality: Self.cardinality(
          of: patterns[index], gold: false, bound: evaluated.count))
    }
    let advisor = MetricAdvisor()
    advice =
      comparison.map { advisor.advice(for: $0) }
      ?? advisor.advice(forMultilabel: metrics, names: names)
  }

  /// How many items have each number of labels among the first `bound`,
  /// from 0 to the largest.
  static func cardinality(of counts: MultilabelCounts, gold: Bool, bound: Int) -> [Int] {
    var sizes: [Int] = [0]
    for group in counts.groups {
      let size = (gold ? group.gold : group.predicted).prefix(below: bound).count
      if size >= sizes.count { sizes += Array(repeating: 0, count: size - sizes.count + 1) }
      sizes[size] += group.itemCount
    }
    return sizes
  }

  /// The number of items whose gold set holds each of the first `bound`
  /// labels.
  static func supports(of counts: MultilabelCounts, bound: Int) -> [Int] {
    var supports = [Int](repeating: 0, count: bound)
    for group in counts.groups {
      group.gold.prefix(below: bound).forEachIndex { supports[$0] += group.itemCount }
    }
    return supports
  }

  /// The pairs of the first `bound` labels that share a gold set.
  ///
  /// - Complexity: O(*g* · *s*²) for *g* patterns of at most *s* gold
  ///   labels, and memory for the pairs that occur.
  static func cooccurrences(of counts: MultilabelCounts, bound: Int) -> [LabelPair] {
    var pairs: [UInt64: Int] = [:]
    var gold: [Int] = []
    for group in counts.groups {
      gold.removeAll(keepingCapacity: true)
      group.gold.prefix(below: bound).forEachIndex { gold.append($0) }
      for (position, first) in gold.enumerated() {
        for second in gold[(position + 1)...] {
          let (a, b) = first < second ? (first, second) : (second, first)
          pairs[UInt64(a) << 32 | UInt64(b), default: 0] += group.itemCount
        }
      }
    }
    return pairs.map { key, count in
      LabelPair(first: Int(key >> 32), second: Int(key & 0xFFFF_FFFF), itemCount: count)
    }.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
  }

  /// Whether the items carry sample weights.
  public var isWeighted: Bool { models[0].metrics.isWeighted }

  /// The mean number of gold labels per item.
  public var meanGoldCardinality: Double {
    guard itemCount > 0 else { return 0 }
    return Double(goldCardinality.enumerated().reduce(0) { $0 + $1.offset * $1.element })
      / Double(itemCount)
  }
}

/// Two labels that share gold sets, and how many items hold both.
public struct LabelPair: Hashable, Sendable {
  /// The first label's index, the smaller of the two.
  public var first: Int
  /// The second label's index.
  public var second: Int
  /// The number of items whose gold set holds both labels.
  public var itemCount: Int
}
