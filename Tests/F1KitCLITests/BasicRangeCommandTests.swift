import Foundation
import Testing
import _TestSupport

/// Basic bootstrap intervals past a range: a model's past its metric's
/// [0, 1], a difference's past [−1, 1]. Every output that shows such an
/// interval says so with the same note, in `gate` and for multilabel
/// files as in `compare` and `evaluate` of single-label files.
@Suite("basic intervals past the metric's or a difference's range get a note everywhere")
struct BasicRangeCommandTests {
  static let basic = ["--ci-method", "basic", "--resamples", "999", "-q"]
  static let reason =
    ": a basic interval reflects the estimate about the bootstrap percentiles, so its ends can pass the range; percentile or BCa intervals stay within it."

  /// The notes on b − a when b's interval and the difference's are both
  /// `interval`: b's past [0, 1], then the difference's past [-1, 1].
  static func notes(
    _ interval: String, of second: String, minus first: String, on metric: String
  ) -> String {
    "\nNote: the basic interval \(interval) of \(second)'s \(metric) reaches past the metric's range [0, 1]"
      + reason
      + "\nNote: the basic interval \(interval) of \(second) − \(first) on \(metric) reaches past a difference's range [-1, 1]"
      + reason + "\n"
  }

  /// Expects a run to succeed and print `text`.
  private func expect(
    _ result: CommandResult, prints text: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == 0, "\(result.standardError)", sourceLocation: sourceLocation)
    #expect(
      result.standardOutput.contains(text), "\(result.standardOutput)",
      sourceLocation: sourceLocation)
  }

  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  /// Two single-label files of 20 items: a wrong on every item, b wrong on
  /// one, so b's accuracy (0.95) and b − a (0.95) have basic intervals
  /// whose upper ends pass 1.
  private func singleLabelFiles(in folder: TemporaryDirectory) -> [String] {
    ["a.csv": Set(0..<20), "b.csv": [3]].sorted { $0.key < $1.key }.map { name, wrong in
      folder.write(
        name,
        "gold,pred\n"
          + (0..<20).map { item in
            let (gold, other) = item % 2 == 0 ? ("pos", "neg") : ("neg", "pos")
            return "\(gold),\(wrong.contains(item) ? other : gold)\n"
          }.joined())
    }
  }

  /// The same 20 items as label sets over x, y, z: a predicts the
  /// complement of every gold set, b the gold set itself but on one item.
  private func multilabelFiles(in folder: TemporaryDirectory) -> [String] {
    let labels = ["x", "y", "z"]
    return ["ma.csv": Set(0..<20), "mb.csv": [3]].sorted { $0.key < $1.key }.map { name, wrong in
      folder.write(
        name,
        "id,label,prediction\n"
          + (0..<20).map { item in
            let gold = [labels[item % 3]] + (item % 2 == 1 ? [labels[(item + 1) % 3]] : [])
            let predicted = wrong.contains(item) ? labels.filter { !gold.contains($0) } : gold
            return
              "i\(item),\(gold.joined(separator: "|")),\(predicted.joined(separator: "|"))\n"
          }.joined())
    }
  }

  @Test(
    "compare and gate name b's interval past [0, 1] and b − a past [-1, 1], in text, JSON and Markdown",
    arguments: [false, true])
  func compareAndGate(isMultilabel: Bool) throws {
    let folder = TemporaryDirectory()
    let files = isMultilabel ? multilabelFiles(in: folder) : singleLabelFiles(in: folder)
    let (first, second) = isMultilabel ? ("ma.csv", "mb.csv") : ("a.csv", "b.csv")
    let (metric, metricName) =
      isMultilabel ? ("subset_accuracy", "subset accuracy") : ("accuracy", "accuracy")
    let options = ["--metric", metric] + Self.basic
    let notes = Self.notes("[0.900, 1.050]", of: second, minus: first, on: metricName)
    expect(try runF1Kit(["compare"] + files + options), prints: notes)
    expect(try runF1Kit(["gate"] + files + options + ["--margin", "0.05"]), prints: notes)
    let document = try json(try runF1Kit(["compare"] + files + options + ["--format", "json"]))
    let difference = try #require(document["difference"] as? [String: Any])
    #expect((difference["high"] as? Double ?? 0) > 1)
    // a.csv gets every item right, so its interval has no width: a
    // caution of its own, not about ranges.
    let cautions = try #require(document["cautions"] as? [String]).filter {
      !$0.contains("every resample gives")
    }
    // Multilabel JSON adds per-label F1 intervals, and their note.
    #expect(cautions.count == (isMultilabel ? 3 : 2), "\(cautions)")
    let differencePhrase = "\(second) − \(first) on \(metricName) reaches past a difference's"
    #expect(cautions[1].contains(differencePhrase))
    // Markdown writes numbers with U+2212, and so the range's bounds.
    expect(
      try runF1Kit(["compare"] + files + options + ["--format", "markdown"]),
      prints: differencePhrase + " range \\[−1, 1\\]")
    if !isMultilabel {
      // Stratified comparisons use the experiment engine.
      expect(
        try runF1Kit(["compare"] + files + options + ["--stratify", "gold"]), prints: notes)
    }
    // Percentile intervals keep to the ranges: no note.
    let percentile = try runF1Kit(
      ["compare"] + files + ["--metric", metric, "--ci-method", "percentile", "-q"])
    #expect(!percentile.standardOutput.contains("reaches past"), "\(percentile.standardOutput)")
  }

  @Test("multilabel compare's JSON notes basic per-label F1 intervals past [0, 1]")
  func multilabelPerLabel() throws {
    let folder = TemporaryDirectory()
    let files = multilabelFiles(in: folder)
    let document = try json(
      try runF1Kit(["compare"] + files + ["--format", "json"] + Self.basic))
    let models = try #require(document["models"] as? [[String: Any]])
    let labels = try #require(models[1]["per_label_f1"] as? [[String: Any]])
    #expect(labels.contains { ($0["interval"] as? [String: Any])?["high"] as? Double ?? 0 > 1 })
    let cautions = try #require(document["cautions"] as? [String])
    #expect(
      cautions.contains { $0.contains("mb.csv's F1 of \"") && $0.hasSuffix(Self.reason) },
      "\(cautions)")
  }

  @Test("evaluate --ci notes basic score-metric intervals past [0, 1], in text and JSON")
  func scoreSummary() throws {
    let folder = TemporaryDirectory()
    // All but one positive item ranked right: ROC-AUC 0.9, whose basic
    // interval passes 1.
    let file = folder.write(
      "b.csv",
      "gold,score\n"
        + (0..<20).map { item in
          "\(item % 2 == 0 ? "pos" : "neg"),\(item == 4 ? 0.05 : item % 2 == 0 ? 0.9 : 0.1)\n"
        }.joined())
    let options = ["evaluate", file, "--score-column", "score", "--positive", "pos", "--ci"]
    let text = try runF1Kit(options + Self.basic)
    #expect(text.status == 0, "\(text.standardError)")
    // AP, ROC-AUC, log loss and the Brier score pass their range.
    #expect(
      text.standardOutput.contains(
        "(95% intervals: basic bootstrap over items, 999 resamples, seed 42)\nNote: 4 basic intervals reach past their metric's range, such as average_precision [0.9000, 1.0833] past [0, 1]"
          + Self.reason + "\n"), "\(text.standardOutput)")
    let document = try json(try runF1Kit(options + ["--format", "json"] + Self.basic))
    let cautions = try #require(document["score_cautions"] as? [String])
    #expect(cautions.count == 1 && cautions[0].hasSuffix(Self.reason), "\(cautions)")
    let percentile = try runF1Kit(
      options + ["--ci-method", "percentile", "--resamples", "999", "-q"])
    #expect(!percentile.standardOutput.contains("score_cautions"))
    #expect(
      !(percentile.standardOutput.components(separatedBy: "score metrics (").last ?? "")
        .contains("Note:"))
  }

  @Test("a single-run gate writes the notes in its JSON and its summary")
  func gateSingleRun() throws {
    let folder = TemporaryDirectory()
    let files = singleLabelFiles(in: folder)
    let options = ["--metric", "accuracy", "--margin", "0.05"] + Self.basic
    let document = try json(try runF1Kit(["gate"] + files + options + ["--format", "json"]))
    let cautions = try #require(document["cautions"] as? [String]).filter {
      !$0.contains("every resample gives")
    }
    #expect(cautions.count == 2 && cautions.allSatisfy { $0.hasSuffix(Self.reason) })
    let summary = folder.url.appendingPathComponent("summary.md").path
    _ = try runF1Kit(["gate"] + files + options + ["--summary", summary])
    let markdown = try String(contentsOfFile: summary, encoding: .utf8)
    #expect(markdown.contains("reaches past a difference's range"), "\(markdown)")
  }

  @Test("multilabel evaluate notes basic intervals past their metric's range, in text and JSON")
  func multilabelEvaluate() throws {
    let folder = TemporaryDirectory()
    let file = multilabelFiles(in: folder)[1]
    expect(
      try runF1Kit(["evaluate", file, "--ci"] + Self.basic),
      prints:
        "\nNote: 18 basic intervals reach past their metric's range, such as subset_accuracy [0.9000, 1.0500] past [0, 1]"
        + Self.reason + "\n")
    let document = try json(
      try runF1Kit(["evaluate", file, "--ci", "--format", "json"] + Self.basic))
    #expect((document["cautions"] as? [String])?.count == 1, "\(document)")
    let percentile = try runF1Kit(
      ["evaluate", file, "--ci", "--ci-method", "percentile", "--resamples", "999", "-q"])
    #expect(!percentile.standardOutput.contains("reaches past"), "\(percentile.standardOutput)")
  }

  @Test(
    "score comparisons and their gate note ROC-AUC intervals past [0, 1] and differences past [-1, 1]"
  )
  func scores() throws {
    let folder = TemporaryDirectory()
    func write(_ name: String, score: (Int) -> Double) -> String {
      let rows = (0..<20).map { item in
        (gold: item % 2 == 0 ? "pos" : "neg", score: score(item))
      }
      return folder.write(
        name,
        "gold,pred,score\n"
          + rows.map { "\($0.gold),\($0.score >= 0.5 ? "pos" : "neg"),\($0.score)\n" }.joined())
    }
    // a ranks every item the wrong way round (ROC-AUC 0); b ranks all but
    // one positive item right (0.9).
    let files = [
      write("a.csv") { $0 % 2 == 0 ? 0.1 : 0.9 },
      write("b.csv") { $0 == 4 ? 0.05 : $0 % 2 == 0 ? 0.9 : 0.1 },
    ]
    let options = ["--metric", "roc_auc", "--score-column", "score"] + Self.basic
    expect(
      try runF1Kit(["compare"] + files + options),
      prints: Self.notes("[0.800, 1.133]", of: "b.csv", minus: "a.csv", on: "ROC-AUC"))
    let document = try json(try runF1Kit(["compare"] + files + options + ["--format", "json"]))
    #expect((document["cautions"] as? [String])?.count == 2, "\(document)")
    let gate = try json(
      try runF1Kit(["gate"] + files + options + ["--margin", "0.05", "--format", "json"]))
    let cautions = try #require(gate["cautions"] as? [String])
    #expect(cautions.count == 2 && cautions[1].contains("b.csv − a.csv on ROC-AUC"), "\(cautions)")
  }
}
