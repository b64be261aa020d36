import F1Kit

/// Reads one prediction file into a `RecordSink`: byte order mark, format
/// detection, header, column layout, and one pass over the records.
///
/// The loops keep their state in local values (the tokenizer and a
/// `RecordInterpreter`) and touch this object only once per chunk. The only
/// per-record allocations are an id `String` on the item path and transient
/// strings for score conversion.
///
/// Each concern has its own file: `+Sniffing` (format and delimiter),
/// `+Delimited` (CSV and TSV records), `+Halves` (a large file read on two
/// threads), `+JSONLines`, and `+Hints` (what an error suggests). The labels
/// read are resolved afterwards by `LabelResolution`.
final class PredictionFileParser {
  let options: PredictionFileOptions
  var source: ChunkedByteSource
  /// The labels seen, by code, once parsing is done.
  var interner = LabelInterner()
  /// The format read.
  var format: PredictionFileFormat = .csv
  /// Whether predictions are the placeholders 0 (negative) and 1 (positive)
  /// until `LabelResolution` names them.
  var isThresholded = false
  /// The columns the labels came from, once the header is read.
  var columns = LabelColumns()
  /// The header's column names (for JSON Lines, the first object's keys),
  /// once read.
  var header: [String] = []
  /// The name of the id column the layout found, once the header is read.
  var idColumn: String?
  /// The lowest and highest thresholded score read, if any.
  var scoreRange: ClosedRange<Double>?
  /// What the parser noticed that does not stop it, one line each.
  var notes: [String] = []
  /// The field delimiter of a CSV or TSV file, once chosen.
  var delimiter = UInt8.comma
  /// The 1-based line of the next record.
  var line = 1
  /// The 1-based line of the header, or of the first JSON object.
  var headerLine = 1
  /// The column whose value each record also gives its sink as a group
  /// (see `RecordSink.add(group:count:)`), if any.
  var groupColumn: String?
  /// A group column that another pass reads: refused, as ``groupColumn``
  /// is, when it is a column this pass reads for the items.
  var checkedGroupColumn: String?
  /// Whether a parse that does not read ids still gives its sink the ids
  /// of a file with an id column and no count column, for the sink to
  /// find a repeated one (see `PredictionReader.readCounts()`).
  var checksIDs = false
  /// The error for a `groupColumn` the header does not have: the records
  /// are read without groups, and the caller reports it after them.
  var missingGroupColumn: PredictionFileError?

  /// The file as named in messages.
  var path: String { source.displayName }

  init(path: String, options: PredictionFileOptions) throws(PredictionFileError) {
    self.options = options
    source = try ChunkedByteSource(path: path, chunkSize: options.chunkSize)
    source.maximumRecordByteCount = options.maximumRecordByteCount
  }

  /// Creates a parser for the records of a file whose header was read by
  /// another parser, from a file offset where a record starts.
  init(
    path: String, options: PredictionFileOptions, format: PredictionFileFormat,
    startingAt offset: Int
  ) throws(PredictionFileError) {
    self.options = options
    self.format = format
    source = try ChunkedByteSource(path: path, chunkSize: options.chunkSize, startingAt: offset)
    source.maximumRecordByteCount = options.maximumRecordByteCount
  }

  /// Reads every record into `sink`.
  ///
  /// - Returns: The number of data rows.
  func parse<Sink: RecordSink>(into sink: inout Sink, readsIDs: Bool) throws(PredictionFileError)
    -> Int
  {
    do {
      let rowCount = try parseFile(into: &sink, readsIDs: readsIDs)
      sink.flush()
      return rowCount
    } catch {
      // The byte source does not count lines: a record too long is placed
      // at the line it starts on.
      guard case .recordTooLong = error.reason, error.location == nil else { throw error }
      var placed = error
      placed.location = .init(line: line, column: 1, unit: format == .jsonLines ? .byte : .field)
      throw placed
    }
  }

