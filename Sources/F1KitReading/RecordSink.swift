import F1Kit

/// Receives each record's label codes from a `PredictionFileParser`.
protocol RecordSink: SendableMetatype {
  /// Adds `weight` items with these codes.
  ///
  /// - Returns: `false` if a count overflows.
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool
  /// Adds the id of the record about to be added.
  ///
  /// The id's bytes are in the read buffer, followed by at least
  /// `ChunkedByteSource.padding` readable bytes. Repeated ids are found
  /// after reading (see `ItemIdentifiers.Builder`), so the sink keeps where
  /// each id was, for the message.
  ///
  /// - Parameters:
  ///   - line: The line on which the record starts.
  ///   - place: Where the id is, for an error message.
  /// - Returns: The outcome: added, or not UTF-8.
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome
  /// Adds the group value of the record about to be added, when the
  /// parser reads a group column (see `PredictionFileParser.groupColumn`).
  ///
  /// The value's bytes are in the read buffer, followed by at least
  /// `ChunkedByteSource.padding` readable bytes. The group is given before
  /// the record's id: when it is refused, nothing of the record is added.
  ///
  /// - Returns: The outcome: added, not UTF-8, or empty.
  mutating func add(group bytes: UnsafePointer<UInt8>, count: Int) -> IDOutcome
  /// Makes room for about `count` more records.
  mutating func reserveCapacity(_ count: Int)
  /// An empty sink.
  init()
  /// Adds the records of `other`, read after this sink's, whose label codes
  /// are `codes[code]` here and whose lines are `lineOffset` further on.
  ///
  /// - Returns: `false` if a count overflows.
  mutating func append(_ other: consuming Self, codes: [Int32], lineOffset: Int) -> Bool
  /// Finishes adding what the sink holds back, such as records written to
  /// a block before they are appended; run at the end of a parse.
  mutating func flush()
  /// Whether the sink keeps each record's scores (see `add(score:)`).
  static var keepsScores: Bool { get }
  /// Adds a score of the record about to be added: its positive-class
  /// score, or its per-class scores one by one in column order.
  mutating func add(score: Double)
}

extension RecordSink {
  mutating func add(group bytes: UnsafePointer<UInt8>, count: Int) -> IDOutcome { .added }
  mutating func reserveCapacity(_ count: Int) {}
  mutating func flush() {}
  static var keepsScores: Bool { false }
  mutating func add(score: Double) {}
}

/// What became of an id or group value given to a `RecordSink`.
enum IDOutcome {
  case added
  case invalidUTF8
  /// A group value with no bytes, refused rather than made one group of
  /// every item whose group is missing (pandas writes NaN as an empty
  /// field).
  case emptyGroup
  /// A group value pandas reads as a missing value (`nan`, `NA`, `None`,
  /// …), refused as an empty one is.
  case missingValueGroup
}
