import Foundation

/// Reads the text columns of a few rows of a prediction file — the
/// sentences of a sentence pair, a premise and hypothesis, a question pair
/// or a text — so a report can show the items behind its numbers.
///
/// Memory stays bounded whatever the file's size: the file is read in
/// chunks, only the requested rows' text fields are kept, each cut to
/// ``maximumFieldBytes``, and reading stops after the last requested row.
/// Quoting follows RFC 4180 as the prediction reader does, and blank lines
/// are skipped, so row *i* is the *i*-th item the prediction reader reads.
/// Each row's gold label is read too, so the caller can check that the rows
/// line up with the items.
public struct ItemTextReader: Sendable {
  /// The column names that hold text, compared without regard to case.
  public static let textColumnNames = [
    "text", "sentence", "sentence1", "sentence2", "premise", "hypothesis", "question",
    "question1", "question2", "text_a", "text_b", "query", "passage",
  ]

  /// The gold column names tried when the options name none.
  static let goldColumnNames = ["label", "gold", "y_true", "target"]

  /// The most bytes of a field kept; longer fields are cut (at a character
  /// boundary) and marked as cut.
  public static let maximumFieldBytes = 2_048

  /// One row's text.
  public struct Row: Hashable, Sendable {
    /// The row's gold label as written, if the gold column was found.
    public var gold: String?
    /// The text columns in file order: column name and text (cut to
    /// ``maximumFieldBytes`` and ending in `…` when cut).
    public var fields: [Field]

    /// Creates a row's text.
    ///
    /// - Parameters:
    ///   - gold: The gold label as written, if known.
    ///   - fields: The text columns.
    public init(gold: String?, fields: [Field]) {
      self.gold = gold
      self.fields = fields
    }
  }

  /// One text field.
  public struct Field: Hashable, Sendable {
    /// The column's name as in the header.
    public var column: String
    /// The text.
    public var text: String

    /// Creates a field.
    ///
    /// - Parameters:
    ///   - column: The column's name.
    ///   - text: The text.
    public init(column: String, text: String) {
      self.column = column
      self.text = text
    }
  }

  /// The file, as the user named it; standard input (`-`) cannot be read
  /// twice, so it gives no rows.
  public var path: String
  /// How the file is read: its format, delimiter and gold column.
  public var options: PredictionFileOptions

  /// Creates a reader.
  ///
  /// - Parameters:
  ///   - path: The prediction file.
  ///   - options: Its format, delimiter and gold column.
  public init(path: String, options: PredictionFileOptions = PredictionFileOptions()) {
    self.path = path
    self.options = options
  }

  /// Reads the text of the given rows.
  ///
  /// - Parameter rows: Row numbers counted from 0: the items' positions in
  ///   the file, header and blank lines not counted.
  /// - Returns: The text of each requested row that exists, or an empty
  ///   dictionary when the file has no text column or cannot be read
  ///   (examples are optional; the numbers never depend on them).
  /// - Complexity: O(*b*) for the *b* bytes up to the last requested row;
  ///   memory O(*r* · ``maximumFieldBytes``) for *r* rows.
  public func readTexts(rows: Set<Int>) -> [Int: Row] {
    guard path != "-", !rows.isEmpty, let handle = FileHandle(forReadingAtPath: path) else {
      return [:]
    }
    defer { try? handle.close() }
    var scanner = Scanner(rows: rows, options: options, path: path)
    while !scanner.isDone {
      guard let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
      chunk.withUnsafeBytes { scanner.consume($0) }
    }
    scanner.finish()
    return scanner.result
  }
}

