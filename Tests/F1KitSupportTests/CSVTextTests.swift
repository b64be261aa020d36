import F1KitSupport
import Testing

@Suite("The one CSV reader and writer")
struct CSVTextTests {
  @Test(
    "records split on commas and line ends, honouring quotes",
    arguments: [
      ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
      ("a,b\r\n1,2", [["a", "b"], ["1", "2"]]),
      ("\"x, y\",\"say \"\"hi\"\"\"\n", [["x, y", "say \"hi\""]]),
      ("\"two\nlines\",z\n", [["two\nlines", "z"]]),
      ("", []),
      ("a,,\n", [["a", "", ""]]),
      ("\u{FEFF}epoch,steps\n", [["epoch", "steps"]]),
      ("\"\",x\r\n", [["", "x"]]),
    ])
  func splitsRecords(text: String, expected: [[String]]) throws {
    #expect(try CSVText.records(in: text) == expected)
  }

  @Test("writing then reading a record gives the fields back")
  func roundTrips() throws {
    let fields = ["plain", "with, comma", "with \"quotes\"", "two\nlines", "", "a\"b"]
    #expect(try CSVText.records(in: CSVText.record(fields)) == [fields])
    #expect(try CSVText.records(in: CSVText.record(fields, lineEnding: "\n")) == [fields])
  }

  @Test("a limit stops after that many records")
  func stopsAtLimit() throws {
    #expect(try CSVText.records(in: "a\nb\nc\n", limit: 1) == [["a"]])
  }

  @Test("each record knows the line it starts on, past quoted line breaks")
  func numbersLines() throws {
    let records = try CSVText.numberedRecords(in: "h1,h2\n\"x\ny\",1\n\n2,3\n")
    #expect(records.map(\.line) == [1, 2, 4, 5])
    #expect(records[2].isBlank)
  }

  @Test(
    "a misplaced quote is an error naming its line and column, not a guess",
    arguments: [
      ("a,b\nx\"y,1\n", CSVSyntaxError(line: 2, column: 2, reason: .strayQuote)),
      ("a,b\n\"x\"y,1\n", CSVSyntaxError(line: 2, column: 4, reason: .characterAfterQuote)),
      ("a,b\n1,\"open\n", CSVSyntaxError(line: 2, column: 3, reason: .unterminatedQuote)),
    ])
  func refusesMisplacedQuotes(text: String, expected: CSVSyntaxError) {
    #expect(throws: expected) { try CSVText.records(in: text) }
    #expect(expected.description.hasPrefix("\(expected.line):\(expected.column): expected "))
  }

  @Test("numbers keep round-trip precision and undefined values are empty")
  func writesNumbers() {
    #expect(CSVText.number(0.1) == "0.1")
    #expect(CSVText.number(1) == "1.0")
    #expect(CSVText.number(.nan) == "")
    #expect(CSVText.number(-.infinity) == "")
  }
}
