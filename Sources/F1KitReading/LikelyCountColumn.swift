import F1Kit
import F1KitSupport
import Foundation

/// Finds a column that looks like a count table's count column under a
/// name the reader does not take for one: `n` (dplyr's `count()`, SQL's
/// `COUNT(*) AS n`), `cnt`, `freq`, `size`, the `0` of pandas'
/// `groupby(...).size().to_csv()`. Read as one item a row, such a table
/// scores each cell once, whatever its count.
///
/// A column is flagged when the file has no count column found by name and
/// none named by an option, no `id` column (rows with ids are items), and,
/// in its first records, every row is a distinct combination of the gold,
/// prediction and weight columns and of every other column whose values
/// repeat as labels do (such as a second model's predictions, unread with
/// `--pred-column`), as `GROUP BY` gives, while the column holds
/// non-negative integers, most of them above 1. A column of distinct
/// values (text, scores) is left out of the combination, so the rows of an
/// item file, whose labels repeat, are not taken for cells.
public enum LikelyCountColumn {
  /// The names looked at, compared ignoring case.
  public static let names = [
    "n", "cnt", "counts", "freq", "frequency", "size", "0", "num", "total", "sum", "n_items",
    "num_items", "item_count", "items",
  ]

  /// Whether a column name is one of ``names`` or one a query engine gives
  /// an unnamed expression such as an unaliased `count(*)`: BigQuery's
  /// `f0_`, `f1_`, … and Spark's `_c0`, `_c1`, ….
  ///
  /// - Parameter name: A header's column name, already lowercased.
  /// - Returns: Whether the column may hold counts.
  static func isLikelyName(_ name: String) -> Bool {
    if names.contains(name) { return true }
    func isDigits(_ text: Substring) -> Bool {
      !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
    if name.hasPrefix("f"), name.hasSuffix("_"), name.count > 2 {
      return isDigits(name.dropFirst().dropLast())
    }
    return name.hasPrefix("_c") && isDigits(name.dropFirst(2))
  }

  /// The likely count column of a file, if any.
  ///
  /// - Parameters:
  ///   - path: The file; standard input is never looked at.
  ///   - options: How the file is read: its gold and prediction columns,
  ///     format and count column.
  ///   - predictionColumns: Every model's prediction column
  ///     (`--pred-columns`), or `nil` for the options' prediction column.
  ///   - weightColumn: The column of sample weights, if any.
  ///   - recordLimit: How many records to look at.
  /// - Returns: The column's name, or `nil`.
  /// - Complexity: O(*r*) for the *r* records looked at.
  public static func find(
    path: String, options: PredictionFileOptions, predictionColumns: [String]? = nil,
    weightColumn: String? = nil, recordLimit: Int = 10_000
  ) -> String? {
    guard path != "-", options.countColumn == nil, options.scoreColumns.isEmpty,
      options.scoreArrayColumn == nil, options.scoreColumn == nil,
      headerMayNameACount(path: path),
      let records = firstRecords(path: path, options: options, limit: recordLimit + 1),
      let header = records.first, records.count > 1,
      ColumnLayout.findCount(in: header) == nil,
      options.idColumn?.isEmpty == true
        || ColumnLayout.find(
          options.idColumn.map { [$0] } ?? PredictionFileOptions.idColumnNames, in: header) == nil
    else { return nil }
    let predictions =
      predictionColumns
      ?? [options.predictionColumn].compactMap { $0 }.nilIfEmpty
      ?? [
        ColumnLayout.find(PredictionFileOptions.predictionColumnNames, in: header).map {
          header[$0]
        }
      ].compactMap { $0 }
    var keys: [Int] = []
    for names in [options.goldColumn.map { [$0] } ?? PredictionFileOptions.goldColumnNames]
      + predictions.map({ [$0] }) + [weightColumn].compactMap({ $0 }).map({ [$0] })
    {
      guard let index = ColumnLayout.find(names, in: header) else { return nil }
      keys.append(index)
    }
    guard !predictions.isEmpty else { return nil }
    let rows = records.dropFirst().filter { $0.count == header.count }
    for column in header.indices
    where isLikelyName(header[column].lowercased()) && !keys.contains(column) {
      // The columns a GROUP BY would have grouped on: those read, and any
      // other whose values repeat, as the model columns that
      // `--pred-column` leaves unread do (`label,a,b,n`).
      let grouped =
        keys
        + header.indices.filter { other in
          other != column && !keys.contains(other) && isLabelLike(other, in: rows)
        }
      var seen: Set<[String]> = []
      guard rows.allSatisfy({ row in seen.insert(grouped.map { row[$0] }).inserted }) else {
        continue
      }
      var aboveOne = 0
      let isCount = rows.allSatisfy { row in
        guard let count = Int(row[column].trimmingCharacters(in: .whitespaces)), count >= 0
        else { return false }
        if count > 1 { aboveOne += 1 }
        return true
      }
      if isCount && aboveOne * 2 > rows.count { return header[column] }
    }
    return nil
  }

  /// Whether a column's values repeat as labels do: at most half as many
  /// distinct values as rows, unlike a text, score or id column.
  static func isLabelLike(_ column: Int, in rows: [[String]]) -> Bool {
    var values: Set<String> = []
    for row in rows where values.insert(row[column]).inserted {
      if values.count * 2 > rows.count { return false }
    }
    return true
  }

  /// Whether the file's first line may name one of ``names``: a field of
  /// it, split at commas and tabs with quotes and spaces trimmed, or a
  /// quoted JSON key. Most files name none, and are then not parsed.
  private static func headerMayNameACount(path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: 1 << 16) else { return false }
    let line = data.prefix { $0 != UInt8(ascii: "\n") }
    let text = String(decoding: line, as: UTF8.self).lowercased()
    if text.contains(where: { $0 == "{" }) {
      // JSON keys: a rough first look, which find(path:options:) makes exact.
      return names.contains { text.contains("\"\($0)\"") } || text.contains("\"f")
        || text.contains("\"_c")
    }
    let trimmed = CharacterSet(charactersIn: "\"' \r\u{FEFF}")
    return text.split(whereSeparator: { $0 == "," || $0 == "\t" || $0 == ";" }).contains {
      isLikelyName($0.trimmingCharacters(in: trimmed))
    }
  }

