extension AlmostStochasticOrder {
  /// The chance that every score of one sample lies above every score of
  /// the other when the two come from the same distribution: 1 / C(*n* +
  /// *m*, *n*) for samples of *n* and *m* distinct scores.
  ///
  /// ε_min bounds a violation ratio estimated from the runs alone, so on
  /// two or three runs a model it reaches 0 whenever one model's runs all
  /// beat the other's, and that ordering is common by chance: 1 time in 6
  /// with 2 runs each, 1 in 20 with 3, 1 in 252 with 5.
  public var chanceOfCompleteOrdering: Double {
    let (n, m) = (sampleSizes.first, sampleSizes.second)
    var arrangements = 1.0
    for step in 0..<min(n, m) {
      arrangements = arrangements * Double(n + m - step) / Double(step + 1)
    }
    return 1 / arrangements
  }

  /// Whether a small ε_min here says little: it claims dominance (below
  /// 0.5) on so few runs that a complete ordering of them happens by chance
  /// at least 1 − ``confidence`` of the time when the models are equal.
  public var restsOnTooFewRuns: Bool {
    epsilonMinimum < 0.5 && chanceOfCompleteOrdering >= 1 - confidence - 1e-12
  }

  /// A caution for an ε_min that ``restsOnTooFewRuns``, naming the models.
  ///
  /// - Parameters:
  ///   - claimed: The model claimed to be better (the first sample's).
  ///   - other: The model it is compared against.
  /// - Returns: One sentence, without a leading "Note:"; `nil` when ε_min
  ///   claims nothing or the runs are enough.
  public func fewRunsCaution(claimed: String, over other: String) -> String? {
    guard restsOnTooFewRuns else { return nil }
    let (n, m) = (sampleSizes.first, sampleSizes.second)
    let odds = Int((1 / chanceOfCompleteOrdering).rounded())
    let runs = n == m ? "\(n) runs each" : "\(n) and \(m) runs"
    return
      "Almost Stochastic Order's ε_min = \(String(format: "%.3f", epsilonMinimum)) for \"\(claimed) is better than \(other)\" rests on \(runs): when the models are equal, even a complete ordering (every \(claimed) run above every \(other) run) happens 1 time in \(odds) (C(\(n + m), \(min(n, m)))), so it is weak evidence of dominance; read the interval and the p-value, and train 5 or more runs per model (with 5 each, 1 time in 252)."
  }
}
