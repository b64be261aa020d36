import F1Kit

extension PredictionReader {
  /// Counts the combinations of the gold label and several models' predicted
  /// labels in one file: one prediction column per model.
  ///
  /// The file holds items (each row counts once), as in
  /// `id,label,model_a,model_b`, or is a count table whose count column
  /// (`count`, or ``PredictionFileOptions/countColumn``) says how many
  /// items each row stands for, as `GROUP BY label, model_a, model_b`
  /// gives: `label,model_a,model_b,count`. Rows repeating a combination add
  /// up, and rows counting zero items are dropped with their labels. A
  /// negative or fractional count is an error naming its line.
  ///
  /// Each column is read in a pass of its own with the options' other
  /// settings, so labels read exactly as they do from a file per model. With
  /// `nil`, the file is read once and its prediction comes from the options
  /// (a detected prediction column, or scores).
  ///
  /// With a group column, each row's group is read too (by name, from the
  /// same row, whether the row is an item or a count), and the cells count
  /// per group: the table of `GROUP BY label, model_a, model_b, grp`.
  ///
  /// In a file of items with an id column, the ids must be distinct, as
  /// ``readCounts()`` requires and checks them, in the first column's pass.
  ///
  /// - Parameters:
  ///   - predictionColumns: Each model's prediction column, or `nil` for
  ///     the one prediction the options give.
  ///   - groupColumn: The column naming each row's group, or `nil`.
  /// - Returns: The joint counts, with the models named by their columns.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, for several columns from standard input (which can be read
  ///   once), for columns combined with score options, and with reason
  ///   `.duplicateID` for a repeated id.
  /// - Complexity: O(*m* · *n*) time for *m* columns and *n* bytes; O(*r* ·
  ///   *m*) memory for *r* rows while reading, then O(cells).
  public func readJointCounts(predictionColumns: [String]? = nil, groupColumn: String? = nil)
    throws(PredictionFileError) -> JointCounts
  {
    try readJointCounts(
      predictionColumns: predictionColumns, groupColumn: groupColumn, keepingIDs: false
    ).counts
  }

