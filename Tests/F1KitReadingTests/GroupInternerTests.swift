import Testing

@testable import F1KitReading

@Suite("Interning group values")
struct GroupInternerTests {
  /// The code `interner` gives `value`, read with the padding
  /// `code(ofPadded:count:)` needs.
  static func code(_ value: [UInt8], in interner: inout GroupInterner) -> Int32? {
    withPaddedBytes(value) { interner.code(ofPadded: $0, count: value.count) }
  }

  /// Values of every length class: empty, up to 8 bytes, exactly 8, 9 to
  /// 16, past 16, non-ASCII, and pairs that differ only in length or past
  /// the eighth byte.
  static let pool: [[UInt8]] = [
    "", "a", "a\u{0}", "q17", "abcdefgh", "abcdefgh1", "abcdefgh2", "abcdefghijklmnop",
    "abcdefghijklmnopq", "abcdefghijklmnopr", "é", "query-0001", "query-0001 ",
    String(repeating: "long-premise-", count: 4),
  ].map { Array($0.utf8) }

  @Test("numbers values in first-seen order, as LabelInterner does, whatever their length")
  func firstSeenOrder() {
    var groups = GroupInterner()
    var labels = LabelInterner()
    var state: UInt64 = 3
    for _ in 0..<2_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value = Self.pool[Int((state >> 33) % UInt64(Self.pool.count))]
      #expect(Self.code(value, in: &groups) == LabelInternerTests.paddedCode(value, in: &labels))
    }
    #expect(groups.count == Self.pool.count)
    #expect(groups.names == labels.names)
    #expect(Set(groups.names).count == Self.pool.count)
  }

  @Test("grows to many thousands of values and finds each again")
  func manyValues() {
    var interner = GroupInterner()
    let values = (0..<50_000).map { Array(($0 % 3 == 0 ? "g\($0)" : "query-\($0)-text").utf8) }
    let added = values.indices.filter { Self.code(values[$0], in: &interner) != Int32($0) }
    let found = values.indices.reversed().filter {
      Self.code(values[$0], in: &interner) != Int32($0)
    }
    #expect(added.isEmpty)
    #expect(found.isEmpty)
    #expect(interner.count == values.count)
    #expect(interner.names[49_999] == "query-49999-text")
  }

  @Test("a new value that is not UTF-8 gets no code and is not added")
  func invalidUTF8() {
    var interner = GroupInterner()
    #expect(Self.code(Array("a".utf8), in: &interner) == 0)
    #expect(Self.code([0xFF, 0xFE], in: &interner) == nil)
    #expect(Self.code(Array("abcdefghij".utf8) + [0xC3], in: &interner) == nil)
    #expect(interner.count == 1)
    #expect(Self.code(Array("b".utf8), in: &interner) == 1)
  }

  @Test("merging gives the other's new values the next codes in its first-seen order")
  func merge() {
    var first = GroupInterner()
    var second = GroupInterner()
    for value in ["q1", "q2", "a-rather-long-query"] {
      _ = Self.code(Array(value.utf8), in: &first)
    }
    for value in ["q3", "a-rather-long-query", "q1", "q4"] {
      _ = Self.code(Array(value.utf8), in: &second)
    }
    #expect(first.merge(second) == [3, 2, 0, 4])
    #expect(first.names == ["q1", "q2", "a-rather-long-query", "q3", "q4"])
  }
}
