import F1Kit

/// Turns the values of one record into label codes: interning labels, taking
/// the argmax of scores or comparing a score with the threshold, and reading
/// counts and ids.
///
/// Its mutable state is only touched from the parsing loop, one record at a
/// time, so it opts out of dynamic exclusivity checks, which would otherwise
/// cost more than the parsing itself.
final class RecordInterpreter {
  /// The file as named in messages.
  let path: String
  let format: PredictionFileFormat
  let layout: ColumnLayout
  /// The column name of each value slot, for messages.
  let slotNames: [String]
  /// The values of the current record, by slot.
  let values: UnsafeMutablePointer<ValueSlice>
  let threshold: Double
  let readsIDs: Bool
  /// The labels seen, by code.
  @exclusivity(unchecked) var interner: LabelInterner
  /// The 1-based line on which the current record starts.
  @exclusivity(unchecked) var line = 1
  /// The offset of the current record in the buffer.
  @exclusivity(unchecked) var recordStart = 0
  /// Whether the current record has line breaks in quoted fields.
  @exclusivity(unchecked) var hasLineBreaks = true
  /// The code of each score class, or -1 until the class first wins.
  @exclusivity(unchecked) private var classCodes: [Int32] = []
  /// The label of each score class.
  @exclusivity(unchecked) private var classNames: [String] = []
  /// The number of classes in a score array, once known.
  @exclusivity(unchecked) private var scoreArrayLength: Int?
  /// The lowest and highest thresholded score so far.
  @exclusivity(unchecked) private var lowestScore = Double.infinity
  @exclusivity(unchecked) private var highestScore = -Double.infinity

  /// The lowest and highest thresholded score read, if any.
  var scoreRange: ClosedRange<Double>? {
    lowestScore <= highestScore ? lowestScore...highestScore : nil
  }

  init(
    path: String, format: PredictionFileFormat, layout: ColumnLayout, slotNames: [String],
    values: UnsafeMutablePointer<ValueSlice>, options: PredictionFileOptions, readsIDs: Bool
  ) {
    self.path = path
    self.format = format
    self.layout = layout
    self.slotNames = slotNames
    self.values = values
    self.threshold = options.threshold
    self.readsIDs = readsIDs
    interner = LabelInterner()
    switch layout.source {
    case .scoreColumns(let slots):
      classNames = slots.map { slotNames[$0] }
      classCodes = Array(repeating: -1, count: classNames.count)
    case .scoreArray:
      if let labels = options.labels {
        classNames = labels
        classCodes = Array(repeating: -1, count: labels.count)
        scoreArrayLength = labels.count
      }
    case .label, .threshold:
      break
    }
  }

  /// Turns the current record's values into codes and passes them on.
  ///
  /// With a thresholded score the predicted code is 0 (negative) or 1
  /// (positive), to be resolved after reading.
  @inline(__always)
  func consume<Sink: RecordSink>(
    _ base: UnsafeMutablePointer<UInt8>, into sink: inout Sink
  ) throws(PredictionFileError) {
    let gold = try labelCode(slot: layout.gold, base)
    let predicted: Int32
    switch layout.source {
    case .label(let slot):
      predicted = try labelCode(slot: slot, base)
    case .threshold(let slot):
      let value = try score(slot: slot, base)
      if value < lowestScore { lowestScore = value }
      if value > highestScore { highestScore = value }
      if Sink.keepsScores { sink.add(score: value) }
      predicted = value >= threshold ? 1 : 0
    case .scoreColumns(let slots):
      predicted = try scoreColumnsWinner(slots: slots, base, into: &sink)
    case .scoreArray(let slot):
      predicted = try scoreArrayWinner(slot: slot, base)
      if Sink.keepsScores {
        NumberScanner.forEachArrayElement(base + values[slot].start, count: values[slot].count) {
          sink.add(score: $0)
        }
      }
    }
    var weight = 1
    if let slot = layout.count {
      let slice = try text(slot: slot, base, expected: "a count")
      guard let count = NumberScanner.count(base + slice.start, count: slice.count) else {
        throw error(
          .invalidCount(column: slotNames[slot], found: string(slice, base)), slot: slot, base)
      }
      weight = count
    }
    if let slot = layout.group {
      // JSON's null is a missing group, as an empty field is.
      if values[slot].kind == .null {
        throw error(.emptyGroup(column: slotNames[slot]), slot: slot, base)
      }
      let slice = try text(slot: slot, base, expected: "a group")
      switch sink.add(group: base + slice.start, count: slice.count) {
      case .added:
        break
      case .invalidUTF8:
        throw error(.invalidUTF8(column: slotNames[slot]), slot: slot, base)
      case .emptyGroup:
        throw error(.emptyGroup(column: slotNames[slot]), slot: slot, base)
      case .missingValueGroup:
        throw error(
          .missingValueGroup(column: slotNames[slot], found: string(slice, base)), slot: slot, base)
      }
    }
    if readsIDs, let slot = layout.id {
      // JSON's null is a missing id, as pandas' to_json writes NaN.
      if values[slot].kind == .null {
        throw error(.emptyID(column: slotNames[slot], isNull: true), slot: slot, base)
      }
      let slice = try text(slot: slot, base, expected: "an id")
      let place = location(slot: slot, base)
      switch sink.add(id: base + slice.start, count: slice.count, line: line, place: place) {
      case .added:
        // An empty id is a missing value (pandas' NaN), not the id "".
        if slice.count == 0 {
          throw error(.emptyID(column: slotNames[slot]), slot: slot, base)
        }
      case .invalidUTF8:
        throw error(.invalidUTF8(column: slotNames[slot]), slot: slot, base)
      case .emptyGroup:
        // The group column read in the id's place (see
        // `PredictionReader.readGroups(column:)`).
        throw error(.emptyGroup(column: slotNames[slot]), slot: slot, base)
      case .missingValueGroup:
        throw error(
          .missingValueGroup(column: slotNames[slot], found: string(slice, base)), slot: slot, base)
      }
    }
    guard sink.add(gold: gold, predicted: predicted, weight: weight) else {
      throw error(.countOverflow, slot: layout.count ?? layout.gold, base)
    }
  }

