import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics

extension ModelColumns {
  /// The counts an experiment comparison resamples, read from one file's
  /// prediction columns (and its group column) summed over its shards:
  /// item files and count tables give the same counts for the same items,
  /// so `compare` and `report` give the same numbers from either.
  ///
  /// - Parameters:
  ///   - paths: The file and its shards.
  ///   - columns: Each model's prediction column; each model has one run.
  ///   - input: How the files are read.
  ///   - groupColumn: The column naming each item's group, if any.
  ///   - options: How the first model is scored, for the problem and scope.
  ///   - metric: The compared metric, if named: one that uses no positive
  ///     label scores two undecided labels as a multiclass problem
  ///     (``EvaluationOptions/fitted(to:metric:)``).
  /// - Returns: The counts, the label order, the first model's metrics
  ///   and each model's run source.
  /// - Throws: A one-line failure with the reader's exit status.
  static func experimentCounts(
    _ paths: [String], columns: [String], input: InputOptions, groupColumn: String?,
    options: EvaluationOptions, metric: Metric? = nil
  ) throws(CommandFailure) -> (
    counts: ExperimentCounts, labels: [String], classification: ClassificationMetrics,
    runFiles: [[String]]
  ) {
    let joint = try readJointCounts(paths, columns: columns, input: input, groupColumn: groupColumn)
    let source = paths.joined(separator: " + ")
    do {
      let order = try joint.labelOrder(leading: input.labels)
      let matrix = try joint.confusionMatrix(ofModel: 0, labels: input.labels)
      let classification = try ClassificationMetrics(
        confusionMatrix: matrix, options: options.fitted(to: matrix, metric: metric))
      return (
        try ExperimentCounts(joint, labelOrder: order), order, classification,
        columns.map { ["\(source) (\($0))"] }
      )
    } catch let error as StatisticsError {
      throw .data(error.description)
    } catch let error as ConfusionMatrixError {
      throw .usage(error.description)
    } catch let error as MetricsError {
      throw .usage(error.description)
    } catch {
      throw .usage("\(error)")
    }
  }
}
