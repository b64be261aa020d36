import Foundation
import Testing
import _TestSupport

/// What `compare` and `report` say about an experiment's inputs beyond its
/// numbers: a label only some runs predict, unequal groups, tiny strata,
/// and models named in another order.
@Suite("f1kit compare and report: the cautions of runs, groups and strata")
struct ExperimentCautionCommandTests {
  static let labels = ["x", "y", "z"]

  /// A run's file of 60 items: gold cycles through x, y, z; the run errs
  /// on about a quarter of the items, differently for each `seed`, and
  /// predicts `stray` for the first `strays` items.
  static func run(seed: Int, stray: String = "unk", strays: Int = 0, extraGold: String? = nil)
    -> String
  {
    var text = "label,prediction\n"
    for item in 0..<60 {
      let gold = item == 59 && extraGold != nil ? extraGold! : labels[item % 3]
      var predicted = (item * 7 + seed * 3) % 4 == 0 ? labels[(item + 1) % 3] : gold
      if item < strays { predicted = stray }
      text += "\(gold),\(predicted)\n"
    }
    return text
  }

  /// Writes files into a fresh directory and runs `body` there.
  private func withFiles(_ files: [String: String], _ body: (URL) throws -> Void) throws {
    let directory = TemporaryDirectory()
    for (name, text) in files { directory.write(name, text) }
    try withExtendedLifetime(directory) { try body(directory.url) }
  }

  private func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  static let runFiles: [String: String] = [
    "a1.csv": run(seed: 1), "a2.csv": run(seed: 2), "b1.csv": run(seed: 3),
    "b2.csv": run(seed: 4, strays: 2),
  ]

