import Foundation
import Testing
import _TestSupport

/// The R8 fixtures' three models as one wide file, as a joint count table
/// and as shards of both, written to a temporary folder.
struct ScaleFixture {
  static let models = ["nb", "logreg", "balanced"]
  static let files = [
    "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv",
    "fixtures/r8/test-tfidf-logreg-balanced.csv",
  ]

  let folder = TemporaryDirectory()
  /// Each item's id, gold label and the three predictions.
  let rows: [[String]]

  init() throws {
    var columns: [[[String]]] = []
    for file in Self.files {
      let text = try String(
        contentsOf: Fixtures.packageRoot.appendingPathComponent(file), encoding: .utf8)
      columns.append(
        text.split(whereSeparator: \.isNewline).dropFirst().map {
          $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        })
    }
    rows = columns[0].indices.map { item in
      [columns[0][item][0], columns[0][item][1]] + columns.map { $0[item][2] }
    }
  }

  /// Writes the items as `id,label,nb,logreg,balanced`.
  func writeWide(_ name: String, rows: ArraySlice<[String]>) -> String {
    folder.write(
      name,
      "id,label," + Self.models.joined(separator: ",") + "\n"
        + rows.map { $0.joined(separator: ",") + "\n" }.joined())
  }

  /// Writes the joint counts of `rows` in a shuffled order, with every
  /// cell of more than one item split over two rows and a zero-count row
  /// naming a label no item has.
  func writeCounts(_ name: String, rows: ArraySlice<[String]>, seed: UInt64) -> String {
    var counts: [[String]: Int] = [:]
    for row in rows { counts[Array(row.dropFirst()), default: 0] += 1 }
    var lines: [String] = []
    for (cell, count) in counts.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
      let key = cell.joined(separator: ",")
      if count > 1 {
        lines.append("\(key),\(count / 2)")
        lines.append("\(key),\(count - count / 2)")
      } else {
        lines.append("\(key),\(count)")
      }
    }
    lines.append("unseen,unseen,unseen,unseen,0")
    var generator = SeededGenerator(seed: seed)
    lines.shuffle(using: &generator)
    return folder.write(
      name,
      "label," + Self.models.joined(separator: ",") + ",count\n"
        + lines.map { $0 + "\n" }.joined())
  }

  /// The items cut into `count` shards of about equal size.
  func shards(_ count: Int) -> [ArraySlice<[String]>] {
    let size = (rows.count + count - 1) / count
    return stride(from: 0, to: rows.count, by: size).map {
      rows[$0..<min($0 + size, rows.count)]
    }
  }
}

/// SplitMix64, for shuffles that repeat.
private struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite("Past one machine: --pred-columns, joint count tables and shards")
struct ScaleCommandTests {
  private let options = ["--format", "json", "--resamples", "500", "--seed", "7"]

  private func output(_ arguments: [String]) throws -> String {
    let result = try runF1Kit(arguments)
    #expect(result.status == 0, "\(arguments): \(result.standardError)")
    return result.standardOutput
  }

