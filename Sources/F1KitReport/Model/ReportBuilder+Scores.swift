import F1Kit
import F1KitReading
import F1KitStatistics

extension ReportBuilder {
  /// The score section of models read with their scores, or `nil` when no
  /// input has scores.
  ///
  /// The items are put in the first file's order by id when every file has
  /// ids (row by row otherwise), as `f1kit compare --metric roc_auc` puts
  /// them, and compared by `ScoreComparison` with the report's seed,
  /// resamples and confidence: binary scores with the permutation, paired
  /// bootstrap and DeLong tests, so each metric's numbers equal `f1kit
  /// compare --metric M`'s; per-class scores with the paired bootstrap
  /// alone (their permutation test sorts every class again per resample).
  ///
  /// - Parameters:
  ///   - inputs: The models' inputs, reference first.
  ///   - models: Their evaluations, for the operating points.
  /// - Returns: The section.
  /// - Throws: ``ReportError`` when some inputs have scores and others do
  ///   not, the files score different items or labels, or the scores
  ///   cannot be scored.
  /// - Complexity: O(*m* *n* log *n*) to sort, then O(*R* *n*) per model
  ///   and pair for *R* resamples of *n* items.
  func scoreReport(_ inputs: [ReportInput], models: [ModelEvaluation]) throws(ReportError)
    -> ScoreReport?
  {
    let scoreInputs = inputs.compactMap(\.scores)
    guard !scoreInputs.isEmpty else { return nil }
    guard scoreInputs.count == inputs.count else {
      throw .invalidOptions("the score section needs scores from every file")
    }
    let first = scoreInputs[0].items
    // Resampled in the order of the ids, which does not depend on which
    // file came first: swapping two files mirrors every difference.
    let canonicalOrder = first.predictions.identifiers?.positionsInByteOrder()
    var scoredModels: [ScoredModel] = []
    var alignedItems: [ItemScores] = []
    var reportModels: [ScoreReport.Model] = []
    for (index, input) in inputs.enumerated() {
      let score = scoreInputs[index]
      let implied =
        score.threshold == nil ? ScoreReport.impliedThreshold(score.items, input.items) : nil
      var items = score.items
      if index > 0 {
        if let ids = first.predictions.identifiers, let own = items.predictions.identifiers {
          let positions = ids.positions(in: own)
          guard own.count == ids.count, !positions.contains(nil) else {
            throw .itemsDoNotMatch(
              "\(input.sourceFile): the ids do not match those of \(inputs[0].sourceFile)")
          }
          items = items.reordered(by: positions.map { $0! })
        } else if items.count != first.count {
          throw .itemsDoNotMatch(
            "\(input.sourceFile) has \(items.count) items but \(inputs[0].sourceFile) has \(first.count)"
          )
        }
        guard items.scoredLabels == first.scoredLabels else {
          throw .itemsDoNotMatch(
            "\(input.sourceFile) scores the labels \(items.scoredLabels.joined(separator: ", ")) but \(inputs[0].sourceFile) scores \(first.scoredLabels.joined(separator: ", "))"
          )
        }
      }
      if let canonicalOrder { items = items.reordered(by: canonicalOrder) }
      let scored: ScoredModel
      do {
        scored = try ScoredModel(items)
      } catch {
        throw .statistics("\(input.sourceFile): \(error.description)")
      }
      if let reference = scoredModels.first, !scored.isPaired(with: reference) {
        throw .itemsDoNotMatch(
          "\(input.sourceFile): the gold labels differ item by item from those of \(inputs[0].sourceFile)"
        )
      }
      scoredModels.append(scored)
      alignedItems.append(items)
      var model = ScoreReport.Model(
        name: models[index].name, scores: scored, source: score.source,
        threshold: score.threshold, impliedThreshold: implied)
      if case .binary(let binary) = scored, let positive = first.positiveLabel {
        let matrix = models[index].metrics.confusionMatrix
        if let code = matrix.labels.firstIndex(where: { $0.utf8.elementsEqual(positive.utf8) }) {
          model.operatingPoint = ScoreReport.OperatingPoint(matrix, positive: code)
        }
        if let cutoff = model.cutoff {
          model.thresholdAdvice = ThresholdAdvice(binary, threshold: cutoff)
        }
      }
      reportModels.append(model)
    }
    let reported = scoredModels[0].reportedMetrics
    let compared = reported.filter { metric in
      scoredModels.allSatisfy { $0.value(of: metric) != nil }
    }
    var comparison: ScoreComparison?
    if options.resamples > 0, !compared.isEmpty {
      let tests: [ScoreComparison.Test] =
        first.isBinary ? ScoreComparison.Test.allCases : [.bootstrap]
      do {
        comparison = try ScoreComparison(
          models: scoredModels, names: models.map(\.name),
          options: ScoreComparison.Options(
            metrics: compared, tests: tests, bootstrap: bootstrapOptions, adjustment: .holm,
            seed: options.seed))
      } catch {
        throw .statistics(error.description)
      }
    }
    return ScoreReport(
      models: reportModels, positiveLabel: first.positiveLabel, reportedMetrics: reported,
      comparedMetrics: compared, comparison: comparison,
      positiveColumn: try scoreInputs[0].positiveColumnLabel.flatMap { label throws(ReportError) in
        try positiveColumn(label, of: alignedItems, inputs: inputs, names: models.map(\.name))
      })
  }

