import Dispatch
import F1Kit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Receives each record's label codes from a `PredictionFileParser`.
protocol RecordSink: SendableMetatype {
  /// Adds `weight` items with these codes.
  ///
  /// - Returns: `false` if a count overflows.
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool
  /// Adds the id of the record about to be added.
  ///
  /// The id's bytes are in the read buffer, followed by at least
  /// `ChunkedByteSource.padding` readable bytes. Repeated ids are found
  /// after reading (see `ItemIdentifiers.Builder`), so the sink keeps where
  /// each id was, for the message.
  ///
  /// - Parameters:
  ///   - line: The line on which the record starts.
  ///   - place: Where the id is, for an error message.
  /// - Returns: The outcome: added, or not UTF-8.
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome
  /// Makes room for about `count` more records.
  mutating func reserveCapacity(_ count: Int)
  /// An empty sink.
  init()
  /// Adds the records of `other`, read after this sink's, whose label codes
  /// are `codes[code]` here and whose lines are `lineOffset` further on.
  ///
  /// - Returns: `false` if a count overflows.
  mutating func append(_ other: consuming Self, codes: [Int32], lineOffset: Int) -> Bool
  /// Whether the sink keeps each record's scores (see `add(score:)`).
  static var keepsScores: Bool { get }
  /// Adds a score of the record about to be added: its positive-class
  /// score, or its per-class scores one by one in column order.
  mutating func add(score: Double)
}

extension RecordSink {
  mutating func reserveCapacity(_ count: Int) {}
  static var keepsScores: Bool { false }
  mutating func add(score: Double) {}
}

/// What became of an id given to a `RecordSink`.
enum IDOutcome {
  case added
  case invalidUTF8
}

/// Reads one prediction file into a `RecordSink`: byte order mark, format
/// detection, header, column layout, and one pass over the records.
///
/// The loops keep their state in local values (the tokenizer and a
/// `RecordInterpreter`) and touch this object only once per chunk. The only
/// per-record allocations are an id `String` on the item path and transient
/// strings for score conversion.
final class PredictionFileParser {
  let options: PredictionFileOptions
  private var source: ChunkedByteSource
  /// The labels seen, by code, once parsing is done.
  private(set) var interner = LabelInterner()
  /// The format read.
  private(set) var format: PredictionFileFormat = .csv
  /// Whether predictions are the placeholders 0 (negative) and 1 (positive)
  /// until `resolveBinaryLabels()`.
  private(set) var isThresholded = false
  /// The 1-based line of the next record.
  private var line = 1
  /// The 1-based line of the header, or of the first JSON object.
  private var headerLine = 1

  /// The file as named in messages.
  var path: String { source.displayName }

  init(path: String, options: PredictionFileOptions) throws(PredictionFileError) {
    self.options = options
    source = try ChunkedByteSource(path: path, chunkSize: options.chunkSize)
  }

  /// Creates a parser for the records of a file whose header was read by
  /// another parser, from a file offset where a record starts.
  private init(
    path: String, options: PredictionFileOptions, format: PredictionFileFormat,
    startingAt offset: Int
  ) throws(PredictionFileError) {
    self.options = options
    self.format = format
    source = try ChunkedByteSource(path: path, chunkSize: options.chunkSize, startingAt: offset)
  }

  /// Reads every record into `sink`.
  ///
  /// - Returns: The number of data rows.
  func parse<Sink: RecordSink>(into sink: inout Sink, readsIDs: Bool) throws(PredictionFileError)
    -> Int
  {
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
    case .csv: return try parseDelimited(into: &sink, delimiter: .comma, readsIDs: readsIDs)
    case .tsv: return try parseDelimited(into: &sink, delimiter: .tab, readsIDs: readsIDs)
    case .jsonLines: return try parseJSONLines(into: &sink, readsIDs: readsIDs)
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
    into sink: inout Sink, delimiter: UInt8, readsIDs: Bool
  ) throws(PredictionFileError) -> Int {
    var headerTokenizer = DelimitedRecordTokenizer(delimiter: delimiter)
    defer { headerTokenizer.deallocate() }
    let header = try readHeader(&headerTokenizer)
    let layout = try resolveLayout(header: header, unit: .field, readsIDs: readsIDs)
    let body = DelimitedBody(header: header, layout: layout, delimiter: delimiter)
    if let rowCount = try parseInHalves(body, into: &sink, readsIDs: readsIDs) {
      return rowCount
    }
    if readsIDs, let count = try estimatedRecordCount() { sink.reserveCapacity(count) }
    let rowCount = try readRecords(body, into: &sink, readsIDs: readsIDs, stopsAtQuote: false)
      .rowCount
    if rowCount == 0 {
      throw error(.noDataRows, line: line, column: 1, unit: .field)
    }
    return rowCount
  }

