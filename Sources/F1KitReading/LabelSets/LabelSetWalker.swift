import F1Kit
import Foundation

/// Streams the records of a CSV, TSV or JSON Lines file for
/// ``LabelSetReader``, and reads label sets, single labels, scores and
/// weights out of the current record.
final class LabelSetWalker {
  /// A column that holds labels.
  enum LabelColumn {
    case gold
    case prediction
  }

  let options: LabelSetOptions
  private let source: ChunkedByteSource
  private(set) var interner = LabelInterner()
  private var format: PredictionFileFormat = .csv
  /// The header's column names (for JSON Lines, the first object's keys),
  /// once read.
  private(set) var header: [String] = []
  /// The header index of each slot: gold, prediction (or -1), weight (or
  /// -1), then the score columns, then the id column when ids are read.
  private var columns: [Int] = []
  /// The slot of the id column, or `nil` when ids are not read.
  private(set) var idSlot: Int?
  /// The id column's name, when ids are read.
  var idColumn: String? { idSlot.map { header[columns[$0]] } }
  /// Whether to read ids (``LabelSetOptions/file`` names the column, or
  /// `id` is used when present).
  private let readsIDs: Bool
  private var separator: [UInt8]
  private var scoreCodes: [Int32] = []
  /// Whether numbers are labels by value (label sets): `1`, `1.0` and
  /// `1e0` are one label, as they are in a single-label file whose labels
  /// are all numbers.
  private let mergesNumbers: Bool
  /// The label code of each interned code, when numbers are merged.
  private var labelCodes: [Int32] = []
  /// The labels, by label code, when numbers are merged.
  private var mergedNames: [String] = []
  /// The label code of each number read.
  private var codeOfNumber: [DecimalLabel: Int32] = [:]
  /// The first number read in two spellings, when numbers are merged.
  private(set) var firstMerge: (kept: String, merged: String)?
  /// The labels that are no number, when numbers are merged.
  private(set) var textLabels: [String] = []
  /// How many items have each label code in their gold set, and in their
  /// predicted set, when numbers are merged (label sets).
  private(set) var goldLabelCounts: [Int] = []
  private(set) var predictedLabelCounts: [Int] = []
  /// The current record.
  private var base: UnsafeMutablePointer<UInt8>
  private var values: UnsafeMutablePointer<ValueSlice>?
  private var recordStart = 0
  private var line = 1
  private var escapeBuffer: [UInt8] = []

  /// Opens a file.
  ///
  /// - Parameters:
  ///   - path: The file, or `-` for standard input.
  ///   - options: How to read it.
  ///   - readsIDs: Whether to find an id column.
  init(path: String, options: LabelSetOptions, readsIDs: Bool = false) throws(PredictionFileError) {
    self.options = options
    self.readsIDs = readsIDs
    source = try ChunkedByteSource(path: path, chunkSize: options.file.chunkSize)
    // The same bound as the prediction reader's: the multilabel probe runs
    // first on every file, so without it a file with no line break (such
    // as /dev/zero) would be buffered without limit before any reader
    // refused it.
    source.maximumRecordByteCount = options.file.maximumRecordByteCount
    separator = Array(options.separator.utf8)
    base = source.storage
    mergesNumbers = options.isMultilabel
  }

  /// The labels seen, by code: with label sets, a number merged by value
  /// keeps its first spelling until ``finishLabelSets()`` respells it.
  var labels: [String] { mergesNumbers ? mergedNames : interner.names }

  /// Gives an accumulator the labels seen since it last caught up, so
  /// its indices are the walker's codes.
  ///
  /// - Parameter accumulator: Totals whose labels are a prefix of the
  ///   walker's.
  func appendNewLabels(to accumulator: inout MultilabelAccumulator) {
    let labels = labels
    while accumulator.labels.count < labels.count {
      accumulator.appendLabel(labels[accumulator.labels.count])
    }
  }

  /// Whether the current record has score columns instead of a prediction.
  var hasScores: Bool { !options.file.scoreColumns.isEmpty }

  /// The file as named in messages.
  var path: String { source.displayName }

  /// Where the labels come from, named for messages.
  var labelColumns: LabelColumns {
    var named = LabelColumns()
    named.gold = header[columns[0]]
    named.prediction = hasScores ? options.file.scoreColumns : [header[columns[1]]]
    named.isScoreColumns = hasScores
    return named
  }

  // MARK: - Walking

