extension RecordInterpreter {
  /// Whether `bytes` spell a column's name from the header: the first
  /// column's with or without a byte order mark, which the later files of
  /// a `cat` of files saved with one keep at the start of their headers.
  ///
  /// - Parameters:
  ///   - name: The header's name for the column.
  ///   - bytes: The value's bytes.
  ///   - count: The number of bytes.
  ///   - isFirstColumn: Whether the value is in the record's first column.
  /// - Returns: Whether the bytes are the name.
  static func isColumnName(
    _ name: String, _ bytes: UnsafePointer<UInt8>, count: Int, isFirstColumn: Bool
  ) -> Bool {
    var bytes = bytes
    var count = count
    if isFirstColumn, count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      bytes += 3
      count -= 3
    }
    return name.utf8.elementsEqual(UnsafeBufferPointer(start: bytes, count: count))
  }

  /// Whether a CSV or TSV field spells a column's name from the header,
  /// as ``isColumnName(_:_:count:isFirstColumn:)`` says, reading a quoted
  /// field with doubled quotes without unescaping it in the buffer, which
  /// a reader may be reading.
  ///
  /// - Parameters:
  ///   - name: The header's name for the column.
  ///   - value: The field.
  ///   - base: The buffer the field points into.
  ///   - isFirstColumn: Whether the field is the record's first.
  /// - Returns: Whether the field is the name.
  static func isColumnName(
    _ name: String, _ value: ValueSlice, in base: UnsafePointer<UInt8>, isFirstColumn: Bool
  ) -> Bool {
    guard value.kind == .escapedText else {
      return isColumnName(
        name, base + value.start, count: value.count, isFirstColumn: isFirstColumn)
    }
    var unescaped: [UInt8] = []
    var offset = value.start
    while offset < value.start + value.count {
      unescaped.append(base[offset])
      offset += base[offset] == .quote ? 2 : 1
    }
    return unescaped.withUnsafeBufferPointer {
      isColumnName(name, $0.baseAddress!, count: $0.count, isFirstColumn: isFirstColumn)
    }
  }

  /// Whether a CSV or TSV record repeats the header field for field, as
  /// files joined with `cat` leave each later file's header.
  ///
  /// - Parameters:
  ///   - names: The header's names of the record's values, in order.
  ///   - values: The record's values, one per name.
  ///   - base: The buffer the values point into.
  /// - Returns: Whether every value is its column's name.
  static func repeatsHeader(
    _ names: [String], _ values: UnsafePointer<ValueSlice>, in base: UnsafePointer<UInt8>
  ) -> Bool {
    names.indices.allSatisfy {
      isColumnName(names[$0], values[$0], in: base, isFirstColumn: $0 == 0)
    }
  }

  /// Refuses the current CSV or TSV record when it repeats the header field
  /// for field (see ``repeatsHeader(_:_:in:)``).
  ///
  /// Called when a label is read for the first time, so a file's rows cost
  /// nothing more: a repeated header's labels are the column names, new
  /// to the file until the first repeat.
  ///
  /// - Parameter base: The buffer the record's values point into.
  /// - Throws: ``PredictionFileError`` with reason `.repeatedHeader` at the
  ///   record's line.
  func refuseRepeatedHeader(_ base: UnsafeMutablePointer<UInt8>) throws(PredictionFileError) {
    guard format != .jsonLines, Self.repeatsHeader(slotNames, values, in: base) else { return }
    throw PredictionFileError(
      path: path, location: .init(line: line, column: 1, unit: .field), reason: .repeatedHeader)
  }
}