  /// What a CSV or TSV file's records are read with, once its header is read.
  fileprivate struct DelimitedBody {
    var header: [String]
    var layout: ColumnLayout
    var delimiter: UInt8
  }

  /// Reads the records from the source's current position to its end into
  /// `sink`, leaving the labels in `interner` and the next line in `line`.
  ///
  /// - Parameter stopsAtQuote: Whether to stop, before reading it, at the
  ///   first record with a quote (or a malformed record).
  /// - Returns: The number of records read, and whether it stopped early.
  fileprivate func readRecords<Sink: RecordSink>(
    _ body: DelimitedBody, into sink: inout Sink, readsIDs: Bool, stopsAtQuote: Bool
  ) throws(PredictionFileError) -> (rowCount: Int, isStopped: Bool) {
    let layout = body.layout
    var tokenizer = DelimitedRecordTokenizer(delimiter: body.delimiter, capacity: body.header.count)
    tokenizer.isGrowable = false
    defer { tokenizer.deallocate() }
    let interpreter = RecordInterpreter(
      path: path, format: format, layout: layout, slotNames: body.header, values: tokenizer.fields,
      options: options, readsIDs: readsIDs)
    interpreter.interner = interner
    interner = LabelInterner()
    defer { interner = interpreter.interner }
    let fieldCount = body.header.count
    let scanner: PlainRecordScanner?
    if case .label(let prediction) = layout.source, layout.count == nil {
      scanner = PlainRecordScanner(
        delimiter: body.delimiter, fieldCount: fieldCount, goldIndex: layout.gold,
        predictionIndex: prediction, idIndex: readsIDs ? layout.id : nil)
    } else {
      scanner = nil
    }
    var line = self.line
    defer { self.line = line }
    var rowCount = 0
    while true {
      let base = source.storage
      var position = source.start
      let end = source.end
      let isFinal = source.isAtEndOfFile
      scan: while position < end {
        if let scanner, let fields = scanner.scan(base, from: position, to: end),
          let gold = interpreter.interner.code(
            ofPadded: base + fields.goldStart, count: fields.goldCount),
          let predicted = interpreter.interner.code(
            ofPadded: base + fields.predictionStart, count: fields.predictionCount)
        {
          var isAdded = true
          if scanner.idIndex >= 0 {
            let place = PredictionFileError.Location(
              line: line, column: scanner.idIndex + 1, unit: .field)
            if case .invalidUTF8 = sink.add(
              id: base + fields.idStart, count: fields.idCount, line: line, place: place)
            {
              isAdded = false
            }
          }
          if isAdded {
            guard sink.add(gold: gold, predicted: predicted, weight: 1) else {
              throw self.error(.countOverflow, line: line, column: layout.gold + 1, unit: .field)
            }
            rowCount += 1
            line += 1
            position = fields.next
            continue
          }
          // An id that is not UTF-8: the general path below reports it.
        }
        let outcome: DelimitedRecordTokenizer.Outcome
        do {
          outcome = try tokenizer.tokenize(base, from: position, to: end, isFinal: isFinal)
        } catch {
          if stopsAtQuote {
            source.start = position
            return (rowCount, true)
          }
          self.line = line
          throw syntaxError(error, base: base, recordStart: position)
        }
        switch outcome {
        case .incomplete:
          break scan
        case .blankLine(let next):
          line += 1
          position = next
        case .record(let count, let next, let lineBreaks):
          if stopsAtQuote,
            count != fieldCount
              || memchr(base + position, Int32(UInt8.quote), next - position) != nil
          {
            source.start = position
            return (rowCount, true)
          }
          if count != fieldCount {
            throw self.error(
              .wrongFieldCount(expected: fieldCount, found: count),
              line: line, column: min(count, fieldCount) + 1, unit: .field)
          }
          interpreter.line = line
          interpreter.recordStart = position
          interpreter.hasLineBreaks = lineBreaks > 0
          try interpreter.consume(base, into: &sink)
          rowCount += 1
          line += 1 + lineBreaks
          position = next
        }
      }
      source.start = position
      if isFinal { break }
      try source.fill()
    }
    return (rowCount, false)
  }

