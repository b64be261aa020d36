import F1Kit

extension CrossEncoderEvaluator {
  /// Scores every pair in batches and predicts labels, without computing
  /// metrics or writing anything.
  ///
  /// Use it to write a test set's predictions, with a threshold frozen from
  /// the development set.
  ///
  /// - Parameter model: The model to score.
  /// - Returns: The scores and the predicted labels.
  /// - Throws: ``EvaluationError`` when the model fails, gives a number of
  ///   scores per pair the task cannot use, returns a batch of the wrong
  ///   shape or a NaN score, or gives fewer classes than a gold label needs.
  /// - Complexity: O(*n* *k*) plus the model's cost, for *n* pairs and *k*
  ///   scores per pair; O(*n* log *n*) more when a threshold is tuned.
  public func predict(_ model: some CrossEncoder) throws(EvaluationError) -> Predictions {
    var reporter = makeReporter()
    let predictions = try predict(model, reporter: &reporter)
    reporter.finish("scored \(sentencePairs.count) pairs")
    return predictions
  }

  func makeReporter() -> ProgressReporter {
    let batches = (sentencePairs.count + batchSize - 1) / batchSize
    return ProgressReporter(title: name, totalBatches: batches, style: progress, write: output)
  }

  func predict(
    _ model: some CrossEncoder, reporter: inout ProgressReporter
  ) throws(EvaluationError) -> Predictions {
    let outputCount = model.outputCount
    guard task.accepts(outputCount: outputCount) else {
      throw .outputCountMismatch(task: task, outputCount: outputCount)
    }
    try checkLabels(fit: outputCount)
    let scores = try scoreAll(model, outputCount: outputCount, reporter: &reporter)
    switch task {
    case .binary(.argmax), .multiclass:
      let classes = scores.map(Self.argmax)
      return Predictions(
        scores: scores, classes: classes, classSets: classes.map { [$0] }, threshold: nil)
    case .binary(.threshold(let threshold)):
      return Self.thresholded(scores, at: threshold)
    case .binary(.tunedThreshold(let metric)):
      let tuning: ThresholdTuning
      do {
        tuning = try ThresholdTuner.tune(
          scores: scores.map { $0[0] }, gold: labels.map { $0 == 1 }, maximizing: metric,
          zeroDivision: zeroDivision, beta: beta ?? 1)
      } catch {
        throw EvaluationError(error)
      }
      return Self.thresholded(scores, at: tuning.threshold)
    case .multilabel(let threshold):
      let sets = scores.map { row in Set(row.indices.filter { row[$0] >= threshold }) }
      return Predictions(scores: scores, classes: [], classSets: sets, threshold: nil)
    }
  }

  private func checkLabels(fit outputCount: Int) throws(EvaluationError) {
    guard task == .multiclass || task.isMultilabel else { return }
    for (index, labels) in labelSets.enumerated() {
      if let label = labels.first(where: { $0 >= outputCount }) {
        throw .labelOutOfRange(label: label, index: index, classCount: outputCount)
      }
    }
  }

  private func scoreAll(
    _ model: some CrossEncoder, outputCount: Int, reporter: inout ProgressReporter
  ) throws(EvaluationError) -> [[Double]] {
    var scores: [[Double]] = []
    scores.reserveCapacity(sentencePairs.count)
    var completed = 0
    for start in stride(from: 0, to: sentencePairs.count, by: batchSize) {
      let batch = sentencePairs[start..<min(start + batchSize, sentencePairs.count)]
      let rows: [[Double]]
      do {
        rows = try model.scores(for: batch)
      } catch {
        throw .modelFailed(error)
      }
      let misshapen = rows.first { $0.count != outputCount }
      guard rows.count == batch.count, misshapen == nil else {
        throw .scoreShapeMismatch(
          batchStart: start, expectedRows: batch.count, rows: rows.count,
          expectedColumns: outputCount, columns: misshapen?.count ?? outputCount)
      }
      if let offset = rows.firstIndex(where: { $0.contains(where: \.isNaN) }) {
        throw .notANumberScore(pairIndex: start + offset)
      }
      scores.append(contentsOf: rows)
      completed += 1
      reporter.advance(completed: completed)
    }
    return scores
  }

  /// The index of the first highest score, as NumPy's `argmax`.
  static func argmax(_ row: [Double]) -> Int {
    var best = 0
    for index in row.indices.dropFirst() where row[index] > row[best] { best = index }
    return best
  }

  private static func thresholded(_ scores: [[Double]], at threshold: Double) -> Predictions {
    let classes = scores.map { $0[0] >= threshold ? 1 : 0 }
    return Predictions(
      scores: scores, classes: classes, classSets: classes.map { [$0] }, threshold: threshold)
  }
}
