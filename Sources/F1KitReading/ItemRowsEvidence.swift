import F1Kit
import Foundation

/// Evidence, from a file's first records, that a file whose count column
/// was found by its name (`count`) holds one item a row with a `count` of
/// something else (a word count, annotators), not a count table's cells:
/// read as cells, each item would weigh as much as its count, and every
/// metric would be wrong without a sign.
///
/// A table made by `GROUP BY` has one row per combination of the columns
/// it grouped on; tables joined from several (shards, days) repeat a
/// combination only where one ends and the next begins. So the rows are
/// items when either:
///
/// - adjacent rows repeat the combination of the columns read and of every
///   other column whose values repeat as labels do (a grouping column
///   that is not read, such as a second model's predictions), in at least
///   3 places and 1 row pair in 10, and the file is not sorted by it (some
///   combination comes back after others): a sorted table joined from
///   several would also put its repeats side by side; or
/// - the file has far more rows than combinations of the columns read (at
///   least 20 rows, more than 4 a combination), and a column that numbers
///   or describes items: a data frame's index, or a column of text that
///   differs in every row, such as the question asked.
///
/// Only a regular file is looked at (its first MiB, at most 10,000
/// records), and only once its rows outnumber its combinations; a count
/// table with one row per combination is never read twice.
enum ItemRowsEvidence {
  /// The least number of adjacent repeats that marks items.
  static let minimumAdjacentRepeats = 3

  /// Why the rows of a file with a count column found by name are items,
  /// as a phrase for a message, or `nil` when they may be cells.
  ///
  /// - Parameters:
  ///   - path: The file; standard input (`-`) is never looked at.
  ///   - options: How the file is read.
  ///   - columns: The columns read besides the count column: the gold
  ///     column, each prediction or score column, and the group column.
  ///   - countColumn: The count column found by name.
  ///   - indexColumn: The data frame's index read as ids, if any.
  ///   - rows: The data rows of the whole file.
  ///   - combinations: The distinct combinations of `columns` with a
  ///     count, over the whole file.
  /// - Returns: The evidence, or `nil`.
  /// - Complexity: O(*r*) for the *r* records looked at, when `rows`
  ///   exceeds `combinations`; O(1) otherwise.
  static func find(
    path: String, options: PredictionFileOptions, columns: [String], countColumn: String,
    indexColumn: String?, rows: Int, combinations: Int
  ) -> String? {
    guard path != "-", rows > combinations,
      let records = LikelyCountColumn.firstRecords(path: path, options: options, limit: 10_001),
      let header = records.first, records.count > 2,
      let count = ColumnLayout.find([countColumn], in: header)
    else { return nil }
    var read: [Int] = []
    for name in columns {
      guard let index = ColumnLayout.find([name], in: header) else { return nil }
      if !read.contains(index) { read.append(index) }
    }
    let sample = records.dropFirst().filter { $0.count == header.count }
    let others = header.indices.filter { $0 != count && !read.contains($0) }
    let grouped = read + others.filter { LikelyCountColumn.isLabelLike($0, in: sample) }
    let named = "(" + grouped.map { header[$0] }.joined(separator: ", ") + ")"
    let keys = sample.map { row in grouped.map { row[$0] } }
    var repeats = 0
    for index in keys.indices.dropFirst() where keys[index] == keys[index - 1] {
      repeats += 1
    }
    let distinct = Set(keys).count
    // Runs of equal keys: one per key in a file sorted by them.
    let runs = keys.count - repeats
    if repeats >= minimumAdjacentRepeats, repeats * 10 >= keys.count - 1, runs > distinct {
      return
        "\(repeats) of its first \(keys.count) rows repeat the \(named) of the row before, which a GROUP BY table's rows never do"
    }
    guard rows >= 20, rows > 4 * combinations else { return nil }
    let readNames = "(" + read.map { header[$0] }.joined(separator: ", ") + ")"
    let outnumbered =
      "and its \(rows) rows hold only \(combinations) distinct combinations of \(readNames)"
    if let indexColumn {
      let name =
        indexColumn.isEmpty
        ? "its first column, with no name,"
        : "its first column, \(TerminalText.quoted(indexColumn)),"
      return "\(name) is a data frame's index, numbering items, \(outnumbered)"
    }
    for column in others where isText(column, in: sample) {
      return
        "the column \(TerminalText.quoted(header[column])) holds a different text in each row, as items have, \(outnumbered)"
    }
    return nil
  }

