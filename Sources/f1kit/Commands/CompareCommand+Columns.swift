import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics

extension CompareCommand {
  /// The comparison's counts: from the files aligned item by item, or from
  /// the joint counts of one file's prediction columns summed over its
  /// shards (`--pred-columns`), which give the same counts for the same
  /// items, whether the file lists items or counts.
  func comparisonCounts() throws(CommandFailure) -> ComparisonCounts {
    if let predictionColumns, input.isWeighted {
      return try input.weightedJointComparisonCounts(paths, columns: predictionColumns)
    }
    if let predictionColumns {
      let joint = try ModelColumns.readJointCounts(
        paths, columns: predictionColumns, input: input)
      do {
        return try ComparisonCounts(joint, labels: input.labels)
      } catch {
        throw .usage(error.description)
      }
    }
    if input.isWeighted {
      return try input.weightedComparisonCounts(paths, names: names)
    }
    // Messages name the files, where they point.
    let aligned = try Self.align(paths, inputs: pathInputs, names: ModelNames.defaults(paths))
    do {
      return try ComparisonCounts(aligned)
    } catch {
      throw .data(error.description)
    }
  }

  /// How each of ``paths`` is read: the input options, with the model's
  /// `--score-column` under `--score-columns-of`.
  var pathInputs: [InputOptions] {
    paths.indices.map { index in
      scoreColumnsOf?.input(ofModel: index, from: input) ?? input
    }
  }

  /// How each of ``paths`` is named in outputs: the file, and the model's
  /// score column under `--score-columns-of`.
  var pathSources: [String] {
    paths.indices.map { index in
      scoreColumnsOf?.source(ofModel: index, path: paths[index]) ?? paths[index]
    }
  }
}

extension CompareCommand {
  /// Refuses `--weight-column` where the weighted engine does not reach
  /// yet: runs, groups and strata, score metrics, and McNemar's test alone
  /// (it counts items, not weights).
  ///
  /// - Parameter command: The command's name, for the message.
  /// - Throws: A usage failure.
  func refuseUnsupportedWeights(in command: String) throws(CommandFailure) {
    guard input.isWeighted else { return }
    if design != nil { throw InputOptions.designWeightsRefusal(in: command) }
    if scoreMetric != nil {
      throw .usage("\(command) does not support --weight-column with score metrics yet")
    }
    if test == .mcnemar {
      throw .usage(
        "McNemar's test counts items, not sample weights; with --weight-column use --test permutation, bootstrap or all"
      )
    }
  }
}