  /// Counts the records of a large regular file in two halves at once, the
  /// second on another thread, when that gives what one pass would.
  ///
  /// The file is split after the first line feed past its middle. That line
  /// feed ends a record unless a quote before it opened a quoted field, so
  /// the first half stops at its first record with a quote (or that is
  /// malformed). Then, or if the second half is malformed, the halves are
  /// dropped and the file is read again in one pass, which also gives an
  /// error its line. Otherwise the second half's label codes are mapped to
  /// the first half's by label, new labels taking the next codes in the
  /// second half's first-seen order (as one pass would number them), and its
  /// counts are added to the first half's.
  ///
  /// - Returns: The number of records, or `nil` when the file was not split
  ///   or must be read again in one pass from where the header ended.
  private func parseInHalves<Sink: RecordSink>(
    _ body: DelimitedBody, into sink: inout Sink, readsIDs: Bool
  ) throws(PredictionFileError) -> Int? {
    guard case .label = body.layout.source, body.layout.count == nil,
      let size = source.regularFileSize, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1
    else { return nil }
    let dataStart = source.fileOffset - source.availableCount
    guard size - dataStart >= max(options.minimumParallelByteCount, 2) else { return nil }
    let middle = dataStart + (size - dataStart) / 2
    // Small buffers for the probe and the second half keep peak memory flat.
    let probe = try ChunkedByteSource(
      path: path, chunkSize: min(options.chunkSize, 4096), startingAt: middle)
    guard let lineFeed = try probe.fill(until: .lineFeed) else { return nil }
    let split = middle + lineFeed + 1
    guard split < size else { return nil }

    var secondOptions = options
    secondOptions.chunkSize = min(options.chunkSize, 256 << 10)
    let second = SecondHalf<Sink>(
      parser: try PredictionFileParser(
        path: path, options: secondOptions, format: format, startingAt: split),
      body: body, readsIDs: readsIDs)
    var first = Sink()
    if readsIDs, let count = try estimatedRecordCount() {
      first.reserveCapacity(count)
      second.sink.reserveCapacity(count / 2 + count / 16)
    }
    let lineAfterHeader = line
    try source.stop(atFileOffset: split)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { second.run() }
    let firstResult = try? readRecords(body, into: &first, readsIDs: readsIDs, stopsAtQuote: true)
    group.wait()

    guard let firstResult, !firstResult.isStopped, let secondRowCount = second.rowCount,
      firstResult.rowCount + secondRowCount > 0
    else {
      source = try ChunkedByteSource(
        path: path, chunkSize: options.chunkSize, startingAt: dataStart)
      line = lineAfterHeader
      interner = LabelInterner()
      return nil
    }
    let codes = second.parser.interner.names.map { interner.code(of: $0) }
    guard first.append(second.takeSink(), codes: codes, lineOffset: line - 1) else {
      throw PredictionFileError(path: path, reason: .countOverflow)
    }
    sink = first
    return firstResult.rowCount + secondRowCount
  }

  /// About how many records follow, from the size of a regular file and the
  /// line length of the buffered bytes; `nil` for a stream.
  private func estimatedRecordCount() throws(PredictionFileError) -> Int? {
    guard let size = source.regularFileSize else { return nil }
    try source.fill(atLeast: 1)
    var lines = 0
    var offset = source.start
    while let found = source.firstIndex(of: .lineFeed, from: offset) {
      lines += 1
      offset = found + 1
    }
    guard lines > 0 else { return nil }
    let lineLength = max(1, (offset - source.start) / lines)
    let remaining = max(0, size - (source.fileOffset - source.availableCount))
    return remaining / lineLength + remaining / lineLength / 16 + 16
  }

