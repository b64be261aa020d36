import Foundation
import Testing
import _TestSupport

/// `--group-column` with several files: every file that has the column must
/// give each item the first file's group.
@Suite("f1kit compare and report: every file's group column agrees with the first")
struct GroupAgreementCommandTests {
  /// Twelve items in six groups (the fewest a grouped bootstrap runs on
  /// is five), without ids.
  static let groups = ["q4", "q4", "q1", "q1", "q2", "q2", "q5", "q5", "q3", "q3", "q6", "q6"]
  static let gold = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0]

  /// A CSV file of the items with these predictions and, when given, groups.
  static func file(_ predictions: [Int], groups: [String]? = nil) -> String {
    var text = groups == nil ? "label,prediction\n" : "label,prediction,query\n"
    for item in gold.indices {
      text += "\(gold[item]),\(predictions[item])"
      if let groups { text += ",\(groups[item])" }
      text += "\n"
    }
    return text
  }

  static let predictions = [
    [0, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1],
    [0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0],
    [1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0],
    [0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0],
  ]

  /// The groups with item `item` (0-based) moved to `group`.
  static func groups(moving item: Int, to group: String) -> [String] {
    var moved = groups
    moved[item] = group
    return moved
  }

  /// Writes files into a fresh directory and runs `body` there.
  private func withFiles(
    _ files: [String: String], _ body: (URL) throws -> Void
  ) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("f1kit-group-agreement-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try body(directory)
  }

  static let options = ["--group-column", "query", "--resamples", "200", "--format", "json"]

  @Test("a second model's file that moves an item to another group is refused at its line")
  func secondModelMismatch() throws {
    try withFiles([
      "a.csv": Self.file(Self.predictions[0], groups: Self.groups),
      "b.csv": Self.file(Self.predictions[1], groups: Self.groups(moving: 3, to: "q9")),
    ]) { directory in
      let result = try runF1Kit(["compare", "a.csv", "b.csv"] + Self.options, in: directory)
      let line =
        "b.csv:5:3: expected group \"q1\" in field 3 (\"query\") for item 4 (as in a.csv line 5), found \"q9\"; every file with the group column must give each item the first file's group"
      #expect(result.status == 65)
      #expect(result.standardOutput.isEmpty)
      #expect(result.standardError == "Error: \(line)\n")
      let report = try runF1Kit(
        ["report", "a.csv", "b.csv", "--group-column", "query", "--out", "r.html"],
        in: directory)
      #expect(report.status == 65)
      #expect(report.standardError == "Error: \(line)\n")
      #expect(
        !FileManager.default.fileExists(atPath: directory.appendingPathComponent("r.html").path))
    }
  }

  @Test("docs/statistics.md quotes the refusal as f1kit prints it")
  func documentedLine() throws {
    // The documented example: item 4 moved from q2 to q9.
    let gold = [0, 1, 0, 1, 0, 1]
    let first = ["q1", "q1", "q2", "q2", "q3", "q3"]
    var second = first
    second[3] = "q9"
    func file(_ groups: [String]) -> String {
      "label,prediction,query\n"
        + gold.indices.map { "\(gold[$0]),\(($0 * 7 % 3) % 2),\(groups[$0])\n" }.joined()
    }
    try withFiles(["a.csv": file(first), "b.csv": file(second)]) { directory in
      let result = try runF1Kit(["compare", "a.csv", "b.csv"] + Self.options, in: directory)
      #expect(result.status == 65)
      let line = result.standardError.dropFirst("Error: ".count).trimmingCharacters(
        in: .newlines)
      #expect(line.hasPrefix("b.csv:5:3: expected group \"q2\""), "\(line)")
      let documentation = try String(
        contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/statistics.md"),
        encoding: .utf8)
      #expect(documentation.contains("\n\(line)\n"), "\(line)")
    }
  }

  @Test(
    "a run file after the first that moves an item is refused at its line, read one by one or several at once",
    arguments: [1, 2, 3])
  func runFileMismatch(runs: Int) throws {
    // `runs` runs per model; the last run of B moves item 9 (line 10).
    var files: [String: String] = [:]
    var arguments = ["compare"]
    for model in ["A", "B"] {
      var names: [String] = []
      for run in 1...runs {
        let name = "\(model.lowercased())\(run).csv"
        let isMoved = model == "B" && run == runs
        let predictions = Self.predictions[(run + (model == "B" ? 1 : 0)) % 4]
        files[name] = Self.file(
          predictions, groups: isMoved ? Self.groups(moving: 8, to: "q2") : Self.groups)
        names.append(name)
      }
      arguments.append("\(model)=" + names.joined(separator: ","))
    }
    try withFiles(files) { directory in
      let result = try runF1Kit(arguments + Self.options, in: directory)
      #expect(result.status == 65)
      #expect(
        result.standardError
          == "Error: b\(runs).csv:10:3: expected group \"q3\" in field 3 (\"query\") for item 9 (as in a1.csv line 10), found \"q2\"; every file with the group column must give each item the first file's group\n"
      )
    }
  }

  @Test(
    "files whose groups agree, or that have no group column, give the numbers of the first file's groups"
  )
  func agreeingGroups() throws {
    try withFiles([
      "a1.csv": Self.file(Self.predictions[0], groups: Self.groups),
      "a2.csv": Self.file(Self.predictions[1], groups: Self.groups),
      "b1.csv": Self.file(Self.predictions[2], groups: Self.groups),
      "b2.csv": Self.file(Self.predictions[3], groups: Self.groups),
      "a2-plain.csv": Self.file(Self.predictions[1]),
      "b1-plain.csv": Self.file(Self.predictions[2]),
      "b2-plain.csv": Self.file(Self.predictions[3]),
    ]) { directory in
      let grouped = try runF1Kit(
        ["compare", "A=a1.csv,a2.csv", "B=b1.csv,b2.csv"] + Self.options, in: directory)
      let plain = try runF1Kit(
        ["compare", "A=a1.csv,a2-plain.csv", "B=b1-plain.csv,b2-plain.csv"] + Self.options,
        in: directory)
      #expect(grouped.status == 0, "\(grouped.standardError)")
      #expect(plain.status == 0, "\(plain.standardError)")
      #expect(
        grouped.standardOutput.contains("\"groups\" : 6")
          || grouped.standardOutput.contains("\"groups\": 6"), "\(grouped.standardOutput)")
      // Only the file names differ.
      #expect(
        plain.standardOutput.replacingOccurrences(of: "-plain.csv", with: ".csv")
          == grouped.standardOutput)
      let single = try runF1Kit(["compare", "a1.csv", "b1.csv"] + Self.options, in: directory)
      let singlePlain = try runF1Kit(
        ["compare", "a1.csv", "b1-plain.csv"] + Self.options, in: directory)
      #expect(single.status == 0, "\(single.standardError)")
      #expect(
        singlePlain.standardOutput.replacingOccurrences(of: "-plain.csv", with: ".csv")
          == single.standardOutput)
    }
  }

  /// The items with ids, in the order `order` gives, as CSV with the
  /// columns in another order than `file(_:groups:)`'s.
  static func identifiedFile(_ predictions: [Int], groups: [String], order: [Int]) -> String {
    "query,id,label,prediction\n"
      + order.map { "\(groups[$0]),item-\($0 + 1),\(gold[$0]),\(predictions[$0])\n" }.joined()
  }

  @Test(
    "id-aligned files in another row order pass when their groups agree, and are refused by id when not"
  )
  func identifiedFiles() throws {
    let reversed = Array(Self.gold.indices.reversed())
    let identity = Array(Self.gold.indices)
    try withFiles([
      "a.csv": Self.identifiedFile(Self.predictions[0], groups: Self.groups, order: identity),
      "b.csv": Self.identifiedFile(Self.predictions[1], groups: Self.groups, order: reversed),
      "b-plain.csv": Self.identifiedFile(
        Self.predictions[1], groups: Self.groups, order: reversed
      ).replacingOccurrences(of: "query,", with: "other,"),
      "b-moved.csv": Self.identifiedFile(
        Self.predictions[1], groups: Self.groups(moving: 4, to: "q1"), order: reversed),
    ]) { directory in
      let result = try runF1Kit(["compare", "a.csv", "b.csv"] + Self.options, in: directory)
      let plain = try runF1Kit(["compare", "a.csv", "b-plain.csv"] + Self.options, in: directory)
      #expect(result.status == 0, "\(result.standardError)")
      #expect(
        plain.standardOutput.replacingOccurrences(of: "b-plain.csv", with: "b.csv")
          == result.standardOutput)
      // Item 5 is on line 9 of the reversed file (12 items, header first).
      let expected =
        "Error: b-moved.csv:9:1: expected group \"q2\" in field 1 (\"query\") for item \"item-5\" (as in a.csv line 6), found \"q1\"; every file with the group column must give each item the first file's group\n"
      let moved = try runF1Kit(["compare", "a.csv", "b-moved.csv"] + Self.options, in: directory)
      #expect(moved.status == 65)
      #expect(moved.standardError == expected)
      // Read from standard input, the file is aligned after reading; it
      // cannot be read again, so the message has no line.
      let text = try String(
        contentsOf: directory.appendingPathComponent("b-moved.csv"), encoding: .utf8)
      let piped = try runF1Kit(
        ["compare", "a.csv", "-"] + Self.options, input: text, in: directory)
      #expect(piped.status == 65)
      #expect(
        piped.standardError
          == "Error: <stdin>: expected group \"q2\" (\"query\") for item \"item-5\" (as in a.csv line 6), found \"q1\"; every file with the group column must give each item the first file's group\n"
      )
    }
  }

  @Test("a missing group value in a file after the first is refused as in the first")
  func missingValueInOtherFile() throws {
    try withFiles([
      "a.csv": Self.file(Self.predictions[0], groups: Self.groups),
      "b.csv": Self.file(Self.predictions[1], groups: Self.groups(moving: 6, to: "")),
    ]) { directory in
      let result = try runF1Kit(["compare", "a.csv", "b.csv"] + Self.options, in: directory)
      #expect(result.status == 65)
      #expect(
        result.standardError.hasPrefix(
          "Error: b.csv:8:3: expected a group in field 3 (\"query\"), found a missing value"),
        "\(result.standardError)")
    }
  }
}
