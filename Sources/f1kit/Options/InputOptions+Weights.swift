import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics
import F1KitSupport

extension InputOptions {
  /// Whether `--weight-column` was given.
  var isWeighted: Bool { labelSets.weightColumn != nil }

  /// Refuses `--weight-column` in a command that sweeps the cut-offs of a
  /// score column (`tune`, `curves`), which would otherwise print
  /// unweighted numbers for a weighted request.
  ///
  /// - Parameter command: The command's name, for the message.
  /// - Throws: A usage failure when a weight column is given.
  func refuseWeightedSweep(in command: String) throws(CommandFailure) {
    guard isWeighted else { return }
    throw .usage(
      "\(command) does not support --weight-column yet: it would sweep the score column's cut-offs unweighted"
    )
  }

  /// Reads the sample weight of every item of a file, in file order, in a
  /// pass of its own beside ``readItems(_:)``.
  ///
  /// - Parameter path: The file; standard input cannot be read twice.
  /// - Returns: One weight per item.
  /// - Throws: A one-line failure: 64 for standard input, 65 for a bad
  ///   weight (naming its line) or a total weight of zero.
  func readItemWeights(_ path: String) throws(CommandFailure) -> [Double] {
    guard path != "-" else {
      throw .usage(
        "--weight-column needs a named file here, not standard input, which is read once")
    }
    var options = labelSets
    options.isMultilabel = false
    options.file.scoreColumns = []
    options.file.scoreArrayColumn = nil
    options.file.scoreColumn = nil
    // Counts, if any, are read by the label reader, which refuses a count
    // table on the item path.
    options.file.countColumn = ""
    do {
      return try LabelSetReader(path: path, options: options).readWeights()
    } catch {
      throw Self.failure(error)
    }
  }

  /// Reads a single-label file with sample weights into its distinct
  /// (gold, predicted, weight) rows.
  ///
  /// - Parameter path: The file, or `-` for standard input.
  /// - Returns: The rows and the labels in first-seen order.
  /// - Throws: A one-line failure with the reader's exit status.
  func readWeightedRows(_ path: String) throws(CommandFailure) -> LabelSetReader.WeightedRows {
    var options = labelSets
    options.isMultilabel = false
    let rows: LabelSetReader.WeightedRows
    do {
      rows = try LabelSetReader(path: path, options: options).readWeightedRows()
    } catch {
      throw Self.failure(error)
    }
    Console.writeWarnings(rows.warnings)
    return rows
  }

  /// Reads a single-label file with sample weights into its weighted
  /// confusion matrix: a file of items, or a weighted count table (each
  /// row's weight applies to its `count` items), which is read as
  /// `compare --pred-columns` reads it.
  ///
  /// - Parameter path: The file, or `-` for standard input.
  /// - Returns: The matrix.
  /// - Throws: A one-line failure with the reader's exit status.
  func readWeightedMatrix(_ path: String) throws(CommandFailure) -> WeightedConfusionMatrix {
    guard let table = try readWeightedCountTable(path) else { return try readWeighted(path) }
    return table.predictions.confusionMatrix(labels: table.labels)
  }

  /// Reads a weighted count table (`label,prediction,weight,count`, one
  /// row per combination of labels and weight, whose `count` items carry
  /// that weight) by the counting path `compare --pred-columns` reads it
  /// with, so the total weight is the sum of count × weight.
  ///
  /// - Parameter path: The file; standard input is not looked at (the
  ///   label reader refuses a count table there).
  /// - Returns: The labels and the weighted rows, or `nil` when the file
  ///   has no count column.
  /// - Throws: A one-line failure with the reader's exit status.
  func readWeightedCountTable(_ path: String) throws(CommandFailure)
    -> (labels: [String], predictions: WeightedPredictions)?
  {
    var options = labelSets
    options.isMultilabel = false
    guard let columns = LabelSetReader.countTableColumns(path: path, options: options) else {
      return nil
    }
    // The column is read as `--pred-columns` reads one.
    var input = self
    input.reader.predictionColumn = nil
    let counts = try input.weightedJointComparisonCounts([path], columns: [columns.prediction])
    guard let predictions = counts.weighted?.first else {
      preconditionFailure("weighted joint counts have weighted predictions")
    }
    return (counts.labels, predictions)
  }

  /// Reads and aligns files whose items carry sample weights, and counts
  /// them for the comparison engine.
  ///
  /// Every file must have the weight column, and an item's weight must be
  /// the same in every file, as its gold label must.
  ///
  /// - Parameters:
  ///   - paths: The files, one per model.
  ///   - names: Each model's name, for messages.
  /// - Returns: The weighted counts.
  /// - Throws: A one-line failure naming the file and item.
  func weightedComparisonCounts(_ paths: [String], names: [String]) throws(CommandFailure)
    -> ComparisonCounts
  {
    try weightedItems(paths, names: names).counts
  }

