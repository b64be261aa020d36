import Foundation
import Testing
import _TestSupport

/// `f1kit evaluate --ci` with `--group-column` or `--stratify gold`.
@Suite("f1kit evaluate --ci by group or within gold classes")
struct EvaluateDesignCommandTests {
  static let grouped = "fixtures/experiments/a-run1.csv"

  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  private func width(_ interval: Any?) throws -> Double {
    let object = try #require(interval as? [String: Any])
    return try #require(object["high"] as? Double) - #require(object["low"] as? Double)
  }

  /// A grouped count table, `GROUP BY label, prediction, query`: 8 queries.
  static let groupedCounts: String =
    "label,prediction,query,count\n"
    + (0..<32).map { index in
      let pair = ["0,0", "0,1", "1,0", "1,1"][index % 4]
      return
        "\(pair),q\(index / 4),\(index % 4 == 0 || index % 4 == 3 ? 9 + index % 5 : 1 + index % 3)\n"
    }.joined()

  @Test(
    "a count table is refused by group or within gold classes, naming it, not read as items",
    arguments: [["--group-column", "query"], ["--stratify", "gold"]])
  func refusesCountTable(design: [String]) throws {
    let folder = TemporaryDirectory()
    let file = folder.write("counts.csv", Self.groupedCounts)
    let result = try runF1Kit(
      ["evaluate", file, "--ci", "--resamples", "200"] + design, in: folder.url)
    #expect(result.status == 64, "\(result.standardOutput)")
    let option = design[0] == "--group-column" ? "--group-column" : "--stratify gold"
    #expect(
      result.standardError.hasPrefix(
        "Error: \(file): the file is a count table (column \"count\"), whose rows are cells, and evaluate's \(option) intervals resample items, so they are read from a file of items only"
      ), "\(result.standardError)")
    #expect(!result.standardError.contains("--count-column '' to read them so"))
  }

  @Test("JSON says the intervals are by group and how many groups, with the item-level ones")
  func groupedJSON() throws {
    let result = try runF1Kit([
      "evaluate", Self.grouped, "--ci", "--group-column", "query", "--resamples", "999",
      "--format", "json", "-q",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    let resampling = try #require(document["resampling"] as? [String: Any])
    #expect(resampling["unit"] as? String == "groups")
    #expect(resampling["groups"] as? Int == 40)
    let intervals = try #require(document["intervals"] as? [String: Any])
    let items = try #require(document["item_level_intervals"] as? [String: Any])
    // 40 queries of 15 pairs whose difficulty varies by query: the group
    // interval of accuracy is clearly wider than the item-level one.
    let ratio = try width(intervals["accuracy"]) / width(items["accuracy"])
    #expect(ratio > 1.2, "ratio \(ratio)")
    #expect((document["analytic_intervals"] as? [String: Any])?.isEmpty == true)
    let plain = try runF1Kit([
      "evaluate", Self.grouped, "--ci", "--resamples", "999", "--format", "json", "-q",
    ])
    let plainDocument = try json(plain)
    #expect(plainDocument["resampling"] == nil)
    // The item-level intervals are the plain --ci ones, digit for digit:
    // the same seed, the same draws.
    let plainIntervals = try #require(plainDocument["intervals"] as? [String: Any])
    #expect(items.count == plainIntervals.count)
    for (metric, interval) in plainIntervals {
      let plainInterval = try #require(interval as? [String: Any])
      let itemInterval = try #require(items[metric] as? [String: Any], "\(metric)")
      #expect(itemInterval["low"] as? Double == plainInterval["low"] as? Double, "\(metric)")
      #expect(itemInterval["high"] as? Double == plainInterval["high"] as? Double, "\(metric)")
    }
  }

  @Test("the text names the design, the groups and each width ratio")
  func groupedText() throws {
    let result = try runF1Kit([
      "evaluate", Self.grouped, "--ci", "--group-column", "query", "--resamples", "499", "-q",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("bootstrap by group, 40 groups"))
    #expect(result.standardOutput.contains("× as wide"))
    #expect(result.standardOutput.contains("analytic intervals are left out"))
  }

  @Test("--stratify gold resamples within classes and keeps the analytic intervals")
  func stratified() throws {
    let result = try runF1Kit([
      "evaluate", Self.grouped, "--ci", "--stratify", "gold", "--resamples", "499",
      "--format", "json", "-q",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    let resampling = try #require(document["resampling"] as? [String: Any])
    #expect(resampling["stratified_by_gold"] as? Bool == true)
    #expect((document["analytic_intervals"] as? [String: Any])?.isEmpty == false)
  }

  @Test(
    "a table's caption says what the intervals resample, as compare's captions do",
    arguments: [
      (
        ["--group-column", "query"],
        " that resample whole groups of items (40 groups by query)."
      ),
      (
        ["--stratify", "gold"], " that resample items within each gold class (class counts fixed)."
      ),
      ([], "."),
    ])
  func tableCaption(arguments: [String], design: String) throws {
    for format in ["markdown", "latex"] {
      let result = try runF1Kit(
        ["evaluate", Self.grouped, "--resamples", "499", "--format", format, "-q"] + arguments)
      #expect(result.status == 0, "\(result.standardError)")
      let intervals =
        format == "latex"
        ? "with 95\\% BCa bootstrap intervals in brackets (499 resamples, seed 42)"
        : "with 95% BCa bootstrap intervals in brackets (499 resamples, seed 42)"
      #expect(result.standardOutput.contains(intervals + design), "\(result.standardOutput)")
    }
  }

  @Test("help says --group-column and --stratify change only evaluate's --ci intervals")
  func help() throws {
    let evaluate = try runF1Kit(["help", "evaluate"]).standardOutput
    let advise = try runF1Kit(["help", "advise"]).standardOutput
    let compare = try runF1Kit(["help", "compare"]).standardOutput
    func flat(_ help: String) -> String {
      help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    // evaluate and advise run no permutation test; compare does.
    for help in [evaluate, advise] { #expect(!flat(help).contains("permutation test")) }
    #expect(flat(compare).contains("the permutation test swaps them"))
    #expect(
      flat(evaluate).contains(
        "--group-column <name> A column naming each item's group (query, document, premise): the --ci intervals resample whole groups"
      ))
    #expect(flat(evaluate).contains("Needs --ci (or --format markdown or latex)."))
    #expect(flat(evaluate).contains("With --ci, --group-column makes the intervals resample"))
    #expect(
      flat(advise).contains(
        "the advice adds how much wider the primary metric's interval is when whole groups are resampled"
      ))
  }

  @Test(
    "misuse is one line and the right status",
    arguments: [
      (["--group-column", "query"], Int32(64), "add --ci"),
      (["--ci", "--group-column", "nothing"], 65, "nothing"),
      (["--ci", "--group-column", "query", "--stratify", "gold"], 64, "cannot be combined"),
    ])
  func misuse(arguments: [String], status: Int32, message: String) throws {
    let result = try runF1Kit(["evaluate", Self.grouped] + arguments + ["-q"])
    #expect(result.status == status)
    #expect(result.standardError.contains(message), "\(result.standardError)")
  }

  @Test("standard input can be grouped, in one pass, with the file's intervals")
  func standardInput() throws {
    let text = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent(Self.grouped), encoding: .utf8)
    let arguments = ["--ci", "--group-column", "query", "--resamples", "499", "--format", "json"]
    let fromInput = try runF1Kit(["evaluate", "-"] + arguments + ["-q"], input: text)
    let fromFile = try runF1Kit(["evaluate", Self.grouped] + arguments + ["-q"])
    #expect(fromInput.status == 0, "\(fromInput.standardError)")
    #expect(fromFile.status == 0, "\(fromFile.standardError)")
    #expect(fromInput.standardOutput == fromFile.standardOutput)
    #expect(try json(fromInput)["resampling"] != nil)
  }

  @Test("advise --group-column cites the groups and the width ratio; under 30 groups it warns")
  func adviseGroups() throws {
    let result = try runF1Kit([
      "advise", Self.grouped, "--group-column", "query", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let advice = try #require(json(result)["advice"] as? [[String: Any]])
    let grouped = try #require(advice.first { $0["id"] as? String == "grouped-intervals" })
    let evidence = try #require(grouped["evidence"] as? [[String: Any]])
    #expect(evidence.first { $0["name"] as? String == "groups" }?["value"] as? Int == 40)
    let ratio = try #require(
      evidence.first { $0["name"] as? String == "width_ratio" }?["value"] as? Double)
    #expect(ratio > 1.2, "ratio \(ratio)")
    #expect(!advice.contains { $0["id"] as? String == "few-groups" })
  }

  @Test(
    "compare says one run per model cannot separate seed luck only when the difference is small")
  func compareSeedNote() throws {
    let close = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--resamples", "499", "-q",
    ])
    #expect(close.standardOutput.contains("one run per model cannot separate seed luck"))
    let far = try runF1Kit([
      "compare", "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv",
      "--resamples", "499", "-q",
    ])
    #expect(far.status == 0)
    #expect(!far.standardOutput.contains("seed luck"))
  }

  @Test(
    "--stratify gold names a gold class of fewer than five items in text, JSON and the tables",
    arguments: ["text", "json", "markdown", "latex"])
  func smallStratum(format: String) throws {
    // 40 items; gold class "2" has one item, drawn unchanged into every
    // resample within gold classes.
    let rows = (0..<39).map { "\($0),\($0 % 3 == 0 ? 0 : 1),\($0 % 4 == 0 ? 0 : 1)" } + ["39,2,2"]
    let directory = TemporaryDirectory()
    let path = directory.write("rare.csv", "id,label,prediction\n" + rows.joined(separator: "\n"))
    let arguments = ["evaluate", path, "--ci", "--resamples", "999", "-q", "--format", format]
    let stratified = try runF1Kit(arguments + ["--stratify", "gold"])
    #expect(stratified.status == 0, "\(stratified.standardError)")
    let note =
      "gold class \"2\" (1 item) has fewer than 5 items: resampling within gold classes (--stratify gold) keeps each class's item count, so it is drawn unchanged into every resample and the intervals leave out how uncertain the scores on it are; without --stratify gold it is resampled with the other items."
    switch format {
    case "text":
      #expect(
        stratified.standardOutput.contains("\nNote: \(note)\n"), "\(stratified.standardOutput)")
    case "json":
      let cautions = try json(stratified)["cautions"] as? [String]
      #expect(cautions == [note])
    default:
      #expect(stratified.standardOutput.contains("Gold class"), "\(stratified.standardOutput)")
      #expect(stratified.standardOutput.contains("fewer than 5 items"))
    }
    let items = try runF1Kit(arguments)
    #expect(items.status == 0)
    #expect(!items.standardOutput.contains("fewer than 5 items"))
  }

  @Test(
    "a file's rows in another order give byte-identical JSON, as compare's runs do",
    arguments: [[], ["--stratify", "gold"], ["--group-column", "query"]])
  func rowOrder(design: [String]) throws {
    let text = try String(contentsOf: Fixtures.url("experiments/a-run1.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n")
    let rows = Array(lines.dropFirst())
    // Row i goes to place 7919 · i mod n: a prime stride, so every row moves
    // and no two stay neighbours.
    let shuffled = rows.indices.map { rows[($0 * 7919) % rows.count] }
    #expect(Set(shuffled) == Set(rows) && shuffled != rows)
    let (given, moved) = (TemporaryDirectory(), TemporaryDirectory())
    given.write("a-run1.csv", text)
    moved.write("a-run1.csv", ([lines[0]] + shuffled).joined(separator: "\n") + "\n")
    let arguments =
      ["evaluate", "a-run1.csv", "--ci", "--resamples", "999", "--format", "json", "-q"] + design
    let first = try runF1Kit(arguments, in: given.url)
    let second = try runF1Kit(arguments, in: moved.url)
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput == second.standardOutput)
  }
}
