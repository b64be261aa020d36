#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Receives each record's label codes from a `PredictionFileParser`.
protocol RecordSink {
  /// Adds `weight` items with these codes.
  ///
  /// - Returns: `false` if a count overflows.
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool
  /// Adds the id of the record just added.
  ///
  /// - Returns: The line where the id was first seen, if it is a duplicate.
  mutating func add(id: String, line: Int) -> Int?
}

/// Reads one prediction file into a `RecordSink`: format detection, header,
/// column layout, and one pass over the records.
///
/// Labels are interned from raw bytes; the only per-record allocations are an
/// id `String` on the item path and transient strings for score conversion.
final class PredictionFileParser {
  let options: PredictionFileOptions
  private let source: ChunkedByteSource
  /// The labels seen, by code.
  let interner = LabelInterner()
  private(set) var format: PredictionFileFormat = .csv
  private var layout: ColumnLayout!
  /// The column name of each value slot, for messages.
  private var slotNames: [String] = []
  /// The values of the current record, by slot.
  private var values: UnsafeMutablePointer<ValueSlice>!
  /// The 1-based line on which the current record starts.
  private var line = 1
  /// The 1-based line of the header, or of the first JSON object.
  private var headerLine = 1
  /// The offset of the current record in the buffer.
  private var recordStart = 0
  private var readsIDs = false
  /// The code of each score class, or -1 until the class first wins.
  private var classCodes: [Int32] = []
  /// The label of each score class.
  private var classNames: [String] = []
  /// The number of classes in a score array, once known.
  private var scoreArrayLength: Int?

  /// The file as named in messages.
  var path: String { source.displayName }

  /// Whether predictions are the placeholders 0 (negative) and 1 (positive)
  /// until `resolveBinaryLabels()`.
  var isThresholded: Bool {
    if case .threshold = layout.source { return true }
    return false
  }

  init(path: String, options: PredictionFileOptions) throws(PredictionFileError) {
    self.options = options
    source = try ChunkedByteSource(path: path, chunkSize: options.chunkSize)
  }

  /// Reads every record into `sink`.
  ///
  /// - Returns: The number of data rows.
  func parse<Sink: RecordSink>(into sink: inout Sink, readsIDs: Bool) throws(PredictionFileError) -> Int {
    self.readsIDs = readsIDs
    try source.fill(atLeast: 3)
    if source.availableCount >= 3, source.storage[source.start] == 0xEF,
      source.storage[source.start + 1] == 0xBB, source.storage[source.start + 2] == 0xBF
    {
      source.start += 3
    }
    if let format = options.format ?? PredictionFileFormat.inferred(fromPath: path) {
      self.format = format
    } else {
      format = try sniffFormat()
    }
    switch format {
    case .csv: return try parseDelimited(into: &sink, delimiter: .comma)
    case .tsv: return try parseDelimited(into: &sink, delimiter: .tab)
    case .jsonLines: return try parseJSONLines(into: &sink)
    }
  }

  /// Sniffs the format from the first line with content.
  private func sniffFormat() throws(PredictionFileError) -> PredictionFileFormat {
    var consumed = 0
    while true {
      var offset = source.start + consumed
      while offset < source.end, Self.isWhitespace(source.storage[offset]) { offset += 1 }
      consumed = offset - source.start
      if offset < source.end, source.firstIndex(of: .lineFeed, from: offset) != nil { break }
      guard try source.fill() else { break }
    }
    return PredictionFileFormat.sniffed(
      from: UnsafeBufferPointer(start: source.storage + source.start, count: source.availableCount))
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == .space || byte == .tab || byte == .carriageReturn || byte == .lineFeed
  }

  // MARK: - CSV and TSV