extension ItemTextReader {
  /// The byte-level state machine behind ``ItemTextReader/readTexts(rows:)``.
  struct Scanner {
    let rows: Set<Int>
    let lastRow: Int
    let options: PredictionFileOptions
    let path: String
    var format: PredictionFileFormat?
    var delimiter: UInt8 = UInt8(ascii: ",")
    var result: [Int: Row] = [:]
    var isDone = false
    /// The first line, kept until the format is known.
    var pending: [UInt8] = []
    var isStarted = false
    // The record being read.
    var header: [String]?
    var wantedColumns: [Int: Bool] = [:]  // column index → is the gold column
    var textColumnCount = 0
    var row = 0
    var field: [UInt8] = []
    var fields: [Int: [UInt8]] = [:]
    var fieldIndex = 0
    var isQuoted = false
    var isAfterQuote = false
    var isRecordEmpty = true
    var recordBytes = 0

    init(rows: Set<Int>, options: PredictionFileOptions, path: String) {
      self.rows = rows
      self.lastRow = rows.max() ?? 0
      self.options = options
      self.path = path
      self.format = options.format ?? PredictionFileFormat.inferred(fromPath: path)
    }

    /// Whether the current record's fields are kept.
    var isKeeping: Bool { header == nil || rows.contains(row) }

    mutating func consume(_ bytes: UnsafeRawBufferPointer) {
      if !isStarted {
        // Wait for the first line to decide the format and delimiter, but
        // no longer than a record may be: an endless stream without line
        // breaks (/dev/zero, a pipe) shows no examples, and the reading of
        // the predictions refuses it at the record limit.
        pending.append(contentsOf: bytes)
        guard let newline = pending.firstIndex(of: 10) else {
          if pending.count > options.maximumRecordByteCount { giveUp() }
          return
        }
        start(firstLine: Array(pending[..<newline]))
        let buffered = pending
        pending = []
        buffered.withUnsafeBytes { scan($0) }
        return
      }
      scan(bytes)
    }

    mutating func finish() {
      if isDone { return }
      if !isStarted {
        start(firstLine: pending)
        let buffered = pending
        pending = []
        buffered.withUnsafeBytes { scan($0) }
      }
      if !isDone && (fieldIndex > 0 || !field.isEmpty || isQuoted) { endRecord() }
    }

    mutating func start(firstLine: [UInt8]) {
      isStarted = true
      var line = firstLine
      if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
      if format == nil {
        let first = line.first { $0 != 32 && $0 != 9 && $0 != 13 }
        format = first == UInt8(ascii: "{") ? .jsonLines : (line.contains(9) ? .tsv : .csv)
      }
      if let chosen = options.delimiter, chosen.isASCII {
        delimiter = UInt8(chosen.value)
      } else if format == .tsv {
        delimiter = 9
      } else if !line.contains(UInt8(ascii: ",")) {
        if line.contains(UInt8(ascii: ";")) {
          delimiter = UInt8(ascii: ";")
        } else if line.contains(9) {
          delimiter = 9
        }
      }
      if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
    }

    mutating func scan(_ bytes: UnsafeRawBufferPointer) {
      if format == .jsonLines {
        scanLines(bytes)
        return
      }
      for byte in bytes {
        if isDone { return }
        recordBytes += 1
        if isQuoted {
          if byte == UInt8(ascii: "\"") {
            isQuoted = false
            isAfterQuote = true
          } else {
            append(byte)
          }
          continue
        }
        if isAfterQuote {
          isAfterQuote = false
          if byte == UInt8(ascii: "\"") {
            isQuoted = true
            append(byte)
            continue
          }
        }
        switch byte {
        case delimiter:
          endField()
        case 10:
          endRecord()
        case 13:
          continue
        case UInt8(ascii: "\"") where field.isEmpty:
          isQuoted = true
          isRecordEmpty = false
        default:
          append(byte)
        }
        if recordBytes > options.maximumRecordByteCount { giveUp() }
      }
    }

    /// Stops at a record longer than the limit, which is something wrong
    /// with the file: it shows no examples.
    mutating func giveUp() {
      result = [:]
      pending = []
      isDone = true
    }

    mutating func append(_ byte: UInt8) {
      isRecordEmpty = false
      if isKeeping && field.count < maximumFieldBytes + 4 { field.append(byte) }
    }

