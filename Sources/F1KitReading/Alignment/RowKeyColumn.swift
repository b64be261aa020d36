import F1Kit

/// A column of files aligned row by row that names each item, as a data
/// frame's named index does (`sample_id`, written by `to_csv()` after
/// `set_index`), found so that files in different row orders are not
/// paired row by row.
///
/// Files without an id column (`id`, or a first column that holds an
/// unnamed index) are aligned row by row. A file written after sorting
/// (by gold label, say, which keeps the gold labels in line) pairs
/// different items then, with no sign of it. A column that every file
/// has, whose values are distinct within each file and the same set in
/// every file, names the items; when it comes in another order in some
/// file, the rows do not hold the same items.
public struct RowKeyColumn: Sendable {
  /// The column's name.
  public let name: String
  /// The index of the first file whose values come in another order than
  /// the first file's, or `nil` when every file has them in the same order.
  public let reorderedFile: Int?
  /// The first row (counted from 0) where that file's value differs.
  public let firstDifference: Int?
  /// The values in that row: the first file's and that file's.
  public let differingValues: (first: String, other: String)?

  /// How many of a file's other columns are read, at most: each is one
  /// more pass over every file.
  public static let candidateLimit = 3

  /// Finds the first column, in the first file's header order, that names
  /// the items of files aligned row by row.
  ///
  /// Columns the reader reads (gold label, prediction, scores, count),
  /// `excluded` columns (weight, group, a class's score column) and columns
  /// not in every file are passed over; at most ``candidateLimit`` others
  /// are read, each with one more pass over the files, stopping at the
  /// first file where its values repeat, are empty or cannot be read.
  ///
  /// - Parameters:
  ///   - readers: The files' readers, in alignment order.
  ///   - excluded: Column names that are not candidates.
  ///   - requiresSameSet: Whether the values must be the same set in every
  ///     file; when not, a column whose values are distinct within each
  ///     file is enough (as for a hint when the files' gold labels differ).
  ///   - distinctValues: A column's values in a file (given by its index
  ///     in `readers`), or `nil` when they repeat or cannot be read; by
  ///     default ``distinctValues(of:in:)``, and for files read another
  ///     way (label sets) a read of the column as their ids.
  /// - Returns: The column, or `nil` when there is none, a file has an id
  ///   column, a reader names its id column (or none) or reads standard
  ///   input.
  /// - Complexity: O(*c* · *n*) for *n* bytes in all and *c* columns read.
  public static func find(
    in readers: [PredictionReader], excluding excluded: Set<String>, requiresSameSet: Bool = true,
    distinctValues: ((_ file: Int, _ column: String) -> ItemIdentifiers?)? = nil
  ) -> RowKeyColumn? {
    guard readers.count > 1,
      readers.allSatisfy({ $0.options.idColumn == nil && $0.path != "-" })
    else { return nil }
    var shared: [String]?
    for reader in readers {
      guard let columns = reader.unreadColumns() else { return nil }
      shared = shared.map { names in names.filter(columns.contains) } ?? columns
    }
    let candidates = (shared ?? []).filter { !excluded.contains($0) }.prefix(candidateLimit)
    // A column that repeats among the first file's first records (a group
    // column, a text column of few values) cannot name the items: passed
    // over without reading every file for it.
    for name in candidates where !repeatsEarly(name, in: readers[0]) {
      let values = { (file: Int) -> ItemIdentifiers? in
        if let distinctValues { return distinctValues(file, name) }
        return Self.distinctValues(of: name, in: readers[file])
      }
      if let key = key(
        name, fileCount: readers.count, values: values, requiresSameSet: requiresSameSet)
      {
        return key
      }
    }
    return nil
  }

  /// A column's values in a file, read as its ids (see
  /// `PredictionReader.readItems()`, with the column as
  /// ``PredictionFileOptions/idColumn``).
  ///
  /// - Parameters:
  ///   - column: The column's name.
  ///   - reader: The file's reader.
  /// - Returns: The values in file order, or `nil` when a value repeats,
  ///   or the column cannot be read so.
  /// - Complexity: O(*n*) for *n* bytes.
  public static func distinctValues(of column: String, in reader: PredictionReader)
    -> ItemIdentifiers?
  {
    var options = reader.options
    options.idColumn = column
    guard let key = try? PredictionReader(path: reader.path, options: options) else { return nil }
    return (try? key.readItems())?.identifiers
  }