  /// Refuses a file whose count column was found by name when
  /// ``find(path:options:columns:countColumn:indexColumn:rows:combinations:)``
  /// finds its rows are items.
  ///
  /// - Parameters:
  ///   - path: The file; standard input (`-`) is never looked at.
  ///   - displayPath: The file as messages name it.
  ///   - options: How the file is read.
  ///   - columns: The columns read besides the count column.
  ///   - countColumn: The count column found by name, or `nil` when it was
  ///     named or there is none, and nothing is checked.
  ///   - indexColumn: The data frame's index read as ids, if any.
  ///   - rows: The data rows of the whole file.
  ///   - combinations: The distinct combinations of `columns` with a count.
  /// - Throws: ``PredictionFileError`` with reason `.countColumnOfItems`.
  static func refuseItems(
    path: String, displayPath: String, options: PredictionFileOptions, columns: [String],
    countColumn: String?, indexColumn: String?, rows: Int, combinations: Int
  ) throws(PredictionFileError) {
    guard let countColumn,
      let evidence = find(
        path: path, options: options, columns: columns, countColumn: countColumn,
        indexColumn: indexColumn, rows: rows, combinations: combinations)
    else { return }
    throw PredictionFileError(
      path: displayPath, reason: .countColumnOfItems(column: countColumn, evidence: evidence))
  }

  /// Whether a file's rows, in its first records, are each a distinct
  /// combination of the columns read and of other columns whose values
  /// repeat as labels do: the cells of a `GROUP BY` on more columns than
  /// are read (a second model's predictions, unread with `--pred-column`,
  /// or a query id without `--group-column`), whose counts add up over the
  /// columns not read, not items with a count of something else.
  ///
  /// - Parameters:
  ///   - path: The file; standard input (`-`) is never looked at.
  ///   - options: How the file is read.
  ///   - columns: The columns read besides the count column.
  ///   - countColumn: The count column.
  /// - Returns: Whether some column not read is grouped on and no
  ///   combination repeats; `false` when the file cannot be looked at.
  /// - Complexity: O(*r*) for the *r* records looked at.
  static func isGroupedOnMoreColumns(
    path: String, options: PredictionFileOptions, columns: [String], countColumn: String
  ) -> Bool {
    guard path != "-",
      let records = LikelyCountColumn.firstRecords(path: path, options: options, limit: 10_001),
      let header = records.first, records.count > 2,
      let count = ColumnLayout.find([countColumn], in: header)
    else { return false }
    var read: [Int] = []
    for name in columns {
      guard let index = ColumnLayout.find([name], in: header) else { return false }
      if !read.contains(index) { read.append(index) }
    }
    let sample = records.dropFirst().filter { $0.count == header.count }
    let others = header.indices.filter { $0 != count && !read.contains($0) }
      .filter { LikelyCountColumn.isLabelLike($0, in: sample) }
    guard !others.isEmpty else { return false }
    var seen: Set<[String]> = []
    return sample.allSatisfy { row in seen.insert((read + others).map { row[$0] }).inserted }
  }

  /// Whether a column's values differ in every row and some are not
  /// numbers: text or item ids, which a count table's rows do not have.
  private static func isText(_ column: Int, in rows: [[String]]) -> Bool {
    var values: Set<String> = []
    var hasText = false
    for row in rows {
      guard values.insert(row[column]).inserted else { return false }
      if !hasText, Double(row[column].trimmingCharacters(in: .whitespaces)) == nil {
        hasText = true
      }
    }
    return hasText
  }
}
