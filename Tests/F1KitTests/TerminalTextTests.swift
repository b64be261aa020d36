import Testing

@testable import F1Kit

@Suite("Labels echoed to a terminal: escaped, cut, and lists capped")
struct TerminalTextTests {
  @Test(
    "control characters are escaped as Swift writes them",
    arguments: [
      ("a\nb", #""a\nb""#), ("\u{1B}[31mred", #""\u{1B}[31mred""#), ("tab\there", #""tab\there""#),
      ("say \"hi\"", #""say \"hi\"""#), ("\u{9B}2J", #""\u{9B}2J""#), ("plain", #""plain""#),
    ])
  func escapes(label: String, quoted: String) {
    #expect(TerminalText.quoted(label) == quoted)
  }

  @Test("a long label is cut after the limit with an ellipsis")
  func cutsLongLabels() {
    let label = String(repeating: "x", count: 2_000_000)
    let quoted = TerminalText.quoted(label)
    #expect(quoted == "\"" + String(repeating: "x", count: TerminalText.defaultLimit) + "…\"")
  }

  @Test("a list of a million labels shows ten and says how many more, with separators")
  func capsLists() {
    let labels = (0..<1_000_000).map { "label-\($0)" }
    let list = TerminalText.list(labels)
    #expect(list.hasSuffix(#""label-9" and 999,990 more"#))
    #expect(list.count < 200)
    #expect(TerminalText.list(["a", "b", "c"], conjunction: "and") == #""a", "b" and "c""#)
    #expect(TerminalText.list(["a", "b"]) == #""a", "b""#)
    #expect(TerminalText.list(["a\nb"]) == #""a\nb""#)
    #expect(TerminalText.list([String]()) == "")
  }
}