  /// The value in `slot` as bytes: a CSV field (unescaped), a JSON string,
  /// number or Boolean.
  @inline(__always)
  private func text(
    slot: Int, _ base: UnsafeMutablePointer<UInt8>, expected: String
  ) throws(PredictionFileError) -> ValueSlice {
    let slice = values[slot]
    switch slice.kind {
    case .text, .string, .number, .boolean:
      return slice
    case .escapedText:
      let unescaped = DelimitedRecordTokenizer.unescape(slice, in: base)
      values[slot] = unescaped
      return unescaped
    case .null, .array, .object:
      let found = slice.kind == .null ? "null" : slice.kind == .array ? "an array" : "an object"
      throw error(
        .unsupportedValue(
          column: slotNames[slot], expected: "\(expected) (a string, number or Boolean)",
          found: found),
        slot: slot, base)
    }
  }

  @inline(__always)
  private func labelCode(
    slot: Int, _ base: UnsafeMutablePointer<UInt8>
  ) throws(PredictionFileError) -> Int32 {
    // JSON's null is a missing label, as pandas' to_json writes NaN.
    if values[slot].kind == .null {
      throw error(
        .emptyLabel(
          column: slotNames[slot], countColumn: layout.count.map { slotNames[$0] }, isNull: true),
        slot: slot, base)
    }
    let slice = try text(slot: slot, base, expected: "a label")
    // An empty CSV field or JSON string is a missing label, not a class.
    if slice.count == 0, slice.kind == .text || slice.kind == .string {
      throw error(
        .emptyLabel(
          column: slotNames[slot], countColumn: layout.count.map { slotNames[$0] },
          isQuoted: slice.kind == .text && slice.origin != slice.start),
        slot: slot, base)
    }
    if slice.kind == .number, slice.count > 0 {
      // A JSON number is a digit or '-' first, unless it is NaN or Infinity.
      let first =
        base[slice.start] == UInt8(ascii: "-") && slice.count > 1
        ? base[slice.start + 1] : base[slice.start]
      if first == UInt8(ascii: "N") || first == UInt8(ascii: "I") {
        throw error(.notFiniteLabel(found: string(slice, base)), slot: slot, base)
      }
    }
    guard let code = interner.code(of: base + slice.start, count: slice.count) else {
      throw error(.invalidUTF8(column: slotNames[slot]), slot: slot, base)
    }
    if Int(code) >= interner.firstPlaces.count {
      try refuseRepeatedHeader(base)
    }
    interner.noteFirstPlace(of: code, location(slot: slot, base))
    return code
  }

