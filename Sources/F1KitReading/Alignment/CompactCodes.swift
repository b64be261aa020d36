/// Label codes kept in one byte each while every code is below 256, and
/// widened to four bytes each from the first code that is not.
///
/// A second model's gold labels are needed only to check them against the
/// first model's, so `PredictionReader.readItems(alignedTo:)` keeps them
/// here for the length of that check: one byte per item for files of up to
/// 256 distinct labels.
struct CompactCodes {
  /// The codes while all fit in a byte; empty once widened.
  private var narrow: [UInt8]
  /// The codes once one did not fit in a byte.
  private var wide: [Int32]?

  /// Creates `count` codes of 0.
  init(count: Int) {
    narrow = [UInt8](repeating: 0, count: count)
  }

  /// Whether the codes take four bytes each.
  var isWide: Bool { wide != nil }

  /// The code at `position`.
  subscript(position: Int) -> Int32 {
    @inline(__always) get {
      if let wide { return wide[position] }
      return Int32(narrow[position])
    }
    @inline(__always) set {
      if wide == nil, let byte = UInt8(exactly: newValue) {
        narrow[position] = byte
      } else {
        widen()
        wide![position] = newValue
      }
    }
  }

  /// Copies the codes into four-byte storage, once.
  private mutating func widen() {
    guard wide == nil else { return }
    wide = narrow.map(Int32.init)
    narrow = []
  }
}
