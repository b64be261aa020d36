import F1Kit

extension CrossEncoderEvaluator {
  /// Each class's precision, recall, F1 and support on this set, the
  /// classes named.
  ///
  /// The values are those of ``evaluate(_:outputDirectory:epoch:step:)``'s
  /// metrics, per class: exactly `ClassificationMetrics.perClass()` over
  /// (gold, predicted), with class index *i* shown as `classNames[i]`.
  ///
  /// ```swift
  /// let predictions = try evaluator.predict(model)
  /// for row in try evaluator.perClassResults(
  ///   for: predictions, classNames: ["contradiction", "entailment", "neutral"])
  /// {
  ///   print(row.label, row.precision, row.recall, row.fScore, row.support)
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - predictions: The model's predictions on this set, from
  ///     ``predict(_:)``.
  ///   - classNames: A name for each class index, in index order; `nil`
  ///     names the classes `0`, `1`, ….
  /// - Returns: One row per class in index order, including classes that
  ///   neither the gold labels nor the predictions use (support 0).
  /// - Throws: ``EvaluationError/classNamesMismatch(names:classCount:)``
  ///   when the names do not name each class once,
  ///   ``EvaluationError/singleLabelTaskNeeded`` for a multilabel task,
  ///   ``EvaluationError/lengthMismatch(pairs:labels:)`` for predictions of
  ///   another set, and
  ///   ``EvaluationError/predictionOutOfRange(prediction:index:classCount:)``
  ///   for a predicted class that is not one of the evaluator's classes.
  /// - Complexity: O(*n* + *k*²) for *n* pairs and *k* classes.
  public func perClassResults(for predictions: Predictions, classNames: [String]? = nil)
    throws(EvaluationError) -> [ClassScores]
  {
    let names = try self.classNames(classNames, predictions: predictions)
    let gold = labels
    let options = EvaluationOptions(
      labels: names, positiveLabel: names.count == 2 ? names[1] : nil,
      problem: names.count == 2 ? .binary : .multiclass, zeroDivision: zeroDivision)
    // The names are distinct and every index is a class (checked above), so
    // neither initialiser can throw.
    let matrix = try! ConfusionMatrix(
      gold: gold.map { names[$0] }, predicted: predictions.classes.map { names[$0] },
      labels: names)
    return try! ClassificationMetrics(confusionMatrix: matrix, options: options).perClass()
  }

  /// A prediction file of this set (`id,label,prediction` and the scores),
  /// ready to write for `f1kit evaluate`, `compare` and `report`.
  ///
  /// A single-output binary model's score goes in a `score` column, beside
  /// the prediction made at the predictions' threshold. `f1kit evaluate
  /// FILE` scores the `prediction` column, and so agrees with this
  /// evaluator; `--score-column score` adds the score metrics but cuts the
  /// scores again, at 0.5 unless `--threshold` gives
  /// ``Predictions/threshold``. A model with one score per class gets a
  /// column per class, named by `classNames` (read with `--score-columns`).
  ///
  /// - Parameters:
  ///   - predictions: The model's predictions on this set, from
  ///     ``predict(_:)``.
  ///   - identifiers: Each pair's id, in order; `nil` numbers the pairs
  ///     from 1.
  ///   - classNames: A name for each class index; `nil` writes the indices.
  /// - Returns: The filled writer; call
  ///   ``PredictionFileWriter/write(toPath:)`` on it.
  /// - Throws: As ``perClassResults(for:classNames:)``, and
  ///   ``EvaluationError/lengthMismatch(pairs:labels:)`` when the ids or the
  ///   score rows do not match the pairs.
  /// - Complexity: O(*n* *k*) for *n* pairs of *k* scores.
  public func predictionFile(
    for predictions: Predictions, identifiers: [String]? = nil, classNames: [String]? = nil
  ) throws(EvaluationError) -> PredictionFileWriter {
    let names = try self.classNames(classNames, predictions: predictions)
    if let identifiers, identifiers.count != sentencePairs.count {
      throw .lengthMismatch(pairs: sentencePairs.count, labels: identifiers.count)
    }
    guard predictions.scores.count == sentencePairs.count else {
      throw .lengthMismatch(pairs: sentencePairs.count, labels: predictions.scores.count)
    }
    let outputCount = predictions.scores.first?.count ?? 0
    var file = PredictionFileWriter(scoreColumns: outputCount == 1 ? ["score"] : names)
    for (index, gold) in labels.enumerated() {
      try file.append(
        id: identifiers?[index] ?? String(index + 1), label: names[gold],
        prediction: names[predictions.classes[index]], scores: predictions.scores[index])
    }
    return file
  }

  /// The class names to show, checked against the task and predictions:
  /// every predicted class must be a class the gold labels or the model's
  /// outputs define, since hand-made ``Predictions`` are not checked.
  private func classNames(_ given: [String]?, predictions: Predictions) throws(EvaluationError)
    -> [String]
  {
    guard case .classes(let gold) = gold else { throw .singleLabelTaskNeeded }
    guard predictions.classes.count == sentencePairs.count else {
      throw .lengthMismatch(pairs: sentencePairs.count, labels: predictions.classes.count)
    }
    let outputCount = predictions.scores.first?.count ?? 0
    let taskClasses: Int
    if case .binary = task { taskClasses = 2 } else { taskClasses = max(outputCount, 2) }
    let classCount = max(taskClasses, (gold.max() ?? 0) + 1)
    if let index = predictions.classes.firstIndex(where: { !(0..<classCount).contains($0) }) {
      throw .predictionOutOfRange(
        prediction: predictions.classes[index], index: index, classCount: classCount)
    }
    let names = given ?? (0..<classCount).map(String.init)
    guard names.count == classCount, Set(names).count == names.count else {
      throw .classNamesMismatch(names: names, classCount: classCount)
    }
    return names
  }
}
