import F1Kit
import F1KitReading
import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

@Suite("Report examples: items with their text, read for just those rows")
struct ReportExamplesTests {
  @Test("reads the sentence pair and gold label of the requested rows of a fixture")
  func readsFixtureRows() throws {
    let path = Fixtures.url("stsb/test-minilm-l6.csv").path
    let rows = ItemTextReader(path: path).readTexts(rows: [0, 2, 1_378, 5_000])
    #expect(rows.keys.sorted() == [0, 2, 1_378])
    let first = try #require(rows[0])
    #expect(first.gold == "0")
    #expect(first.fields.map(\.column) == ["sentence1", "sentence2"])
    #expect(
      first.fields.map(\.text) == ["A girl is styling her hair.", "A girl is brushing her hair."])
    #expect(rows[2]?.fields.first?.text == "One woman is measuring another woman's ankle.")
  }

  static let formats: [(name: String, contents: String)] = [
    (
      "quoted.csv",
      "id,premise,hypothesis,label,prediction\n\n"
        + "a,\"one, \"\"two\"\"\nthree\",plain,x,y\n\n\r\nb,second,text,y,y\n"
    ),
    (
      "tabs.tsv",
      "id\tpremise\thypothesis\tlabel\tprediction\na\tone\tplain\tx\ty\nb\tsecond\ttext\ty\ty\n"
    ),
    (
      "lines.jsonl",
      "{\"premise\":\"one\",\"hypothesis\":\"plain\",\"label\":\"x\",\"prediction\":\"y\"}\n\n"
        + "{\"premise\":\"second\",\"hypothesis\":\"text\",\"label\":\"y\",\"prediction\":\"y\"}\n"
    ),
    ("semicolons.csv", "premise;hypothesis;label;prediction\none;plain;x;y\nsecond;text;y;y\n"),
  ]

  @Test(
    "reads CSV with quotes and embedded newlines, TSV, JSON Lines and ';', skipping blank lines",
    arguments: formats.map(\.name))
  func readsFormats(_ name: String) throws {
    let directory = TemporaryDirectory()
    let contents = try #require(Self.formats.first { $0.name == name }).contents
    let path = directory.write(name, contents)
    let rows = ItemTextReader(path: path).readTexts(rows: [1])
    let row = try #require(rows[1])
    #expect(row.gold == "y")
    #expect(Set(row.fields.map(\.column)) == ["premise", "hypothesis"])
    #expect(Set(row.fields.map(\.text)) == ["second", "text"])
    if name == "quoted.csv" {
      let first = try #require(ItemTextReader(path: path).readTexts(rows: [0])[0])
      #expect(first.fields[0].text == "one, \"two\"\nthree")
    }
  }

  /// `report` of one file looks for example texts before reading it, and
  /// on a stream without line breaks that look once waited for the end of
  /// the first line for ever, growing without bound.
  @Test(
    "an endless stream without line breaks gives no examples at the record limit",
    arguments: [nil, PredictionFileFormat.csv, .tsv, .jsonLines])
  func endlessStream(format: PredictionFileFormat?) throws {
    guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
    let options = PredictionFileOptions(format: format, maximumRecordByteCount: 1 << 16)
    #expect(ItemTextReader(path: "/dev/zero", options: options).readTexts(rows: [0]).isEmpty)
    #expect(ItemTextReader(path: "/dev/zero", options: options).readTexts(rows: [3]).isEmpty)
  }

  @Test("a file without text columns, standard input and a long field give bounded results")
  func bounded() throws {
    let directory = TemporaryDirectory()
    let plain = directory.write("plain.csv", "label,prediction\na,b\n")
    #expect(ItemTextReader(path: plain).readTexts(rows: [0]).isEmpty)
    #expect(ItemTextReader(path: "-").readTexts(rows: [0]).isEmpty)
    let long = String(repeating: "é", count: 50_000)
    let path = directory.write("long.csv", "text,label,prediction\n\(long),a,a\n")
    let text = try #require(ItemTextReader(path: path).readTexts(rows: [0])[0]?.fields.first?.text)
    #expect(text.utf8.count <= ItemTextReader.maximumFieldBytes + 3)
    #expect(text.hasSuffix("…"))
  }

  static func stsbReport() throws -> ReportModel {
    try HTMLReportTests.fixtureReport(["stsb/test-minilm-l6.csv", "stsb/test-minilm-l3.csv"])
  }

  @Test("the report shows misclassified and disputed items with their text, escaped")
  func examplesSection() throws {
    let report = try Self.stsbReport()
    #expect(report.examples.map(\.kind) == [.misclassified, .disagreement])
    #expect(report.examples.allSatisfy { $0.items.count == ItemExamples.itemLimit })
    // Every misclassified item is wrong for both models; every disputed one
    // has two different predictions.
    for item in report.examples[0].items {
      #expect(item.predictions.allSatisfy { $0 != item.gold })
    }
    for item in report.examples[1].items { #expect(Set(item.predictions).count == 2) }
    // No text yet: no section.
    #expect(!HTMLReport(report).render().contains("id=\"examples\""))
    let path = Fixtures.url("stsb/test-minilm-l6.csv").path
    var texts = ItemTextReader(path: path).readTexts(rows: report.exampleRows)
    let row = try #require(report.examples[0].items.first?.row)
    texts[row]?.fields[0].text = "<script>alert(1)</script> & more"
    let html = HTMLReport(report.attachingTexts(texts)).render()
    #expect(html.contains("<section id=\"examples\""))
    #expect(
      html.contains("<h3 id=\"examples-misclassified-heading\">Misclassified by every model</h3>"))
    #expect(html.contains("<bdi>&lt;script&gt;alert(1)&lt;/<wbr>script&gt; &amp; more</bdi>"))
    #expect(!html.contains("<script>"))
    #expect(html.contains("<span class=\"detail wrong-mark\">✗ wrong</span>"))
    let id = try #require(report.examples[0].items.first?.id)
    #expect(html.contains("<th scope=\"row\"><bdi>\(id)</bdi></th>"))
  }

  @Test("rows whose gold label does not match the item's show no examples")
  func mismatchedRows() throws {
    let report = try Self.stsbReport()
    var texts: [Int: ItemTextReader.Row] = [:]
    for row in report.exampleRows {
      texts[row] = ItemTextReader.Row(
        gold: "not-a-label", fields: [ItemTextReader.Field(column: "text", text: "t")])
    }
    #expect(report.attachingTexts(texts).examples.isEmpty)
  }

  @Test("examples are picked by a seeded spread, the same for the same seed")
  func seededPick() {
    let first = ItemExamples.pick(count: 1_000, seed: 1) { $0 % 3 == 0 }
    #expect(first == ItemExamples.pick(count: 1_000, seed: 1) { $0 % 3 == 0 })
    #expect(first.count == 5 && first.allSatisfy { $0 % 3 == 0 })
    #expect(first != Array(stride(from: 0, to: 15, by: 3)))
    #expect(ItemExamples.pick(count: 4, seed: 1) { _ in true } == [0, 1, 2, 3])
  }

  @Test("run metadata lists the positive label and how the files were aligned")
  func metadataSettings() throws {
    let html = HTMLReport(try Self.stsbReport()).render()
    #expect(
      html.contains(
        "<dt>Positive label</dt><dd>“1” (assumed: the labels are a well-known pair)</dd>"))
    #expect(html.contains("<dt>Alignment</dt><dd>by item id:"))
    let r8 = HTMLReport(try HTMLReportTests.fixtureReport(["r8/test-tfidf-nb.csv"])).render()
    #expect(r8.contains("<dt>Positive label</dt><dd>none (multiclass)</dd>"))
    #expect(r8.contains("<dt>Alignment</dt><dd>none needed (one model)</dd>"))
  }
}
