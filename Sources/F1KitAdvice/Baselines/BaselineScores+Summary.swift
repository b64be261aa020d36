import F1Kit

extension BaselineScores {
  /// The two baseline numbers the advice compares a model with, worked out
  /// in O(*k*) from the gold counts rather than from a *k* × *k* expected
  /// confusion matrix.
  struct Summary {
    /// The label the majority-class baseline predicts.
    let majorityLabel: String
    /// The majority-class baseline's accuracy: the largest gold count over
    /// the number of items (weight sums over the total weight, with sample
    /// weights).
    let majorityAccuracy: Double
    /// The stratified random baseline's value of the primary metric: each
    /// class's expected F1 is its gold frequency *p*ᵢ, so binary F1 is the
    /// positive class's *p* and macro-F1 the mean of the *p*ᵢ.
    let stratifiedPrimary: Double
    /// The positive label's share *p* of the gold total (of the weight,
    /// with sample weights) in a binary problem; `nil` otherwise.
    let positiveShare: Double?

    init(_ profile: ClassProfile, metrics: ClassificationMetrics) {
      // Weight sums when weighted, so the baselines score as the model does.
      let counts = profile.goldWeights
      // The first label in label order wins a tie, as NumPy's argmax does.
      var majority = 0
      for index in counts.indices where counts[index] > counts[majority] { majority = index }
      majorityLabel =
        majority < metrics.confusionMatrix.labels.count
        ? metrics.confusionMatrix.labels[majority] : ""
      let total = profile.totalWeight
      majorityAccuracy = (counts.isEmpty ? 0 : counts[majority]) / total
      positiveShare = metrics.scope.positiveClass.map { counts[$0] / total }
      let rows = profile.rows
      let evaluated = (0..<rows.count).map { rows[$0].weight }
      if evaluated.contains(0) {
        // A label without gold items makes its expected F1 0/0, which the
        // zero-division rule decides: score the expected matrix itself.
        stratifiedPrimary = BaselineScores(.stratifiedRandom, for: metrics)
          .value(of: metrics.primaryMetric)
      } else if metrics.primaryMetric == .binaryF1, let positive = metrics.scope.positiveClass {
        stratifiedPrimary = evaluated[positive] / total
      } else {
        stratifiedPrimary =
          evaluated.reduce(0) { $0 + $1 / total } / Double(max(evaluated.count, 1))
      }
    }

    /// The binary F1 of always predicting the positive label, 2*p* / (1 + *p*)
    /// for its share *p* (true positives *P*, false positives *N* − *P*, no
    /// false negatives: 2*P* / (2*P* + *N* − *P*)); `nil` unless binary.
    ///
    /// It is never below the stratified baseline's *p*, and when the
    /// positive label is the majority it is the majority-class baseline's
    /// binary F1.
    var alwaysPositiveF1: Double? { positiveShare.map { 2 * $0 / (1 + $0) } }
  }
}