  /// Calls `body` once per record, with the walker positioned on it.
  ///
  /// - Parameters:
  ///   - limit: The most records to read.
  ///   - body: Reads the record through the walker's accessors.
  func walk(
    limit: Int = .max, _ body: (LabelSetWalker) throws(PredictionFileError) -> Void
  ) throws(PredictionFileError) {
    try source.fill(atLeast: 3)
    if source.availableCount >= 3, source.storage[source.start] == 0xEF,
      source.storage[source.start + 1] == 0xBB, source.storage[source.start + 2] == 0xBF
    {
      source.start += 3
    }
    if let problem = try source.foreignTextProblem() {
      throw PredictionFileError(
        path: path, location: .init(line: 1, column: 1, unit: .byte), reason: problem)
    }
    if let known = options.file.format ?? PredictionFileFormat.inferred(fromPath: path) {
      format = known
    } else {
      _ = try source.fill(until: .lineFeed)
      format = PredictionFileFormat.sniffed(
        from: UnsafeBufferPointer(
          start: source.storage + source.start, count: source.availableCount))
    }
    let rows: Int
    switch format {
    case .csv: rows = try walkDelimited(delimiter: .comma, limit: limit, body)
    case .tsv: rows = try walkDelimited(delimiter: .tab, limit: limit, body)
    case .jsonLines: rows = try walkJSONLines(limit: limit, body)
    }
    if rows == 0 { throw error(.noDataRows, line: line, column: 1) }
  }

  private func walkDelimited(
    delimiter: UInt8, limit: Int, _ body: (LabelSetWalker) throws(PredictionFileError) -> Void
  ) throws(PredictionFileError) -> Int {
    var tokenizer = DelimitedRecordTokenizer(delimiter: delimiter)
    defer { tokenizer.deallocate() }
    var rows = 0
    var isHeader = true
    while rows < limit {
      if source.availableCount == 0 {
        if source.isAtEndOfFile { break }
        try source.fill()
        continue
      }
      let outcome: DelimitedRecordTokenizer.Outcome
      do {
        outcome = try tokenizer.tokenize(
          source.storage, from: source.start, to: source.end, isFinal: source.isAtEndOfFile)
      } catch {
        throw syntaxError(error)
      }
      switch outcome {
      case .incomplete:
        if source.isAtEndOfFile { return rows }
        try source.fill()
      case .blankLine(let next):
        line += 1
        source.start = next
      case .record(let count, let next, let lineBreaks):
        base = source.storage
        values = tokenizer.fields
        recordStart = source.start
        if isHeader {
          header = (0..<count).map { text(of: tokenizer.fields[$0]) }
          try resolveColumns()
          isHeader = false
        } else {
          guard count == header.count else {
            throw error(
              .wrongFieldCount(expected: header.count, found: count), line: line,
              column: min(count, header.count) + 1)
          }
          try body(self)
          rows += 1
        }
        line += 1 + lineBreaks
        source.start = next
      }
    }
    if isHeader { throw error(.emptyFile, line: 1, column: 1) }
    return rows
  }

  private func walkJSONLines(
    limit: Int, _ body: (LabelSetWalker) throws(PredictionFileError) -> Void
  ) throws(PredictionFileError) -> Int {
    var tokenizer: JSONLineTokenizer? = nil
    var rows = 0
    while rows < limit {
      let lineEnd: Int
      if let found = try source.fill(until: .lineFeed) {
        lineEnd = found
      } else if source.availableCount > 0 {
        lineEnd = source.end
      } else {
        break
      }
      if tokenizer == nil {
        // The keys are read from a copy: the line is read again as data.
        let keys: [String]?
        do {
          keys = try JSONLineTokenizer.keys(
            ofLine: source.storage + source.start, count: lineEnd - source.start)
        } catch {
          throw self.error(.malformedJSON(expected: "a JSON object"), line: line, column: 1)
        }
        guard let keys else {
          line += 1
          source.start = min(lineEnd + 1, source.end)
          continue
        }
        header = keys
        try resolveColumns()
        // Keep only the slots used, in slot order.
        let names = columns.map { $0 >= 0 ? header[$0] : "" }
        tokenizer = JSONLineTokenizer(keys: names)
      }
      let current = tokenizer!
      let hasObject: Bool
      do {
        hasObject = try current.tokenize(source.storage, from: source.start, to: lineEnd)
      } catch {
        throw self.error(.malformedJSON(expected: "a JSON object"), line: line, column: 1)
      }
      if hasObject {
        for slot in columns.indices where columns[slot] >= 0 && !current.isPresent[slot] {
          throw error(.missingKey(header[columns[slot]]), line: line, column: 1)
        }
        base = source.storage
        values = current.values
        recordStart = source.start
        try body(self)
        rows += 1
      }
      line += 1
      source.start = min(lineEnd + 1, source.end)
    }
    if tokenizer == nil { throw error(.emptyFile, line: 1, column: 1) }
    return rows
  }

