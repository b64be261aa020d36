import F1Kit
import F1KitSupport
import Foundation
import Testing

@testable import F1KitReading

@Suite("Reading decimal scores exactly")
struct NumberScannerTests {
  /// The score `NumberScanner` reads from `text`.
  static func scan(_ text: String) -> NumberScanner.Score {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer {
      NumberScanner.score(UnsafePointer($0.baseAddress!), count: $0.count)
    }
  }

  /// The standard library's correctly rounded reading of `text`.
  static func reference(_ text: String) -> NumberScanner.Score {
    guard let value = Double(text) else { return .invalid }
    return value.isFinite ? .value(value) : .notFinite
  }

  /// Whether two readings are the same, comparing values bit for bit.
  static func isSame(_ a: NumberScanner.Score, _ b: NumberScanner.Score) -> Bool {
    switch (a, b) {
    case (.value(let x), .value(let y)): x.bitPattern == y.bitPattern
    default: a == b
    }
  }

  @Test(
    "gives the standard library's bits on halfway, boundary and fallback cases",
    arguments: [
      "0", "-0", "0.0", "-0.0e5", "0e500", "1", "-1", "0.1", "0.3305706668605152",
      "0.33057066686051519", "9007199254740993", "9007199254740992.5", "1e23", "8.5e-1",
      "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9e-324", "1.7976931348623157e308",
      "1.7976931348623159e308", "1e-64", "1e64", "1e65", "1e-65", "123456789012345678901234",
      "0.000000000000000000001234567890123456789", "1234567890123456789", "12345678901234567890",
      "18446744073709551615", "18446744073709551616", ".5", "5.", "+.5e+3", "1E-5", "7e-0",
      "1.00000000000000011102230246251565404236316680908203125",
      "1.00000000000000011102230246251565404236316680908203124", "inf", "-NaN", "1e",
      "e5", ".", "", "1.2.3", " 1", "1e+", "3.4028235677973366e38",
    ])
  func edgeCases(text: String) {
    #expect(Self.isSame(Self.scan(text), Self.reference(text)), "\(text)")
  }

  @Test(
    "rejects what Python's float rejects or F1Kit does not accept",
    arguments: ["0x10", "1_000", " 1", "1 ", "--1", "1e5.0"])
  func rejects(text: String) {
    #expect(Self.scan(text) == .invalid)
  }

  @Test(
    "gives the standard library's bits on random decimals of every length and exponent",
    arguments: [1, 2, 3])
  func randomDecimals(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    var mismatches: [String] = []
    for _ in 0..<100_000 {
      let text: String
      switch Int.random(in: 0..<4, using: &generator) {
      case 0:
        // Any finite double's shortest spelling.
        let bits = UInt64.random(in: 0..<0x7FF0_0000_0000_0000, using: &generator)
        text = "\(Double(bitPattern: bits))"
      case 1:
        // A probability written with 17 significant digits, as %.17g does.
        text = String(format: "%.17g", Double.random(in: 0...1, using: &generator))
      case 2:
        text = String(format: "%.15g", Double.random(in: -20...20, using: &generator))
      default:
        // Random digits, 1 to 21 of them, with a random exponent.
        let digits = (0..<Int.random(in: 1...21, using: &generator)).map { _ in
          String(Int.random(in: 0...9, using: &generator))
        }.joined()
        let point = Int.random(in: 0...digits.count, using: &generator)
        let exponent = Int.random(in: -80...80, using: &generator)
        text =
          String(digits.prefix(point)) + "." + String(digits.dropFirst(point)) + "e\(exponent)"
      }
      if !Self.isSame(Self.scan(text), Self.reference(text)) { mismatches.append(text) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }
}
