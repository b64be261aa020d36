import Foundation
import Testing

@testable import F1KitReading

@Suite("The id index's first probe")
struct ItemIdentifierSlotTests {
  @Test(
    "spreads hashes over the whole table, so reading ids stays linear",
    arguments: [7, 3_073, 1_000_001])
  func slotsSpread(size: Int) {
    var generator = SplitMix(state: UInt64(size))
    var slots: Set<Int> = []
    for _ in 0..<2_000 {
      let slot = ItemIdentifiers.slot(generator.next(), size: size)
      #expect((0..<size).contains(slot))
      slots.insert(slot)
    }
    // 2,000 random hashes fill about size · (1 − e^(−2000/size)) distinct
    // slots; a first probe stuck at slot 0 gives one.
    let expected = Double(size) * (1 - exp(-2_000 / Double(size)))
    #expect(Double(slots.count) >= 0.9 * expected)
    #expect(slots.max()! >= size / 2)
  }
}

/// A tiny seeded generator for the test.
private struct SplitMix {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
