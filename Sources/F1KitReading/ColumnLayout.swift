import F1Kit

/// Where each record's prediction comes from.
enum PredictionSource {
  /// A column of predicted labels.
  case label(Int)
  /// Per-class score columns; the class labels are their names.
  case scoreColumns([Int])
  /// A column of score arrays.
  case scoreArray(Int)
  /// A binary score column compared with the threshold.
  case threshold(Int)
}

/// Which column plays which role, found from the header's names.
///
/// Names are matched exactly (by UTF-8 bytes) first and ignoring case second;
/// among detected names the earlier in the list of accepted names wins.
struct ColumnLayout {
  /// Why a layout cannot be found.
  struct Problem: Error {
    var reason: PredictionFileError.Reason
  }

  var gold: Int
  var source: PredictionSource
  var id: Int?
  /// The group column, when groups are read beside the items and the
  /// header has it.
  var group: Int?
  var count: Int?
  /// Whether ``count`` was found by its name, not named by an option.
  var countIsDetected = false

  /// Finds the columns in a header.
  ///
  /// - Parameters:
  ///   - header: The column names (for JSON Lines, the first object's keys).
  ///   - options: The reading options.
  ///   - readsIDs: Whether ids are wanted (the item path).
  ///   - groupColumn: The group column to read beside the items, if any.
  ///     When the header has no such column, `group` is `nil` and the
  ///     caller reports it (after the items, as a second pass would).
  /// - Throws: `.missingColumn` when a needed column is absent, and
  ///   `.countTableHasNoItems` for a count table on the item path.
  init(
    header: [String], options: PredictionFileOptions, readsIDs: Bool, groupColumn: String? = nil
  ) throws(ColumnLayout.Problem) {
    func require(
      _ explicit: String?, _ candidates: [String], _ role: PredictionFileError.ColumnRole
    ) throws(ColumnLayout.Problem) -> Int {
      let accepted = explicit.map { [$0] } ?? candidates
      guard let index = Self.find(accepted, in: header) else {
        throw Problem(reason: .missingColumn(role: role, accepted: accepted, found: header))
      }
      return index
    }
    let named = Self.namedColumns(options: options, groupColumn: groupColumn, in: header)
    gold = try require(options.goldColumn, PredictionFileOptions.goldColumnNames, .gold)
    if options.goldColumn == nil {
      try Self.refuseRivals(
        of: gold, among: PredictionFileOptions.goldColumnNames, in: header, role: .gold,
        excluding: named)
    }
    if !options.scoreColumns.isEmpty {
      var indices: [Int] = []
      for name in options.scoreColumns {
        indices.append(try require(name, [], .score))
      }
      source = .scoreColumns(indices)
    } else if let name = options.scoreArrayColumn {
      source = .scoreArray(try require(name, [], .score))
    } else if let name = options.scoreColumn {
      source = .threshold(try require(name, [], .score))
    } else {
      let prediction = try require(
        options.predictionColumn, PredictionFileOptions.predictionColumnNames, .prediction)
      if options.predictionColumn == nil {
        try Self.refuseRivals(
          of: prediction, among: PredictionFileOptions.predictionColumnNames, in: header,
          role: .prediction, excluding: named.union([gold]))
      }
      source = .label(prediction)
    }
    if let role = Self.roleOfGold(gold, in: source) {
      throw Problem(reason: .goldColumnHasRole(column: header[gold], role: role))
    }
    if let name = options.countColumn {
      count = name.isEmpty ? nil : try require(name, [], .count)
    } else {
      // Found by name whatever the prediction comes from: scores read from
      // a count table would count each row once, whatever its count.
      count = Self.findCount(in: header)
      countIsDetected = count != nil
      try Self.refuseCountBesideIDs(count: count, options: options, in: header)
    }
    if let count, let role = role(of: count, besideCount: true) {
      throw Problem(
        reason: .countColumnHasRole(
          column: header[count], role: role, isDetected: countIsDetected))
    }
    if readsIDs, let count {
      throw Problem(reason: .countTableHasNoItems(column: header[count]))
    }
    if let name = options.idColumn {
      id = name.isEmpty ? nil : try require(name, [], .id)
    } else {
      id = Self.detectedID(in: header)
    }
    if let groupColumn {
      group = Self.find([groupColumn], in: header)
    }
  }

  /// The role of a column this layout reads for the items (gold label,
  /// prediction, score or count), or `nil` for any other column.
  ///
  /// - Parameters:
  ///   - column: The column's index in the header.
  ///   - besideCount: Whether to name the role the column plays besides
  ///     being the count column (for the count column itself).
  func role(of column: Int, besideCount: Bool = false) -> PredictionFileError.ColumnRole? {
    if column == gold { return .gold }
    if column == count, !besideCount { return .count }
    switch source {
    case .label(let index): return index == column ? .prediction : nil
    case .scoreArray(let index), .threshold(let index): return index == column ? .score : nil
    case .scoreColumns(let indices): return indices.contains(column) ? .score : nil
    }
  }

  /// The id column found by name: `id`, or else a first column that
  /// holds a data frame's index, as pandas' `to_csv()` writes it (no name,
  /// or `Unnamed: 0` once read and written again) and `reset_index()`
  /// names it (`index`), as R's `write.csv` writes row names. pandas
  /// aligns frames on that index, so files that were sorted or shuffled
  /// before they were written pair their items by it, not by position.
  ///
  /// - Parameter header: The column names.
  /// - Returns: The column's index, or `nil` for none.
  static func detectedID(in header: [String]) -> Int? {
    if let id = find(PredictionFileOptions.idColumnNames, in: header) { return id }
    guard let first = header.first else { return nil }
    return PredictionFileOptions.indexColumnNames.contains(first) ? 0 : nil
  }