  /// Counts the combinations of the gold label and several models'
  /// predicted labels, as ``readJointCounts(predictionColumns:groupColumn:)``
  /// does, and keeps how its ids ran, for a check across files (see
  /// ``ShardIDCheck``).
  ///
  /// - Parameters:
  ///   - predictionColumns: Each model's prediction column, or `nil`.
  ///   - groupColumn: The column naming each row's group, or `nil`.
  ///   - keepingIDs: Whether to return the ids' summary.
  /// - Returns: The counts, and the ids' summary when asked for and the
  ///   file has ids.
  /// - Throws: As ``readJointCounts(predictionColumns:groupColumn:)``.
  func readJointCounts(predictionColumns: [String]?, groupColumn: String?, keepingIDs: Bool)
    throws(PredictionFileError) -> (counts: JointCounts, ids: ShardIDCheck.Shard?)
  {
    let displayPath = path == "-" ? "<stdin>" : path
    if let predictionColumns {
      if let problem = Self.columnsProblem(predictionColumns, options: options) {
        throw PredictionFileError(path: displayPath, reason: .invalidOptions(problem))
      }
      if path == "-", predictionColumns.count > 1 {
        throw PredictionFileError(
          path: displayPath,
          reason: .invalidOptions(
            "several prediction columns cannot be read from standard input, which is read once; name a file"
          ))
      }
    }
    var labels: [String] = []
    var labelCodes: [ExactLabel: Int] = [:]
    var models: [String] = []
    var goldColumn = ""
    var gold: [Int32] = []
    var predictions: [[Int32]] = []
    var weights: [Int]?
    var rowCount = 0
    var isNumeric = false
    var warnings: [String] = []
    var shard: ShardIDCheck.Shard?
    var detectedCount: String?
    var countColumn: String?
    /// The columns read beside the count column, and the index read as ids.
    var readColumns: [String] = []
    var indexColumn: String?
    var groups: ItemGroups?
    for column in predictionColumns.map({ $0.map(Optional.some) }) ?? [nil] {
      var options = self.options
      if let column { options.predictionColumn = column }
      let parser = try PredictionFileParser(path: path, options: options)
      // The first pass reads each row's group beside its labels; the
      // others only check that the column is there.
      if models.isEmpty {
        parser.groupColumn = groupColumn
      } else {
        parser.checkedGroupColumn = groupColumn
      }
      var sink = RowSink()
      let rows: Int
      if models.isEmpty {
        // Every pass reads the same rows: the first checks their ids, and
        // any reading of them again names its column, as the header may
        // have no prediction column found by name.
        var reader = self
        reader.options = options
        rows = try reader.parseCheckingIDs(parser, into: &sink, ids: \.ids)
        if let missing = parser.missingGroupColumn { throw missing }
        shard = keepingIDs ? try reader.shard(of: sink.ids, parser: parser) : nil
      } else {
        rows = try parser.parse(into: &sink, readsIDs: false)
      }
      let resolution = try LabelResolution(parser)
      let global = resolution.names.map { name in
        if let code = labelCodes[ExactLabel(name)] { return Int32(code) }
        labelCodes[ExactLabel(name)] = labels.count
        labels.append(name)
        return Int32(labels.count - 1)
      }
      if !parser.isThresholded {
        var check = LabelSetCheck(labelCount: resolution.names.count)
        for row in sink.gold.indices {
          let weight = sink.weight(row)
          check.goldCounts[Int(resolution.code(sink.gold[row]))] &+= weight
          check.predictedCounts[Int(resolution.predictedCode(sink.predicted[row]))] &+= weight
        }
        try check.check(
          names: resolution.names, columns: parser.columns, options: options, path: parser.path)
      }
      if models.isEmpty {
        if groupColumn != nil { groups = sink.groups.itemGroups }
        goldColumn = parser.columns.gold
        gold = sink.gold.map { global[Int(resolution.code($0))] }
        weights = sink.weights
        rowCount = rows
        detectedCount = parser.columns.detectedCount
        countColumn = parser.columns.count
        readColumns = [parser.columns.gold] + (groupColumn.map { [$0] } ?? [])
        indexColumn = parser.idColumn
      }
      readColumns += parser.columns.prediction
      predictions.append(sink.predicted.map { global[Int(resolution.predictedCode($0))] })
      models.append(column ?? parser.columns.prediction.joined(separator: ","))
      isNumeric = isNumeric || resolution.isNumeric
      warnings += parser.notes.filter { !warnings.contains($0) }
    }
    let cells = Self.jointCells(
      gold: gold, predictions: predictions, weights: weights, groups: groups,
      labelCount: labels.count)
    try ItemRowsEvidence.refuseItems(
      path: path, displayPath: displayPath, options: options, columns: readColumns,
      countColumn: detectedCount, indexColumn: indexColumn, rows: rowCount,
      combinations: cells.count)
    try RepeatedTestSetEvidence.refuseRepeats(
      path: path, displayPath: displayPath, options: options, goldColumn: goldColumn,
      columns: readColumns, countColumn: countColumn, rows: rowCount, combinations: cells.count)
    do {
      var counts = try JointCounts(
        labels: labels, models: models, goldColumn: goldColumn, cells: cells,
        rowCount: rowCount, hasNumericLabels: isNumeric, groups: groups?.values ?? [],
        groupColumn: groupColumn)
      counts.warnings = warnings
      // Only a note that would be given looks at the file again.
      if let note = Self.itemsCountedAsCells(
        rows: rowCount, cells: cells.count, column: detectedCount, path: displayPath,
        columns: predictionColumns.map { [goldColumn] + $0 + (groupColumn.map { [$0] } ?? []) }),
        let column = detectedCount,
        !ItemRowsEvidence.isGroupedOnMoreColumns(
          path: path, options: options, columns: readColumns, countColumn: column)
      {
        counts.countColumnNote = note
      }
      if let note = counts.countColumnNote { counts.warnings.append(note) }
      return (counts, shard)
    } catch {
      throw PredictionFileError(path: displayPath, reason: .invalidOptions(error.description))
    }
  }

  /// Why these prediction columns cannot be read with these options, if
  /// they cannot.
  private static func columnsProblem(_ columns: [String], options: PredictionFileOptions)
    -> String?
  {
    if columns.isEmpty { return "predictionColumns must name at least one column" }
    if columns.distinctExactLabels().count != columns.count {
      return "predictionColumns names a column twice"
    }
    if options.predictionColumn != nil || !options.scoreColumns.isEmpty
      || options.scoreArrayColumn != nil || options.scoreColumn != nil
    {
      return
        "predictionColumns gives every model's prediction; it cannot be combined with predictionColumn or score columns"
    }
    return nil
  }

