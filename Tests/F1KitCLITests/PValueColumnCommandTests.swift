import Foundation
import Testing
import _TestSupport

/// The test lines of `compare`'s text: whatever form a p-value takes
/// ("p = 0.001" or "p = 1.9e-06"), what each test counted starts in one
/// column.
@Suite("compare's test lines keep one column after p-values of either form")
struct PValueColumnCommandTests {
  /// Where the detail after each test line's result starts, for every
  /// block of test lines (the lines after a "B − A: …" line), `nil` for a
  /// line with no detail ("p = undefined"); a block's positions should be
  /// one.
  private func detailColumns(_ text: String) -> [[Int?]] {
    var blocks: [[Int?]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if !line.hasPrefix(" ") && line.contains(" − ") && line.hasSuffix("]") {
        blocks.append([])
      } else if line.hasPrefix("  "), line.contains("p = "), !blocks.isEmpty {
        let match = line.firstMatch(of: /p = \S+( \([^)]*-adjusted [^)]*\))? +/)
        blocks[blocks.count - 1].append(
          match.map { line.distance(from: line.startIndex, to: $0.range.upperBound) })
      }
    }
    return blocks
  }

  /// Expects every block to have `testCount` lines, a p-value in
  /// scientific notation beside a fixed one, and one detail column.
  private func expectOneDetailColumn(
    _ result: CommandResult, testCount: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == 0, "\(result.standardError)", sourceLocation: sourceLocation)
    let text = result.standardOutput
    #expect(text.contains("e-"), "\(text)", sourceLocation: sourceLocation)
    let blocks = detailColumns(text)
    #expect(!blocks.isEmpty, "\(text)", sourceLocation: sourceLocation)
    for block in blocks {
      #expect(block.count == testCount, "\(text)", sourceLocation: sourceLocation)
      #expect(Set(block.compactMap(\.self)).count == 1, "\(text)", sourceLocation: sourceLocation)
    }
  }

  /// 200 items in 40 groups: a's scores are spread evenly whatever the
  /// gold label, b's separate the classes but on one item. The predicted
  /// label is the score's side of 0.5.
  private func files(in folder: TemporaryDirectory) -> [String] {
    ["a.csv", "b.csv"].map { name in
      folder.write(
        name,
        "query,gold,pred,score\n"
          + (0..<200).map { item in
            let isPositive = item % 2 == 0
            let score =
              name == "a.csv"
              ? Double(item * 37 % 100) / 100
              : item == 3 ? 0.2 : isPositive ? 0.9 : 0.1
            return
              "q\(item % 40),\(isPositive ? "pos" : "neg"),\(score >= 0.5 ? "pos" : "neg"),\(score)\n"
          }.joined())
    }
  }

  @Test("single-label, grouped and score comparisons, with two models and with three")
  func columns() throws {
    let folder = TemporaryDirectory()
    let files = files(in: folder)
    let c = folder.write("c.csv", try String(contentsOfFile: files[0], encoding: .utf8))
    let quick = ["--resamples", "199", "-q"]
    for models in [files, files + [c]] {
      expectOneDetailColumn(
        try runF1Kit(["compare"] + models + ["--metric", "accuracy"] + quick), testCount: 3)
      expectOneDetailColumn(
        try runF1Kit(
          ["compare"] + models + ["--metric", "roc_auc", "--score-column", "score"] + quick),
        testCount: 3)
    }
    expectOneDetailColumn(
      try runF1Kit(
        ["compare"] + files + ["--metric", "accuracy", "--group-column", "query"] + quick),
      testCount: 3)
  }

  @Test("multilabel comparisons")
  func multilabel() throws {
    let folder = TemporaryDirectory()
    let labels = ["x", "y", "z"]
    let files = ["ma.csv", "mb.csv"].map { name in
      folder.write(
        name,
        "id,label,prediction\n"
          + (0..<40).map { item in
            let gold = [labels[item % 3]] + (item % 2 == 1 ? [labels[(item + 1) % 3]] : [])
            let isWrong = name == "ma.csv" || item == 3
            let predicted = isWrong ? labels.filter { !gold.contains($0) } : gold
            return
              "i\(item),\(gold.joined(separator: "|")),\(predicted.joined(separator: "|"))\n"
          }.joined())
    }
    expectOneDetailColumn(
      try runF1Kit(["compare"] + files + ["--resamples", "199", "-q"]), testCount: 3)
  }
}
