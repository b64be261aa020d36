import F1Kit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension PredictionFileParser {
  // MARK: - JSON Lines

  func parseJSONLines<Sink: RecordSink>(
    into sink: inout Sink, readsIDs: Bool
  ) throws(PredictionFileError) -> Int {
    let header = try readFirstObjectKeys()
    let columns = try resolveLayout(header: header, unit: .byte, readsIDs: readsIDs)
    // Ids only checked (see `checksIDs`) are not kept: no room is made.
    let keepsRecords = readsIDs || Sink.keepsScores
    let readsIDs = self.readsIDs(columns, requested: readsIDs)
    let used = columns.usedColumns(readsIDs: readsIDs)
    var slots: [Int: Int] = [:]
    for (slot, column) in used.enumerated() { slots[column] = slot }
    let slotNames = used.map { header[$0] }
    let tokenizer = JSONLineTokenizer(keys: slotNames)
    let interpreter = RecordInterpreter(
      path: path, format: format, layout: columns.mapped(to: slots), slotNames: slotNames,
      values: tokenizer.values, options: options, readsIDs: readsIDs)
    if keepsRecords, let count = try estimatedRecordCount() {
      sink.reserveCapacity(count)
    }
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
    scoreRange = interpreter.scoreRange
    return rowCount
  }

  /// The keys of the first object, read from a copy so that the line can be
  /// parsed again as data.
  func readFirstObjectKeys() throws(PredictionFileError) -> [String] {
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
      let keys: [String]?
      do {
        keys = try JSONLineTokenizer.keys(ofLine: source.storage + offset, count: lineEnd - offset)
      } catch {
        let lineBefore = line
        line += blankLines
        defer { line = lineBefore }
        throw jsonError(error, lineStart: 0)
      }
      if let keys {
        headerLine = line + blankLines
        return keys
      }
      if lineEnd == source.end { throw error(.emptyFile, line: 1, column: 1, unit: .byte) }
      blankLines += 1
      offset = lineEnd + 1
    }
  }

  func jsonError(_ error: JSONLineTokenizer.SyntaxError, lineStart: Int)
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
}