  /// Reads the first non-blank record as the header.
  private func readHeader(
    _ tokenizer: inout DelimitedRecordTokenizer
  ) throws(PredictionFileError) -> [String] {
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
              validating: UnsafeBufferPointer(start: base + slice.start, count: slice.count),
              as: UTF8.self)
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

  private func parseJSONLines<Sink: RecordSink>(
    into sink: inout Sink, readsIDs: Bool
  ) throws(PredictionFileError) -> Int {
    let header = try readFirstObjectKeys()
    let columns = try resolveLayout(header: header, unit: .byte, readsIDs: readsIDs)
    let used = columns.usedColumns(readsIDs: readsIDs)
    var slots: [Int: Int] = [:]
    for (slot, column) in used.enumerated() { slots[column] = slot }
    let slotNames = used.map { header[$0] }
    let tokenizer = JSONLineTokenizer(keys: slotNames)
    let interpreter = RecordInterpreter(
      path: path, format: format, layout: columns.mapped(to: slots), slotNames: slotNames,
      values: tokenizer.values, options: options, readsIDs: readsIDs)
    if readsIDs, let count = try estimatedRecordCount() { sink.reserveCapacity(count) }
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
            throw error(
              .missingKey(slotNames[slot]), line: line, column: closing - position, unit: .byte)
          }
          interpreter.line = line
          interpreter.recordStart = position
          try interpreter.consume(base, into: &sink)
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
    interner = interpreter.interner
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
        let lineBefore = line
        line += blankLines
        defer { line = lineBefore }
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

  private func jsonError(_ error: JSONLineTokenizer.SyntaxError, lineStart: Int)
    -> PredictionFileError
  {
    switch error {
    case .malformed(let expected, let offset):
      return self.error(
        .malformedJSON(expected: expected), line: line, column: offset - lineStart + 1, unit: .byte)
    case .invalidUTF8Key(let offset):
      return self.error(
        .invalidUTF8(column: nil), line: line, column: offset - lineStart + 1, unit: .byte)
    }
  }

  // MARK: - Layout

  /// Finds the columns of the header.
  private func resolveLayout(
    header: [String], unit: PredictionFileError.ColumnUnit, readsIDs: Bool
  ) throws(PredictionFileError) -> ColumnLayout {
    let layout: ColumnLayout
    do {
      layout = try ColumnLayout(header: header, options: options, readsIDs: readsIDs)
    } catch {
      throw PredictionFileError(
        path: path, location: .init(line: headerLine, column: 1, unit: unit), reason: error.reason)
    }
    if case .threshold = layout.source { isThresholded = true }
    return layout
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

  private func lineFeeds(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
    var count = 0
    for offset in start..<max(start, end) where base[offset] == .lineFeed { count += 1 }
    return count
  }

  private func error(
    _ reason: PredictionFileError.Reason, line: Int, column: Int,
    unit: PredictionFileError.ColumnUnit
  ) -> PredictionFileError {
    PredictionFileError(
      path: path, location: .init(line: line, column: column, unit: unit), reason: reason)
  }
}

/// The second half of a file split by `parseInHalves`, read on another
/// thread; only that thread touches it until the caller has waited for it.
private final class SecondHalf<Sink: RecordSink>: @unchecked Sendable {
  let parser: PredictionFileParser
  let body: PredictionFileParser.DelimitedBody
  let readsIDs: Bool
  var sink = Sink()
  /// The number of records, or `nil` if the half is malformed.
  var rowCount: Int?

  init(parser: PredictionFileParser, body: PredictionFileParser.DelimitedBody, readsIDs: Bool) {
    self.parser = parser
    self.body = body
    self.readsIDs = readsIDs
  }

  func run() {
    rowCount = try? parser.readRecords(body, into: &sink, readsIDs: readsIDs, stopsAtQuote: false)
      .rowCount
  }

  /// The sink, leaving an empty one.
  func takeSink() -> Sink {
    let taken = sink
    sink = Sink()
    return taken
  }
}
