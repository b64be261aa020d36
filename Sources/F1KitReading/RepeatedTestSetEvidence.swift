import F1Kit
import Foundation

/// Evidence that a count table counts one test set several times, once per
/// value of a column it is not asked to read: the long table
/// `GROUP BY model, label, prediction` (or `seed`, `run`, `checkpoint`)
/// makes, one block of rows per model or run. Its counts summed over that
/// column would score several models' or runs' predictions as one model
/// over as many times the items, each item counted once per value: a
/// pooled number, with intervals too narrow, and no sign of it.
///
/// The sign is in the gold labels: every model or run of one test set
/// counts the same items, so each value of the column counts exactly the
/// same number of items of each gold label. A column whose values split
/// the items (groups, shards, days) gives each value its own share of the
/// classes, and equal shares of every class in every value are a
/// coincidence a table of real groups rarely shows.
///
/// Only a regular file is looked at, and only when it has more rows than
/// combinations of the columns read (so that some column not read splits
/// them) and all of them fit in the first MiB and 10,000 records: the
/// per-value counts are compared over the whole file, never a part.
enum RepeatedTestSetEvidence {
  /// The most records looked at.
  static let recordLimit = 10_000

  /// The column whose every value counts the same items, with its values
  /// and the items of each gold label one value counts.
  struct Finding {
    /// The column not read.
    var column: String
    /// Its values, in first-seen order.
    var values: [String]
    /// The items each value counts per gold label, in first-seen order.
    var goldCounts: [(label: String, count: Int)]
  }

  /// The column of a count table whose every value counts the same items
  /// per gold label, or `nil` when there is none.
  ///
  /// - Parameters:
  ///   - path: The file; standard input (`-`) is never looked at.
  ///   - options: How the file is read.
  ///   - goldColumn: The gold column.
  ///   - columns: Every column read besides the count column (the gold
  ///     column, each prediction column, the group column).
  ///   - countColumn: The count column, found by name or named.
  ///   - rows: The data rows of the whole file.
  ///   - combinations: The distinct combinations of `columns` with a
  ///     count, over the whole file.
  /// - Returns: The finding, or `nil`.
  /// - Complexity: O(*r* · *c*) for *r* rows and *c* columns, when `rows`
  ///   exceeds `combinations` and is at most ``recordLimit``; O(1)
  ///   otherwise.
  static func find(
    path: String, options: PredictionFileOptions, goldColumn: String, columns: [String],
    countColumn: String, rows: Int, combinations: Int
  ) -> Finding? {
    guard path != "-", rows > combinations, rows <= recordLimit,
      let records = LikelyCountColumn.firstRecords(path: path, options: options, limit: rows + 1),
      let header = records.first, records.count == rows + 1,
      let count = ColumnLayout.find([countColumn], in: header),
      let gold = ColumnLayout.find([goldColumn], in: header)
    else { return nil }
    var read: Set<Int> = [count, gold]
    for name in columns {
      guard let index = ColumnLayout.find([name], in: header) else { return nil }
      read.insert(index)
    }
    let sample = records.dropFirst()
    guard sample.allSatisfy({ $0.count == header.count }) else { return nil }
    var counts: [Int] = []
    for row in sample {
      guard let value = Int(row[count].trimmingCharacters(in: .whitespaces)), value >= 0 else {
        return nil
      }
      counts.append(value)
    }
    let rowsRead = Array(sample)
    for column in header.indices where !read.contains(column) {
      guard LikelyCountColumn.isLabelLike(column, in: rowsRead) else { continue }
      if let finding = sameGoldCounts(
        column: column, gold: gold, rows: rowsRead, counts: counts, header: header)
      {
        return finding
      }
    }
    return nil
  }

  /// The finding for one column when each of its values (at least two,
  /// each counting at least two items) counts the same items per gold
  /// label.
  private static func sameGoldCounts(
    column: Int, gold: Int, rows: [[String]], counts: [Int], header: [String]
  ) -> Finding? {
    var values: [String] = []
    var perValue: [String: [String: Int]] = [:]
    var labels: [String] = []
    for (row, count) in zip(rows, counts) where count > 0 {
      let value = row[column]
      let label = row[gold]
      if perValue[value] == nil {
        values.append(value)
        perValue[value] = [:]
      }
      if !labels.contains(label) { labels.append(label) }
      let (sum, overflow) = perValue[value]![label, default: 0].addingReportingOverflow(count)
      guard !overflow else { return nil }
      perValue[value]![label] = sum
    }
    guard values.count >= 2, let first = perValue[values[0]],
      values.allSatisfy({ perValue[$0] == first }),
      first.values.reduce(0, &+) >= 2
    else { return nil }
    return Finding(
      column: header[column], values: values,
      goldCounts: labels.compactMap { label in first[label].map { (label, $0) } })
  }

  /// Refuses a count table that
  /// ``find(path:options:goldColumn:columns:countColumn:rows:combinations:)``
  /// finds counts one test set once per value of a column not read.
  ///
  /// - Parameters:
  ///   - path: The file; standard input (`-`) is never looked at.
  ///   - displayPath: The file as messages name it.
  ///   - options: How the file is read.
  ///   - goldColumn: The gold column.
  ///   - columns: Every column read besides the count column.
  ///   - countColumn: The count column, or `nil` for a file of items,
  ///     which is not checked.
  ///   - rows: The data rows of the whole file.
  ///   - combinations: The distinct combinations of `columns` with a count.
  /// - Throws: ``PredictionFileError`` with reason `.countsRepeatTestSet`.
  static func refuseRepeats(
    path: String, displayPath: String, options: PredictionFileOptions, goldColumn: String,
    columns: [String], countColumn: String?, rows: Int, combinations: Int
  ) throws(PredictionFileError) {
    guard let countColumn,
      let finding = find(
        path: path, options: options, goldColumn: goldColumn, columns: columns,
        countColumn: countColumn, rows: rows, combinations: combinations)
    else { return }
    throw PredictionFileError(
      path: displayPath,
      reason: .countsRepeatTestSet(
        column: finding.column, values: finding.values,
        goldLabels: finding.goldCounts.map(\.label), goldCounts: finding.goldCounts.map(\.count)))
  }
}