  /// The header and first records of a CSV, TSV or JSON Lines file, as
  /// text, from its first MiB; `nil` when it cannot be read so (the
  /// reader then says why).
  static func firstRecords(path: String, options: PredictionFileOptions, limit: Int)
    -> [[String]]?
  {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let byteLimit = 1 << 20
    guard var data = try? handle.read(upToCount: byteLimit) else { return nil }
    if data.count == byteLimit, let end = data.lastIndex(of: UInt8(ascii: "\n")) {
      data = data.prefix(upTo: end)
    }
    guard var text = String(data: data, encoding: .utf8) else { return nil }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let format =
      options.format ?? PredictionFileFormat.inferred(fromPath: path)
      ?? PredictionFileFormat.sniffed(from: data.prefix(4_096))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true).prefix(limit)
    switch format {
    case .csv:
      guard let text = commaSeparated(text, delimiter: options.delimiterByte),
        let records = try? CSVText.records(in: text, limit: limit)
      else { return nil }
      return records.filter { $0 != [""] }
    case .tsv:
      return lines.map { line in
        line.split(separator: "\t", omittingEmptySubsequences: false).map {
          String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
      }
    case .jsonLines:
      var header: [String] = []
      var records: [[String]] = []
      for line in lines where !line.allSatisfy(\.isWhitespace) {
        guard
          let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
            as? [String: Any]
        else { return nil }
        if header.isEmpty { header = object.keys.sorted() }
        records.append(
          header.map { key in
            switch object[key] {
            case let value as String: value
            case let value as NSNumber: value.stringValue
            default: ""
            }
          })
      }
      return [header] + records
    }
  }
}

extension LikelyCountColumn {
  /// A CSV file's text with its fields separated by commas: as it is when
  /// they are, and when they are separated by a semicolon, a tab or a
  /// vertical bar (named, or found as the reader finds it: the first line
  /// has no comma but has one of them), with that delimiter made a comma,
  /// which reads the same records when the text has no comma and no
  /// double quote. `nil` otherwise.
  static func commaSeparated(_ text: String, delimiter: UInt8?) -> String? {
    let chosen = delimiter ?? sniffedDelimiter(text)
    guard chosen != .comma else { return text }
    guard !text.utf8.contains(.comma), !text.utf8.contains(.quote) else { return nil }
    return String(decoding: text.utf8.map { $0 == chosen ? .comma : $0 }, as: UTF8.self)
  }

  /// The delimiter of a CSV file's first line with content, as
  /// `PredictionFileParser.sniffDelimiter()` finds it, for a first line
  /// without double quotes: a comma, unless it has none but has a
  /// semicolon, a tab or a vertical bar (the most frequent; ties to the
  /// semicolon, then the tab).
  private static func sniffedDelimiter(_ text: String) -> UInt8 {
    let line = text.utf8.drop { $0 == .lineFeed || $0 == .carriageReturn || $0 == .space }
      .prefix { $0 != .lineFeed }
    guard !line.contains(.comma) else { return .comma }
    let semicolons = line.count { $0 == .semicolon }
    let tabs = line.count { $0 == .tab }
    let pipes = line.count { $0 == UInt8(ascii: "|") }
    guard semicolons + tabs + pipes > 0 else { return .comma }
    return semicolons >= Swift.max(tabs, pipes)
      ? .semicolon : tabs >= pipes ? .tab : UInt8(ascii: "|")
  }
}

extension Array {
  /// The array, or `nil` when it is empty.
  fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
