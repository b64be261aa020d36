import Testing

@testable import F1KitReading

@Suite("Interning labels")
struct LabelInternerTests {
  /// The code `interner` gives `value`, read with the padding
  /// `code(ofPadded:count:)` needs.
  static func paddedCode(_ value: [UInt8], in interner: inout LabelInterner) -> Int32? {
    withPaddedBytes(value) { interner.code(ofPadded: $0, count: value.count) }
  }

  static func exactCode(_ value: [UInt8], in interner: inout LabelInterner) -> Int32? {
    value.withUnsafeBufferPointer { interner.code(of: $0.baseAddress!, count: value.count) }
  }

  /// One-byte labels (looked up by their byte) among longer ones that
  /// start with the same byte (hashed), every byte value included.
  static let pool: [[UInt8]] =
    (0...255).map { [UInt8($0)] }
    + ["10", "1 ", "é", "entailment", "0\u{0}"].map { Array($0.utf8) }

  @Test("gives one-byte labels the same codes by their byte as by their hash, in first-seen order")
  func oneByteLabelsAgreeWithHashedLookup() {
    var byByte = LabelInterner()
    var byHash = LabelInterner()
    var state: UInt64 = 11
    for step in 0..<4_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value = Self.pool[Int((state >> 33) % UInt64(Self.pool.count))]
      let expected = Self.exactCode(value, in: &byHash)
      // Alternate the two entry points, so each finds what the other added.
      let found =
        step.isMultiple(of: 2)
        ? Self.paddedCode(value, in: &byByte) : Self.exactCode(value, in: &byByte)
      #expect(found == expected, "\(value)")
      #expect(Self.paddedCode(value, in: &byByte) == expected, "\(value)")
    }
    #expect(byByte.names == byHash.names)
    #expect(byByte.count == Self.pool.count - 128)
  }

  @Test("a one-byte label that is not UTF-8 gets no code, each time it is read")
  func oneByteInvalidUTF8() {
    var interner = LabelInterner()
    #expect(Self.paddedCode([0x31], in: &interner) == 0)
    for _ in 0..<3 { #expect(Self.paddedCode([0xFF], in: &interner) == nil) }
    #expect(Self.paddedCode([0x32], in: &interner) == 1)
    #expect(Self.paddedCode([0x31], in: &interner) == 0)
    #expect(interner.names == ["1", "2"])
    #expect(
      [0x31, 0x32, 0xFF].map { byte in
        [UInt8(byte)].withUnsafeBufferPointer {
          interner.existingCode(of: $0.baseAddress!, count: 1)
        }
      } == [0, 1, nil])
  }
}
