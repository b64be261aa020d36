import Foundation
import Testing
import _TestSupport

/// `evaluate` and `advise` with `--weight-column` on a weighted count table
/// (`fixtures/examples/weighted-counts.csv`, `GROUP BY label, a, b, weight`
/// of `weighted.csv`): each row's weight applies to its `count` items, so
/// the numbers are those of the items the table summarizes (total weight
/// 39 over 30 items; model a: accuracy 0.9359, macro-F1 0.9308, as
/// scikit-learn gives with `sample_weight`), not of one item a row (25 over
/// 21 items).
@Suite("weighted count tables: evaluate and advise read each row's count")
struct WeightedCountTableCommandTests {
  static let items = Fixtures.url("examples/weighted.csv").path
  static let table = Fixtures.url("examples/weighted-counts.csv").path

  @Test(
    "evaluate prints, byte for byte, what the items give",
    arguments: [[], ["--ci", "--resamples", "200", "--seed", "3"]])
  func evaluateMatchesItems(extra: [String]) throws {
    for model in ["a", "b"] {
      let arguments = ["--pred-column", model, "--weight-column", "weight", "--format", "json"]
      let items = try runF1Kit(["evaluate", Self.items] + arguments + extra)
      let table = try runF1Kit(["evaluate", Self.table] + arguments + extra)
      #expect(items.status == 0 && table.status == 0, "\(table.standardError)")
      #expect(table.standardOutput == items.standardOutput)
    }
    let text = try runF1Kit([
      "evaluate", Self.table, "--pred-column", "a", "--weight-column", "weight",
    ])
    #expect(text.standardOutput.contains("total weight 39 over 30 items"))
    #expect(text.standardOutput.contains("accuracy                         0.9359"))
    #expect(text.standardOutput.contains("0.9308"))
  }

  @Test("a one-model table needs no --pred-column, and --count-column names its counts")
  func oneModelTable() throws {
    let folder = TemporaryDirectory()
    let counted = folder.url.appendingPathComponent("one.csv").path
    let named = folder.url.appendingPathComponent("one-n.csv").path
    let rows = try String(contentsOfFile: Self.table, encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
    // label,b,weight,count: model b alone, its rows merged as GROUP BY does.
    let body = rows.map { "\($0[0]),\($0[2]),\($0[3]),\($0[4])\n" }.joined()
    try ("label,prediction,weight,count\n" + body).write(
      toFile: counted, atomically: true, encoding: .utf8)
    try ("label,prediction,weight,n\n" + body).write(
      toFile: named, atomically: true, encoding: .utf8)
    let expected = try runF1Kit([
      "evaluate", Self.items, "--pred-column", "b", "--weight-column", "weight", "--format", "json",
    ])
    for arguments in [[counted], [named, "--count-column", "n"]] {
      let result = try runF1Kit(
        ["evaluate"] + arguments + ["--weight-column", "weight", "--format", "json"])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardOutput == expected.standardOutput)
    }
  }

  @Test("advise cites the items' weights")
  func adviseMatchesItems() throws {
    let arguments = ["--pred-column", "a", "--weight-column", "weight", "--format", "json"]
    let items = try runF1Kit(["advise", Self.items] + arguments)
    let table = try runF1Kit(["advise", Self.table] + arguments)
    #expect(table.status == 0, "\(table.standardError)")
    #expect(table.standardOutput == items.standardOutput)
    #expect(table.standardOutput.contains("\"total_weight\": 39.0"))
  }

  @Test("a count table is refused where rows are read one item each")
  func refusedWhereRowsAreItems() throws {
    let standardInput = try runF1Kit(
      ["evaluate", "-", "--pred-column", "a", "--weight-column", "weight"],
      input: try String(contentsOfFile: Self.table, encoding: .utf8))
    #expect(standardInput.status == 64)
    #expect(
      standardInput.standardError.contains(
        "the column \"count\" makes each row a cell of a count table, but a count table with sample weights is read from a named file"
      ))
    let folder = TemporaryDirectory()
    let sets = folder.url.appendingPathComponent("sets.csv").path
    try "label,prediction,count\nx|y,x,3\nx,x,2\n".write(
      toFile: sets, atomically: true, encoding: .utf8)
    let multilabel = try runF1Kit(["evaluate", sets])
    #expect(multilabel.status == 64)
    #expect(multilabel.standardError.contains("label sets are read one item a row"))
  }
}