  /// Refuses a detected gold or prediction column that another column's
  /// name could be as well (see ``ColumnLayout/refuseRivals(of:among:in:role:excluding:)``).
  private func refuseRivals(gold: Int, prediction: Int, weight: Int) throws(PredictionFileError) {
    let file = options.file
    var named = ColumnLayout.namedColumns(options: file, groupColumn: nil, in: header)
    named.insert(weight)
    do {
      if file.goldColumn == nil {
        try ColumnLayout.refuseRivals(
          of: gold, among: PredictionFileOptions.goldColumnNames, in: header, role: .gold,
          excluding: named)
      }
      if prediction >= 0, file.predictionColumn == nil {
        try ColumnLayout.refuseRivals(
          of: prediction, among: PredictionFileOptions.predictionColumnNames, in: header,
          role: .prediction, excluding: named.union([gold]))
      }
    } catch {
      throw self.error(error.reason, line: line, column: 1)
    }
  }

  /// Refuses a count column found by name (`count`, as the counting path
  /// finds it) unless ``PredictionFileOptions/countColumn`` is empty: this
  /// walker reads one item a row, so reading a count table here would
  /// count each cell once, whatever its count.
  ///
  /// - Throws: `.countColumnBesideIDs` beside an id column, as the
  ///   counting path does, and `.countTableNotRead` otherwise.
  private func refuseCountTable() throws(PredictionFileError) {
    guard options.file.countColumn == nil, !hasScores,
      let count = ColumnLayout.findCount(in: header)
    else { return }
    do {
      try ColumnLayout.refuseCountBesideIDs(count: count, options: options.file, in: header)
    } catch {
      throw self.error(error.reason, line: line, column: 1)
    }
    throw error(
      .countTableNotRead(column: header[count], isMultilabel: options.isMultilabel), line: line,
      column: count + 1)
  }

  /// Finds the gold, prediction, weight and score columns in the header.
  private func resolveColumns() throws(PredictionFileError) {
    func find(_ names: [String], role: PredictionFileError.ColumnRole)
      throws(PredictionFileError) -> Int
    {
      guard let index = ColumnLayout.find(names, in: header) else {
        throw error(
          .missingColumn(role: role, accepted: names, found: header), line: line, column: 1)
      }
      return index
    }
    let file = options.file
    let gold = try find(
      file.goldColumn.map { [$0] } ?? PredictionFileOptions.goldColumnNames, role: .gold)
    let prediction =
      hasScores
      ? -1
      : try find(
        file.predictionColumn.map { [$0] } ?? PredictionFileOptions.predictionColumnNames,
        role: .prediction)
    let weight =
      try options.weightColumn.map { name throws(PredictionFileError) in
        try find([name], role: .weight)
      } ?? -1
    var scores: [Int] = []
    for name in file.scoreColumns { scores.append(try find([name], role: .score)) }
    try refuseRivals(gold: gold, prediction: prediction, weight: weight)
    try refuseCountTable()
    // JSON Lines slots are positions in `columns`; CSV slots are header
    // indices, so keep both views.
    columns = [gold, prediction, weight] + scores
    idSlot = nil
    if readsIDs {
      let id: Int?
      if let name = file.idColumn {
        id = name.isEmpty ? nil : try find([name], role: .id)
      } else {
        id = ColumnLayout.detectedID(in: header)
      }
      if let id {
        idSlot = columns.count
        columns.append(id)
      }
    }
    scoreCodes = file.scoreColumns.map { labelCode(interner.code(of: $0)) }
  }

