import Foundation
import Testing
import _TestSupport

/// Every ```` ```console ```` block of README.md and docs/*.md is what
/// `f1kit` prints today: the command runs as written and its output must
/// equal the block's lines after the command, byte for byte.
///
/// The command runs in a temporary folder that links `fixtures` to the
/// package's, so the fixture paths read as written and a file the command
/// writes lands in the folder. A block shows standard output, preceded by
/// standard error when it shows the warnings too (a terminal shows them
/// first: they are written before the results). Its exit status must be 0,
/// or 1 for a gate that prints FAIL.
@Suite("Console examples in the documentation")
struct DocumentationConsoleTests {
  @Test("the documentation has console examples, gate.md's and tables.md's among them")
  func examplesAreFound() {
    let documents = Set(ConsoleExample.all.map(\.document))
    #expect(documents.isSuperset(of: ["README.md", "docs/gate.md", "docs/tables.md"]))
    #expect(ConsoleExample.examples(inDocument: "docs/gate.md").count >= 10)
    #expect(ConsoleExample.examples(inDocument: "docs/tables.md").count >= 3)
  }

  @Test("the example prints exactly what the block shows", arguments: ConsoleExample.all)
  func printsWhatTheBlockShows(example: ConsoleExample) throws {
    let directory = TemporaryDirectory()
    try FileManager.default.createSymbolicLink(
      at: directory.url.appendingPathComponent("fixtures"), withDestinationURL: Fixtures.url(""))
    let result = try runF1Kit(example.arguments, in: directory.url)
    let shown =
      example.output == result.standardOutput
      ? result.standardOutput : result.standardError + result.standardOutput
    #expect(shown == example.output)
    // A failed release gate exits 1 (a decision, never an error); every
    // other example succeeds.
    let expectedStatus: Int32 =
      example.arguments.first == "gate" && example.output.hasPrefix("FAIL:") ? 1 : 0
    #expect(result.status == expectedStatus, "\(result.standardError)")
  }

  @Test("a page's examples are parsed from console blocks only")
  func parsesConsoleBlocksOnly() {
    let page = """
      ```console
      $ f1kit evaluate a.csv
      accuracy 1

      ```

      ```text
      $ f1kit report a.csv --out a.html
      ```

      ```console
      $ python3 tools/x.py
      ```
      """
    let examples = ConsoleExample.examples(in: page, document: "page.md")
    #expect(examples.count == 1)
    #expect(examples.first?.line == 2)
    #expect(examples.first?.arguments == ["evaluate", "a.csv"])
    #expect(examples.first?.output == "accuracy 1\n\n")
  }
}
