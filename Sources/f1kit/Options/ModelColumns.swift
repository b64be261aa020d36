import CommandLineSupport
import F1Kit
import F1KitReading

/// `--pred-columns a,b,c`: one file (or several shards of it) holding one
/// prediction column per model, item by item or as a joint count table.
enum ModelColumns {
  /// `--pred-columns a,b,c`.
  static let option = Option<[String]?>(
    name: "pred-columns", valueName: "names",
    help:
      "One prediction column per model, separated by commas: the file (or each shard of it) holds every model's predictions, item by item or as a count table (label,a,b,...,count); models are named by their columns.",
    default: .some(nil),
    expectation: "column names separated by commas, or a JSON array of strings",
    convert: { ScoringOptions.parseList($0).map { .some($0) } })

  /// Checks the columns given: none empty, none repeated.
  ///
  /// - Parameter columns: The columns of `--pred-columns`.
  /// - Throws: A ``UsageError`` naming the problem.
  static func check(_ columns: [String]) throws(UsageError) {
    if columns.contains(where: \.isEmpty) {
      throw UsageError("--pred-columns names an empty column")
    }
    if columns.distinctExactLabels().count != columns.count {
      throw UsageError("--pred-columns names a column twice")
    }
  }

  /// A reader error as a failure, where an empty label's hint to add
  /// `--problem multilabel` (which `--pred-columns` does not read yet)
  /// says what to do instead.
  ///
  /// - Parameter error: The reader's error.
  /// - Returns: The failure, with the reader's exit status.
  static func failure(_ error: PredictionFileError) -> CommandFailure {
    var failure = InputOptions.failure(error)
    if case .emptyLabel = error.reason {
      failure.message = failure.message.replacingOccurrences(
        of: "add --problem multilabel",
        with:
          "write one file per model and read it with --problem multilabel (--pred-columns reads one label a cell)"
      )
    }
    return failure
  }

  /// Reads the joint counts of every file and adds them up: the files are
  /// shards of the same table, with the same columns.
  ///
  /// - Parameters:
  ///   - paths: The files (shards), or `-` for standard input.
  ///   - columns: Each model's prediction column, or `nil` for the one
  ///     prediction the options give.
  ///   - input: How to read every file.
  ///   - groupColumn: The column naming each row's group, or `nil`.
  /// - Returns: The summed counts.
  /// - Throws: A one-line failure with the reader's exit status; 64 for a
  ///   shard listed twice, 65 when shards disagree on their columns, their
  ///   counts overflow or a file holds an id it or an earlier shard holds
  ///   (see ``ShardIDCheck``).
  static func readJointCounts(
    _ paths: [String], columns: [String]?, input: InputOptions, groupColumn: String? = nil
  ) throws(CommandFailure) -> JointCounts {
    var total: JointCounts?
    var options = input.reader
    // A shard of several may be a header alone (Spark writes one for an
    // empty partition); its columns must still agree.
    options.acceptsHeaderOnly = paths.count > 1
    // Shards' labels are checked once summed (see checkLabelSets).
    options.checksLabelSets = options.checksLabelSets && paths.count == 1
    var shardsWithItems: [String] = []
    var shardIDs = ShardIDCheck()
    for path in paths {
      let counts: JointCounts
      do {
        let reader = try PredictionReader(path: path, options: options)
        counts =
          try paths.count > 1
          ? shardIDs.readJointCounts(reader, predictionColumns: columns, groupColumn: groupColumn)
          : reader.readJointCounts(predictionColumns: columns, groupColumn: groupColumn)
      } catch {
        throw failure(error)
      }
      if counts.itemCount > 0 { shardsWithItems.append(path) }
      guard let sum = total else {
        total = counts
        continue
      }
      do {
        total = try sum.merging(counts, names: (paths[0], path))
      } catch {
        throw .data(error.description)
      }
    }
    guard var total else { throw .usage("expected at least one file") }
    Console.writeWarnings(total.warnings)
    total.warnings = []
    guard total.itemCount > 0 else {
      throw InputOptions.noItems(in: paths[0], rowCount: total.rowCount)
    }
    try checkSummedLabelSets(total, of: paths, options: input.reader)
    try checkShards(shardsWithItems, ids: shardIDs, reader: input.reader)
    return total
  }