  private func parseDelimited<Sink: RecordSink>(
    into sink: inout Sink, delimiter: UInt8
  ) throws(PredictionFileError) -> Int {
    let tokenizer = DelimitedRecordTokenizer(delimiter: delimiter)
    let header = try readHeader(tokenizer)
    tokenizer.isGrowable = false
    values = tokenizer.fields
    slotNames = header
    _ = try resolveLayout(header: header, unit: .field)
    let fieldCount = header.count
    var rowCount = 0
    while true {
      let base = source.storage
      var position = source.start
      let end = source.end
      let isFinal = source.isAtEndOfFile
      scan: while position < end {
        let outcome: DelimitedRecordTokenizer.Outcome
        do {
          outcome = try tokenizer.tokenize(base, from: position, to: end, isFinal: isFinal)
        } catch {
          throw syntaxError(error, base: base, recordStart: position)
        }
        switch outcome {
        case .incomplete:
          break scan
        case .blankLine(let next):
          line += 1
          position = next
        case .record(let count, let next, let lineBreaks):
          recordStart = position
          if count != fieldCount {
            throw error(
              .wrongFieldCount(expected: fieldCount, found: count),
              line: line, column: min(count, fieldCount) + 1, unit: .field)
          }
          try consume(base, into: &sink)
          rowCount += 1
          line += 1 + lineBreaks
          position = next
        }
      }
      source.start = position
      if isFinal { break }
      try source.fill()
    }
    if rowCount == 0 {
      throw error(.noDataRows, line: line, column: 1, unit: .field)
    }
    return rowCount
  }

  /// Reads the first non-blank record as the header.
  private func readHeader(_ tokenizer: DelimitedRecordTokenizer) throws(PredictionFileError) -> [String] {
    while true {
      if source.availableCount == 0 {
        if source.isAtEndOfFile { throw error(.emptyFile, line: 1, column: 1, unit: .field) }
        try source.fill()
        continue
      }
      let base = source.storage
      let outcome: DelimitedRecordTokenizer.Outcome
      do {
        outcome = try tokenizer.tokenize(
          base, from: source.start, to: source.end, isFinal: source.isAtEndOfFile)
      } catch {
        throw syntaxError(error, base: base, recordStart: source.start)
      }
      switch outcome {
      case .incomplete:
        try source.fill()
      case .blankLine(let next):
        line += 1
        source.start = next
      case .record(let count, let next, let lineBreaks):
        var names: [String] = []
        for index in 0..<count {
          var slice = tokenizer.fields[index]
          if slice.kind == .escapedText {
            slice = DelimitedRecordTokenizer.unescape(slice, in: base)
          }
          guard
            let name = String(
              validating: UnsafeBufferPointer(start: base + slice.start, count: slice.count), as: UTF8.self)
          else {
            throw error(
              .invalidUTF8(column: nil),
              line: line + lineFeeds(base, from: source.start, to: slice.origin), column: index + 1,
              unit: .field)
          }
          names.append(name)
        }
        headerLine = line
        line += 1 + lineBreaks
        source.start = next
        return names
      }
    }
  }

  private func syntaxError(
    _ error: DelimitedRecordTokenizer.SyntaxError, base: UnsafePointer<UInt8>, recordStart: Int
  ) -> PredictionFileError {
    let reason: PredictionFileError.Reason
    let field: Int
    let offset: Int
    switch error {
    case .unterminatedQuote(let index, let at):
      (reason, field, offset) = (.unterminatedQuote, index, at)
    case .strayQuote(let index, let at):
      (reason, field, offset) = (.strayQuote, index, at)
    case .characterAfterQuote(let index, let at):
      let found = String(decoding: CollectionOfOne(base[at]), as: UTF8.self)
      (reason, field, offset) = (.unexpectedCharacterAfterQuote(found: found), index, at)
    }
    return self.error(
      reason, line: line + lineFeeds(base, from: recordStart, to: offset), column: field + 1,
      unit: .field)
  }

  // MARK: - JSON Lines