  /// Binary average precision and ROC-AUC of the positive label's column
  /// of every model's two per-class columns, compared as `f1kit compare
  /// --metric roc_auc` compares them (permutation, paired bootstrap and
  /// DeLong tests, Holm-adjusted), with the report's seed and resamples.
  ///
  /// - Parameters:
  ///   - label: The positive label.
  ///   - items: Each model's items, in the first model's order.
  ///   - inputs: The models' inputs, for messages.
  ///   - names: The models' names.
  /// - Returns: The positive column's part of the section, or `nil` when
  ///   some model's items have no such column (a gold label not scored).
  /// - Throws: ``ReportError`` when the scores cannot be scored or
  ///   compared.
  private func positiveColumn(
    _ label: String, of items: [ItemScores], inputs: [ReportInput], names: [String]
  ) throws(ReportError) -> ScoreReport.PositiveColumn? {
    var binaries: [ScoredModel] = []
    for (index, modelItems) in items.enumerated() {
      guard let column = modelItems.positiveColumn(label) else { return nil }
      do {
        binaries.append(try ScoredModel(column))
      } catch {
        throw .statistics("\(inputs[index].sourceFile): \(error.description)")
      }
    }
    let compared = ScoreMetric.binaryOnlyMetrics.filter { metric in
      binaries.allSatisfy { $0.value(of: metric) != nil }
    }
    var comparison: ScoreComparison?
    if options.resamples > 0, !compared.isEmpty {
      do {
        comparison = try ScoreComparison(
          models: binaries, names: names,
          options: ScoreComparison.Options(
            metrics: compared, tests: ScoreComparison.Test.allCases, bootstrap: bootstrapOptions,
            adjustment: .holm, seed: options.seed))
      } catch {
        throw .statistics(error.description)
      }
    }
    return ScoreReport.PositiveColumn(
      label: label, models: binaries, comparedMetrics: compared, comparison: comparison)
  }

}

extension ScoreReport {
  /// The cut-off that predictions read from a prediction column equal:
  /// the lowest score of an item predicted positive, when every item
  /// predicted negative scores less.
  ///
  /// - Parameters:
  ///   - scores: A file's binary scores, in file order.
  ///   - predictions: The same file's predictions, in file order.
  /// - Returns: The cut-off, or `nil` when no cut-off gives the
  ///   predictions, no item is predicted positive, or the scores are not
  ///   one binary score per item.
  /// - Complexity: O(*n*).
  public static func impliedThreshold(_ scores: ItemScores, _ predictions: ItemPredictions?)
    -> Double?
  {
    guard let positive = scores.positiveLabel, let predictions,
      predictions.count == scores.count
    else { return nil }
    guard
      let code = predictions.labels.firstIndex(where: { $0.utf8.elementsEqual(positive.utf8) })
    else { return nil }
    var lowestPositive = Double.infinity
    var highestNegative = -Double.infinity
    for (item, predicted) in predictions.predicted.enumerated() {
      let score = scores.scores[item]
      if Int(predicted) == code {
        lowestPositive = min(lowestPositive, score)
      } else {
        highestNegative = max(highestNegative, score)
      }
    }
    guard lowestPositive.isFinite, highestNegative < lowestPositive else { return nil }
    return lowestPositive
  }
}
