import F1Kit

extension PredictionFileParser {
  /// The columns, other than the gold and id columns, whose value in the
  /// first record is a number: candidates for `--score-column`, and, when
  /// the number is whole, for `--pred-column`. Reads the buffer without
  /// consuming it (a JSON line's strings may be unescaped in place, so
  /// parsing must stop after this).
  ///
  /// - Returns: The columns' names, each with whether its number is whole.
  func numericColumns(header: [String], unit: PredictionFileError.ColumnUnit) -> [(
    name: String, isWhole: Bool
  )] {
    let gold = ColumnLayout.find(
      options.goldColumn.map { [$0] } ?? PredictionFileOptions.goldColumnNames, in: header)
    let id =
      options.idColumn.map { ColumnLayout.find([$0], in: header) }
      ?? ColumnLayout.detectedID(in: header)
    // A count column is numeric but never a score.
    let countColumn =
      options.countColumn.map { ColumnLayout.find([$0], in: header) }
      ?? ColumnLayout.findCount(in: header)
    let base = source.storage
    var numeric: [(name: String, isWhole: Bool)] = []
    func number(_ slice: ValueSlice) -> Double? {
      if case .value(let value) = NumberScanner.score(base + slice.start, count: slice.count) {
        return value
      }
      return nil
    }
    if unit == .byte {
      guard
        let lineEnd = source.firstIndex(of: .lineFeed, from: source.start)
          ?? (source.isAtEndOfFile ? source.end : nil)
      else { return [] }
      let tokenizer = JSONLineTokenizer(keys: header)
      guard (try? tokenizer.tokenize(base, from: source.start, to: lineEnd)) == true else {
        return []
      }
      for (index, name) in header.enumerated()
      where index != gold && index != id && index != countColumn && tokenizer.isPresent[index]
        && tokenizer.values[index].kind == .number
      {
        if let value = number(tokenizer.values[index]) {
          numeric.append((name, value == value.rounded()))
        }
      }
      return numeric
    }
    var tokenizer = DelimitedRecordTokenizer(delimiter: delimiter, capacity: header.count)
    defer { tokenizer.deallocate() }
    var position = source.start
    while true {
      guard
        let outcome = try? tokenizer.tokenize(
          base, from: position, to: source.end, isFinal: source.isAtEndOfFile)
      else { return [] }
      switch outcome {
      case .incomplete: return []
      case .blankLine(let next): position = next
      case .record(let count, _, _):
        guard count == header.count else { return [] }
        for (index, name) in header.enumerated()
        where index != gold && index != id && index != countColumn {
          var slice = tokenizer.fields[index]
          if slice.kind == .escapedText {
            slice = DelimitedRecordTokenizer.unescape(slice, in: base)
          }
          if let value = number(slice) { numeric.append((name, value == value.rounded())) }
        }
        return numeric
      }
    }
  }
}
