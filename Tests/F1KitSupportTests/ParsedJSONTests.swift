import F1KitSupport
import Testing

@Suite("The exact JSON reader")
struct ParsedJSONTests {
  private func parse(_ text: String) throws -> ParsedJSON {
    try ParsedJSON(parsing: Array(text.utf8))
  }

  @Test("the threshold tune wrote reads back bit for bit (JSONSerialization is 1 ulp low)")
  func reviewersThreshold() throws {
    let record = try parse(#"{"threshold": 0.37787015227147086, "constraint": null}"#)
    #expect(record["threshold"]?.double?.bitPattern == 0.377_870_152_271_470_86.bitPattern)
    #expect(record["constraint"]?.isNull == true)
  }

  @Test("random doubles of every exponent, subnormals included, round-trip exactly")
  func randomRoundTrip() throws {
    var generator = SplitMix64(seed: 61)
    var values: [Double] = [
      .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
      -.leastNonzeroMagnitude, 0, 1, 0.1, Double.leastNormalMagnitude.nextDown,
    ]
    for index in 0..<20_000 {
      let bits = generator.next()
      let value =
        index.isMultiple(of: 2)
        ? Double(bitPattern: bits)
        : Double(bits >> 11) * 0x1p-53
      // NumberText writes no negative zero, so -0.0 is left out.
      if value.isFinite, value != 0 { values.append(value) }
    }
    var text = "["
    for (index, value) in values.enumerated() {
      text += (index == 0 ? "" : ",") + NumberText.shortest(value)
    }
    let document = try parse(text + "]")
    guard case .array(let elements) = document else {
      Issue.record("not an array")
      return
    }
    #expect(elements.count == values.count)
    let mismatches = zip(elements, values).filter { $0.double?.bitPattern != $1.bitPattern }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(3).map { "\($0.0) \($0.1)" })")
  }

  @Test(
    "numbers in every spelling JSON allows, and Python's non-finite words",
    arguments: [
      ("1E+2", 100.0), ("-0.5e-1", -0.05), ("0.37787015227147086000001", 0.377_870_152_271_470_86),
      ("1e400", .infinity), ("-1e400", -.infinity), ("1e-400", 0), ("Infinity", .infinity),
      ("-Infinity", -.infinity),
    ] as [(String, Double)])
  func spellings(text: String, value: Double) throws {
    #expect(try parse(text).double == value)
  }

  @Test("a UTF-8 byte order mark before the value is skipped")
  func byteOrderMark() throws {
    #expect(try parse("\u{FEFF}{\"threshold\": 0.4}")["threshold"]?.double == 0.4)
  }

  @Test("NaN reads as a number that is not a number")
  func notANumber() throws {
    #expect(try parse("NaN").double?.isNaN == true)
  }

  @Test("integers, strings with escapes and nesting")
  func structure() throws {
    let document = try parse(
      #" {"n": 400, "s": "d\u00e9v\\\"\n\ud83d\ude00", "o": {"a": [true, false, null]}} "#)
    #expect(document["n"]?.integer == 400)
    #expect(document["s"]?.text == "dév\\\"\n😀")
    #expect(document["o"]?["a"] == .array([.bool(true), .bool(false), .null]))
    #expect(document["missing"] == nil)
    #expect(try parse("1.5").integer == nil)
  }

  @Test(
    "malformed text is refused where it goes wrong",
    arguments: ["", "{", "{\"a\" 1}", "[1,]", "01", "1.", "-", "\"\u{01}\"", "{} {}", "tru"])
  func refusals(text: String) {
    #expect(throws: ParsedJSON.SyntaxError.self) { try ParsedJSON(parsing: Array(text.utf8)) }
  }
}
