import F1Kit

/// Finds the fields of a CSV or TSV record that has no quote and no carriage
/// return, eight bytes at a time: the fast path of the parsing loop.
///
/// For any other record (quoted fields, CRLF endings, a blank line, the wrong
/// number of fields, or a record not yet whole in the buffer) `scan` returns
/// `nil`, and the caller hands the record to `DelimitedRecordTokenizer`,
/// which reads it, or reports its error, exactly.
///
/// Words are loaded at any offset before `end`, so the buffer must have
/// `ChunkedByteSource.padding` readable bytes past `end`.
struct PlainRecordScanner {
  /// The extents of the fields a record's codes come from.
  struct Fields {
    var goldStart: Int
    var goldCount: Int
    var predictionStart: Int
    var predictionCount: Int
    var idStart: Int
    var idCount: Int
    var groupStart: Int
    var groupCount: Int
    /// The offset of the next record.
    var next: Int

    /// Whether the prediction field holds the gold field's bytes, for
    /// fields of up to 8 bytes (as most labels are): then the prediction
    /// has the gold label's code, found without looking the label up.
    ///
    /// Loads a word at each field's start, so the buffer must have
    /// `ChunkedByteSource.padding` readable bytes past the record.
    @inline(__always)
    func isPredictionGold(_ base: UnsafePointer<UInt8>) -> Bool {
      guard goldCount == predictionCount, goldCount <= 8 else { return false }
      let raw = UnsafeRawPointer(base)
      let gold = UInt64(
        littleEndian: raw.loadUnaligned(fromByteOffset: goldStart, as: UInt64.self))
      let prediction = UInt64(
        littleEndian: raw.loadUnaligned(fromByteOffset: predictionStart, as: UInt64.self))
      return (gold ^ prediction) & ByteWords.mask(goldCount) == 0
    }
  }

  let delimiter: UInt8
  let fieldCount: Int
  let goldIndex: Int
  let predictionIndex: Int
  /// The id field's index, or -1 when ids are not read.
  let idIndex: Int
  /// The group field's index, or -1 when groups are not read.
  let groupIndex: Int
  /// `threshold` in every byte: all of the bytes that end or complicate a
  /// field (delimiter, quote, CR, LF) are below it.
  private let thresholds: UInt64

  init(
    delimiter: UInt8, fieldCount: Int, goldIndex: Int, predictionIndex: Int, idIndex: Int?,
    groupIndex: Int? = nil
  ) {
    self.delimiter = delimiter
    self.fieldCount = fieldCount
    self.goldIndex = goldIndex
    self.predictionIndex = predictionIndex
    self.idIndex = idIndex ?? -1
    self.groupIndex = groupIndex ?? -1
    let threshold = UInt64(max(delimiter, .quote, .carriageReturn, .lineFeed)) + 1
    thresholds = threshold &* Self.ones
  }

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The fields of the plain record that starts at `start`, or `nil` if the
  /// record is not plain or does not end before `end`.
  @inline(__always)
  func scan(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Fields? {
    var fields = Fields(
      goldStart: 0, goldCount: 0, predictionStart: 0, predictionCount: 0, idStart: 0, idCount: 0,
      groupStart: 0, groupCount: 0, next: 0)
    var position = start
    var index = 0
    let raw = UnsafeRawPointer(base)
    let delimiter = self.delimiter
    while true {
      let fieldStart = position
      // Find the first byte below the threshold that is a delimiter or LF.
      var terminator: Int
      while true {
        let word = UInt64(
          littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        let candidates = (word &- thresholds) & ~word & Self.highBits
        if candidates == 0 {
          position &+= 8
          if position >= end { return nil }
          continue
        }
        terminator = position &+ (candidates.trailingZeroBitCount &>> 3)
        if terminator >= end { return nil }
        let byte = base[terminator]
        if byte == delimiter || byte == .lineFeed { break }
        if byte == .quote || byte == .carriageReturn { return nil }
        position = terminator &+ 1
      }
      let count = terminator &- fieldStart
      if index == goldIndex {
        fields.goldStart = fieldStart
        fields.goldCount = count
      }
      if index == predictionIndex {
        fields.predictionStart = fieldStart
        fields.predictionCount = count
      }
      if index == idIndex {
        fields.idStart = fieldStart
        fields.idCount = count
      }
      if index == groupIndex {
        fields.groupStart = fieldStart
        fields.groupCount = count
      }
      let isLast = index == fieldCount &- 1
      if base[terminator] == .lineFeed {
        // A blank line is not a record of one empty field.
        guard isLast, terminator != start else { return nil }
        fields.next = terminator &+ 1
        return fields
      }
      if isLast { return nil }
      index &+= 1
      position = terminator &+ 1
    }
  }
}