  private func parseJSONLines<Sink: RecordSink>(into sink: inout Sink) throws(PredictionFileError) -> Int {
    let header = try readFirstObjectKeys()
    let used = try resolveLayout(header: header, unit: .byte)
    let tokenizer = JSONLineTokenizer(keys: used.map { header[$0] })
    values = tokenizer.values
    var rowCount = 0
    while true {
      let base = source.storage
      var position = source.start
      let end = source.end
      let isFinal = source.isAtEndOfFile
      while position < end {
        let lineEnd: Int
        let next: Int
        if let found = memchr(base + position, Int32(UInt8.lineFeed), end - position) {
          lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
          next = lineEnd + 1
        } else if isFinal {
          lineEnd = end
          next = end
        } else {
          break
        }
        recordStart = position
        let hasObject: Bool
        do {
          hasObject = try tokenizer.tokenize(base, from: position, to: lineEnd)
        } catch {
          throw jsonError(error, lineStart: position)
        }
        if hasObject {
          for slot in 0..<slotNames.count where !tokenizer.isPresent[slot] {
            var closing = lineEnd
            while closing > position, Self.isWhitespace(base[closing - 1]) { closing -= 1 }
            throw error(.missingKey(slotNames[slot]), line: line, column: closing - position, unit: .byte)
          }
          try consume(base, into: &sink)
          rowCount += 1
        }
        line += 1
        position = next
      }
      source.start = position
      if isFinal { break }
      try source.fill()
    }
    if rowCount == 0 { throw error(.emptyFile, line: 1, column: 1, unit: .byte) }
    return rowCount
  }

  /// The keys of the first object, read from a copy so that the line can be
  /// parsed again as data.
  private func readFirstObjectKeys() throws(PredictionFileError) -> [String] {
    var offset = source.start
    var blankLines = 0
    while true {
      let lineEnd: Int
      if let found = source.firstIndex(of: .lineFeed, from: offset) {
        lineEnd = found
      } else if source.isAtEndOfFile {
        lineEnd = source.end
      } else {
        let consumed = offset - source.start
        try source.fill()
        offset = source.start + consumed
        continue
      }
      let count = lineEnd - offset
      let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
      defer { copy.deallocate() }
      copy.update(from: source.storage + offset, count: count)
      let tokenizer = JSONLineTokenizer(keys: nil)
      let hasObject: Bool
      do {
        hasObject = try tokenizer.tokenize(copy, from: 0, to: count)
      } catch {
        line += blankLines
        throw jsonError(error, lineStart: 0)
      }
      if hasObject {
        headerLine = line + blankLines
        return tokenizer.collectedKeys
      }
      if lineEnd == source.end { throw error(.emptyFile, line: 1, column: 1, unit: .byte) }
      blankLines += 1
      offset = lineEnd + 1
    }
  }

  private func jsonError(_ error: JSONLineTokenizer.SyntaxError, lineStart: Int) -> PredictionFileError {
    switch error {
    case .malformed(let expected, let offset):
      return self.error(.malformedJSON(expected: expected), line: line, column: offset - lineStart + 1, unit: .byte)
    case .invalidUTF8Key(let offset):
      return self.error(.invalidUTF8(column: nil), line: line, column: offset - lineStart + 1, unit: .byte)
    }
  }

  // MARK: - Layout

  /// Finds the columns and assigns value slots: in CSV and TSV every column
  /// is a slot; in JSON Lines only the used keys are, in order of use.
  ///
  /// - Returns: The used columns, whose order gives the JSON Lines slots.
  private func resolveLayout(
    header: [String], unit: PredictionFileError.ColumnUnit
  ) throws(PredictionFileError) -> [Int] {
    let columns: ColumnLayout
    do {
      columns = try ColumnLayout(header: header, options: options, readsIDs: readsIDs)
    } catch {
      throw PredictionFileError(
        path: path, location: .init(line: headerLine, column: 1, unit: unit), reason: error.reason)
    }
    let used = columns.usedColumns(readsIDs: readsIDs)
    if unit == .field {
      layout = columns
    } else {
      var slots: [Int: Int] = [:]
      for (slot, column) in used.enumerated() { slots[column] = slot }
      layout = columns.mapped(to: slots)
      slotNames = used.map { header[$0] }
    }
    switch layout.source {
    case .scoreColumns(let slots):
      classNames = slots.map { slotNames[$0] }
      classCodes = Array(repeating: -1, count: classNames.count)
    case .scoreArray:
      if let labels = options.labels {
        classNames = labels
        classCodes = Array(repeating: -1, count: labels.count)
        scoreArrayLength = labels.count
      }
    case .label, .threshold:
      break
    }
    return used
  }