  @Test("a label outside gold that one run predicts is a caution in text, JSON and the report")
  func labelOutsideGold() throws {
    try withFiles(Self.runFiles) { directory in
      let models = ["A=a1.csv,a2.csv", "B=b1.csv,b2.csv", "--resamples", "200"]
      let caution =
        "\"unk\" is no gold item's label, but b2.csv (2 items) predicts it: every run's macro-F1 averages over all 4 labels, and a run that never predicts \"unk\" scores 0 on it, so a run that predicts only gold labels gets 3/4 of its macro-F1 over them (scikit-learn's average=\"macro\" on that run alone); give --labels x,y,z to score every run on the gold labels (those predictions then count as errors)."
      let text = try runF1Kit(["compare"] + models, in: directory)
      #expect(text.status == 0, "\(text.standardError)")
      #expect(text.standardOutput.contains("\nNote: \(caution)\n"), "\(text.standardOutput)")
      let json = try runF1Kit(["compare"] + models + ["--format", "json"], in: directory)
      let cautions = try object(json.standardOutput)["cautions"] as? [String] ?? []
      #expect(cautions.contains(caution), "\(cautions)")

      // --labels scores every run on the gold labels: a run without the
      // stray label gains exactly the 4/3 the caution names.
      let scoped = try runF1Kit(
        ["compare"] + models + ["--labels", "x,y,z", "--format", "json"], in: directory)
      #expect(scoped.status == 0, "\(scoped.standardError)")
      let scopedDocument = try object(scoped.standardOutput)
      #expect(scopedDocument["cautions"] == nil)
      func firstRun(_ document: [String: Any]) throws -> Double {
        let models = try #require(document["models"] as? [[String: Any]])
        let runs = try #require(models[0]["runs"] as? [[String: Any]])
        return try #require(runs[0]["value"] as? Double)
      }
      let unscoped = try firstRun(try object(json.standardOutput))
      #expect(abs(try firstRun(scopedDocument) - unscoped * 4 / 3) < 1e-12)

      let report = try runF1Kit(
        ["report"] + models + ["--out", "r.html", "--json", "r.json"], in: directory)
      #expect(report.status == 0, "\(report.standardError)")
      let html = try String(
        contentsOf: directory.appendingPathComponent("r.html"), encoding: .utf8)
      #expect(html.contains("&quot;unk&quot; is no gold item&#39;s label, but b2.csv (2 items)"))
      #expect(
        html.contains(
          "The other sections score each model&#39;s first run over the 3 labels of the first runs, without “unk”, which only later runs predict, so their macro-F1 differs from this section&#39;s: A&#39;s first run (a1.csv) has "
        ), "\(html)")
      // The summary's label count says which labels it counts, beside
      // run means that average over one more.
      #expect(
        html.contains(
          "<span class=\"value\">3</span><span class=\"label\">labels (multiclass) in the first runs; the means of runs average over 4</span>"
        ))
      let reportJSON = try object(
        try String(contentsOf: directory.appendingPathComponent("r.json"), encoding: .utf8))
      let experiment = try #require(reportJSON["experiment"] as? [String: Any])
      #expect((experiment["cautions"] as? [String] ?? []).contains(caution))
    }
  }

  @Test(
    "a label outside gold that one of two single-run models predicts is a caution in text and JSON")
  func labelOutsideGoldOfSingleRuns() throws {
    try withFiles(Self.runFiles) { directory in
      let models = ["a1.csv", "b2.csv", "--resamples", "200"]
      let caution =
        "\"unk\" is no gold item's label, but b2.csv predicts it: every model's macro-F1 averages over all 4 labels, and a model that never predicts \"unk\" scores 0 on it, so a model that predicts only gold labels gets 3/4 of its macro-F1 over them (scikit-learn's average=\"macro\" on that model alone); give --labels x,y,z to score every model on the gold labels (those predictions then count as errors)."
      let text = try runF1Kit(["compare"] + models, in: directory)
      #expect(text.status == 0, "\(text.standardError)")
      #expect(text.standardOutput.contains("\nNote: \(caution)\n"), "\(text.standardOutput)")
      let json = try runF1Kit(["compare"] + models + ["--format", "json"], in: directory)
      let cautions = try object(json.standardOutput)["cautions"] as? [String] ?? []
      #expect(cautions == [caution], "\(cautions)")

      // Gold's labels alone, or a metric that is no macro average, need no caution.
      for options in [["--labels", "x,y,z"], ["--metric", "accuracy"]] {
        let other = try runF1Kit(
          ["compare"] + models + options + ["--format", "json"], in: directory)
        #expect(other.status == 0, "\(other.standardError)")
        #expect(try object(other.standardOutput)["cautions"] == nil, "\(options)")
      }
    }
  }

  @Test(
    "the report's pair table and ASO paragraph use the pair's own names in any order",
    arguments: [("B", "A"), ("A", "B"), ("slow", "fast")])
  func pairNames(first: String, second: String) throws {
    try withFiles(Self.runFiles.merging(["b2.csv": Self.run(seed: 4)]) { $1 }) { directory in
      let result = try runF1Kit(
        [
          "report", "\(first)=b1.csv,b2.csv", "\(second)=a1.csv,a2.csv", "--resamples", "200",
          "--out", "r.html",
        ], in: directory)
      #expect(result.status == 0, "\(result.standardError)")
      let html = try String(
        contentsOf: directory.appendingPathComponent("r.html"), encoding: .utf8)
      #expect(!html.contains("Pair (B − A)"))
      #expect(html.contains("\(second) − \(first)"))
      #expect(
        html.contains(
          "ε_min is for the claim “\(second) is better than \(first)”; below 0.5 \(second) is almost stochastically dominant"
        ))
      #expect(!html.contains("“\(first) is better than \(second)”"))
    }
  }

  /// A file of `sizes.reduce(0, +)` items with a group column: group
  /// `g<k>` holds `sizes[k]` items.
  static func grouped(_ sizes: [Int], seed: Int) -> String {
    var text = "label,prediction,query\n"
    var item = 0
    for (group, size) in sizes.enumerated() {
      for _ in 0..<size {
        let gold = item % 2
        let predicted = (item * 5 + seed * 3 + group) % 4 == 0 ? 1 - gold : gold
        text += "\(gold),\(predicted),g\(group)\n"
        item += 1
      }
    }
    return text
  }

  @Test("35 groups of which one holds most items get the few-groups caution and advice")
  func dominantGroup() throws {
    let dominant = [300] + [Int](repeating: 2, count: 34)
    let equal = [Int](repeating: 10, count: 35)
    try withFiles([
      "a.csv": Self.grouped(dominant, seed: 1), "b.csv": Self.grouped(dominant, seed: 2),
      "c.csv": Self.grouped(equal, seed: 1), "d.csv": Self.grouped(equal, seed: 2),
    ]) { directory in
      let options = ["--group-column", "query", "--resamples", "200"]
      let text = try runF1Kit(["compare", "a.csv", "b.csv"] + options, in: directory)
      #expect(text.status == 0, "\(text.standardError)")
      let note =
        "35 groups, and unequal ones: the largest holds 300 of the 368 items (82%), so they weigh as about 1.5 equal groups (Kish's effective number of groups, (Σm)²/Σm²), and a bootstrap over fewer than about 30 effective groups can give intervals that are too narrow."
      #expect(text.standardOutput.contains("Note: \(note)"), "\(text.standardOutput)")
      let json = try object(
        try runF1Kit(
          ["compare", "a.csv", "b.csv"] + options + ["--format", "json"], in: directory
        )
        .standardOutput)
      #expect((json["cautions"] as? [String] ?? []).contains(note))
      let design = try #require(json["design"] as? [String: Any])
      #expect(design["largest_group"] as? Int == 300)
      let advice = try runF1Kit(["advise", "a.csv", "--group-column", "query"], in: directory)
      #expect(advice.status == 0, "\(advice.standardError)")
      let flat = advice.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(flat.contains("[few-groups]"), "\(flat)")
      #expect(flat.contains("largest_group = 300,"), "\(flat)")
      #expect(
        flat.contains(
          "368 items in 35 groups (10.5 items per group on average, but the largest holds 300 of the 368 items (82%); they weigh as about 1.5 equal groups)"
        ), "\(flat)")

      let balanced = try runF1Kit(["compare", "c.csv", "d.csv"] + options, in: directory)
      #expect(balanced.status == 0, "\(balanced.standardError)")
      #expect(!balanced.standardOutput.contains("too narrow"), "\(balanced.standardOutput)")
    }
  }

  @Test("--stratify gold names a gold class of fewer than five items")
  func smallStratum() throws {
    try withFiles([
      "a1.csv": Self.run(seed: 1, extraGold: "rare"),
      "a2.csv": Self.run(seed: 2, extraGold: "rare"),
      "b1.csv": Self.run(seed: 3, extraGold: "rare"),
      "b2.csv": Self.run(seed: 4, extraGold: "rare"),
    ]) { directory in
      let arguments = [
        "compare", "A=a1.csv,a2.csv", "B=b1.csv,b2.csv", "--stratify", "gold", "--resamples", "200",
      ]
      let note =
        "gold class \"rare\" (1 item) has fewer than 5 items: resampling within gold classes (--stratify gold) keeps each class's item count, so it is drawn unchanged into every resample and the intervals leave out how uncertain the scores on it are; without --stratify gold it is resampled with the other items."
      let text = try runF1Kit(arguments, in: directory)
      #expect(text.status == 0, "\(text.standardError)")
      #expect(text.standardOutput.contains("Note: \(note)"), "\(text.standardOutput)")
      let json = try object(
        try runF1Kit(arguments + ["--format", "json"], in: directory).standardOutput)
      #expect((json["cautions"] as? [String] ?? []).contains(note))
      let items = try runF1Kit(Array(arguments.prefix(3)) + ["--resamples", "200"], in: directory)
      #expect(!items.standardOutput.contains("fewer than 5 items"))
      // gate decides (PASS or FAIL) on the same resamples, so it carries the
      // note too.
      let gate = try runF1Kit(
        ["gate"] + arguments.dropFirst() + ["--metric", "macro_f1", "--margin", "0.5"],
        in: directory)
      #expect([0, 1].contains(gate.status), "\(gate.standardError)")
      #expect(gate.standardOutput.contains("Note: \(note)"), "\(gate.standardOutput)")
    }
  }
}