  private func syntaxError(_ error: DelimitedRecordTokenizer.SyntaxError) -> PredictionFileError {
    switch error {
    case .unterminatedQuote(let field, _):
      self.error(.unterminatedQuote, line: line, column: field + 1)
    case .strayQuote(let field, _):
      self.error(.strayQuote, line: line, column: field + 1)
    case .characterAfterQuote(let field, let offset):
      self.error(
        .unexpectedCharacterAfterQuote(
          found: String(decoding: CollectionOfOne(source.storage[offset]), as: UTF8.self)),
        line: line, column: field + 1)
    }
  }

  // MARK: - Reading the current record

  private func slice(_ slot: Int) -> ValueSlice {
    format == .jsonLines ? values![slot] : values![columns[slot]]
  }

  private func slot(of column: LabelColumn) -> Int { column == .gold ? 0 : 1 }

  /// The value in `slot`, a quoted CSV field unescaped in the buffer once
  /// and kept so (unescaping it again would undo its doubled quotes twice).
  private func unescapedSlice(_ slot: Int) -> ValueSlice {
    let value = slice(slot)
    guard value.kind == .escapedText else { return value }
    let unescaped = DelimitedRecordTokenizer.unescape(value, in: base)
    values![format == .jsonLines ? slot : columns[slot]] = unescaped
    return unescaped
  }

  /// Whether a label column's cell holds a set (a JSON array or the
  /// separator).
  func holdsSet(_ column: LabelColumn) -> Bool {
    let index = slot(of: column)
    guard columns[index] >= 0 else { return false }
    let value = unescapedSlice(index)
    if value.kind == .array { return true }
    guard value.kind == .text || value.kind == .string else {
      return false
    }
    if value.count > 0, base[value.start] == UInt8(ascii: "[") { return true }
    return range(of: separator, in: value.start..<(value.start + value.count)) != nil
  }

  /// The text of a label column's cell, for messages; JSON arrays give
  /// `nil`.
  func cellText(_ column: LabelColumn) -> String? {
    let index = slot(of: column)
    guard columns[index] >= 0 else { return nil }
    let value = unescapedSlice(index)
    guard value.kind != .array else { return nil }
    return String(
      decoding: UnsafeBufferPointer(start: base + value.start, count: value.count), as: UTF8.self)
  }

  /// The label set in a label column.
  func labelSet(_ column: LabelColumn) throws(PredictionFileError) -> LabelSet {
    let set = try readLabelSet(column)
    if mergesNumbers { count(set, in: column) }
    return set
  }

  /// Adds an item's set to the counts of items per label.
  private func count(_ set: LabelSet, in column: LabelColumn) {
    let labelCount = mergedNames.count
    if goldLabelCounts.count < labelCount {
      goldLabelCounts += repeatElement(0, count: labelCount - goldLabelCounts.count)
      predictedLabelCounts += repeatElement(0, count: labelCount - predictedLabelCounts.count)
    }
    if column == .gold {
      set.forEachIndex { goldLabelCounts[$0] &+= 1 }
    } else {
      set.forEachIndex { predictedLabelCounts[$0] &+= 1 }
    }
  }

  /// The label set in a label column, uncounted.
  private func readLabelSet(_ column: LabelColumn) throws(PredictionFileError) -> LabelSet {
    let index = slot(of: column)
    var value = slice(index)
    var result = LabelSet()
    switch value.kind {
    case .null:
      return result
    case .array:
      try parseArray(value, slot: index, into: &result)
      return result
    case .number, .boolean:
      result.insert(try code(value.start, value.count, slot: index))
      return result
    case .object:
      throw unsupported(slot: index, expected: "a label set", value: value)
    case .escapedText:
      value = DelimitedRecordTokenizer.unescape(value, in: base)
    case .text, .string:
      break
    }
    if value.count == 0 { return result }
    if value.kind != .string, base[value.start] == UInt8(ascii: "[") {
      try parseArray(value, slot: index, into: &result)
      return result
    }
    var start = value.start
    let end = value.start + value.count
    while let found = range(of: separator, in: start..<end) {
      result.insert(try code(start, found - start, slot: index))
      start = found + separator.count
    }
    result.insert(try code(start, end - start, slot: index))
    return result
  }

  /// The predicted set: from the prediction column, or the score columns
  /// at or above their thresholds.
  func predictedSet() throws(PredictionFileError) -> LabelSet {
    guard hasScores else { return try labelSet(.prediction) }
    var result = LabelSet()
    for (offset, code) in scoreCodes.enumerated() {
      let threshold =
        options.thresholds.count == 1 ? options.thresholds[0] : options.thresholds[offset]
      if try score(slot: 3 + offset) >= threshold { result.insert(Int(code)) }
    }
    if mergesNumbers { count(result, in: .prediction) }
    return result
  }