  @Test(
    "a SQL engine's unaliased count(*) column is a count column, as count is",
    arguments: ["count_star()", "count(*)", "count(1)", "COUNT"])
  func readsUnaliasedCounts(name: String) throws {
    let directory = TemporaryDirectory()
    let rows = "ent,ent,40\nent,neu,5\nneu,neu,30\nneu,ent,7\ncon,con,12\ncon,ent,6\n"
    directory.write("named.csv", "label,prediction,count\n" + rows)
    directory.write("sql.csv", "label,prediction,\(name)\n" + rows)
    let named = try runF1Kit(["evaluate", "named.csv", "--format", "json"], in: directory.url)
    let sql = try runF1Kit(["evaluate", "sql.csv", "--format", "json"], in: directory.url)
    #expect(sql.status == 0, "\(sql.standardError)")
    #expect(
      sql.standardOutput.replacingOccurrences(of: "sql.csv", with: "named.csv")
        == named.standardOutput)
  }

  @Test("compare: one wide file, its joint counts in any row order and 4 shards equal three files")
  func compareIsExactOnCounts() throws {
    let fixture = try ScaleFixture()
    let columns = ["--pred-columns", ScaleFixture.models.joined(separator: ",")]
    let reference = try output(
      ["compare"] + ScaleFixture.files + ["--names", ScaleFixture.models.joined(separator: ",")]
        + options)
    #expect(reference.contains("\"bca\"") || reference.contains("interval"))
    let wide = fixture.writeWide("wide.csv", rows: fixture.rows[...])
    #expect(try output(["compare", wide] + columns + options) == reference)
    for seed: UInt64 in [1, 2] {
      let counts = fixture.writeCounts("counts-\(seed).csv", rows: fixture.rows[...], seed: seed)
      #expect(try output(["compare", counts] + columns + options) == reference)
    }
    let shards = fixture.shards(4)
    #expect(shards.count == 4)
    let countShards = shards.enumerated().map {
      fixture.writeCounts("shard-\($0.offset).csv", rows: $0.element, seed: UInt64($0.offset))
    }
    #expect(try output(["compare"] + countShards + columns + options) == reference)
    // Item shards and count shards mix.
    let mixed = [fixture.writeWide("items-0.csv", rows: shards[0])] + countShards.dropFirst()
    #expect(try output(["compare"] + mixed + columns + options) == reference)
    // The text summary too.
    let text = try output(["compare", wide] + columns + ["--resamples", "200"])
    let countsText = try output(
      ["compare", fixture.writeCounts("text.csv", rows: fixture.rows[...], seed: 9)] + columns
        + ["--resamples", "200"])
    #expect(text == countsText)
  }

  @Test("report: the JSON of one wide file, its joint counts and its shards equals three files'")
  func reportIsExactOnCounts() throws {
    let fixture = try ScaleFixture()
    let columns = ["--pred-columns", ScaleFixture.models.joined(separator: ",")]
    let settings = ["--resamples", "300", "--seed", "3"]
    func json(_ arguments: [String], _ name: String) throws -> String {
      let html = fixture.folder.url.appendingPathComponent("\(name).html").path
      let json = fixture.folder.url.appendingPathComponent("\(name).json").path
      _ = try output(["report"] + arguments + settings + ["--out", html, "--json", json])
      return try String(contentsOfFile: json, encoding: .utf8)
    }
    let reference = try json(
      ScaleFixture.files + ["--names", ScaleFixture.models.joined(separator: ",")], "files")
    #expect(reference.contains("\"comparisons\""))
    let wide = fixture.writeWide("wide.csv", rows: fixture.rows[...])
    #expect(try json([wide] + columns, "wide") == reference)
    let counts = fixture.writeCounts("counts.csv", rows: fixture.rows[...], seed: 4)
    #expect(try json([counts] + columns, "counts") == reference)
    let shards = fixture.shards(4).enumerated().map {
      fixture.writeCounts("shard-\($0.offset).csv", rows: $0.element, seed: UInt64($0.offset))
    }
    #expect(try json(shards + columns, "shards") == reference)
  }

  @Test("evaluate: 4 count shards score exactly as the whole file, intervals included")
  func evaluateSumsShards() throws {
    let fixture = try ScaleFixture()
    let settings = ["--format", "json", "--ci", "--resamples", "300", "--seed", "5"]
    let reference = try output(["evaluate", ScaleFixture.files[0]] + settings)
    let shards = fixture.shards(4).enumerated().map { shard in
      var counts: [String: Int] = [:]
      for row in shard.element { counts["\(row[1]),\(row[2])", default: 0] += 1 }
      return fixture.folder.write(
        "nb-\(shard.offset).csv",
        "label,prediction,count\n" + counts.map { "\($0.key),\($0.value)\n" }.joined())
    }
    #expect(try output(["evaluate"] + shards + settings) == reference)
    let wide = fixture.writeWide("wide.csv", rows: fixture.rows[...])
    let items = try output(
      [
        "evaluate", wide, "--pred-column", "nb", "--format", "json", "--ci", "--resamples", "300",
        "--seed", "5",
      ])
    #expect(items == reference)
  }

  /// Shards are summed, so a shard given twice counted its items twice
  /// and narrowed every interval without a word.
  @Test("a shard listed twice is a usage error; a byte-for-byte copy of one gets a warning")
  func repeatedShards() throws {
    let shard = "fixtures/experiments/a-run1.csv"
    for command in ["evaluate", "advise"] {
      let twice = try runF1Kit([command, shard, "./" + shard])
      #expect(twice.status == 64, "\(twice.standardError)")
      #expect(
        twice.standardError.hasPrefix(
          "Error: the shard './\(shard)' is the file '\(shard)' again, so its items would count twice"
        ), "\(twice.standardError)")
    }
    // Shards with ids that begin alike hold the same items: a copy, or
    // runs of one model over one test set (`evaluate seed-*.csv`).
    for other in ["fixtures/experiments/a-run2.csv", "fixtures/experiments/b-run1.csv"] {
      let runs = try runF1Kit(["evaluate", shard, other])
      #expect(runs.status == 64, "\(runs.standardError)")
      #expect(
        runs.standardError.hasPrefix(
          "Error: the shards '\(shard)' and '\(other)' both begin with the item id \"pair-0001\""),
        "\(runs.standardError)")
    }
    let directory = TemporaryDirectory()
    let plain = directory.write("plain.csv", "label,prediction\nyes,yes\nno,yes\n")
    let copy = directory.write("copy.csv", "label,prediction\nyes,yes\nno,yes\n")
    let copied = try runF1Kit(["evaluate", plain, copy])
    #expect(copied.status == 0)
    #expect(
      copied.standardError.contains(
        "warning: the shard '\(copy)' has the same bytes as '\(plain)': if it is a copy, its items count twice"
      ), "\(copied.standardError)")
    let parts = [
      directory.write("part-1.csv", "id,label,prediction\nq1,yes,yes\nq2,no,yes\n"),
      directory.write("part-2.csv", "id,label,prediction\nq3,yes,no\nq4,no,no\n"),
    ]
    let distinct = try runF1Kit(["evaluate"] + parts)
    #expect(distinct.status == 0, "\(distinct.standardError)")
    #expect(distinct.standardError.isEmpty, "\(distinct.standardError)")
    // Count-table shards of model columns, as compare and report sum them.
    let fixture = try ScaleFixture()
    let part = fixture.writeCounts("part.csv", rows: fixture.shards(2)[0], seed: 1)
    let columns = ["--pred-columns", ScaleFixture.models.joined(separator: ",")]
    let repeated = try runF1Kit(["compare", part, part] + columns + ["-q"])
    #expect(repeated.status == 64, "\(repeated.standardError)")
    #expect(repeated.standardError.contains("so its items would count twice"))
  }

  @Test("evaluate --pred-columns reports each model as its own file would")
  func evaluateReportsEachColumn() throws {
    let fixture = try ScaleFixture()
    let counts = fixture.writeCounts("counts.csv", rows: fixture.rows[...], seed: 8)
    let result = try output(
      ["evaluate", counts, "--pred-columns", "nb,balanced", "--format", "json"])
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any])
    let models = try #require(document["models"] as? [[String: Any]])
    #expect(models.map { $0["name"] as? String } == ["nb", "balanced"])
    for (model, file) in zip(models, [ScaleFixture.files[0], ScaleFixture.files[2]]) {
      let alone = try #require(
        JSONSerialization.jsonObject(
          with: Data(try output(["evaluate", file, "--format", "json"]).utf8))
          as? [String: Any])
      #expect(
        NSDictionary(dictionary: model.filter { $0.key != "name" })
          == NSDictionary(dictionary: alone))
    }
    let text = try output(["evaluate", counts, "--pred-columns", "nb,balanced"])
    #expect(text.contains("== nb ==") && text.contains("== balanced =="))
    let csv = try runF1Kit(["evaluate", counts, "--pred-columns", "nb,balanced", "--format", "csv"])
    #expect(csv.status == 64)
  }

  @Test("a negative or fractional count is a line-numbered data error")
  func badCountsAreRefused() throws {
    let folder = TemporaryDirectory()
    for (count, name) in [("-1", "negative"), ("1.5", "fractional"), ("x", "text")] {
      let path = folder.write(
        "\(name).csv", "label,a,b,count\npos,pos,neg,3\nneg,neg,neg,\(count)\n")
      let result = try runF1Kit(["compare", path, "--pred-columns", "a,b"])
      #expect(result.status == 65)
      #expect(result.standardError.contains("\(name).csv:3:4:"), "\(result.standardError)")
      #expect(result.standardError.contains("count"))
    }
  }

  @Test(
    "shards must agree on their columns, in compare and evaluate, even a header alone",
    arguments: [
      "gold,a,b,count\npos,pos,neg,3\nneg,neg,neg,2\n", "y_true,a,b,count\npos,pos,neg,3\n",
      "gold,a,b\n",
    ])
  func shardsAgreeOnColumns(second contents: String) throws {
    let folder = TemporaryDirectory()
    let first = folder.write("one.csv", "label,a,b,count\npos,pos,neg,3\nneg,neg,neg,2\n")
    let second = folder.write("two.csv", contents)
    let result = try runF1Kit(["compare", first, second, "--pred-columns", "a,b"])
    #expect(result.status == 65)
    #expect(result.standardError.contains("two.csv: expected the columns of /"))
    #expect(result.standardError.contains("one.csv (\"label\", \"a\", \"b\")"))
    #expect(result.standardError.contains("shards must agree"))
    let evaluate = try runF1Kit(["evaluate", first, second, "--pred-column", "a"])
    #expect(evaluate.status == 65, "\(evaluate.standardError)")
    #expect(evaluate.standardError.contains("one.csv (\"label\", \"a\"), found"))
  }

  @Test("a header-only shard (Spark's empty part file) counts as zero rows; all empty is exit 65")
  func headerOnlyShardsAreEmpty() throws {
    let fixture = try ScaleFixture()
    let columns = ["--pred-columns", ScaleFixture.models.joined(separator: ",")]
    let whole = fixture.writeWide("whole.csv", rows: fixture.rows[...])
    let empty = fixture.folder.write(
      "part-empty.csv", "label," + ScaleFixture.models.joined(separator: ",") + ",count\n")
    let shards = fixture.shards(4).enumerated().map {
      fixture.writeCounts("part-\($0.offset).csv", rows: $0.element, seed: UInt64($0.offset))
    }
    let settings = ["--format", "json", "--resamples", "200", "--seed", "4"]
    let reference = try output(["compare", whole] + columns + settings)
    #expect(
      try output(["compare"] + [empty] + shards + [empty] + columns + settings) == reference)
    let evaluate = try output(["evaluate", whole] + columns + ["--format", "json"])
    #expect(
      try output(["evaluate"] + shards + [empty] + columns + ["--format", "json"]) == evaluate)
    for command in ["compare", "evaluate"] {
      let allEmpty = try runF1Kit([command, empty, empty] + columns)
      #expect(allEmpty.status == 65, "\(command): \(allEmpty.standardError)")
      #expect(allEmpty.standardError.contains("expected at least one item"))
      // One file alone with a header and no rows is still an error.
      let alone = try runF1Kit([command, empty] + columns)
      #expect(alone.status == 65)
      #expect(alone.standardError.contains("no data rows"))
    }
  }

  @Test("evaluate: 4 item shards with different label sets give exactly the whole file")
  func evaluateMergesLabelSetsOfShards() throws {
    let fixture = try ScaleFixture()
    // Sorted by gold label, each shard sees only some of the classes.
    let sorted = fixture.rows.sorted { $0[1] < $1[1] }
    let size = (sorted.count + 3) / 4
    let shards = stride(from: 0, to: sorted.count, by: size).enumerated().map {
      fixture.writeWide(
        "sorted-\($0.offset).csv", rows: sorted[$0.element..<min($0.element + size, sorted.count)])
    }
    #expect(shards.count == 4)
    let whole = fixture.writeWide("whole.csv", rows: fixture.rows[...])
    let settings = [
      "--pred-columns", "nb,logreg", "--format", "json", "--ci", "--resamples", "200", "--seed",
      "2",
    ]
    #expect(try output(["evaluate"] + shards + settings) == output(["evaluate", whole] + settings))
    let compare = ["--pred-columns", "nb,logreg", "--format", "json", "--resamples", "200"]
    #expect(try output(["compare"] + shards + compare) == output(["compare", whole] + compare))
  }

  @Test("usage errors: one column, a repeated column, a missing column, standard input")
  func columnUsageErrors() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("wide.csv", "label,a,b\npos,pos,neg\nneg,neg,neg\n")
    let one = try runF1Kit(["compare", path, "--pred-columns", "a"])
    #expect(one.status == 64)
    let repeated = try runF1Kit(["compare", path, "--pred-columns", "a,a"])
    #expect(repeated.status == 64)
    #expect(repeated.standardError.contains("twice"))
    let missing = try runF1Kit(["compare", path, "--pred-columns", "a,c"])
    #expect(missing.status == 65)
    #expect(missing.standardError.contains("\"c\""))
    let standardInput = try runF1Kit(
      ["compare", "-", "--pred-columns", "a,b"], input: "label,a,b\npos,pos,neg\n")
    #expect(standardInput.status == 64)
    #expect(standardInput.standardError.contains("standard input"))
    let hint = try runF1Kit(["compare", path])
    #expect(hint.status == 64)
    #expect(hint.standardError.contains("--pred-columns"))
  }

  @Test("--names renames the columns' models")
  func namesRenameColumns() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "wide.csv",
      "label,a,b\n" + String(repeating: "pos,pos,neg\nneg,neg,neg\npos,pos,pos\n", count: 5))
    let text = try output(
      ["compare", path, "--pred-columns", "a,b", "--names", "old,new", "--resamples", "200"])
    #expect(text.contains("old") && text.contains("new"))
  }
}

