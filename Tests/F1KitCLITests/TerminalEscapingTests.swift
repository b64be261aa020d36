import Foundation
import Testing

/// Labels and names from the input as a terminal sees them (issue 14 §6):
/// control characters escaped, long text cut, lists capped, errors one line.
@Suite("Input echoed to the terminal is escaped, cut and capped")
struct TerminalEscapingTests {
  /// No ESC, no CSI, no bare CR: nothing that could restyle a terminal.
  static func isInert(_ text: String) -> Bool {
    !text.unicodeScalars.contains {
      $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\r" || $0 == "\u{7}"
    }
  }

  @Test("an ESC sequence in a label is escaped in the text report, and a long label is cut")
  func textReportEscapes() throws {
    let hostile = "\u{1B}]0;pwned\u{7}\u{1B}[2J"
    let long = String(repeating: "y", count: 5_000)
    let input =
      "label,prediction\n" + "\"\(hostile)\",\"\(hostile)\"\n\(long),\(long)\nb,b\n"
    let result = try runF1Kit(["evaluate", "-"], input: input)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(Self.isInert(result.standardOutput))
    #expect(result.standardOutput.contains(#"\u{1B}]0;pwned\u{7}\u{1B}[2J"#))
    #expect(!result.standardOutput.contains(long))
    #expect(result.standardOutput.split(separator: "\n").allSatisfy { $0.count < 400 })
  }

  @Test("an ESC sequence in a label is escaped in the multilabel text report and --ci table")
  func multilabelAndIntervalsEscape() throws {
    let input = "label,prediction\nx,\"\u{1B}[31mred\"\nneg,neg\nx,x\n\"\u{1B}[31mred\",x\n"
    for arguments in [
      ["evaluate", "-", "--problem", "multilabel"],
      ["evaluate", "-", "--ci", "--resamples", "200"],
    ] {
      let result = try runF1Kit(arguments, input: input)
      #expect(result.status == 0, "\(result.standardError)")
      #expect(Self.isInert(result.standardOutput + result.standardError))
      #expect(result.standardOutput.contains(#"\u{1B}[31mred"#))
    }
  }

  @Test("a newline or ESC in a label keeps an error on one line")
  func errorsStayOneLine() throws {
    // The positive label cannot be guessed for these two labels.
    let input =
      "label,prediction\n\"evil\nline\",\"evil\nline\"\n\"\u{1B}[31mred\",\"\u{1B}[31mred\"\n"
    let result = try runF1Kit(["evaluate", "-"], input: input)
    #expect(result.status == 64)
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.first?.contains(#""evil\nline""#) == true, "\(result.standardError)")
    #expect(lines.first?.contains(#""\u{1B}[31mred""#) == true)
    #expect(lines.count == 3)  // the error, the short usage, "See 'f1kit help evaluate'"
    #expect(Self.isInert(result.standardError))
  }

  @Test("an option name with control characters is echoed escaped on one line")
  func optionNameEscaped() throws {
    let result = try runF1Kit(["evaluate", "x.csv", "--po\u{1B}[2Jsi\ntive"])
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix(#"Error: Unknown option '--po\u{1B}[2Jsi\ntive'"#))
    #expect(result.standardError.split(separator: "\n").count == 3)
    #expect(Self.isInert(result.standardError))
  }

  @Test("a warning naming thousands of labels lists ten and says how many more")
  func warningListsAreCapped() throws {
    // 5,000 gold labels of two items each (one item each would read as a
    // column of ids, and stop), every item predicted as the first: 4,999
    // labels are never predicted, so their precision is undefined.
    let count = 5_000
    let input =
      "label,prediction\n" + (0..<2 * count).map { "class-\($0 % count),class-0\n" }.joined()
    let result = try runF1Kit(["evaluate", "-", "--format", "json"], input: input)
    #expect(result.status == 0, "\(result.standardError)")
    let warning = try #require(
      result.standardError.split(separator: "\n").first { $0.hasPrefix("warning: precision") })
    #expect(warning.contains("and 4,989 more"), "\(warning)")
    #expect(warning.count < 500)
  }
}