  /// The single label in a label column, or the arg-max of the score
  /// columns for the prediction (ties go to the first column).
  func singleLabel(_ column: LabelColumn) throws(PredictionFileError) -> Int {
    if column == .prediction, hasScores {
      var best = -Double.infinity
      var winner = Int(scoreCodes[0])
      for (offset, code) in scoreCodes.enumerated() {
        let value = try score(slot: 3 + offset)
        if value > best {
          best = value
          winner = Int(code)
        }
      }
      return winner
    }
    let index = slot(of: column)
    var value = slice(index)
    switch value.kind {
    case .null:
      // A missing label, as pandas' to_json writes NaN.
      throw error(
        .emptyLabel(column: header[columns[index]], isNull: true), line: line,
        column: self.column(of: index, value))
    case .array, .object:
      throw unsupported(slot: index, expected: "a single label", value: value)
    case .escapedText:
      value = DelimitedRecordTokenizer.unescape(value, in: base)
    default:
      break
    }
    // An empty field or string is a missing label, as `PredictionReader`
    // refuses it.
    if value.count == 0, value.kind == .text || value.kind == .string {
      throw error(
        .emptyLabel(column: header[columns[index]]), line: line,
        column: self.column(of: index, value))
    }
    return try code(value.start, value.count, slot: index)
  }

  /// The current line number (1 is the header of a CSV or TSV file).
  var currentLine: Int { line }

  /// Where the record's id is, or `nil` when ids are not read.
  var idLocation: PredictionFileError.Location? {
    guard let idSlot else { return nil }
    return .init(
      line: line, column: column(of: idSlot, slice(idSlot)),
      unit: format == .jsonLines ? .byte : .field)
  }

  /// Calls a closure with the UTF-8 bytes of the record's id, unescaped.
  ///
  /// - Parameter body: Called once, with the id's bytes; not called when
  ///   ids are not read.
  /// - Throws: `.emptyID` for an empty id or JSON's `null`, as pandas
  ///   writes a missing value (NaN).
  func withIDBytes(_ body: (UnsafePointer<UInt8>, Int) -> Void) throws(PredictionFileError) {
    guard let idSlot else { return }
    var value = slice(idSlot)
    if value.kind == .escapedText { value = DelimitedRecordTokenizer.unescape(value, in: base) }
    guard value.count > 0, value.kind != .null else {
      throw error(
        .emptyID(column: header[columns[idSlot]], isNull: value.kind == .null), line: line,
        column: column(of: idSlot, value))
    }
    body(base + value.start, value.count)
  }

  /// The record's sample weight, or `nil` without a weight column.
  func weight() throws(PredictionFileError) -> Double? {
    guard columns[2] >= 0 else { return nil }
    var value = slice(2)
    if value.kind == .escapedText { value = DelimitedRecordTokenizer.unescape(value, in: base) }
    let name = header[columns[2]]
    let found = String(
      decoding: UnsafeBufferPointer(start: base + value.start, count: value.count), as: UTF8.self)
    guard value.kind != .array, value.kind != .object, value.kind != .null,
      case .value(let weight) = NumberScanner.score(base + value.start, count: value.count),
      weight >= 0
    else {
      throw error(
        .unsupportedValue(
          column: name, expected: "a finite sample weight of at least 0",
          found: "'\(found)'"),
        line: line, column: column(of: 2, value))
    }
    return weight
  }

  /// Fails unless the weights read add up to more than zero.
  func checkTotalWeight(_ total: Double) throws(PredictionFileError) {
    guard options.weightColumn != nil, !(total > 0) else { return }
    throw PredictionFileError(
      path: path,
      reason: .unsupportedValue(
        column: options.weightColumn!, expected: "sample weights that are not all zero",
        found: "a total weight of 0"))
  }

  private func score(slot: Int) throws(PredictionFileError) -> Double {
    var value = slice(slot)
    if value.kind == .escapedText { value = DelimitedRecordTokenizer.unescape(value, in: base) }
    let name = header[columns[slot]]
    let found = String(
      decoding: UnsafeBufferPointer(start: base + value.start, count: value.count), as: UTF8.self)
    switch NumberScanner.score(base + value.start, count: value.count) {
    case .value(let score):
      return score
    case .notFinite:
      throw error(
        .nonFiniteScore(column: name, found: found), line: line, column: column(of: slot, value))
    default:
      throw error(
        .invalidNumber(column: name, found: found), line: line, column: column(of: slot, value))
    }
  }