  /// Reads files whose items carry sample weights: each file's items, and
  /// the weighted counts of the aligned items (see
  /// ``weightedComparisonCounts(_:names:)``).
  ///
  /// - Parameters:
  ///   - paths: The files, one per model.
  ///   - names: Each model's name, for messages.
  /// - Returns: The items and the weighted counts.
  /// - Throws: A one-line failure naming the file and item.
  func weightedItems(_ paths: [String], names: [String]) throws(CommandFailure)
    -> (items: [ItemPredictions], counts: ComparisonCounts)
  {
    var items: [ItemPredictions] = []
    var weights: [[Double]] = []
    for path in paths {
      let fileItems = try readItems(path)
      let fileWeights = try readItemWeights(path)
      guard fileWeights.count == fileItems.count else {
        throw .data(
          "\(path): expected a sample weight for each of its \(fileItems.count) items, found \(fileWeights.count)"
        )
      }
      items.append(fileItems)
      weights.append(fileWeights)
    }
    try Self.refuseReorderedRows(paths, inputs: paths.map { _ in self }, items: items)
    let aligned: AlignedPredictions
    do {
      aligned = try AlignedPredictions(items, names: names, labels: labels)
    } catch {
      throw InputOptions.alignmentFailure(
        error, paths: paths, names: names, inputs: paths.map { _ in self })
    }
    // The first file's order is the aligned order; the others must agree.
    for index in paths.indices.dropFirst() {
      let positions: [Int?]
      if let reference = aligned.identifiers, let ids = items[index].identifiers {
        positions = reference.positions(in: ids)
      } else {
        positions = Array(0..<aligned.itemCount)
      }
      for (item, position) in positions.enumerated() {
        guard let position, weights[index][position] != weights[0][item] else { continue }
        let itemName =
          aligned.identifiers.map { "id \(TerminalText.quoted($0[item]))" }
          ?? "item \(item + 1)"
        throw .data(
          "\(paths[index]): \(itemName) has sample weight \(NumberText.shortestBare(weights[index][position])) but \(NumberText.shortestBare(weights[0][item])) in \(paths[0]); every file must give an item the same weight"
        )
      }
    }
    do {
      return (items, try ComparisonCounts(aligned, weights: weights[0]))
    } catch {
      throw .data("\(paths[0]): \(error.description)")
    }
  }
}

extension InputOptions {
  /// Reads one file of prediction columns (or its shards) with a weight
  /// column, item by item or as a weighted joint count table
  /// (`label,a,b,weight,count`, where `count` is how many items have that
  /// weight), and counts it for the comparison engine.
  ///
  /// The weights are first checked in a pass of their own, so a bad weight
  /// is an error naming its line; the weight column is then read as one
  /// more column of the joint table, so the rows group by weight exactly as
  /// `GROUP BY label, a, b, weight` groups them.
  ///
  /// - Parameters:
  ///   - paths: The files (shards).
  ///   - columns: Each model's prediction column.
  /// - Returns: The weighted counts: bit-identical, for the same seed, to
  ///   the counts of the raw weighted items the table summarizes.
  /// - Throws: A one-line failure with the reader's exit status.
  func weightedJointComparisonCounts(_ paths: [String], columns: [String])
    throws(CommandFailure) -> ComparisonCounts
  {
    guard let weightColumn = labelSets.weightColumn else {
      preconditionFailure("weighted counts need --weight-column")
    }
    if columns.contains(weightColumn) {
      throw .usage("--weight-column '\(weightColumn)' is also named in --pred-columns")
    }
    for path in paths {
      var options = labelSets
      options.isMultilabel = false
      options.file.predictionColumn = columns[0]
      // The joint read below reads the counts.
      options.file.countColumn = ""
      guard path != "-" else {
        throw .usage(
          "--weight-column needs a named file here, not standard input, which is read once")
      }
      do {
        _ = try LabelSetReader(path: path, options: options).readWeights()
      } catch {
        throw Self.failure(error)
      }
    }
    var input = self
    // The weight column's values are numbers, not classes: the check
    // that gold and predicted labels overlap does not apply to it.
    input.reader.checksLabelSets = false
    let joint = try ModelColumns.readJointCounts(
      paths, columns: columns + [weightColumn], input: input)
    do {
      return try ComparisonCounts(weightedJoint: joint, labels: labels)
    } catch {
      throw .data("\(paths[0]): \(error.description)")
    }
  }
}

extension InputOptions {
  /// The refusal of `--weight-column` with runs, groups or strata, which
  /// the experiment engine does not weight yet.
  ///
  /// - Parameter command: The command's name, for the message.
  /// - Returns: A usage failure (exit 64).
  static func designWeightsRefusal(in command: String) -> CommandFailure {
    .usage("\(command) does not support --weight-column with runs, groups or strata yet")
  }
}
