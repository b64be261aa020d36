import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics

extension ReportCommand {
  /// Reads one file's prediction columns (summed over its shards) as one
  /// model per column, with the joint counts that pair them.
  ///
  /// - Parameter columns: Each model's prediction column.
  /// - Returns: Each model's input, named by ``names``, and the counts of
  ///   every pair.
  func readColumns(_ columns: [String]) throws(CommandFailure) -> (
    inputs: [ReportInput], counts: ComparisonCounts
  ) {
    let source = paths.joined(separator: " + ")
    if input.isWeighted {
      // Weighted count tables carry the weight as one more column, counted
      // per distinct weight: the same weighted counts as the raw items.
      let counts = try input.weightedJointComparisonCounts(paths, columns: columns)
      guard let weighted = counts.weightedMatrices else {
        preconditionFailure("weighted counts carry weighted matrices")
      }
      let inputs = columns.indices.map { model in
        var input = ReportInput(
          name: names[model], sourceFile: "\(source) (\(columns[model]))",
          confusionMatrix: counts.matrices[model])
        input.weightedConfusionMatrix = weighted[model]
        return input
      }
      return (inputs, counts)
    }
    let joint = try ModelColumns.readJointCounts(paths, columns: columns, input: input)
    do {
      let inputs = try columns.indices.map { model throws(ConfusionMatrixError) in
        ReportInput(
          name: names[model], sourceFile: "\(source) (\(columns[model]))",
          confusionMatrix: try joint.confusionMatrix(ofModel: model, labels: input.labels))
      }
      return (inputs, try ComparisonCounts(joint, labels: input.labels))
    } catch {
      throw .usage(error.description)
    }
  }
}

extension ReportCommand {
  /// Reads files whose items carry sample weights: each model's input with
  /// its weighted matrix, and the weighted counts every pair is compared
  /// from.
  ///
  /// - Returns: Each model's input, named by ``names``, and the counts.
  func readWeighted() throws(CommandFailure) -> (
    inputs: [ReportInput], counts: ComparisonCounts
  ) {
    let (items, counts) = try input.weightedItems(paths, names: paths)
    guard let matrices = counts.weightedMatrices else {
      preconditionFailure("weighted counts carry weighted matrices")
    }
    var inputs: [ReportInput] = []
    for (index, path) in paths.enumerated() {
      var model: ReportInput
      do {
        model = try ReportInput(name: names[index], sourceFile: path, items: items[index])
      } catch {
        throw .data("\(path): \(error.description)")
      }
      model.weightedConfusionMatrix = matrices[index]
      inputs.append(model)
    }
    return (inputs, counts)
  }
}