  /// Adds up the rows' weights per combination of codes (and group), each
  /// row's codes and group packed into one word: fast for item files of
  /// millions. `nil` when they do not fit in one.
  private static func packedCells(
    gold: [Int32], predictions: [[Int32]], weights: [Int]?, groups: ItemGroups?, labelCount: Int
  ) -> [JointCounts.Cell]? {
    let labelBits = JointCounts.codeBits(below: labelCount)
    let groupBits = groups.map { JointCounts.codeBits(below: $0.count) } ?? 0
    let width = predictions.count + 1
    guard labelBits * width + groupBits <= 64 else { return nil }
    let groupCodes = groups?.codes
    var counts: [UInt64: Int] = [:]
    for row in gold.indices {
      var key = UInt64(UInt32(gold[row]))
      for model in predictions.indices {
        key = key << UInt64(labelBits) | UInt64(UInt32(predictions[model][row]))
      }
      if let groupCodes { key = key << UInt64(groupBits) | UInt64(groupCodes[row]) }
      counts[key, default: 0] += weights?[row] ?? 1
    }
    let labelMask = labelBits == 64 ? UInt64.max : (1 << UInt64(labelBits)) - 1
    let groupMask: UInt64 = (1 << UInt64(groupBits)) - 1
    return counts.map { key, count in
      var codes = [Int](repeating: 0, count: width)
      var rest = key >> UInt64(groupBits)
      for index in stride(from: width - 1, through: 0, by: -1) {
        codes[index] = Int(rest & labelMask)
        rest >>= UInt64(labelBits)
      }
      return JointCounts.Cell(
        gold: codes[0], predictions: Array(codes.dropFirst()), count: count,
        group: Int(key & groupMask))
    }
  }

  /// Adds up the rows' weights per combination of codes (and group).
  private static func jointCells(
    gold: [Int32], predictions: [[Int32]], weights: [Int]?, groups: ItemGroups?, labelCount: Int
  ) -> [JointCounts.Cell] {
    if let cells = packedCells(
      gold: gold, predictions: predictions, weights: weights, groups: groups,
      labelCount: labelCount)
    {
      return cells
    }
    // Codes too wide for one word: the group (or 0), the gold code, then
    // each model's.
    let groupCodes = groups?.codes
    var counts: [[Int32]: Int] = [:]
    for row in gold.indices {
      let key = [Int32(groupCodes?[row] ?? 0), gold[row]] + predictions.map { $0[row] }
      counts[key, default: 0] += weights?[row] ?? 1
    }
    return counts.map { codes, count in
      JointCounts.Cell(
        gold: Int(codes[1]), predictions: codes.dropFirst(2).map { Int($0) }, count: count,
        group: Int(codes[0]))
    }
  }
}

/// Keeps every record's codes and weight in file order, for joint counts:
/// weights only once a record has a weight other than 1. Ids, when the
/// parser gives them (see `PredictionFileParser.checksIDs`), are
/// summarized in `ids`, as `CountingSink` summarizes them.
struct RowSink: RecordSink {
  var gold: [Int32] = []
  var predicted: [Int32] = []
  /// Each record's weight, or `nil` while every weight is 1.
  var weights: [Int]?
  /// The sum of the weights, checked against `LabelCounts.maximumTotalCount`.
  private(set) var total = 0
  /// What is kept of the ids read.
  var ids = IDSummary()
  /// Each record's group, when the parser reads a group column (see
  /// `PredictionFileParser.groupColumn`), in the same pass as its labels.
  var groups = GroupSink()

  /// The weight of the record at `row`.
  func weight(_ row: Int) -> Int { weights?[row] ?? 1 }

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    let (sum, overflow) = total.addingReportingOverflow(weight)
    guard !overflow, sum <= LabelCounts.maximumTotalCount else { return false }
    total = sum
    if weight != 1, weights == nil {
      weights = [Int](repeating: 1, count: self.gold.count)
    }
    self.gold.append(gold)
    self.predicted.append(predicted)
    weights?.append(weight)
    return true
  }

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    ids.add(id: bytes, count: count, line: line, place: place)
  }

  @inline(__always)
  mutating func add(group bytes: UnsafePointer<UInt8>, count: Int) -> IDOutcome {
    groups.add(group: bytes, count: count)
  }

  mutating func reserveCapacity(_ count: Int) {
    gold.reserveCapacity(count)
    predicted.reserveCapacity(count)
  }

  mutating func append(_ other: consuming RowSink, codes: [Int32], lineOffset: Int) -> Bool {
    let (sum, overflow) = total.addingReportingOverflow(other.total)
    guard !overflow, sum <= LabelCounts.maximumTotalCount else { return false }
    total = sum
    if weights != nil || other.weights != nil {
      weights =
        (weights ?? [Int](repeating: 1, count: gold.count))
        + (other.weights ?? [Int](repeating: 1, count: other.gold.count))
    }
    gold += other.gold.lazy.map { codes[Int($0)] }
    predicted += other.predicted.lazy.map { codes[Int($0)] }
    ids.append(other.ids, lineOffset: lineOffset)
    return groups.append(other.groups, codes: codes, lineOffset: lineOffset)
  }
}
