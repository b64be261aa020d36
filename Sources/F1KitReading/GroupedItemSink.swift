import F1Kit

/// Keeps every record's codes and id, as `ItemSink` does, and its group,
/// as `GroupSink` does: the sink of a one-pass read of items and groups
/// (see `PredictionReader.readItems(groupColumn:)`).
struct GroupedItemSink: RecordSink {
  var items = ItemSink()
  var groups = GroupSink()

  mutating func reserveCapacity(_ count: Int) {
    items.reserveCapacity(count)
    groups.reserveCapacity(count)
  }

  @inline(__always)
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    items.add(gold: gold, predicted: predicted, weight: weight)
  }

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    items.add(id: bytes, count: count, line: line, place: place)
  }

  @inline(__always)
  mutating func add(group bytes: UnsafePointer<UInt8>, count: Int) -> IDOutcome {
    groups.add(group: bytes, count: count)
  }

  mutating func append(_ other: consuming GroupedItemSink, codes: [Int32], lineOffset: Int)
    -> Bool
  {
    // Each half of `other` is taken out before it is appended, so that
    // `ItemSink.append` can let its arrays go one at a time.
    var other = other
    let otherItems = other.items
    other.items = ItemSink()
    let otherGroups = other.groups
    other.groups = GroupSink()
    return items.append(otherItems, codes: codes, lineOffset: lineOffset)
      && groups.append(otherGroups, codes: codes, lineOffset: lineOffset)
  }

  mutating func flush() {
    items.flush()
  }
}
