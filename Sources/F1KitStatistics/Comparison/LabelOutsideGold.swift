import F1Kit

/// A label that some models predict but no gold item has, and that not
/// every model (or run) predicts.
///
/// Models compared on the same items are scored over one label set, the
/// union of all their labels, so such a label is a class of every model's
/// macro averages: under zero division 0 each model scores 0 on it, and a
/// model that never predicts it gets a macro average other than
/// scikit-learn's `f1_score(y, p, average="macro")` on that model alone,
/// which counts only the labels in its own `y` and `p`. A table that
/// carries those numbers says so.
///
/// Under zero division `nan` the models that never predict the label
/// leave it out of their averages, as scikit-learn does, so no label is
/// found then.
public struct LabelOutsideGold: Hashable, Sendable {
  /// The label.
  public var label: String
  /// For each model, how many of its runs predict the label for at least
  /// one item.
  public var predictingRuns: [Int]
  /// For each model, its number of runs: 1 for a comparison of single
  /// runs.
  public var runCounts: [Int]
  /// The score a model that never predicts the label gets on it: zero
  /// division's value.
  public var zeroDivision: ZeroDivision

  /// Creates a label's record.
  ///
  /// - Parameters:
  ///   - label: The label.
  ///   - predictingRuns: For each model, how many of its runs predict it.
  ///   - runCounts: For each model, its number of runs.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  public init(
    label: String, predictingRuns: [Int], runCounts: [Int], zeroDivision: ZeroDivision
  ) {
    precondition(predictingRuns.count == runCounts.count)
    self.label = label
    self.predictingRuns = predictingRuns
    self.runCounts = runCounts
    self.zeroDivision = zeroDivision
  }

  /// The models that predict the label in at least one run, in model
  /// order.
  public var predictingModels: [Int] {
    predictingRuns.indices.filter { predictingRuns[$0] > 0 }
  }

  /// The evaluated labels that no gold item has, that some run predicts
  /// and that some run does not.
  ///
  /// - Parameters:
  ///   - labels: The label order the counts refer to.
  ///   - scope: The label set, evaluated labels first, and the
  ///     zero-division rule.
  ///   - goldCounts: How many items carry each label as gold label.
  ///   - predictedCounts: For each run (models in order, runs in order
  ///     within a model), how many items it predicts each label for.
  ///   - runCounts: Each model's number of runs.
  /// - Returns: The labels, in label order; empty under zero division
  ///   `nan`.
  /// - Complexity: O(*r* · *k*) for *r* runs and *k* labels.
  public static func find(
    labels: [String], scope: MetricScope, goldCounts: [Int], predictedCounts: [[Int]],
    runCounts: [Int]
  ) -> [LabelOutsideGold] {
    precondition(predictedCounts.count == runCounts.reduce(0, +))
    guard scope.zeroDivision != .nan else { return [] }
    let runModels = runCounts.enumerated().flatMap { model, count in
      Array(repeating: model, count: count)
    }
    return (0..<min(scope.evaluatedClassCount, labels.count)).compactMap { label in
      guard goldCounts[label] == 0 else { return nil }
      let predicting = predictedCounts.indices.filter { predictedCounts[$0][label] > 0 }
      guard !predicting.isEmpty, predicting.count < predictedCounts.count else { return nil }
      var runs = [Int](repeating: 0, count: runCounts.count)
      for run in predicting { runs[runModels[run]] += 1 }
      return LabelOutsideGold(
        label: labels[label], predictingRuns: runs, runCounts: runCounts,
        zeroDivision: scope.zeroDivision)
    }
  }
}

extension LabelOutsideGold {
  /// `--labels` with the gold labels when they are few and need no
  /// quoting on a command line, else a description of it: how a warning
  /// or caution about such a label says to score on the gold labels only.
  ///
  /// - Parameter goldNames: The gold labels, in label order.
  /// - Returns: `--labels a,b,c`, or "--labels with the gold labels".
  package static func labelsOption(_ goldNames: [String]) -> String {
    guard goldNames.count <= TerminalText.defaultListLimit,
      goldNames.allSatisfy({ name in
        !name.isEmpty
          && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
              || "_-.+:".unicodeScalars.contains($0)
          }
      })
    else { return "--labels with the gold labels" }
    return "--labels " + goldNames.joined(separator: ",")
  }
}

extension ExperimentComparison {
  /// The labels that no gold item has and that only some runs predict,
  /// which every run's macro averages count (see ``LabelOutsideGold``).
  ///
  /// - Parameter labels: The label order the counts' codes refer to.
  /// - Returns: The labels, in label order.
  public func labelsOutsideGold(labels: [String]) -> [LabelOutsideGold] {
    let tallies = counts.labelTallies()
    return LabelOutsideGold.find(
      labels: labels, scope: scope, goldCounts: tallies.gold, predictedCounts: tallies.predicted,
      runCounts: counts.runCounts)
  }
}