/// The R8 fixture's three models with a group column (`topic-N`, groups
/// of one to seven items), as one file per model, a wide file in shuffled
/// row order and grouped joint count tables.
private struct GroupedScaleFixture {
  let base: ScaleFixture
  /// Each row of `base.rows` with its group appended.
  let rows: [[String]]

  init() throws {
    base = try ScaleFixture()
    var groups: [String] = []
    var generator = SeededGenerator(seed: 77)
    while groups.count < base.rows.count {
      let size = Int(generator.next() % 7) + 1
      groups += Array(repeating: "topic-\(groups.count)", count: size)
    }
    rows = zip(base.rows, groups).map { $0 + [$1] }
  }

  /// One file per model: `id,label,prediction,grp`.
  func writeModelFiles() -> [String] {
    ScaleFixture.models.indices.map { model in
      base.folder.write(
        "\(ScaleFixture.models[model]).csv",
        "id,label,prediction,grp\n"
          + rows.map { "\($0[0]),\($0[1]),\($0[2 + model]),\($0[5])\n" }.joined())
    }
  }

  /// The items as `id,label,nb,logreg,balanced,grp` in shuffled order.
  func writeShuffledWide(_ name: String) -> String {
    var generator = SeededGenerator(seed: 5)
    let shuffled = rows.shuffled(using: &generator)
    return base.folder.write(
      name,
      "id,label," + ScaleFixture.models.joined(separator: ",") + ",grp\n"
        + shuffled.map { $0.joined(separator: ",") + "\n" }.joined())
  }

