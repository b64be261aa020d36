import Foundation
import Testing
import _TestSupport

/// Group columns that do not line up between run files: what the refusal
/// says beyond the place.
@Suite("f1kit compare: hints for group columns that differ between run files")
struct GroupColumnHintCommandTests {
  /// Writes files into a fresh directory and runs `body` there.
  private func withFiles(_ files: [String: String], _ body: (URL) throws -> Void) throws {
    let directory = TemporaryDirectory()
    for (name, text) in files { directory.write(name, text) }
    try withExtendedLifetime(directory) { try body(directory.url) }
  }

  /// Sixteen items in eight groups of two, group `k` named `group(k)`;
  /// `seed` varies which items are predicted wrong.
  static func file(seed: Int, group: (Int) -> String) -> String {
    "label,prediction,query\n"
      + (0..<16).map { item in
        let gold = item % 2
        let predicted = (item * 5 + seed * 3) % 4 == 0 ? 1 - gold : gold
        return "\(gold),\(predicted),\(group(item / 2))\n"
      }.joined()
  }

  @Test("groups written as 141 in one file and 141.0 in another get pandas' NaN hint")
  func floatGroups() throws {
    // pandas writes an integer column that held NaN as floats: 0.0, 1.0, …
    let integers = Self.file(seed: 1) { "\($0)" }
    let floats = Self.file(seed: 2) { "\($0).0" }
    try withFiles(["a.csv": integers, "b.csv": floats]) { directory in
      let result = try runF1Kit(
        ["compare", "a.csv", "b.csv", "--group-column", "query", "--resamples", "200"],
        in: directory)
      #expect(result.status == 65)
      #expect(
        result.standardError.hasSuffix(
          "found \"0.0\"; every file with the group column must give each item the first file's group; \"0.0\" is \"0\" written as a float, as pandas writes an integer column that held a missing value (NaN): write the groups as integers in every file, for example df[\"query\"] = df[\"query\"].astype(\"Int64\")\n"
        ), "\(result.standardError)")
    }
  }

  @Test("a first file without the group column names a later file that has it")
  func groupsOnlyInLaterFile() throws {
    let grouped = Self.file(seed: 1) { "g\($0)" }
    let plain =
      grouped.split(separator: "\n").map {
        $0.split(separator: ",").prefix(2).joined(separator: ",")
      }
      .joined(separator: "\n") + "\n"
    try withFiles(["a.csv": plain, "b.csv": grouped]) { directory in
      let result = try runF1Kit(
        [
          "compare", "A=a.csv,b.csv", "B=b.csv,a.csv", "--group-column", "query", "--resamples",
          "200",
        ],
        in: directory)
      #expect(result.status == 65)
      #expect(
        result.standardError
          == "Error: a.csv:1:1: no group column: expected \"query\"; found \"label\", \"prediction\"; groups are read from the first file given (the first model's first run), and b.csv has the column \"query\": give a file with it first\n",
        "\(result.standardError)")
    }
  }
}

/// Group columns that are probably not groups: warned about on standard
/// error, with the numbers printed as usual.
@Suite("f1kit compare and evaluate: warnings about group columns that are not groups")
struct GroupColumnDesignWarningCommandTests {
  @Test("--group-column id, one item in every group, warns in compare and evaluate --ci")
  func itemIDsAsGroups() throws {
    let directory = TemporaryDirectory()
    let file = { (seed: Int) in
      "id,label,prediction\n"
        + (0..<40).map { item in
          let gold = item % 2
          let predicted = (item * 5 + seed * 3) % 4 == 0 ? 1 - gold : gold
          return "pair-\(item),\(gold),\(predicted)\n"
        }.joined()
    }
    directory.write("a.csv", file(1))
    directory.write("b.csv", file(2))
    let warning =
      "warning: every one of the 40 groups of --group-column \"id\" in a.csv holds one item, so resampling groups is resampling items and the groups change nothing"
    try withExtendedLifetime(directory) {
      let compared = try runF1Kit(
        ["compare", "a.csv", "b.csv", "--group-column", "id", "--resamples", "200", "-q"],
        in: directory.url)
      #expect(compared.status == 0)
      #expect(compared.standardError.hasPrefix(warning), "\(compared.standardError)")
      let evaluated = try runF1Kit(
        ["evaluate", "a.csv", "--ci", "--group-column", "id", "--resamples", "200"],
        in: directory.url)
      #expect(evaluated.status == 0)
      #expect(evaluated.standardError.contains(warning), "\(evaluated.standardError)")
    }
  }

  @Test("a similarity column given as the groups warns that it is a measured value")
  func similarityAsGroups() throws {
    let directory = TemporaryDirectory()
    let file = { (seed: Int) in
      "similarity,label,prediction\n"
        + (0..<40).map { item in
          let similarity = Double(item % 10) / 2 + 0.2
          let gold = similarity >= 3 ? 1 : 0
          let predicted = (item * 5 + seed * 3) % 4 == 0 ? 1 - gold : gold
          return "\(similarity),\(gold),\(predicted)\n"
        }.joined()
    }
    directory.write("a.csv", file(1))
    directory.write("b.csv", file(2))
    directory.write("c.csv", file(3))
    directory.write("d.csv", file(4))
    try withExtendedLifetime(directory) {
      let result = try runF1Kit(
        [
          "compare", "A=a.csv,c.csv", "B=b.csv,d.csv", "--group-column", "similarity",
          "--resamples", "200", "-q",
        ],
        in: directory.url)
      #expect(result.status == 0)
      #expect(
        result.standardError.contains(
          "warning: the groups of --group-column \"similarity\" in a.csv are numbers with fractional parts (\"0.2\", \"0.7\", …)"
        ), "\(result.standardError)")
    }
  }
}
