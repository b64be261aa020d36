import F1Kit

/// Splits CSV or TSV records into fields, in place in the read buffer.
///
/// Quoting follows [RFC 4180](https://www.rfc-editor.org/rfc/rfc4180): a field
/// that starts with `"` runs to the next lone `"`, `""` stands for one quote,
/// and delimiters and line breaks inside are data. Records end at LF or CRLF;
/// a CR not followed by LF is data. Nothing is trimmed.
///
/// A value type that owns its field storage: call `deallocate()` when done.
struct DelimitedRecordTokenizer {
  /// How a call to `tokenize` ended.
  enum Outcome {
    /// A record of `fieldCount` fields; the next starts at `next`.
    /// `lineBreaks` counts the line breaks inside quoted fields.
    case record(fieldCount: Int, next: Int, lineBreaks: Int)
    /// An empty line; the next record starts at `next`.
    case blankLine(next: Int)
    /// The record does not end before the end of the buffer.
    case incomplete
  }

  /// A syntax error, located by field index and buffer offset.
  enum SyntaxError: Error {
    case unterminatedQuote(field: Int, offset: Int)
    case strayQuote(field: Int, offset: Int)
    case characterAfterQuote(field: Int, offset: Int)
  }

  let delimiter: UInt8
  /// Bytes above this are never special, so most bytes take one comparison.
  private let largestSpecialByte: UInt8
  /// The fields of the last record, up to `capacity` of them.
  private(set) var fields: UnsafeMutablePointer<ValueSlice>
  private var capacity: Int
  /// Whether to grow `fields` for a long record, rather than only count the
  /// fields past `capacity`.
  var isGrowable = true

  /// Creates a tokenizer with room for `capacity` fields to start with.
  init(delimiter: UInt8, capacity: Int = 16) {
    self.delimiter = delimiter
    largestSpecialByte = max(delimiter, .quote, .carriageReturn, .lineFeed)
    self.capacity = max(capacity, 1)
    fields = .allocate(capacity: self.capacity)
  }

  /// Frees the field storage.
  func deallocate() { fields.deallocate() }

  /// Splits the record that starts at `start`.
  ///
  /// - Parameters:
  ///   - base: The buffer.
  ///   - start: The offset of the record's first byte.
  ///   - end: The offset one past the last byte read.
  ///   - isFinal: Whether `end` is the end of the file.
  /// - Returns: The record's extent, or `.incomplete` if more bytes are needed.
  @inline(__always)
  mutating func tokenize(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, isFinal: Bool
  ) throws(SyntaxError) -> Outcome {
    var position = start
    if position < end {
      if base[position] == .lineFeed { return .blankLine(next: position + 1) }
      if base[position] == .carriageReturn {
        if position + 1 < end {
          if base[position + 1] == .lineFeed { return .blankLine(next: position + 2) }
        } else if !isFinal {
          return .incomplete
        }
      }
    }
    let delimiter = self.delimiter
    let largestSpecialByte = self.largestSpecialByte
    var fieldIndex = 0
    var lineBreaks = 0
    while true {
      let fieldStart = position
      if position < end, base[position] == .quote {
        position += 1
        var hasEscapedQuote = false
        while true {
          while position < end {
            let byte = base[position]
            if byte == .quote { break }
            if byte == .lineFeed { lineBreaks += 1 }
            position += 1
          }
          if position == end {
            if isFinal { throw .unterminatedQuote(field: fieldIndex, offset: fieldStart) }
            return .incomplete
          }
          if position + 1 == end, !isFinal { return .incomplete }
          if position + 1 < end, base[position + 1] == .quote {
            hasEscapedQuote = true
            position += 2
            continue
          }
          break
        }
        store(
          ValueSlice(
            start: fieldStart + 1, count: position - fieldStart - 1,
            kind: hasEscapedQuote ? .escapedText : .text, origin: fieldStart),
          at: fieldIndex)
        position += 1
        if position == end {
          return .record(fieldCount: fieldIndex + 1, next: end, lineBreaks: lineBreaks)
        }
        let byte = base[position]
        if byte == delimiter {
          position += 1
          fieldIndex += 1
          continue
        }
        if byte == .lineFeed {
          return .record(fieldCount: fieldIndex + 1, next: position + 1, lineBreaks: lineBreaks)
        }
        if byte == .carriageReturn {
          if position + 1 < end {
            if base[position + 1] == .lineFeed {
              return .record(fieldCount: fieldIndex + 1, next: position + 2, lineBreaks: lineBreaks)
            }
          } else if !isFinal {
            return .incomplete
          }
        }
        throw .characterAfterQuote(field: fieldIndex, offset: position)
      }
      while position < end {
        let byte = base[position]
        if byte > largestSpecialByte {
          position += 1
          continue
        }
        if byte == delimiter || byte == .lineFeed { break }
        if byte == .quote { throw .strayQuote(field: fieldIndex, offset: position) }
        if byte == .carriageReturn {
          if position + 1 < end {
            if base[position + 1] == .lineFeed { break }
          } else if !isFinal {
            return .incomplete
          }
        }
        position += 1
      }
      if position == end, !isFinal { return .incomplete }
      store(
        ValueSlice(
          start: fieldStart, count: position - fieldStart, kind: .text, origin: fieldStart),
        at: fieldIndex)
      if position == end {
        return .record(fieldCount: fieldIndex + 1, next: end, lineBreaks: lineBreaks)
      }
      let byte = base[position]
      if byte == delimiter {
        position += 1
        fieldIndex += 1
        continue
      }
      let next = byte == .lineFeed ? position + 1 : position + 2
      return .record(fieldCount: fieldIndex + 1, next: next, lineBreaks: lineBreaks)
    }
  }

  @inline(__always)
  private mutating func store(_ slice: ValueSlice, at index: Int) {
    if index < capacity {
      fields[index] = slice
    } else if isGrowable {
      let newCapacity = capacity * 2
      let newFields = UnsafeMutablePointer<ValueSlice>.allocate(capacity: newCapacity)
      newFields.update(from: fields, count: capacity)
      fields.deallocate()
      fields = newFields
      capacity = newCapacity
      fields[index] = slice
    }
  }

  /// Undoes the doubled quotes of an `.escapedText` field in place.
  ///
  /// - Returns: The field as plain `.text`.
  static func unescape(_ slice: ValueSlice, in base: UnsafeMutablePointer<UInt8>) -> ValueSlice {
    var read = slice.start
    var write = slice.start
    let end = slice.start + slice.count
    while read < end {
      let byte = base[read]
      base[write] = byte
      write += 1
      read += byte == .quote ? 2 : 1
    }
    return ValueSlice(
      start: slice.start, count: write - slice.start, kind: .text, origin: slice.origin)
  }
}