  // MARK: - Records

  /// Turns the current record's values into codes and passes them on.
  @inline(__always)
  private func consume<Sink: RecordSink>(
    _ base: UnsafeMutablePointer<UInt8>, into sink: inout Sink
  ) throws(PredictionFileError) {
    let gold = try labelCode(slot: layout.gold, base)
    let predicted: Int32
    switch layout.source {
    case .label(let slot):
      predicted = try labelCode(slot: slot, base)
    case .threshold(let slot):
      predicted = try score(slot: slot, base) >= options.threshold ? 1 : 0
    case .scoreColumns(let slots):
      var best = 0
      var bestScore = -Double.infinity
      for (index, slot) in slots.enumerated() {
        let value = try score(slot: slot, base)
        if index == 0 || value > bestScore {
          best = index
          bestScore = value
        }
      }
      predicted = classCode(best)
    case .scoreArray(let slot):
      predicted = try scoreArrayWinner(slot: slot, base)
    }
    var weight = 1
    if let slot = layout.count {
      let slice = try text(slot: slot, base, expected: "a count")
      guard let count = NumberScanner.count(base + slice.start, count: slice.count) else {
        throw error(.invalidCount(column: slotNames[slot], found: string(slice, base)), slot: slot)
      }
      weight = count
    }
    if readsIDs, let slot = layout.id {
      let slice = try text(slot: slot, base, expected: "an id")
      guard
        let id = String(validating: UnsafeBufferPointer(start: base + slice.start, count: slice.count), as: UTF8.self)
      else { throw error(.invalidUTF8(column: slotNames[slot]), slot: slot) }
      if let firstLine = sink.add(id: id, line: line) {
        throw error(.duplicateID(id, firstLine: firstLine), slot: slot)
      }
    }
    guard sink.add(gold: gold, predicted: predicted, weight: weight) else {
      throw error(.countOverflow, slot: layout.count ?? layout.gold)
    }
  }

  /// The value in `slot` as bytes: a CSV field (unescaped), a JSON string,
  /// number or Boolean.
  @inline(__always)
  private func text(
    slot: Int, _ base: UnsafeMutablePointer<UInt8>, expected: String
  ) throws(PredictionFileError) -> ValueSlice {
    let slice = values[slot]
    switch slice.kind {
    case .text, .string, .number, .boolean:
      return slice
    case .escapedText:
      let unescaped = DelimitedRecordTokenizer.unescape(slice, in: base)
      values[slot] = unescaped
      return unescaped
    case .null, .array, .object:
      let found = slice.kind == .null ? "null" : slice.kind == .array ? "an array" : "an object"
      throw error(
        .unsupportedValue(
          column: slotNames[slot], expected: "\(expected) (a string, number or Boolean)", found: found),
        slot: slot)
    }
  }

  @inline(__always)
  private func labelCode(slot: Int, _ base: UnsafeMutablePointer<UInt8>) throws(PredictionFileError) -> Int32 {
    let slice = try text(slot: slot, base, expected: "a label")
    guard let code = interner.code(of: base + slice.start, count: slice.count) else {
      throw error(.invalidUTF8(column: slotNames[slot]), slot: slot)
    }
    return code
  }

  private func score(slot: Int, _ base: UnsafeMutablePointer<UInt8>) throws(PredictionFileError) -> Double {
    let slice = values[slot]
    let unescaped = slice.kind == .escapedText ? DelimitedRecordTokenizer.unescape(slice, in: base) : slice
    values[slot] = unescaped
    switch unescaped.kind {
    case .text, .string, .number:
      switch NumberScanner.score(base + unescaped.start, count: unescaped.count) {
      case .value(let value): return value
      case .notFinite:
        throw error(.nonFiniteScore(column: slotNames[slot], found: string(unescaped, base)), slot: slot)
      case .invalid:
        throw error(.invalidNumber(column: slotNames[slot], found: string(unescaped, base)), slot: slot)
      }
    default:
      throw error(.invalidNumber(column: slotNames[slot], found: string(unescaped, base)), slot: slot)
    }
  }

