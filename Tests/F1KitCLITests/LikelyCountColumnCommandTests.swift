import Foundation
import Testing
import _TestSupport

/// A count table whose count column has a name the reader does not take
/// for one (`n`, as dplyr's `count()` writes; the `0` of pandas'
/// `groupby(...).size().to_csv()`) would be read one item a row, so every
/// command that reads it refuses it (exit 64) and says which option reads
/// it as counts: no number or gate decision rests on rows read as items.
@Suite("count columns named n, cnt or 0 are refused with --count-column")
struct LikelyCountColumnCommandTests {
  /// `label,a,b,<column>`: 9 cells of 460 items.
  static func table(column: String) -> String {
    """
    label,a,b,\(column)
    cat,cat,cat,120
    cat,cat,dog,15
    cat,dog,cat,9
    dog,dog,dog,200
    dog,cat,dog,21
    dog,dog,cat,4
    eel,eel,eel,70
    eel,cat,eel,12
    eel,eel,dog,9

    """
  }

  static func write(_ text: String, named name: String, in folder: TemporaryDirectory) throws
    -> String
  {
    let path = folder.url.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let warning = "looks like a count of items per row"

  @Test(
    "every command refuses, and --count-column reads the counts",
    arguments: [
      ["evaluate", "--pred-columns", "a,b"],
      ["compare", "--pred-columns", "a,b", "-q"],
      ["gate", "--pred-columns", "a,b", "--metric", "macro_f1", "--margin", "0.5", "-q"],
      ["advise", "--pred-columns", "a,b"],
    ])
  func warns(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    for column in ["n", "0", "cnt"] {
      let file = try Self.write(Self.table(column: column), named: "t.csv", in: folder)
      let counted = try Self.write(Self.table(column: "count"), named: "c.csv", in: folder)
      let command = [arguments[0], file] + arguments.dropFirst()
      let plain = try runF1Kit(command)
      #expect(plain.status == 64)
      #expect(plain.standardOutput.isEmpty)
      #expect(
        plain.standardError.contains(
          "\(file): column \"\(column)\" \(Self.warning) (each row a distinct combination of the labels, its count mostly above 1, as pandas' groupby(...).size().to_csv() and SQL's GROUP BY write), so reading each row as one item would score the rows, not the items; give --count-column \(column) to read it as counts (or --count-column '' to read each row as one item)"
        ), "\(plain.standardError)")
      let read = try runF1Kit(command + ["--count-column", column])
      let expected = try runF1Kit([arguments[0], counted] + arguments.dropFirst())
      #expect(!read.standardError.contains(Self.warning))
      #expect(read.status == expected.status)
      #expect(read.standardOutput == expected.standardOutput)
      let silenced = try runF1Kit(command + ["--count-column", ""])
      #expect(!silenced.standardError.contains(Self.warning))
    }
  }

