import Foundation
import Testing
import _TestSupport

/// Every `f1kit` line of an ```` ```sh ```` block in README.md and
/// docs/*.md that runs on committed fixtures runs as written and succeeds;
/// `tools/check_doc_examples.py` runs them, and the console examples, on a
/// release build.
@Suite("Command lines in the documentation")
struct DocumentationCommandTests {
  @Test("the pages' command lines include scores.md's tune then evaluate")
  func commandsAreFound() {
    let scores = DocumentedCommands.all.first { $0.document == "docs/scores.md" }
    #expect(scores?.commands.map(\.first) == ["tune", "evaluate"])
  }

  @Test("a line naming a file that is not committed is left out")
  func leavesOutOtherFiles() {
    let page = """
      ```sh
      f1kit compare a.csv b.csv
      f1kit tune fixtures/dev.csv --score-column score --out t.json   # tune
      f1kit evaluate fixtures/test.csv \\
        --threshold-from t.json
      f1kit compare fast=$(ls /tmp/fast/*.csv | paste -sd, -) slow=fixtures/b.csv
      swift run f1kit compare A=fixtures/a1.csv,fixtures/a2.csv B=b1.csv,fixtures/b2.csv
      ```
      """
    #expect(
      DocumentedCommands.commands(in: page) == [
        ["tune", "fixtures/dev.csv", "--score-column", "score", "--out", "t.json"],
        ["evaluate", "fixtures/test.csv", "--threshold-from", "t.json"],
      ])
  }

  @Test("a line that a transcript runs is left out unless a later line reads its output")
  func leavesOutTranscripts() {
    let page = """
      ```sh
      f1kit report fixtures/a.csv --out r.html
      f1kit tune fixtures/dev.csv --out t.json
      f1kit evaluate fixtures/test.csv --threshold-from t.json
      ```
      """
    let transcripts: Set<[String]> = [
      ["report", "fixtures/a.csv", "--out", "r.html"],
      ["tune", "fixtures/dev.csv", "--out", "t.json"],
    ]
    #expect(
      DocumentedCommands.commands(in: page, transcripts: transcripts).map(\.first) == [
        "tune", "evaluate",
      ])
    #expect(
      DocumentedCommands.transcripts(in: "```text\n$ f1kit report a.csv\nwrote\n```\n")
        == [["report", "a.csv"]])
  }

  @Test("each line of the page succeeds, in order", arguments: DocumentedCommands.all)
  func commandsSucceed(page: DocumentedCommands) throws {
    let directory = TemporaryDirectory()
    try FileManager.default.createSymbolicLink(
      at: directory.url.appendingPathComponent("fixtures"), withDestinationURL: Fixtures.url(""))
    for arguments in page.commands {
      let result = try runF1Kit(arguments, in: directory.url)
      // A failed release gate exits 1 by design.
      let allowed: Set<Int32> = arguments.first == "gate" ? [0, 1] : [0]
      #expect(
        allowed.contains(result.status),
        "f1kit \(arguments.joined(separator: " ")): \(result.standardError)")
    }
  }
}