  /// The index of the first of `names` in `header`, matched exactly, or else
  /// ignoring case.
  /// The role the gold column also plays in `source`, when it is the
  /// prediction column or one of the score columns; `nil` otherwise.
  private static func roleOfGold(_ gold: Int, in source: PredictionSource) -> PredictionFileError
    .ColumnRole?
  {
    switch source {
    case .label(let index): index == gold ? .prediction : nil
    case .threshold(let index), .scoreArray(let index): index == gold ? .score : nil
    case .scoreColumns(let indices): indices.contains(gold) ? .score : nil
    }
  }

  /// The count column found by name: one of
  /// ``PredictionFileOptions/countColumnNames``, else the first unaliased
  /// SQL count (``PredictionFileOptions/isAggregateCountName(_:)``).
  ///
  /// - Parameter header: The column names.
  /// - Returns: The column's index, or `nil`.
  static func findCount(in header: [String]) -> Int? {
    find(PredictionFileOptions.countColumnNames, in: header)
      ?? header.firstIndex(where: PredictionFileOptions.isAggregateCountName)
  }

  static func find(_ names: [String], in header: [String]) -> Int? {
    for name in names {
      if let index = header.firstIndex(where: { $0.utf8.elementsEqual(name.utf8) }) {
        return index
      }
    }
    for name in names {
      let lowered = name.lowercased()
      if let index = header.firstIndex(where: { $0.lowercased() == lowered }) {
        return index
      }
    }
    for name in names {
      if let index = repeatedColumn(name, in: header) { return index }
    }
    return nil
  }

  /// The column pandas' `read_csv` would name `name` when the header
  /// repeats a name: `prediction.1` is the second column named
  /// `prediction`, `prediction.2` the third; otherwise `nil`.
  static func repeatedColumn(_ name: String, in header: [String]) -> Int? {
    guard let dot = name.lastIndex(of: "."), let number = Int(name[name.index(after: dot)...]),
      number >= 1, name[name.index(after: dot)...].allSatisfy(\.isASCII)
    else { return nil }
    let base = name[..<dot]
    let matches = header.indices.filter { header[$0].utf8.elementsEqual(base.utf8) }
    return number < matches.count ? matches[number] : nil
  }

  /// The columns that options name for a role, which a detected column's
  /// name cannot compete with.
  static func namedColumns(
    options: PredictionFileOptions, groupColumn: String?, in header: [String]
  ) -> Set<Int> {
    var names = options.scoreColumns
    for name in [
      options.goldColumn, options.predictionColumn, options.scoreArrayColumn, options.scoreColumn,
      options.idColumn, options.countColumn, groupColumn,
    ] {
      if let name { names.append(name) }
    }
    return Set(names.filter { !$0.isEmpty }.compactMap { find([$0], in: header) })
  }

  /// Refuses a detected column when another column, not named for a role
  /// of its own, has one of the same accepted names (ignoring case): with
  /// both `label` and `gold`, taking the first by preference would score
  /// whichever it happens to be, with no sign that it was a guess.
  ///
  /// - Throws: `.ambiguousColumn` naming the candidates in header order.
  static func refuseRivals(
    of chosen: Int, among names: [String], in header: [String],
    role: PredictionFileError.ColumnRole, excluding named: Set<Int>
  ) throws(ColumnLayout.Problem) {
    let accepted = Set(names.map { $0.lowercased() })
    let candidates = header.indices.filter { index in
      index == chosen
        || (!named.contains(index) && accepted.contains(header[index].lowercased()))
    }
    guard candidates.count > 1 else { return }
    throw Problem(
      reason: .ambiguousColumn(role: role, candidates: candidates.map { header[$0] }))
  }

  /// Refuses a count column found by name in a file that has a column
  /// named `id` (or the one `--id-column` names): a count table's rows are
  /// cells, which have no ids, so such a file is more likely one item a
  /// row with a `count` of something else (annotators, say), and reading it
  /// as cells would weight every item by that count.
  ///
  /// - Throws: `.countColumnBesideIDs` naming both columns.
  static func refuseCountBesideIDs(
    count: Int?, options: PredictionFileOptions, in header: [String]
  ) throws(ColumnLayout.Problem) {
    guard let count, options.idColumn?.isEmpty != true,
      let id = find(
        options.idColumn.map { [$0] } ?? PredictionFileOptions.idColumnNames, in: header)
    else { return }
    throw Problem(reason: .countColumnBesideIDs(count: header[count], id: header[id]))
  }

  /// The columns this layout reads, each once, in order of first use.
  func usedColumns(readsIDs: Bool) -> [Int] {
    var columns = [gold]
    switch source {
    case .label(let index), .scoreArray(let index), .threshold(let index): columns.append(index)
    case .scoreColumns(let indices): columns += indices
    }
    if let count { columns.append(count) }
    if readsIDs, let id { columns.append(id) }
    if let group { columns.append(group) }
    var seen: Set<Int> = []
    return columns.filter { seen.insert($0).inserted }
  }

  /// The same layout with column indices replaced by their slots; the id
  /// column is dropped when it has no slot.
  func mapped(to slots: [Int: Int]) -> ColumnLayout {
    let transform = { (index: Int) in slots[index]! }
    var copy = self
    copy.gold = transform(gold)
    switch source {
    case .label(let index): copy.source = .label(transform(index))
    case .scoreColumns(let indices): copy.source = .scoreColumns(indices.map(transform))
    case .scoreArray(let index): copy.source = .scoreArray(transform(index))
    case .threshold(let index): copy.source = .threshold(transform(index))
    }
    copy.count = count.map(transform)
    copy.id = id.flatMap { slots[$0] }
    copy.group = group.map(transform)
    return copy
  }
}