  /// Whether a column's values repeat among a file's first `records`
  /// records: a test that costs one chunk, where reading the column's
  /// values in full costs a pass over the file.
  ///
  /// - Parameters:
  ///   - column: The column's name.
  ///   - reader: The file's reader.
  ///   - records: How many records to look at.
  /// - Returns: `true` when a value repeats; `false` when none does or the
  ///   records cannot be read so (the full read then decides).
  /// - Complexity: O(`records`).
  static func repeatsEarly(_ column: String, in reader: PredictionReader, records: Int = 4_096)
    -> Bool
  {
    var options = reader.options
    options.idColumn = column
    options.minimumParallelByteCount = .max
    guard let parser = try? PredictionFileParser(path: reader.path, options: options) else {
      return false
    }
    var sink = PrefixValueSink()
    sink.limit = records
    _ = try? parser.parse(into: &sink, readsIDs: true)
    return sink.repeats
  }

  /// The column `name` as a key of `fileCount` files' items, or `nil` when
  /// its values repeat within a file, (with `requiresSameSet`) differ
  /// between files, or cannot be read.
  private static func key(
    _ name: String, fileCount: Int, values read: (Int) -> ItemIdentifiers?,
    requiresSameSet: Bool
  ) -> RowKeyColumn? {
    guard let first = read(0) else { return nil }
    var reordered: (file: Int, row: Int, values: (String, String))?
    for index in 1..<fileCount {
      guard let values = read(index) else { return nil }
      guard values != first else { continue }
      // Each of the first file's values' row in this file.
      let positions = first.positions(in: values)
      if requiresSameSet {
        guard values.count == first.count, !positions.contains(nil) else { return nil }
      }
      if reordered == nil {
        let row = positions.indices.first { positions[$0] != $0 } ?? first.count
        let found = row < values.count ? values[row] : ""
        reordered = (index, row, (row < first.count ? first[row] : "", found))
      }
    }
    return RowKeyColumn(
      name: name, reorderedFile: reordered?.file, firstDifference: reordered?.row,
      differingValues: reordered?.values)
  }
}

extension PredictionReader {
  /// The header's columns that are read for no item's labels (gold label,
  /// prediction, scores or count), in header order.
  ///
  /// - Returns: The columns, or `nil` when the file has an id column or its
  ///   header cannot be read.
  /// - Complexity: O(1): the header and at most one chunk are read.
  func unreadColumns() -> [String]? {
    var options = self.options
    options.minimumParallelByteCount = .max
    guard let parser = try? PredictionFileParser(path: path, options: options) else { return nil }
    var sink = HeaderSink()
    _ = try? parser.parse(into: &sink, readsIDs: false)
    guard !parser.header.isEmpty, parser.idColumn == nil else { return nil }
    var read = Set([parser.columns.gold] + parser.columns.prediction)
    if let count = parser.columns.detectedCount { read.insert(count) }
    if let count = options.countColumn { read.insert(count) }
    return parser.header.filter { !read.contains($0) }
  }
}

/// A sink that stops the read at the first record, once the header and
/// its layout are known.
private struct HeaderSink: RecordSink {
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool { false }

  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome { .added }

  mutating func append(_ other: consuming HeaderSink, codes: [Int32], lineOffset: Int) -> Bool {
    false
  }
}

/// A sink that keeps the first records' id values and stops the read once
/// one repeats or `limit` records are in.
private struct PrefixValueSink: RecordSink {
  var limit = 0
  var values: Set<String> = []
  var repeats = false

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    !repeats && values.count < limit
  }

  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    let value = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    if !values.insert(value).inserted { repeats = true }
    return .added
  }

  mutating func append(_ other: consuming PrefixValueSink, codes: [Int32], lineOffset: Int)
    -> Bool
  {
    false
  }
}
