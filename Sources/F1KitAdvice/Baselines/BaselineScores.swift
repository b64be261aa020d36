import F1Kit

/// The scores of a no-skill baseline on the same gold labels as a model,
/// computed analytically from the class frequencies.
///
/// No baseline is run and nothing is random. With gold counts *n*ᵢ over *N*
/// items and frequencies *p*ᵢ = *n*ᵢ / *N* (with sample weights, *n*ᵢ is
/// class *i*'s weight sum and *N* the total weight, as scikit-learn's
/// `DummyClassifier` fitted with `sample_weight` has them):
///
/// - The **majority-class** baseline predicts the most frequent label *m*
///   for every item, so its confusion matrix has *n*ᵢ in column *m* of row
///   *i*. Its scores are exact.
/// - The **stratified random** baseline predicts label *j* with probability
///   *p*ⱼ, independently of the item. Its expected confusion matrix is
///   *n*ᵢ *p*ⱼ, and its scores are computed from that matrix: accuracy is
///   exactly the expected Σ *p*ᵢ², per-class precision, recall and F1 all
///   equal *p*ᵢ (ratios of expected counts, which a large test set
///   approaches), and MCC and Cohen's kappa are 0.
public struct BaselineScores: Sendable {
  /// The baseline's strategy.
  public var strategy: BaselineStrategy
  /// The label a majority-class baseline predicts; `nil` for other
  /// strategies.
  public var predictedLabel: String?
  /// The baseline's headline metrics, in report order.
  public var values: [(metric: Metric, value: Double)]
  /// The baseline's per-class F1, in the model's label order.
  public var classF1: [Double]

  /// Computes a baseline's scores on the gold labels of a model's metrics.
  ///
  /// The baseline is scored with the same labels, positive label and
  /// zero-division rule as the model. The baseline's confusion matrix is
  /// never built: its per-class tallies (true positives, gold and
  /// predicted counts) follow from the gold counts in closed form, and
  /// every metric is a function of them.
  ///
  /// - Parameters:
  ///   - strategy: The baseline to score.
  ///   - metrics: A model's metrics, whose gold labels the baseline predicts.
  /// - Complexity: O(*k*) for *k* labels per metric.
  public init(_ strategy: BaselineStrategy, for metrics: ClassificationMetrics) {
    let matrix = metrics.confusionMatrix
    let classCount = matrix.classCount
    // Weight sums when the items carry sample weights, as scikit-learn's
    // DummyClassifier fits with sample_weight; item counts otherwise.
    let goldCounts = metrics.goldWeights
    let scope = metrics.scope
    let evaluated = scope.evaluatedClassCount
    let total = goldCounts.reduce(0, +)
    let evaluatedGold = goldCounts.prefix(evaluated).reduce(0, +)
    let stride = MetricScope.tallyStride
    var tallies = [Double](repeating: 0, count: scope.tallyCount)
    var predictedLabel: String?
    switch strategy {
    case .majorityClass:
      // The first label in label order wins a tie, as NumPy's argmax does.
      let majority =
        goldCounts.indices.max {
          goldCounts[$0] < goldCounts[$1] || (goldCounts[$0] == goldCounts[$1] && $0 > $1)
        } ?? 0
      predictedLabel = classCount > 0 ? matrix.labels[majority] : nil
      // Row i holds nᵢ in column m.
      for row in 0..<classCount {
        let count = goldCounts[row]
        tallies[row * stride + 1] = count
        if row < evaluated && majority < evaluated { tallies[row * stride + 3] = count }
      }
      if classCount > 0 {
        tallies[majority * stride] = goldCounts[majority]
        tallies[majority * stride + 2] = total
        if majority < evaluated { tallies[majority * stride + 4] = evaluatedGold }
      }
      tallies[tallies.count - 1] = total
    case .stratifiedRandom:
      // Cell (i, j) holds nᵢ·nⱼ / N: row and column sums are nᵢ, and
      // within the evaluated classes nᵢ·N_E / N.
      if total > 0 {
        for row in 0..<classCount {
          let count = goldCounts[row]
          tallies[row * stride] = count * count / total
          tallies[row * stride + 1] = count
          tallies[row * stride + 2] = count
          if row < evaluated {
            tallies[row * stride + 3] = count * evaluatedGold / total
            tallies[row * stride + 4] = count * evaluatedGold / total
          }
        }
        tallies[tallies.count - 1] = total
      }
    }
    self.strategy = strategy
    self.predictedLabel = predictedLabel
    self.values = tallies.withUnsafeBufferPointer { tallies in
      metrics.reportedMetrics.map { ($0, scope.value(of: $0, tallies: tallies)) }
    }
    self.classF1 = tallies.withUnsafeBufferPointer { tallies in
      (0..<scope.evaluatedClassCount).map {
        scope.value(of: .fScore(beta: 1), forClass: $0, tallies: tallies)
      }
    }
  }

  /// The baseline's value of a headline metric.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: Its value; NaN when the metric is not reported.
  public func value(of metric: Metric) -> Double {
    values.first { $0.metric == metric }?.value ?? .nan
  }

  /// A sentence saying how the baseline's scores were computed.
  public var method: String {
    switch strategy {
    case .majorityClass:
      "Predicts \(predictedLabel.map { "“\($0)”" } ?? "the most frequent label") for every item; exact scores."
    case .stratifiedRandom:
      "Predicts each label at random with its gold frequency; scores of the expected confusion matrix nᵢ·pⱼ (accuracy is exactly Σpᵢ², per-class F1 equals pᵢ, MCC and kappa are 0)."
    }
  }
}
