import Foundation
import Testing
import _TestSupport

/// `evaluate` and `advise` refuse a repeated id on every path that reads a
/// file's items (score columns, prediction columns, sample weights, label
/// sets, shards), as they do for labels alone, so that a data frame
/// concatenated with part of itself is not counted twice with exit 0.
@Suite("Repeated ids on every reading path")
struct RepeatedIDCommandTests {
  /// A data frame of 100 items as pandas' `to_csv()` writes it: the index
  /// first, in a column with no name.
  static let header = ",label,prediction,score,no,yes,a,b,weight\n"

  /// Standard error without the note that the first shard's `weight`
  /// column is not read, which is written as that shard is read, before
  /// a later shard is refused.
  static func withoutWeightNotes(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !($0.hasPrefix("warning: ") && $0.contains("the column \"weight\" is not read")) }
      .joined(separator: "\n")
  }

  /// The rows of items `items`, each with its index.
  static func rows(_ items: some Sequence<Int>) -> String {
    var text = ""
    for item in items {
      let gold = ["yes", "no"][item % 2]
      let score = Double((item * 37) % 100) / 100
      text +=
        "\(item),\(gold),\(score >= 0.5 ? "yes" : "no"),\(score),\(1 - score),\(score),"
        + "\(["yes", "no"][item % 3 == 0 ? 0 : 1]),\(["no", "yes"][item % 5 == 0 ? 0 : 1]),"
        + "\(1 + Double(item % 4) / 4)\n"
    }
    return text
  }

  /// A multilabel frame of 100 items: label sets written `a|b`.
  static func labelSetRows(_ items: some Sequence<Int>) -> String {
    var text = ""
    for item in items {
      text += "\(item),\(["yes|no", "yes", "no"][item % 3]),\(["yes", "no|yes"][item % 2])\n"
    }
    return text
  }

  /// A folder with the frame (`a.csv`), the frame followed by its first 10
  /// rows again (`dup.csv`, as `pd.concat([df, df.iloc[:10]]).to_csv()`
  /// writes it) and the multilabel frames (`ml.csv`, `mldup.csv`).
  static func folder() -> TemporaryDirectory {
    let directory = TemporaryDirectory()
    directory.write("a.csv", header + rows(0..<100))
    directory.write("dup.csv", header + rows(0..<100) + rows(0..<10))
    directory.write("ml.csv", ",label,prediction\n" + labelSetRows(0..<100))
    directory.write(
      "mldup.csv", ",label,prediction\n" + labelSetRows(0..<100) + labelSetRows(0..<10))
    return directory
  }

  /// The arguments of each path, after the command and file.
  static let paths: [(command: String, file: String, options: [String])] = [
    ("evaluate", "dup", ["--score-column", "score"]),
    ("evaluate", "dup", ["--score-column", "score", "--ci", "--resamples", "200", "--quiet"]),
    ("evaluate", "dup", ["--score-columns", "no,yes"]),
    ("evaluate", "dup", ["--pred-columns", "a,b"]),
    ("evaluate", "dup", ["--weight-column", "weight"]),
    ("evaluate", "dup", ["--weight-column", "weight", "--ci", "--resamples", "200", "--quiet"]),
    ("evaluate", "mldup", ["--problem", "multilabel"]),
    ("evaluate", "mldup", ["--problem", "multilabel", "--ci", "--resamples", "200", "--quiet"]),
    ("advise", "dup", ["--score-column", "score"]),
    ("advise", "dup", ["--pred-columns", "a,b"]),
    ("advise", "dup", ["--weight-column", "weight"]),
    ("advise", "mldup", ["--problem", "multilabel"]),
  ]

  @Test(
    "a frame concatenated with part of itself is refused at the repeat, naming the first line; the frame itself is read, and the concatenation with --no-id-column",
    arguments: paths.indices)
  func refusesRepeatedIDs(path: Int) throws {
    let (command, file, options) = Self.paths[path]
    let directory = Self.folder()
    let result = try runF1Kit([command, "\(file).csv"] + options, in: directory.url)
    #expect(result.status == 65, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.hasPrefix(
        "Error: \(file).csv:102:1: duplicate id \"0\" in field 1 (a column with no name), first seen on line 2; the first column is a data frame's index, read as ids, and pd.concat keeps each frame's index"
      ), "\(result.standardError)")
    #expect(result.standardError.split(separator: "\n").count == 1)
    let distinct = file == "dup" ? "a" : "ml"
    let plain = try runF1Kit([command, "\(distinct).csv"] + options, in: directory.url)
    #expect(plain.status == 0, "\(plain.standardError)")
    let rows = try runF1Kit(
      [command, "\(file).csv", "--no-id-column"] + options, in: directory.url)
    #expect(rows.status == 0, "\(rows.standardError)")
    #expect(rows.standardOutput != plain.standardOutput)
  }

  @Test("standard input, read once, is checked from the ids kept", arguments: paths.indices)
  func refusesRepeatedIDsFromStandardInput(path: Int) throws {
    let (command, file, options) = Self.paths[path]
    guard command == "evaluate", !options.contains("--pred-columns") else { return }
    let text =
      file == "dup"
      ? Self.header + Self.rows(0..<100) + Self.rows(0..<10)
      : ",label,prediction\n" + Self.labelSetRows(0..<100) + Self.labelSetRows(0..<10)
    let result = try runF1Kit([command, "-"] + options, input: text)
    #expect(result.status == 65, "\(options): \(result.standardError)")
    #expect(
      result.standardError
        == "Error: <stdin>:102:1: duplicate id \"0\" in field 1 (a column with no name), first seen on line 2\n",
      "\(options)")
  }

  @Test("a file without an id column is read as before, repeated rows and all")
  func leavesFilesWithoutIDsAlone() throws {
    let directory = TemporaryDirectory()
    let noIndex = { (text: String) in
      text.split(separator: "\n").map { $0.drop { $0 != "," }.dropFirst() }.joined(
        separator: "\n") + "\n"
    }
    directory.write("rows.csv", noIndex(Self.header + Self.rows(0..<100) + Self.rows(0..<10)))
    directory.write(
      "rows-no-id.csv", Self.header + Self.rows(0..<100) + Self.rows(0..<10))
    for options in Self.paths.filter({ $0.file == "dup" }).map(\.options) {
      let result = try runF1Kit(
        ["evaluate", "rows.csv", "--format", "json"] + options, in: directory.url)
      #expect(result.status == 0, "\(options): \(result.standardError)")
      let withoutIDs = try runF1Kit(
        ["evaluate", "rows-no-id.csv", "--format", "json", "--no-id-column"] + options,
        in: directory.url)
      #expect(result.standardOutput == withoutIDs.standardOutput, "\(options)")
    }
  }

  @Test("shards that share an item are refused, naming both files and lines")
  func refusesOverlappingShards() throws {
    let directory = TemporaryDirectory()
    // df.iloc[:60].to_csv("part-0.csv"); df.iloc[50:].to_csv("part-1.csv")
    directory.write("part-0.csv", Self.header + Self.rows(0..<60))
    directory.write("part-1.csv", Self.header + Self.rows(50..<100))
    directory.write("ok-0.csv", Self.header + Self.rows(0..<50))
    directory.write("ok-1.csv", Self.header + Self.rows(50..<100))
    directory.write("a.csv", Self.header + Self.rows(0..<100))
    for (command, options) in [
      ("evaluate", []), ("evaluate", ["--pred-columns", "a,b"]), ("advise", []),
      ("evaluate", ["--score-column", "score"]),
    ] {
      let result = try runF1Kit(
        [command, "part-0.csv", "part-1.csv"] + options, in: directory.url)
      #expect(result.status == 65, "\(options): \(result.standardError)")
      #expect(
        Self.withoutWeightNotes(result.standardError)
          == "Error: part-1.csv:2:1: duplicate id \"50\" in field 1 (a column with no name), first seen on line 52 of part-0.csv; the first column is a data frame's index, read as ids: shards cut from one frame repeat it where they overlap, and frames made one per shard each number theirs from 0; write the shards with index=False, or give --no-id-column to read each row as an item of its own\n"
      )
      let apart = try runF1Kit(
        [command, "ok-0.csv", "ok-1.csv", "--format", "json"] + options, in: directory.url)
      #expect(apart.status == 0, "\(options): \(apart.standardError)")
      let whole = try runF1Kit(
        [command, "a.csv", "--format", "json"] + options, in: directory.url)
      // advise of one file also advises on the scores it finds by name.
      if command == "evaluate", options.isEmpty || options[0] == "--pred-columns" {
        #expect(apart.standardOutput == whole.standardOutput, "\(options)")
      }
      let rows = try runF1Kit(
        [command, "part-0.csv", "part-1.csv", "--no-id-column"] + options, in: directory.url)
      #expect(rows.status == 0, "\(options): \(rows.standardError)")
    }
  }

  /// `compare`, `gate` and `report` of one file's prediction columns, each
  /// with the options it needs, after the files.
  static let columnCommands: [(command: String, options: [String])] = [
    ("compare", ["--pred-columns", "a,b", "--resamples", "200"]),
    (
      "gate",
      ["--pred-columns", "a,b", "--metric", "accuracy", "--margin", "0.5", "--resamples", "200"]
    ),
    ("report", ["--pred-columns", "a,b", "--resamples", "200", "--out", "report.html"]),
  ]

  @Test(
    "compare, gate and report of prediction columns refuse shards that share an item, in order or not, and a file that repeats one, as evaluate does; shards apart read as the whole file",
    arguments: columnCommands.indices)
  func refusesOverlappingShardsOfColumns(index: Int) throws {
    let (command, options) = Self.columnCommands[index]
    let directory = TemporaryDirectory()
    // Models' columns only, no column named as a prediction: the ids read
    // again are found with the columns given.
    let header = Self.header.replacingOccurrences(of: ",prediction,", with: ",top,")
    // df.iloc[:60].to_csv("part-0.csv"); df.iloc[50:].to_csv("part-1.csv"),
    // the same of a shuffled frame, and pd.concat([df, df.iloc[:10]]).
    directory.write("part-0.csv", header + Self.rows(0..<60))
    directory.write("part-1.csv", header + Self.rows(50..<100))
    let shuffled = (0..<60).map { (7 * $0) % 60 }
    directory.write("mixed-0.csv", header + Self.rows(shuffled))
    directory.write("mixed-1.csv", header + Self.rows((50..<100).reversed()))
    directory.write("ok-0.csv", header + Self.rows(0..<50))
    directory.write("ok-1.csv", header + Self.rows(50..<100))
    directory.write("a.csv", header + Self.rows(0..<100))
    directory.write("dup.csv", header + Self.rows(0..<100) + Self.rows(0..<10))
    let hint =
      "; the first column is a data frame's index, read as ids: shards cut from one frame repeat it where they overlap, and frames made one per shard each number theirs from 0; write the shards with index=False, or give --no-id-column to read each row as an item of its own\n"
    for (files, message) in [
      (["part-0.csv", "part-1.csv"], "part-1.csv:2:1: duplicate id \"50\""),
      (["mixed-0.csv", "mixed-1.csv"], "mixed-1.csv:42:1: duplicate id \"59\""),
    ] {
      let result = try runF1Kit([command] + files + options, in: directory.url)
      #expect(result.status == 65, "\(files): \(result.standardError)")
      #expect(result.standardOutput.isEmpty)
      let firstLine = 2 + (files[0] == "part-0.csv" ? 50 : shuffled.firstIndex(of: 59)!)
      #expect(
        Self.withoutWeightNotes(result.standardError)
          == "Error: \(message) in field 1 (a column with no name), first seen on line \(firstLine) of \(files[0])"
          + hint)
      let rows = try runF1Kit(
        [command] + files + ["--no-id-column"] + options, in: directory.url)
      #expect(rows.status == 0, "\(files): \(rows.standardError)")
    }
    let repeated = try runF1Kit([command, "dup.csv"] + options, in: directory.url)
    #expect(repeated.status == 65)
    #expect(
      repeated.standardError.hasPrefix(
        "Error: dup.csv:102:1: duplicate id \"0\" in field 1 (a column with no name), first seen on line 2;"
      ), "\(repeated.standardError)")
    let apart = try runF1Kit([command, "ok-0.csv", "ok-1.csv"] + options, in: directory.url)
    #expect(apart.status == 0, "\(apart.standardError)")
    let whole = try runF1Kit([command, "a.csv"] + options, in: directory.url)
    #expect(whole.status == 0, "\(whole.standardError)")
    if command != "report" {
      #expect(apart.standardOutput == whole.standardOutput)
    }
  }

  @Test("shards with an id column that overlap out of order are refused, from standard input too")
  func refusesShuffledOverlappingShards() throws {
    let directory = TemporaryDirectory()
    let named = { (items: [Int]) in
      "id,label,prediction\n"
        + items.map { "q\($0),\(["yes", "no"][$0 % 2]),yes\n" }.joined()
    }
    // Shuffled: neither shard's ids increase.
    let first = (0..<40).map { (7 * $0) % 40 }
    let second = (30..<80).reversed().map { $0 }
    directory.write("s0.csv", named(first))
    directory.write("s1.csv", named(second))
    let result = try runF1Kit(["evaluate", "s0.csv", "s1.csv"], in: directory.url)
    #expect(result.status == 65)
    let line = 2 + first.firstIndex(of: 39)!
    #expect(
      result.standardError
        == "Error: s1.csv:42:1: duplicate id \"q39\" in field 1 (\"id\"), first seen on line \(line) of s0.csv; shards of one data set hold different items, so its item would count twice; give --no-id-column to read each row as an item of its own\n"
    )
    let piped = try runF1Kit(["evaluate", "s0.csv", "-"], input: named(second), in: directory.url)
    #expect(piped.status == 65)
    #expect(
      piped.standardError.hasPrefix(
        "Error: <stdin>:42:1: duplicate id \"q39\" in field 1 (\"id\"), first seen on line \(line) of s0.csv;"
      ), "\(piped.standardError)")
    let pipedFirst = try runF1Kit(
      ["evaluate", "-", "s1.csv"], input: named(first), in: directory.url)
    #expect(pipedFirst.status == 65)
    #expect(
      pipedFirst.standardError.hasPrefix(
        "Error: s1.csv:42:1: duplicate id \"q39\" in field 1 (\"id\"), first seen on line \(line) of <stdin>;"
      ), "\(pipedFirst.standardError)")
    directory.write("s2.csv", named((40..<80).reversed().map { $0 }))
    let apart = try runF1Kit(["evaluate", "s0.csv", "s2.csv"], in: directory.url)
    #expect(apart.status == 0, "\(apart.standardError)")
  }

  @Test("shuffled ids are read as the sorted file is, and a repeat among them is placed exactly")
  func readsShuffledIDs() throws {
    let directory = TemporaryDirectory()
    let order = (0..<110).map { (37 * $0) % 110 }
    directory.write("a.csv", Self.header + Self.rows(0..<100))
    // df.sample(frac=1).to_csv(), and the same of pd.concat([df, df.iloc[:10]])
    directory.write(
      "shuffled.csv", Self.header + order.filter { $0 < 100 }.map { Self.rows([$0]) }.joined())
    let repeated = order.map { $0 < 100 ? $0 : $0 - 100 }
    directory.write("shuffled-dup.csv", Self.header + repeated.map { Self.rows([$0]) }.joined())
    var seen: [Int: Int] = [:]
    var expected: (line: Int, id: Int, first: Int)?
    for (position, id) in repeated.enumerated() {
      if let first = seen[id] {
        expected = (position + 2, id, first + 2)
        break
      }
      seen[id] = position
    }
    let expectedRepeat = try #require(expected)
    for options in [[], ["--score-column", "score"], ["--weight-column", "weight"]] {
      let sorted = try runF1Kit(
        ["evaluate", "a.csv", "--format", "json"] + options, in: directory.url)
      let shuffled = try runF1Kit(
        ["evaluate", "shuffled.csv", "--format", "json"] + options, in: directory.url)
      #expect(shuffled.status == 0, "\(options): \(shuffled.standardError)")
      if options.first != "--score-column" {
        #expect(shuffled.standardOutput == sorted.standardOutput, "\(options)")
      }
      let refused = try runF1Kit(["evaluate", "shuffled-dup.csv"] + options, in: directory.url)
      #expect(refused.status == 65)
      #expect(
        refused.standardError.hasPrefix(
          "Error: shuffled-dup.csv:\(expectedRepeat.line):1: duplicate id \"\(expectedRepeat.id)\" in field 1 (a column with no name), first seen on line \(expectedRepeat.first);"
        ), "\(options): \(refused.standardError)")
    }
  }
}
