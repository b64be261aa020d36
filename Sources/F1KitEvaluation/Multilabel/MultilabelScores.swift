import F1Kit

/// The counts behind the multilabel metrics of one set of predictions.
struct MultilabelScores {
  /// Per class: true positives, false positives, false negatives.
  private var classCounts: [(truePositives: Int, falsePositives: Int, falseNegatives: Int)]
  /// Per pair: its F1, or NaN when both sets are empty.
  private var sampleF1: [Double]
  private var exactMatches = 0
  private let zeroDivision: ZeroDivision

  /// Counts gold and predicted label sets.
  ///
  /// - Parameters:
  ///   - gold: The gold classes of each pair, each in `0..<classCount`.
  ///   - predicted: The predicted classes of each pair, in the same order.
  ///   - classCount: The number of classes, the model's outputs.
  ///   - zeroDivision: The value of an F1 whose denominator is zero.
  init(gold: [Set<Int>], predicted: [Set<Int>], classCount: Int, zeroDivision: ZeroDivision) {
    self.zeroDivision = zeroDivision
    classCounts = Array(repeating: (0, 0, 0), count: classCount)
    sampleF1 = []
    sampleF1.reserveCapacity(gold.count)
    for (goldSet, predictedSet) in zip(gold, predicted) {
      let truePositives = goldSet.intersection(predictedSet)
      for label in truePositives { classCounts[label].truePositives += 1 }
      for label in predictedSet.subtracting(goldSet) { classCounts[label].falsePositives += 1 }
      for label in goldSet.subtracting(predictedSet) { classCounts[label].falseNegatives += 1 }
      sampleF1.append(
        Self.f1(
          truePositives: truePositives.count,
          falsePositives: predictedSet.count - truePositives.count,
          falseNegatives: goldSet.count - truePositives.count))
      if goldSet == predictedSet { exactMatches += 1 }
    }
  }

  /// Computes one metric.
  func value(of metric: MultilabelMetric) -> Double {
    switch metric {
    case .samplesF1:
      return mean(sampleF1.map(filled))
    case .microF1:
      let total = classCounts.reduce((0, 0, 0)) {
        ($0.0 + $1.truePositives, $0.1 + $1.falsePositives, $0.2 + $1.falseNegatives)
      }
      return filled(
        Self.f1(truePositives: total.0, falsePositives: total.1, falseNegatives: total.2))
    case .macroF1:
      return mean(perClassF1)
    case .weightedF1:
      let supports = classCounts.map { Double($0.truePositives + $0.falseNegatives) }
      // With no gold label at all, scikit-learn's `_nanaverage` falls back
      // to the unweighted mean.
      return mean(perClassF1, weights: supports.reduce(0, +) > 0 ? supports : nil)
    case .subsetAccuracy:
      return sampleF1.isEmpty ? .nan : Double(exactMatches) / Double(sampleF1.count)
    }
  }

  private var perClassF1: [Double] {
    classCounts.map {
      filled(
        Self.f1(
          truePositives: $0.truePositives, falsePositives: $0.falsePositives,
          falseNegatives: $0.falseNegatives))
    }
  }

  /// F1 as scikit-learn computes it, 2·TP / (2·TP + FP + FN); NaN when the
  /// denominator is zero.
  static func f1(truePositives: Int, falsePositives: Int, falseNegatives: Int) -> Double {
    let denominator = 2 * truePositives + falsePositives + falseNegatives
    return denominator == 0 ? .nan : Double(2 * truePositives) / Double(denominator)
  }

  private func filled(_ value: Double) -> Double { value.isNaN ? zeroDivision.value : value }

  /// The weighted mean of the values that are not NaN, as scikit-learn's
  /// `_nanaverage`; NaN when none is.
  private func mean(_ values: [Double], weights: [Double]? = nil) -> Double {
    var sum = 0.0
    var weightSum = 0.0
    for (index, value) in values.enumerated() where !value.isNaN {
      let weight = weights?[index] ?? 1
      sum += weight * value
      weightSum += weight
    }
    return weightSum == 0 ? .nan : sum / weightSum
  }
}
