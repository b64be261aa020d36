import Foundation
import Testing
import _TestSupport

/// Every number README.md and docs/*.md quote from the tool comes from the
/// tool: these tests run the quoted commands and check that the quoted
/// output appears, so the documentation cannot drift from what F1Kit
/// prints.
///
/// A fenced block whose first line is `$ f1kit …` is a transcript: the
/// command runs from the package root (`--out` and `--json` files go to a
/// temporary folder) and every other line of the block must appear in its
/// output (`...` skips lines; a line ending in ` ...` is a prefix). A
/// `console` block is checked whole, byte for byte, by
/// `DocumentationConsoleTests` instead. A blockquote quotes the report or
/// output of the last such command in the same file, word for word.
@Suite("Numbers quoted in the documentation")
struct DocumentationNumbersTests {
  static let documents: [String] = {
    let docs = Fixtures.packageRoot.appendingPathComponent("docs")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
    return ["README.md"] + names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
  }()

  /// A transcript or a quotation found in a document.
  struct Quote: CustomStringConvertible {
    let line: Int
    let command: [String]
    let expected: [String]
    let isTranscript: Bool

    var description: String { "line \(line): f1kit \(command.joined(separator: " "))" }
  }

  /// The transcripts and quotations of one document, in order.
  static func quotes(in text: String) -> [Quote] {
    let lines = text.components(separatedBy: "\n")
    var quotes: [Quote] = []
    var command: [String]?
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.hasPrefix("```") {
        let isConsole = line == "```console"
        var block: [String] = []
        index += 1
        while index < lines.count, !lines[index].hasPrefix("```") {
          block.append(lines[index])
          index += 1
        }
        if let first = block.first, first.hasPrefix("$ f1kit ") {
          let arguments = first.dropFirst("$ f1kit ".count).split(separator: " ").map(String.init)
          command = arguments
          if !isConsole {
            quotes.append(
              Quote(
                line: index - block.count, command: arguments, expected: Array(block.dropFirst()),
                isTranscript: true))
          }
        }
      } else if line.hasPrefix(">"), let command {
        var paragraph: [String] = []
        let start = index
        while index < lines.count, lines[index].hasPrefix(">"),
          lines[index].trimmingCharacters(in: .whitespaces) != ">"
        {
          paragraph.append(String(lines[index].dropFirst()))
          index += 1
        }
        quotes.append(
          Quote(
            line: start + 1, command: command, expected: [paragraph.joined(separator: " ")],
            isTranscript: false))
        continue
      }
      index += 1
    }
    return quotes
  }

  /// Collapses runs of white space, so that wrapped prose compares equal.
  static func normalized(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// An HTML page's text: tags dropped, entities decoded.
  static func pageText(_ html: String) -> String {
    var text = html.replacingOccurrences(
      of: "<[^>]*>", with: " ", options: .regularExpression)
    for (entity, character) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ] {
      text = text.replacingOccurrences(of: entity, with: character)
    }
    return text
  }

  /// Runs a quoted command; its output, with the text of any file it wrote.
  static func output(of command: [String]) throws -> (status: Int32, text: String) {
    let directory = TemporaryDirectory()
    var arguments = command
    var written: [URL] = []
    for index in arguments.indices.dropLast() where ["--out", "--json"].contains(arguments[index]) {
      let file = directory.url.appendingPathComponent(
        URL(fileURLWithPath: arguments[index + 1]).lastPathComponent)
      arguments[index + 1] = file.path
      written.append(file)
    }
    if command.first == "compare" { arguments.append("-q") }
    let result = try runF1Kit(arguments)
    var text = result.standardOutput + "\n" + result.standardError
    for file in written {
      text += "\n" + pageText(try String(contentsOf: file, encoding: .utf8))
    }
    return (result.status, text)
  }

  @Test("every transcript and quotation matches what the tool prints", arguments: documents)
  func quotationsMatch(document: String) throws {
    let text = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent(document), encoding: .utf8)
    var outputs: [[String]: String] = [:]
    for quote in Self.quotes(in: text) {
      let output: String
      if let cached = outputs[quote.command] {
        output = cached
      } else {
        let result = try Self.output(of: quote.command)
        // A failed release gate exits 1 by design; a usage or data error
        // (64–78) means the quoted command no longer runs.
        #expect(result.status == 0 || result.status == 1, "\(document) \(quote)")
        output = result.text
        outputs[quote.command] = output
      }
      for expected in quote.expected where expected != "..." && !expected.isEmpty {
        if quote.isTranscript {
          let line = expected.hasSuffix(" ...") ? String(expected.dropLast(4)) : expected
          #expect(output.contains(line), "\(document) \(quote): \(line)")
        } else {
          #expect(
            Self.normalized(output).contains(Self.normalized(expected)),
            "\(document) \(quote): \(expected)")
        }
      }
    }
  }

  /// Numbers quoted in running prose, with the command whose output holds
  /// each (formatted as the tool formats it).
  static let proseNumbers: [(document: String, command: [String], numbers: [String])] = [
    ("README.md", ["advise", "fixtures/r8/test-tfidf-logreg.csv"], ["108.3×"]),
    (
      "README.md",
      ["compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv"],
      [
        "Detecting a difference of 0.008 with 80% power would take about 12,234 items, a size that rests on the 154 items the models label differently, so it could be anywhere from about 10,000 to 15,000; this test set has 1,379."
      ]
    ),
    (
      "docs/choosing-a-metric.md", ["evaluate", "fixtures/stsb/test-minilm-l6.csv"],
      ["0.8304", "706", "673"]
    ),
    ("docs/choosing-a-metric.md", ["evaluate", "fixtures/stsb/test-minilm-l3.csv"], ["0.8220"]),
    (
      "docs/choosing-a-metric.md", ["advise", "fixtures/r8/test-tfidf-nb.csv"],
      ["0.3304", "0.8196", "0.7657", "0.4353"]
    ),
    (
      "docs/choosing-a-metric.md",
      ["report", "fixtures/r8/test-tfidf-logreg.csv", "--out", "r8.html"],
      ["0.4947", "0.0827", "0.3533", "0.1250"]
    ),
    (
      "docs/choosing-a-metric.md",
      ["report", "fixtures/stsb/test-minilm-l6.csv", "--out", "stsb.html", "--resamples", "0"],
      ["0.5120", "0.4880"]
    ),
    (
      "docs/choosing-a-metric.md", ["advise", "fixtures/newsgroups/test-logreg.csv"],
      ["2.75", "500", "78", "6.4×", "0.704", "0.779", "0.724", "321"]
    ),
    (
      "docs/choosing-a-metric.md", ["advise", "fixtures/newsgroups/test-nb.csv"],
      ["0.756", "0.811", "0.777", "216"]
    ),
    (
      "docs/choosing-a-metric.md",
      [
        "compare", "fixtures/newsgroups/test-logreg.csv", "fixtures/newsgroups/test-nb.csv",
        "--resamples", "999",
      ],
      ["by 0.052, 95% CI [0.036, 0.066], p = 0.001"]
    ),
    (
      "docs/scores.md",
      [
        "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
        "--threshold-from", "fixtures/stsb/dev-minilm-l6.csv",
      ],
      ["0.634695", "0.8181", "0.8304", "0.8399", "0.8869", "0.9008"]
    ),
    (
      "docs/scores.md",
      ["evaluate", "fixtures/stsb/test-minilm-l3.csv", "--score-column", "score"],
      ["0.8949", "0.9038"]
    ),
    (
      "docs/scores.md",
      ["advise", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score"],
      ["0.8015", "±0.0580", "0.7753", "0.8259", "0.595741", "0.0384"]
    ),
    (
      "docs/statistics.md",
      ["evaluate", "fixtures/experiments/a-run1.csv", "--ci", "--group-column", "query"],
      ["1.74×"]
    ),
    (
      "docs/statistics.md",
      [
        "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
        "--group-column", "sentence1",
      ],
      ["1,256", "0.96×"]
    ),
  ]

  @Test("numbers quoted in prose appear in the output of the command they come from")
  func proseNumbersMatch() throws {
    for (document, command, numbers) in Self.proseNumbers {
      let text = try String(
        contentsOf: Fixtures.packageRoot.appendingPathComponent(document), encoding: .utf8)
      let result = try Self.output(of: command)
      #expect(result.status == 0, "\(command)")
      for number in numbers {
        #expect(
          Self.normalized(text).contains(number), "\(document) does not quote \(number)")
        #expect(
          Self.normalized(result.text).contains(number),
          "f1kit \(command.joined(separator: " ")): \(number)")
      }
    }
  }

  @Test("the README's count of generated metric cases is the goldens' count")
  func goldenCaseCount() throws {
    let data = try Data(contentsOf: Fixtures.url("goldens/metrics.json"))
    let goldens = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let cases = try #require(goldens["cases"] as? [Any])
    let readme = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(Self.normalized(readme).contains("checked on \(cases.count) generated cases"))
  }
}
