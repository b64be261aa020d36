import Foundation
import Testing
import _TestSupport

/// Run lists as shells leave them: file-name patterns after `NAME=`, which
/// no shell expands, and braces, which write `NAME=` once per file.
@Suite("f1kit compare, report, gate: file-name patterns and braces in run lists")
struct RunListPatternTests {
  static let quick = ["--resamples", "100", "-q"]

  /// A folder with the fixture runs copied as `a-seed-<seed>.csv` and
  /// `b-seed-<seed>.csv` for the given seeds, in the order of the
  /// fixture's runs.
  private func seedFolder(seeds: [Int]) throws -> TemporaryDirectory {
    let directory = TemporaryDirectory()
    for model in ["a", "b"] {
      for (run, seed) in seeds.enumerated() {
        let text = try String(
          contentsOf: Fixtures.packageRoot.appendingPathComponent(
            "fixtures/experiments/\(model)-run\(run + 1).csv"), encoding: .utf8)
        directory.write("\(model)-seed-\(seed).csv", text)
      }
    }
    return directory
  }

  /// The run files of each model in a compare's JSON, in order.
  private func runFiles(_ json: String) throws -> [[String]] {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let models = try #require(object?["models"] as? [[String: Any]])
    return models.map { model in
      (model["runs"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
    }
  }

  @Test("a pattern after NAME= is every matching file, numbers in order of value")
  func patternsExpand() throws {
    let directory = try seedFolder(seeds: [2, 10, 7])
    let expanded = try runF1Kit(
      ["compare", "A=a-seed-*.csv", "B=b-seed-?.csv,b-seed-1[0-9].csv", "--format", "json"]
        + Self.quick, in: directory.url)
    #expect(expanded.status == 0, "\(expanded.standardError)")
    #expect(
      try runFiles(expanded.standardOutput) == [
        ["a-seed-2.csv", "a-seed-7.csv", "a-seed-10.csv"],
        ["b-seed-2.csv", "b-seed-7.csv", "b-seed-10.csv"],
      ])
    let listed = try runF1Kit(
      [
        "compare", "A=a-seed-2.csv,a-seed-7.csv,a-seed-10.csv",
        "B=b-seed-2.csv,b-seed-7.csv,b-seed-10.csv", "--format", "json",
      ] + Self.quick, in: directory.url)
    #expect(expanded.standardOutput == listed.standardOutput)
  }

  @Test(
    "report and gate expand patterns in run lists as compare does",
    arguments: [
      ["report", "--out", "report.html"],
      ["gate", "--metric", "accuracy", "--margin", "0.05"],
    ])
  func patternsInOtherCommands(command: [String]) throws {
    let directory = try seedFolder(seeds: [1, 2, 3])
    let result = try runF1Kit(
      command + ["A=a-seed-*.csv", "B=b-seed-*.csv"] + Self.quick, in: directory.url)
    #expect([0, 1].contains(result.status), "\(result.standardError)")
    #expect(!result.standardError.contains("cannot open"), "\(result.standardError)")
  }

  @Test("a pattern that matches nothing is named as typed by the reader (exit 66)")
  func unmatchedPattern() throws {
    let directory = try seedFolder(seeds: [1, 2])
    let result = try runF1Kit(
      ["compare", "A=a-seed-*.csv", "B=c-seed-*.csv"] + Self.quick, in: directory.url)
    #expect(result.status == 66)
    #expect(
      result.standardError.hasPrefix(
        "Error: c-seed-*.csv: cannot open the file: No such file or directory"))
  }

  @Test("a file whose name holds a pattern character is read as itself")
  func literalFileWithPatternCharacters() throws {
    let directory = try seedFolder(seeds: [1, 2])
    let text = try String(
      contentsOf: directory.url.appendingPathComponent("a-seed-1.csv"), encoding: .utf8)
    directory.write("a-seed-[1].csv", text)
    let result = try runF1Kit(
      ["compare", "A=a-seed-[1].csv,a-seed-2.csv", "B=b-seed-*.csv", "--format", "json"]
        + Self.quick, in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(try runFiles(result.standardOutput)[0] == ["a-seed-[1].csv", "a-seed-2.csv"])
  }

  @Test("NAME= written once per file, as braces expand, suggests the one run list")
  func bracesSuggestRunList() throws {
    let directory = try seedFolder(seeds: [1, 2, 3])
    let result = try runF1Kit(
      ["compare", "A=a-seed-1.csv", "A=a-seed-2.csv", "A=a-seed-3.csv", "B=b-seed-1.csv"]
        + Self.quick, in: directory.url)
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: two models are named 'A'; give each model its own name, or the outputs cannot tell them apart; a model's runs go in one argument, separated by commas: A=a-seed-1.csv,a-seed-2.csv,a-seed-3.csv\n"
      ), "\(result.standardError)")
    // Two run lists with one name were meant as two models: no suggestion.
    let lists = try runF1Kit(
      ["compare", "A=a-seed-1.csv,a-seed-2.csv", "A=b-seed-1.csv,b-seed-2.csv"] + Self.quick,
      in: directory.url)
    #expect(lists.status == 64)
    #expect(!lists.standardError.contains("go in one argument"))
  }
}