    mutating func endField() {
      isRecordEmpty = false
      if isKeeping { fields[fieldIndex] = field }
      field.removeAll(keepingCapacity: true)
      fieldIndex += 1
    }

    mutating func endRecord() {
      let isBlank = isRecordEmpty && fieldIndex == 0 && field.isEmpty
      if !isBlank {
        if isKeeping { fields[fieldIndex] = field }
        let values = fields.mapValues { String(decoding: $0, as: UTF8.self) }
        if header == nil {
          setHeader((0...fieldIndex).map { values[$0] ?? "" })
        } else {
          keep(row: row, value: { values[$0] })
          row += 1
        }
      }
      field.removeAll(keepingCapacity: true)
      fields.removeAll(keepingCapacity: true)
      fieldIndex = 0
      isRecordEmpty = true
      recordBytes = 0
      if header != nil && (row > lastRow || textColumnCount == 0) { isDone = true }
    }

    mutating func setHeader(_ names: [String]) {
      header = names
      let goldName = options.goldColumn
      var goldIndex: Int?
      if let goldName {
        goldIndex = names.firstIndex(of: goldName)
      } else {
        for candidate in ItemTextReader.goldColumnNames where goldIndex == nil {
          goldIndex = names.firstIndex { $0.lowercased() == candidate }
        }
      }
      for (index, name) in names.enumerated()
      where ItemTextReader.textColumnNames.contains(name.lowercased()) {
        wantedColumns[index] = false
        textColumnCount += 1
      }
      if let goldIndex { wantedColumns[goldIndex] = true }
    }

    mutating func keep(row: Int, value: (Int) -> String?) {
      guard rows.contains(row), let header else { return }
      var entry = Row(gold: nil, fields: [])
      for index in wantedColumns.keys.sorted() {
        let text = value(index) ?? ""
        if wantedColumns[index] == true {
          entry.gold = text
        } else {
          entry.fields.append(Field(column: header[index], text: Self.cut(text)))
        }
      }
      result[row] = entry
    }

    /// Text cut to ``maximumFieldBytes`` at a character boundary.
    static func cut(_ text: String) -> String {
      guard text.utf8.count > maximumFieldBytes else { return text }
      var result = ""
      for character in text {
        if result.utf8.count + character.utf8.count > maximumFieldBytes { break }
        result.append(character)
      }
      return result + "…"
    }

    // JSON Lines: one object per line; only the requested lines are parsed.
    var line: [UInt8] = []
    var isBlankLine = true

    mutating func scanLines(_ bytes: UnsafeRawBufferPointer) {
      for byte in bytes {
        if isDone { return }
        if byte == 10 {
          endLine()
          continue
        }
        let isWanted = header == nil || rows.contains(row)
        if isWanted && line.count <= options.maximumRecordByteCount { line.append(byte) }
        if byte != 32 && byte != 9 && byte != 13 { isBlankLine = false }
        recordBytes += 1
        if recordBytes > options.maximumRecordByteCount {
          giveUp()
          return
        }
      }
    }

    mutating func endLine() {
      defer {
        line.removeAll(keepingCapacity: true)
        isBlankLine = true
        recordBytes = 0
      }
      if isBlankLine { return }  // A blank line.
      if header == nil { header = [] }
      if rows.contains(row),
        let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
      {
        var entry = Row(gold: nil, fields: [])
        let goldKeys = options.goldColumn.map { [$0] } ?? ItemTextReader.goldColumnNames
        for key in goldKeys where entry.gold == nil {
          if let value = object.first(where: { $0.key.lowercased() == key.lowercased() })?.value {
            entry.gold = (value as? String) ?? (value as? NSNumber)?.stringValue
          }
        }
        for key in object.keys.sorted()
        where ItemTextReader.textColumnNames.contains(key.lowercased()) {
          if let text = object[key] as? String {
            entry.fields.append(Field(column: key, text: Self.cut(text)))
          }
        }
        if !entry.fields.isEmpty { result[row] = entry }
      }
      row += 1
      if row > lastRow { isDone = true }
    }
  }
}