  func parseFile<Sink: RecordSink>(into sink: inout Sink, readsIDs: Bool)
    throws(PredictionFileError) -> Int
  {
    try source.fill(atLeast: 3)
    if source.availableCount >= 3, source.storage[source.start] == 0xEF,
      source.storage[source.start + 1] == 0xBB, source.storage[source.start + 2] == 0xBF
    {
      source.start += 3
    }
    if let problem = try source.foreignTextProblem() {
      throw error(problem, line: 1, column: 1, unit: .byte)
    }
    try refuseJSONArray()
    if let format = options.format ?? PredictionFileFormat.inferred(fromPath: path) {
      self.format = format
    } else {
      format = try sniffFormat()
    }
    switch format {
    case .csv:
      var delimiter = UInt8.comma
      if let given = options.delimiterByte {
        delimiter = given
      } else {
        delimiter = try sniffDelimiter()
      }
      return try parseDelimited(into: &sink, delimiter: delimiter, readsIDs: readsIDs)
    case .tsv:
      return try parseDelimited(
        into: &sink, delimiter: options.delimiterByte ?? .tab, readsIDs: readsIDs)
    case .jsonLines: return try parseJSONLinesNamingPandasLayouts(into: &sink, readsIDs: readsIDs)
    }
  }

  // MARK: - Layout

  /// Whether the records of a file with `layout` give their sink ids: when
  /// the caller reads them, or checks them for repeats.
  func readsIDs(_ layout: ColumnLayout, requested: Bool) -> Bool {
    requested || (checksIDs && layout.count == nil && layout.id != nil)
  }

  /// Finds the columns of the header.
  func resolveLayout(
    header: [String], unit: PredictionFileError.ColumnUnit, readsIDs: Bool
  ) throws(PredictionFileError) -> ColumnLayout {
    let layout: ColumnLayout
    do {
      layout = try ColumnLayout(
        header: header, options: options, readsIDs: readsIDs, groupColumn: groupColumn)
    } catch {
      var reason = error.reason
      if case .missingColumn(.prediction, let accepted, let found) = reason,
        options.predictionColumn == nil
      {
        let numeric = numericColumns(header: header, unit: unit)
        if !numeric.isEmpty {
          reason = .missingPredictionColumn(
            accepted: accepted, found: found, numericColumns: numeric.map(\.name),
            wholeNumberColumns: numeric.filter(\.isWhole).map(\.name))
        }
      }
      throw PredictionFileError(
        path: path, location: .init(line: headerLine, column: 1, unit: unit), reason: reason)
    }
    if let name = groupColumn ?? checkedGroupColumn,
      let index = ColumnLayout.find([name], in: header), let role = layout.role(of: index)
    {
      throw PredictionFileError(
        path: path, location: .init(line: headerLine, column: index + 1, unit: unit),
        reason: role == .count
          ? .countColumnHasRole(
            column: header[index], role: .group, isDetected: layout.countIsDetected)
          : .groupColumnHasRole(column: header[index], role: role))
    }
    if let groupColumn, layout.group == nil {
      missingGroupColumn = PredictionFileError(
        path: path, location: .init(line: headerLine, column: 1, unit: unit),
        reason: .missingColumn(role: .group, accepted: [groupColumn], found: header))
    }
    if case .threshold = layout.source { isThresholded = true }
    noteUnreadWeights(header: header, layout: layout)
    columns = LabelColumns(header: header, layout: layout)
    self.header = header
    idColumn = layout.id.map { header[$0] }
    return layout
  }

  /// The names pandas users give a column of sample weights.
  static let weightColumnNames: Set<String> = [
    "weight", "weights", "sample_weight", "sample_weights",
  ]

  /// Notes a column named as sample weights that nothing reads: every
  /// item would silently count once, where scikit-learn's
  /// `sample_weight=df["weight"]` weighs it.
  private func noteUnreadWeights(header: [String], layout: ColumnLayout) {
    guard !options.readsWeights,
      let index = header.firstIndex(where: {
        Self.weightColumnNames.contains($0.trimmingCharacters(in: .whitespaces).lowercased())
      }), layout.role(of: index) == nil
    else { return }
    let note =
      "\(path): the column \(TerminalText.quoted(header[index])) is not read, so every item counts once; give --weight-column \(header[index]) to weight the items, as scikit-learn's sample_weight does"
    if !notes.contains(note) { notes.append(note) }
  }

  // MARK: - Errors

  func lineFeeds(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
    var count = 0
    for offset in start..<max(start, end) where base[offset] == .lineFeed { count += 1 }
    return count
  }

  func error(
    _ reason: PredictionFileError.Reason, line: Int, column: Int,
    unit: PredictionFileError.ColumnUnit
  ) -> PredictionFileError {
    PredictionFileError(
      path: path, location: .init(line: line, column: column, unit: unit), reason: reason)
  }
}
