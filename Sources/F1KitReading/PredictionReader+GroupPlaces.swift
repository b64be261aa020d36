import F1Kit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension PredictionReader {
  /// A record of a file, as a message about it names it.
  package enum RecordKey: Hashable, Sendable {
    /// The record at this 0-based position among the file's records.
    case index(Int)
    /// The record with this id.
    case id(String)
  }

  /// Where a record's group value is in the file: the file is read again,
  /// for a message about that value.
  ///
  /// - Parameters:
  ///   - column: The group column's name.
  ///   - record: The record.
  /// - Returns: The line and column of the record's group value, or `nil`
  ///   when the file is standard input (read once already), cannot be
  ///   read again or has no such record.
  /// - Complexity: O(*n*) for a file of *n* bytes; twice that to find a
  ///   record by id.
  package func groupPlace(column: String, of record: RecordKey) -> PredictionFileError.Location? {
    guard path != "-" else { return nil }
    let index: Int
    switch record {
    case .index(let position):
      index = position
    case .id(let id):
      guard let found = find(.id(Array(id.utf8)), options: options) else { return nil }
      index = found.index
    }
    // The group column takes the id column's place, as in
    // `readGroups(column:)`: the sink is given each value's place.
    var groupOptions = options
    groupOptions.idColumn = column
    return find(.index(index), options: groupOptions)?.place
  }

  /// The first record that `target` names, with the place of its id.
  private func find(_ target: RecordFindingSink.Target, options: PredictionFileOptions)
    -> (index: Int, place: PredictionFileError.Location)?
  {
    var options = options
    options.minimumParallelByteCount = .max
    guard let parser = try? PredictionFileParser(path: path, options: options) else { return nil }
    var sink = RecordFindingSink()
    sink.target = target
    _ = try? parser.parse(into: &sink, readsIDs: true)
    return sink.found
  }
}

/// Counts records and keeps the place of the id of the one a target names:
/// the record at a position, or the record with an id.
struct RecordFindingSink: RecordSink {
  enum Target {
    case index(Int)
    case id([UInt8])
  }

  var target = Target.index(-1)
  /// The number of records read.
  private var recordCount = 0
  /// The record found and the place of its id.
  private(set) var found: (index: Int, place: PredictionFileError.Location)?

  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    guard found == nil else { return .added }
    switch target {
    case .index(let index):
      if index == recordCount { found = (index, place) }
    case .id(let id):
      let isMatch =
        id.count == count
        && id.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes, count) == 0 }
      if isMatch { found = (recordCount, place) }
    }
    return .added
  }

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    recordCount += 1
    return true
  }

  mutating func append(_ other: consuming RecordFindingSink, codes: [Int32], lineOffset: Int)
    -> Bool
  {
    // Never read in halves (see `groupPlace(column:of:)`).
    false
  }
}