  /// Reads each model's confusion-matrix counts from every file and adds
  /// them up over the files (shards), by the counting path: memory does not
  /// grow with the number of items, as it does when models are paired.
  ///
  /// - Parameters:
  ///   - paths: The files (shards), or `-` for standard input.
  ///   - columns: Each model's prediction column, or `nil` for the one
  ///     prediction the options give.
  ///   - input: How to read every file.
  /// - Returns: Each model's summed counts, as joint counts of one model.
  /// - Throws: A one-line failure with the reader's exit status; 64 for
  ///   several columns from standard input or a shard listed twice, 65
  ///   when counts overflow or a shard holds an id an earlier one holds
  ///   (see ``ShardIDCheck``).
  static func readModelCounts(_ paths: [String], columns: [String]?, input: InputOptions)
    throws(CommandFailure) -> [JointCounts]
  {
    if let columns, columns.count > 1, paths.contains("-") {
      throw .usage(
        "several --pred-columns cannot be read from standard input, which is read once; name a file"
      )
    }
    var models: [JointCounts] = []
    var shardsWithItems: [String] = []
    var shardIDs = ShardIDCheck()
    var countColumnNotes = CountColumnNotes()
    for column in columns.map({ $0.map(Optional.some) }) ?? [nil] {
      var options = input.reader
      if let column {
        guard options.predictionColumn == nil, options.scoreColumns.isEmpty,
          options.scoreArrayColumn == nil, options.scoreColumn == nil
        else {
          throw .usage("--pred-columns cannot be combined with --pred-column or score columns")
        }
        options.predictionColumn = column
      }
      options.acceptsHeaderOnly = paths.count > 1
      let checkedOptions = options
      // Shards' labels are checked once summed (see checkLabelSets).
      options.checksLabelSets = options.checksLabelSets && paths.count == 1
      var total: JointCounts?
      for path in paths {
        let counts: LabelCounts
        do {
          let reader = try PredictionReader(path: path, options: options)
          // Every column's pass reads the same ids: the first keeps them.
          counts =
            try models.isEmpty && paths.count > 1
            ? shardIDs.readCounts(reader) : reader.readCounts()
        } catch {
          throw failure(error)
        }
        Console.writeWarnings(
          countColumnNotes.keeping(counts, of: path, columnCount: columns?.count ?? 1))
        do {
          let shard = try JointCounts(
            labels: counts.labels, models: [counts.predictionColumn],
            goldColumn: counts.goldColumn,
            cells: counts.cells.map {
              JointCounts.Cell(gold: $0.gold, predictions: [$0.predicted], count: $0.count)
            }, rowCount: counts.rowCount, hasNumericLabels: counts.hasNumericLabels)
          if models.isEmpty, shard.itemCount > 0 { shardsWithItems.append(path) }
          total =
            try total.map { total throws(JointCountsError) in
              try total.merging(shard, names: (paths[0], path))
            } ?? shard
        } catch {
          if case .differentColumns = error { throw .data(error.description) }
          throw .data("\(path): \(error.description)")
        }
      }
      guard let total else { throw .usage("expected at least one file") }
      guard total.itemCount > 0 else {
        throw InputOptions.noItems(in: paths[0], rowCount: total.rowCount)
      }
      try checkSummedLabelSets(total, of: paths, options: checkedOptions)
      models.append(total)
    }
    Console.writeWarnings(countColumnNotes.notes(columns: columns ?? [], input: input))
    try checkShards(shardsWithItems, ids: shardIDs, reader: input.reader)
    return models
  }
}