  /// The score in `slot`; NaN, infinities and anything but a number throw.
  private func score(slot: Int, _ base: UnsafeMutablePointer<UInt8>) throws(PredictionFileError)
    -> Double
  {
    let slice = values[slot]
    let unescaped =
      slice.kind == .escapedText ? DelimitedRecordTokenizer.unescape(slice, in: base) : slice
    values[slot] = unescaped
    let column = slotNames[slot]
    switch unescaped.kind {
    case .text, .string, .number:
      switch NumberScanner.score(base + unescaped.start, count: unescaped.count) {
      case .value(let value): return value
      case .notFinite:
        throw error(
          .nonFiniteScore(column: column, found: string(unescaped, base)), slot: slot, base)
      case .invalid:
        throw error(
          .invalidNumber(column: column, found: string(unescaped, base)), slot: slot, base)
      }
    default:
      throw error(.invalidNumber(column: column, found: string(unescaped, base)), slot: slot, base)
    }
  }

  /// The class of the highest score column; ties go to the first.
  private func scoreColumnsWinner<Sink: RecordSink>(
    slots: [Int], _ base: UnsafeMutablePointer<UInt8>, into sink: inout Sink
  ) throws(PredictionFileError) -> Int32 {
    var best = 0
    var bestScore = -Double.infinity
    for (index, slot) in slots.enumerated() {
      let value = try score(slot: slot, base)
      if Sink.keepsScores { sink.add(score: value) }
      if index == 0 || value > bestScore {
        best = index
        bestScore = value
      }
    }
    let code = classCode(best)
    interner.noteFirstPlace(of: code, location(slot: slots[best], base))
    return code
  }

  /// The class of the highest score in an array; ties go to the first.
  private func scoreArrayWinner(
    slot: Int, _ base: UnsafeMutablePointer<UInt8>
  ) throws(PredictionFileError) -> Int32 {
    var slice = values[slot]
    if slice.kind == .escapedText {
      slice = DelimitedRecordTokenizer.unescape(slice, in: base)
      values[slot] = slice
    }
    let column = slotNames[slot]
    guard slice.kind == .array || slice.kind == .text || slice.kind == .string else {
      throw error(
        .unsupportedValue(
          column: column, expected: "an array of numbers", found: string(slice, base)),
        slot: slot, base)
    }
    switch NumberScanner.argmax(base + slice.start, count: slice.count) {
    case .argmax(let index, let count):
      if let expected = scoreArrayLength {
        guard count == expected else {
          throw error(
            .wrongScoreCount(column: column, expected: expected, found: count), slot: slot, base)
        }
      } else {
        guard count > 0 else {
          throw error(.wrongScoreCount(column: column, expected: 1, found: 0), slot: slot, base)
        }
        scoreArrayLength = count
        classNames = (0..<count).map(String.init)
        classCodes = Array(repeating: -1, count: count)
      }
      let code = classCode(index)
      interner.noteFirstPlace(of: code, location(slot: slot, base))
      return code
    case .notFinite(let text):
      throw error(.nonFiniteScore(column: column, found: text), slot: slot, base)
    case .invalidElement(let text):
      throw error(.invalidNumber(column: column, found: text), slot: slot, base)
    case .notAnArray:
      throw error(
        .unsupportedValue(
          column: column, expected: "an array of numbers",
          found: PredictionFileError.quoted(string(slice, base))),
        slot: slot, base)
    }
  }

  /// The code of score class `index`, interning its label when it first wins.
  @inline(__always)
  private func classCode(_ index: Int) -> Int32 {
    let code = classCodes[index]
    if code >= 0 { return code }
    let interned = interner.code(of: classNames[index])
    classCodes[index] = interned
    return interned
  }

  // MARK: - Errors

  private func string(_ slice: ValueSlice, _ base: UnsafeMutablePointer<UInt8>) -> String {
    String(
      decoding: UnsafeBufferPointer(start: base + slice.start, count: slice.count), as: UTF8.self)
  }

  /// An error at the value in `slot` of the current record: its field
  /// number (and the line it starts on) in CSV and TSV, its byte offset in
  /// JSON Lines.
  private func error(
    _ reason: PredictionFileError.Reason, slot: Int, _ base: UnsafeMutablePointer<UInt8>
  ) -> PredictionFileError {
    PredictionFileError(path: path, location: location(slot: slot, base), reason: reason)
  }

  /// Where the value in `slot` of the current record is.
  @inline(__always)
  private func location(slot: Int, _ base: UnsafeMutablePointer<UInt8>)
    -> PredictionFileError.Location
  {
    let slice = values[slot]
    switch format {
    case .csv, .tsv:
      var lineFeeds = 0
      if hasLineBreaks {
        for offset in recordStart..<max(recordStart, slice.origin) where base[offset] == .lineFeed {
          lineFeeds += 1
        }
      }
      return .init(line: line + lineFeeds, column: slot + 1, unit: .field)
    case .jsonLines:
      return .init(line: line, column: slice.origin - recordStart + 1, unit: .byte)
    }
  }
}