  // MARK: - Helpers

  private func code(_ start: Int, _ count: Int, slot: Int) throws(PredictionFileError) -> Int {
    let known = interner.count
    guard let code = interner.code(of: base + start, count: count) else {
      throw error(
        .invalidUTF8(column: header[columns[slot]]), line: line, column: columns[slot] + 1)
    }
    // A label read for the first time may be a repeated header's column
    // name: only then is the record compared with the header.
    if Int(code) == known { try refuseRepeatedHeader() }
    return Int(labelCode(code))
  }

  /// The label code of an interned code: itself, unless numbers are
  /// merged, when a number already read in another spelling takes that
  /// spelling's code. The work is per distinct label, never per item.
  @inline(__always)
  private func labelCode(_ code: Int32) -> Int32 {
    guard mergesNumbers else { return code }
    if Int(code) < labelCodes.count { return labelCodes[Int(code)] }
    return addLabelCode(for: code)
  }

  /// Gives a newly interned label its label code.
  private func addLabelCode(for code: Int32) -> Int32 {
    precondition(Int(code) == labelCodes.count)
    let name = interner.names[Int(code)]
    if case .number(let value) = DecimalLabel.reading(name) {
      if let existing = codeOfNumber[value] {
        if firstMerge == nil { firstMerge = (mergedNames[Int(existing)], name) }
        labelCodes.append(existing)
        return existing
      }
      codeOfNumber[value] = Int32(mergedNames.count)
    } else {
      textLabels.append(name)
    }
    let labelCode = Int32(mergedNames.count)
    mergedNames.append(name)
    labelCodes.append(labelCode)
    return labelCode
  }

  /// The labels of a file of label sets once read: numbers merged by
  /// value are each spelled one way (`1.0` and `1` as `1`), as in a
  /// single-label file whose labels are all numbers.
  ///
  /// - Returns: The labels, by code.
  /// - Throws: `.numberSpelledTwiceBesideText` when a number was read in
  ///   two spellings and some label is no number: the single-label rule
  ///   then compares every label as text, so merging would be a guess.
  func finishLabelSets() throws(PredictionFileError) -> [String] {
    guard mergesNumbers else { return labels }
    var names = mergedNames
    if let firstMerge {
      guard textLabels.isEmpty else {
        throw PredictionFileError(
          path: path,
          reason: .numberSpelledTwiceBesideText(
            kept: firstMerge.kept, merged: firstMerge.merged, text: textLabels))
      }
      names = names.map { LabelResolution.normalized($0, isNumeric: true) }
    }
    var check = LabelSetCheck(labelCount: names.count)
    for code in goldLabelCounts.indices {
      check.goldCounts[code] = goldLabelCounts[code]
      check.predictedCounts[code] = predictedLabelCounts[code]
    }
    // A model may predict no label at all (every score under its
    // threshold): that is no sign of a wrong column.
    if check.predictedCounts.contains(where: { $0 > 0 }) {
      try check.check(
        names: names, columns: labelColumns, options: options.file, path: path,
        checksOneItemLabels: false)
    }
    return names
  }

  /// Refuses the current CSV or TSV record when it repeats the header field
  /// for field, as files joined with `cat` leave each later file's header.
  ///
  /// - Throws: ``PredictionFileError`` with reason `.repeatedHeader` at the
  ///   record's line.
  private func refuseRepeatedHeader() throws(PredictionFileError) {
    guard format != .jsonLines, let values,
      RecordInterpreter.repeatsHeader(header, values, in: base)
    else { return }
    throw error(.repeatedHeader, line: line, column: 1)
  }