  private func scoreArrayWinner(slot: Int, _ base: UnsafeMutablePointer<UInt8>) throws(PredictionFileError) -> Int32 {
    var slice = values[slot]
    if slice.kind == .escapedText {
      slice = DelimitedRecordTokenizer.unescape(slice, in: base)
      values[slot] = slice
    }
    let column = slotNames[slot]
    switch NumberScanner.argmax(base + slice.start, count: slice.count) {
    case .argmax(let index, let count):
      if let expected = scoreArrayLength {
        guard count == expected else {
          throw error(.wrongScoreCount(column: column, expected: expected, found: count), slot: slot)
        }
      } else {
        guard count > 0 else {
          throw error(.wrongScoreCount(column: column, expected: 1, found: 0), slot: slot)
        }
        scoreArrayLength = count
        classNames = (0..<count).map(String.init)
        classCodes = Array(repeating: -1, count: count)
      }
      return classCode(index)
    case .notFinite(let text):
      throw error(.nonFiniteScore(column: column, found: text), slot: slot)
    case .invalidElement(let text):
      throw error(.invalidNumber(column: column, found: text), slot: slot)
    case .notAnArray:
      throw error(
        .unsupportedValue(
          column: column, expected: "an array of numbers", found: PredictionFileError.quoted(string(slice, base))),
        slot: slot)
    }
  }

  @inline(__always)
  private func classCode(_ index: Int) -> Int32 {
    let code = classCodes[index]
    if code >= 0 { return code }
    let interned = interner.code(of: classNames[index])
    classCodes[index] = interned
    return interned
  }

  // MARK: - Binary labels

  /// The codes of the negative and positive labels of thresholded scores.
  ///
  /// The candidates are the gold labels with the given labels and positive
  /// label; there must be exactly two. The positive label is the one given,
  /// or else the later in `LabelOrdering` order.
  func resolveBinaryLabels() throws(PredictionFileError) -> (negative: Int32, positive: Int32) {
    var candidates = interner.names
    candidates += options.labels ?? []
    if let positive = options.positiveLabel { candidates.append(positive) }
    let sorted = LabelOrdering.sorted(candidates)
    guard sorted.count == 2 else {
      throw PredictionFileError(path: path, reason: .binaryLabelsUnresolved(found: sorted))
    }
    let positive = options.positiveLabel ?? sorted[1]
    let negative = sorted.first { !$0.utf8.elementsEqual(positive.utf8) }!
    return (interner.code(of: negative), interner.code(of: positive))
  }

  // MARK: - Errors

  private func string(_ slice: ValueSlice, _ base: UnsafeMutablePointer<UInt8>) -> String {
    String(decoding: UnsafeBufferPointer(start: base + slice.start, count: slice.count), as: UTF8.self)
  }

  private func lineFeeds(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
    var count = 0
    for offset in start..<max(start, end) where base[offset] == .lineFeed { count += 1 }
    return count
  }

  /// An error at the value in `slot` of the current record.
  private func error(_ reason: PredictionFileError.Reason, slot: Int) -> PredictionFileError {
    let slice = values[slot]
    switch format {
    case .csv, .tsv:
      return error(
        reason, line: line + lineFeeds(source.storage, from: recordStart, to: slice.origin),
        column: slot + 1, unit: .field)
    case .jsonLines:
      return error(reason, line: line, column: slice.origin - recordStart + 1, unit: .byte)
    }
  }

  private func error(
    _ reason: PredictionFileError.Reason, line: Int, column: Int, unit: PredictionFileError.ColumnUnit
  ) -> PredictionFileError {
    PredictionFileError(path: path, location: .init(line: line, column: column, unit: unit), reason: reason)
  }
}