  /// The grouped joint counts of `rows` (`label,nb,logreg,balanced,grp,count`),
  /// shuffled, every cell of more than one item split over two rows, with
  /// zero-count rows (one naming a group no item has).
  func writeCounts(_ name: String, rows: ArraySlice<[String]>, seed: UInt64) -> String {
    var counts: [[String]: Int] = [:]
    for row in rows { counts[Array(row.dropFirst()), default: 0] += 1 }
    var lines: [String] = []
    for (cell, count) in counts {
      let key = cell.joined(separator: ",")
      if count > 1 {
        lines.append("\(key),1")
        lines.append("\(key),\(count - 1)")
      } else {
        lines.append("\(key),\(count)")
      }
    }
    if let first = counts.keys.first { lines.append(first.joined(separator: ",") + ",0") }
    lines.append("acq,acq,acq,acq,no-such-group,0")
    var generator = SeededGenerator(seed: seed)
    lines.shuffle(using: &generator)
    return base.folder.write(
      name,
      "label," + ScaleFixture.models.joined(separator: ",") + ",grp,count\n"
        + lines.map { $0 + "\n" }.joined())
  }
}

@Suite("Joint count tables with a group column")
struct GroupedCountTableTests {
  private func output(_ arguments: [String]) throws -> String {
    let result = try runF1Kit(arguments)
    #expect(result.status == 0, "\(arguments): \(result.standardError)")
    return result.standardOutput
  }