  /// Reads a JSON array of strings (or numbers, booleans) as labels;
  /// `null` elements are skipped.
  private func parseArray(_ value: ValueSlice, slot: Int, into result: inout LabelSet)
    throws(PredictionFileError)
  {
    var position = value.start
    let end = value.start + value.count
    func skipSpace() {
      while position < end,
        base[position] == .space || base[position] == .tab
          || base[position] == .carriageReturn || base[position] == .lineFeed
      {
        position += 1
      }
    }
    func fail(_ expected: String) -> PredictionFileError {
      error(.malformedJSON(expected: expected), line: line, column: column(of: slot, value))
    }
    skipSpace()
    guard position < end, base[position] == UInt8(ascii: "[") else {
      throw fail("'[' to start a JSON array of labels")
    }
    position += 1
    skipSpace()
    if position < end, base[position] == UInt8(ascii: "]") { return }
    while true {
      skipSpace()
      guard position < end else { throw fail("a label in the JSON array") }
      if base[position] == .quote {
        position += 1
        let start = position
        var hasEscape = false
        while position < end, base[position] != .quote {
          if base[position] == UInt8(ascii: "\\") {
            hasEscape = true
            position += 1
          }
          position += 1
        }
        guard position < end else { throw fail("'\"' to end a label") }
        if hasEscape {
          guard let label = Self.unescapeJSON(base + start, count: position - start) else {
            throw fail("a valid JSON string")
          }
          result.insert(Int(labelCode(interner.code(of: label))))
        } else {
          result.insert(try code(start, position - start, slot: slot))
        }
        position += 1
      } else if base[position] == UInt8(ascii: "'") {
        throw fail(
          "a label in double quotes, found a single quote, as Python writes a list (str(list), and pandas' to_csv of a list column); write the column as JSON, for example df[column] = df[column].apply(json.dumps)"
        )
      } else {
        let start = position
        while position < end, base[position] != UInt8(ascii: ","),
          base[position] != UInt8(ascii: "]"), base[position] != .space
        {
          position += 1
        }
        guard position > start else { throw fail("a label in the JSON array") }
        let token = UnsafeBufferPointer(start: base + start, count: position - start)
        if !token.elementsEqual("null".utf8) {
          // Unquoted, only JSON's numbers and Booleans are labels.
          let first = token[0]
          guard
            token.elementsEqual("true".utf8) || token.elementsEqual("false".utf8)
              || first == UInt8(ascii: "-")
              || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
          else { throw fail("a label in double quotes (a JSON string), a number or a Boolean") }
          result.insert(try code(start, position - start, slot: slot))
        }
      }
      skipSpace()
      guard position < end else { throw fail("',' or ']' in the JSON array") }
      if base[position] == UInt8(ascii: "]") { return }
      guard base[position] == UInt8(ascii: ",") else { throw fail("',' or ']' in the JSON array") }
      position += 1
    }
  }

  /// Decodes a JSON string body with escapes, via Foundation.
  private static func unescapeJSON(_ bytes: UnsafePointer<UInt8>, count: Int) -> String? {
    var data = Data([UInt8(ascii: "\"")])
    data.append(bytes, count: count)
    data.append(UInt8(ascii: "\""))
    return try? JSONDecoder().decode(String.self, from: data)
  }

  private func range(of needle: [UInt8], in bounds: Range<Int>) -> Int? {
    guard let first = needle.first, bounds.count >= needle.count else { return nil }
    var position = bounds.lowerBound
    let last = bounds.upperBound - needle.count
    while position <= last {
      guard let found = memchr(base + position, Int32(first), last - position + 1) else {
        return nil
      }
      let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      var matches = true
      for offset in 1..<needle.count where base[index + offset] != needle[offset] {
        matches = false
        break
      }
      if matches { return index }
      position = index + 1
    }
    return nil
  }

  private func column(of slot: Int, _ value: ValueSlice) -> Int {
    format == .jsonLines ? value.origin - recordStart + 1 : columns[slot] + 1
  }

  private func unsupported(slot: Int, expected: String, value: ValueSlice) -> PredictionFileError {
    let found = String(
      decoding: UnsafeBufferPointer(start: base + value.start, count: min(value.count, 40)),
      as: UTF8.self)
    return error(
      .unsupportedValue(column: header[columns[slot]], expected: expected, found: "'\(found)'"),
      line: line, column: column(of: slot, value))
  }

  private func text(of value: ValueSlice) -> String {
    var value = value
    if value.kind == .escapedText {
      value = DelimitedRecordTokenizer.unescape(value, in: source.storage)
    }
    return String(
      decoding: UnsafeBufferPointer(start: source.storage + value.start, count: value.count),
      as: UTF8.self)
  }

  private func error(_ reason: PredictionFileError.Reason, line: Int, column: Int)
    -> PredictionFileError
  {
    PredictionFileError(
      path: path,
      location: .init(line: line, column: column, unit: format == .jsonLines ? .byte : .field),
      reason: reason)
  }
}