  @Test("report and the weighted path refuse, and write nothing")
  func reportAndWeights() throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(Self.table(column: "n"), named: "t.csv", in: folder)
    let json = folder.url.appendingPathComponent("r.json").path
    let html = folder.url.appendingPathComponent("r.html").path
    let report = try runF1Kit([
      "report", file, "--pred-columns", "a,b", "--out", html, "--json", json, "--resamples",
      "100",
    ])
    #expect(report.status == 64)
    #expect(report.standardError.contains(Self.warning))
    #expect(!FileManager.default.fileExists(atPath: html))
    let evaluated = try runF1Kit(["evaluate", file, "--pred-columns", "a,b", "--format", "json"])
    #expect(evaluated.status == 64)
    #expect(evaluated.standardOutput.isEmpty)
    let weighted = try Self.write(
      "label,prediction,weight,n\ncat,cat,1,40\ncat,dog,2,3\ndog,dog,1,50\ndog,cat,0.5,7\n",
      named: "w.csv", in: folder)
    let result = try runF1Kit(["evaluate", weighted, "--weight-column", "weight"])
    #expect(result.status == 64)
    #expect(result.standardError.contains("column \"n\" \(Self.warning)"))
  }

  @Test("compare of one file per model says the counts go in one table")
  func pairedFiles() throws {
    let folder = TemporaryDirectory()
    let first = try Self.write(
      "label,prediction,n\ncat,cat,40\ncat,dog,3\ndog,dog,50\n", named: "a.csv", in: folder)
    let second = try Self.write(
      "label,prediction,n\ncat,cat,41\ncat,dog,2\ndog,dog,50\n", named: "b.csv", in: folder)
    let result = try runF1Kit(["compare", first, second, "-q"])
    #expect(result.status == 64)
    #expect(
      result.standardError.contains(
        "so reading each row as one item would score the rows, not the items, but compare pairs one file per model item by item"
      ), "\(result.standardError)")
  }

  @Test(
    "items are not flagged: an id column, rows that repeat, counts of 1",
    arguments: [
      "id,label,prediction,n\n1,cat,cat,3\n2,dog,dog,3\n3,cat,dog,2\n",
      "label,prediction,n\ncat,cat,3\ncat,cat,3\ndog,dog,2\n",
      "label,prediction,n\ncat,cat,1\ncat,dog,1\ndog,dog,2\n",
    ])
  func itemsAreNotFlagged(text: String) throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(text, named: "i.csv", in: folder)
    let result = try runF1Kit(["evaluate", file, "--positive", "cat"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardError.contains(Self.warning))
  }

  @Test(
    "one model's column of a table of several is refused, the unread columns counting in the combination",
    arguments: ["evaluate", "advise", "gate", "compare"])
  func oneModelOfSeveral(command: String) throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(Self.table(column: "n"), named: "t.csv", in: folder)
    var arguments = [command, file, "--pred-column", "a"]
    if ["gate", "compare"].contains(command) {
      // One file per model, each read for its column `a`.
      let second = try Self.write(Self.table(column: "n"), named: "u.csv", in: folder)
      arguments.insert(second, at: 2)
      arguments += ["-q"]
    }
    if command == "gate" { arguments += ["--metric", "macro_f1", "--margin", "0.5"] }
    let result = try runF1Kit(arguments)
    let reading =
      ["gate", "compare"].contains(command)
      ? ", but \(command) pairs one file per model item by item"
      : "; give --count-column n to read it as counts"
    #expect(result.status == 64)
    #expect(
      result.standardError.contains("\(file): column \"n\" looks like a count of items per row"),
      "\(result.standardError)")
    #expect(result.standardError.contains(reading), "\(result.standardError)")
  }

  @Test(
    "item files whose other columns hold text, scores or repeating labels are not flagged",
    arguments: [
      // A text column of distinct values is no grouping column.
      "text,label,prediction,n\n"
        + (0..<40).map { "text \($0),\(["cat", "dog"][$0 % 2]),\(["cat", "dog"][$0 % 3 % 2]),3\n" }
        .joined(),
      // Scores are no grouping column either.
      "label,prediction,score,n\n"
        + (0..<40).map { "\(["cat", "dog"][$0 % 2]),cat,0.\(100 + $0),\(2 + $0 % 3)\n" }.joined(),
      // Items whose label columns repeat together, as items' do.
      "label,a,b,n\n"
        + (0..<40).map { "\(["cat", "dog"][$0 % 2]),\(["cat", "dog"][$0 % 3 % 2]),cat,5\n" }
        .joined(),
    ])
  func itemFilesWithOtherColumns(text: String) throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(text, named: "i.csv", in: folder)
    let prediction = text.hasPrefix("label,a") ? ["--pred-column", "a"] : []
    let result = try runF1Kit(["evaluate", file, "--positive", "cat"] + prediction)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardError.contains("looks like a count"), "\(result.standardError)")
  }
}
