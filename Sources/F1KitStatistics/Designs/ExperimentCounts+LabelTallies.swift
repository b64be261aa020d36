extension ExperimentCounts {
  /// How many items carry each class as gold label, and as each run's
  /// predicted label: each run's confusion matrix summed by row and by
  /// column, read from the distinct rows.
  ///
  /// - Returns: The gold count of each class, and for each run (models in
  ///   order, runs in order within a model) the predicted count of each
  ///   class.
  /// - Complexity: O(*p* · *r* + *r* · *k*) for *p* distinct rows, *r* runs
  ///   and *k* classes.
  public func labelTallies() -> (gold: [Int], predicted: [[Int]]) {
    var gold = [Int](repeating: 0, count: classCount)
    var predicted = [[Int]](
      repeating: [Int](repeating: 0, count: classCount), count: rowWidth - 1)
    for (row, count) in patternCounts.enumerated() {
      let start = row * rowWidth
      gold[Int(patterns[start])] += count
      for run in predicted.indices {
        predicted[run][Int(patterns[start + 1 + run])] += count
      }
    }
    return (gold, predicted)
  }

  /// Each run's confusion matrix, read from the distinct rows: what the
  /// checks of one file's predictions (labels renamed) need per run.
  ///
  /// - Returns: For each run (models in order, runs in order within a
  ///   model), the count of each gold class (row) and predicted class
  ///   (column).
  /// - Complexity: O(*p* · *r* + *r* · *k*²) for *p* distinct rows, *r*
  ///   runs and *k* classes.
  public func runConfusionCounts() -> [[[Int]]] {
    let empty = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
    var matrices = [[[Int]]](repeating: empty, count: rowWidth - 1)
    for (row, count) in patternCounts.enumerated() {
      let start = row * rowWidth
      let gold = Int(patterns[start])
      for run in matrices.indices {
        matrices[run][gold][Int(patterns[start + 1 + run])] += count
      }
    }
    return matrices
  }
}
