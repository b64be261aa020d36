import F1Kit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension PredictionFileParser {
  // MARK: - CSV and TSV

  func parseDelimited<Sink: RecordSink>(
    into sink: inout Sink, delimiter: UInt8, readsIDs: Bool
  ) throws(PredictionFileError) -> Int {
    self.delimiter = delimiter
    var headerTokenizer = DelimitedRecordTokenizer(delimiter: delimiter)
    defer { headerTokenizer.deallocate() }
    let header = try readHeader(&headerTokenizer)
    let layout = try resolveLayout(header: header, unit: .field, readsIDs: readsIDs)
    // Ids only checked (see `checksIDs`) are not kept: no room is made.
    let keepsRecords = readsIDs || Sink.keepsScores
    let readsIDs = self.readsIDs(layout, requested: readsIDs)
    let body = DelimitedBody(header: header, layout: layout, delimiter: delimiter)
    if let rowCount = try parseInHalves(
      body, into: &sink, readsIDs: readsIDs, reservesCapacity: keepsRecords)
    {
      return rowCount
    }
    if keepsRecords, let count = try estimatedRecordCount() {
      sink.reserveCapacity(count)
    }
    let rowCount = try readRecords(body, into: &sink, readsIDs: readsIDs, stopsAtQuote: false)
      .rowCount
    if rowCount == 0 && !options.acceptsHeaderOnly {
      throw error(.noDataRows, line: line, column: 1, unit: .field)
    }
    return rowCount
  }

  /// What a CSV or TSV file's records are read with, once its header is read.
  struct DelimitedBody {
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
  func readRecords<Sink: RecordSink>(
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
    defer {
      interner = interpreter.interner
      scoreRange = interpreter.scoreRange
    }
    let fieldCount = body.header.count
    let scanner: PlainRecordScanner?
    if case .label(let prediction) = layout.source, layout.count == nil {
      scanner = PlainRecordScanner(
        delimiter: body.delimiter, fieldCount: fieldCount, goldIndex: layout.gold,
        predictionIndex: prediction, idIndex: readsIDs ? layout.id : nil,
        groupIndex: layout.group)
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
        // An empty label is refused by the general path below.
        if let scanner, let fields = scanner.scan(base, from: position, to: end),
          fields.goldCount > 0, fields.predictionCount > 0,
          let gold = interpreter.interner.code(
            ofPadded: base + fields.goldStart, count: fields.goldCount),
          let predicted =
            fields.isPredictionGold(base)
            ? gold
            : interpreter.interner.code(
              ofPadded: base + fields.predictionStart, count: fields.predictionCount),
          // A label read for the first time may be a repeated header's
          // column name: the general path below checks the whole record.
          Int(max(gold, predicted)) < interpreter.interner.firstPlaces.count
            || !RecordInterpreter.isColumnName(
              body.header[scanner.goldIndex], base + fields.goldStart, count: fields.goldCount,
              isFirstColumn: scanner.goldIndex == 0)
        {
          interpreter.interner.noteFirstPlace(
            of: gold, .init(line: line, column: scanner.goldIndex + 1, unit: .field))
          interpreter.interner.noteFirstPlace(
            of: predicted, .init(line: line, column: scanner.predictionIndex + 1, unit: .field))
          // The group first: when it is refused (empty or not UTF-8),
          // nothing is added, and the general path below reports it.
          var isAdded =
            scanner.groupIndex < 0
            || sink.add(group: base + fields.groupStart, count: fields.groupCount) == .added
          if isAdded, scanner.idIndex >= 0 {
            let place = PredictionFileError.Location(
              line: line, column: scanner.idIndex + 1, unit: .field)
            if fields.idCount == 0
              || sink.add(
                id: base + fields.idStart, count: fields.idCount, line: line, place: place)
                != .added
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
          // An id that is empty or not UTF-8, or an empty group value: the
          // general path below reports it.
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

  /// About how many records follow, from the size of a regular file and the
  /// line length of the buffered bytes; `nil` for a stream.
  func estimatedRecordCount() throws(PredictionFileError) -> Int? {
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
  func readHeader(
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

  func syntaxError(
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
}
