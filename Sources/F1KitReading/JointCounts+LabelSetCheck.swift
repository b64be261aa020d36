import F1Kit

extension JointCounts {
  /// Stops counts whose predicted labels cannot be meant for their gold
  /// labels, as reading one file does: each model's predictions share none
  /// of the gold labels, or over half the items carry a predicted label
  /// the gold labels never use.
  ///
  /// Shards read with ``PredictionFileOptions/checksLabelSets`` off are
  /// checked so once summed: a table split by a hash of its rows (as
  /// Spark writes it) can leave one shard only the items of a class that
  /// a model mistakes for another, which alone looks like a wrong column.
  ///
  /// - Parameters:
  ///   - options: How the shards were read: the check is skipped when they
  ///     name the labels, for a binary score column's thresholded
  ///     predictions, and with `checksLabelSets` off.
  ///   - path: The file named in the error (the shards, for example).
  /// - Throws: ``PredictionFileError`` with reason `.labelsDoNotMatch`.
  /// - Complexity: O(*c* · *m*) for *c* cells of *m* models.
  package func checkLabelSets(options: PredictionFileOptions, path: String)
    throws(PredictionFileError)
  {
    guard options.scoreColumn == nil else { return }
    for model in models.indices {
      var check = LabelSetCheck(labelCount: labels.count)
      for cell in cells {
        check.goldCounts[cell.gold] &+= cell.count
        check.predictedCounts[cell.predictions[model]] &+= cell.count
      }
      var columns = LabelColumns()
      columns.gold = goldColumn
      columns.prediction = [models[model]]
      columns.isScoreArray = options.scoreArrayColumn != nil
      columns.isScoreColumns = !options.scoreColumns.isEmpty
      try check.check(names: labels, columns: columns, options: options, path: path)
    }
  }
}