  /// A comparison document with each run's file left out: the sources
  /// differ (three files, or one file's columns), every number must not.
  private func withoutRunFiles(_ text: String) throws -> NSDictionary {
    var document = try #require(
      JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let models = try #require(document["models"] as? [[String: Any]])
    document["models"] = models.map { model in
      var model = model
      model["runs"] = (model["runs"] as? [[String: Any]])?.map { $0.filter { $0.key != "file" } }
      return model
    }
    return NSDictionary(dictionary: document)
  }

  @Test(
    "compare --group-column: grouped counts in any order, duplicates and zero rows, and shards equal the raw files",
    arguments: [
      ["--resamples", "300", "--seed", "7"], ["--resamples", "200", "--metric", "accuracy"],
      ["--resamples", "200", "--test", "bootstrap", "--metric", "micro_f1"],
    ])
  func compareIsExactOnGroupedCounts(settings: [String]) throws {
    let fixture = try GroupedScaleFixture()
    let common = settings + ["--group-column", "grp", "--format", "json"]
    let reference = try output(
      ["compare"] + fixture.writeModelFiles()
        + ["--names", ScaleFixture.models.joined(separator: ",")] + common)
    #expect(
      reference.contains("\"groups\"") || reference.contains("grp") || reference.contains("group"))
    let want = try withoutRunFiles(reference)
    let columns = ["--pred-columns", ScaleFixture.models.joined(separator: ",")]
    let shuffled = fixture.writeShuffledWide("shuffled.csv")
    #expect(try withoutRunFiles(output(["compare", shuffled] + columns + common)) == want)
    for seed: UInt64 in [1, 2] {
      let counts = fixture.writeCounts("counts-\(seed).csv", rows: fixture.rows[...], seed: seed)
      let got = try output(["compare", counts] + columns + common)
      #expect(try withoutRunFiles(got) == want)
    }
    // Shards cut across groups: a group's items may sit in several shards.
    let size = (fixture.rows.count + 3) / 4
    let shards = stride(from: 0, to: fixture.rows.count, by: size).enumerated().map {
      fixture.writeCounts(
        "part-\($0.offset).csv",
        rows: fixture.rows[$0.element..<min($0.element + size, fixture.rows.count)],
        seed: UInt64($0.offset))
    }
    #expect(shards.count == 4)
    #expect(try withoutRunFiles(output(["compare"] + shards + columns + common)) == want)
  }

  @Test("report --group-column: grouped counts and shards give the raw files' experiment section")
  func reportIsExactOnGroupedCounts() throws {
    let fixture = try GroupedScaleFixture()
    func experiment(_ arguments: [String], _ name: String) throws -> NSDictionary {
      let html = fixture.base.folder.url.appendingPathComponent("\(name).html").path
      let path = fixture.base.folder.url.appendingPathComponent("\(name).json").path
      _ = try output(
        ["report"] + arguments + [
          "--group-column", "grp", "--resamples", "200", "--seed", "11", "--out", html,
          "--json", path,
        ])
      let document = try #require(
        JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
          as? [String: Any])
      let section = try #require(document["experiment"] as? [String: Any])
      let text = String(
        decoding: try JSONSerialization.data(withJSONObject: section), as: UTF8.self)
      #expect(try String(contentsOfFile: html, encoding: .utf8).contains("grp"))
      return try withoutRunFiles(text)
    }
    let want = try experiment(
      fixture.writeModelFiles() + ["--names", ScaleFixture.models.joined(separator: ",")], "files")
    let columns = ["--pred-columns", ScaleFixture.models.joined(separator: ",")]
    let counts = fixture.writeCounts("counts.csv", rows: fixture.rows[...], seed: 3)
    #expect(try experiment([counts] + columns, "counts") == want)
    let half = fixture.rows.count / 2
    let shards = [
      fixture.writeCounts("part-0.csv", rows: fixture.rows[..<half], seed: 4),
      fixture.writeCounts("part-1.csv", rows: fixture.rows[half...], seed: 5),
    ]
    #expect(try experiment(shards + columns, "shards") == want)
    let stratified = try runF1Kit(
      ["report", counts] + columns + [
        "--stratify", "gold", "--out",
        fixture.base.folder.url.appendingPathComponent("s.html").path,
      ])
    #expect(stratified.status == 64)
  }

  @Test("the raw files give the same grouped result in any row order")
  func rawGroupsAreOrderFree() throws {
    let fixture = try GroupedScaleFixture()
    let settings = ["--group-column", "grp", "--resamples", "200", "--format", "json"]
    let files = fixture.writeModelFiles()
    let reference = try output(["compare", files[0], files[1], "--names", "a,b"] + settings)
    // The same items and groups, each file shuffled the same way.
    var generator = SeededGenerator(seed: 31)
    let order = Array(fixture.rows.indices).shuffled(using: &generator)
    let shuffled = [0, 1].map { model in
      fixture.base.folder.write(
        "shuffled-\(model).csv",
        "id,label,prediction,grp\n"
          + order.map { fixture.rows[$0] }.map { "\($0[0]),\($0[1]),\($0[2 + model]),\($0[5])\n" }
          .joined())
    }
    #expect(
      try withoutRunFiles(output(["compare"] + shuffled + ["--names", "a,b"] + settings))
        == withoutRunFiles(reference))
  }

  @Test("gate --group-column decides alike on grouped counts and on the raw files")
  func gateOnGroupedCounts() throws {
    let fixture = try GroupedScaleFixture()
    let settings = [
      "--group-column", "grp", "--metric", "macro_f1", "--margin", "0.02", "--resamples", "300",
      "--format", "json",
    ]
    let files = fixture.writeModelFiles()
    let reference = try runF1Kit(["gate", files[0], files[1], "--names", "nb,logreg"] + settings)
    let counts = fixture.writeCounts("counts.csv", rows: fixture.rows[...], seed: 4)
    let result = try runF1Kit(["gate", counts, "--pred-columns", "nb,logreg"] + settings)
    #expect(result.status == reference.status, "\(result.standardError)")
    #expect(result.standardOutput == reference.standardOutput)
    #expect(!reference.standardOutput.isEmpty)
  }

  @Test("a missing group column names the file; --stratify with --pred-columns is refused")
  func groupErrors() throws {
    let fixture = try GroupedScaleFixture()
    let counts = fixture.writeCounts("counts.csv", rows: fixture.rows[...], seed: 4)
    let missing = try runF1Kit(
      ["compare", counts, "--pred-columns", "nb,logreg", "--group-column", "query"])
    #expect(missing.status == 65)
    #expect(missing.standardError.contains("counts.csv"))
    #expect(missing.standardError.contains("query"))
    let stratify = try runF1Kit(
      ["compare", counts, "--pred-columns", "nb,logreg", "--stratify", "gold"])
    #expect(stratify.status == 64)
  }
}
