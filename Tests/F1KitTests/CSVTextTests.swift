import F1Kit
import Testing

@Suite("Small CSV texts")
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
    ])
  func splitsRecords(text: String, expected: [[String]]) {
    #expect(CSVText.records(in: text) == expected)
  }

  @Test("writing then reading a record gives the fields back")
  func roundTrips() {
    let fields = ["plain", "with, comma", "with \"quotes\"", "two\nlines", ""]
    #expect(CSVText.records(in: CSVText.record(fields)) == [fields])
  }

  @Test("a limit stops after that many records")
  func stopsAtLimit() {
    #expect(CSVText.records(in: "a\nb\nc\n", limit: 1) == [["a"]])
  }
}
