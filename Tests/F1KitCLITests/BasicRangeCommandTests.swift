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

  @Test("compare names the difference past [-1, 1] in text, JSON and a Markdown caption")
  func compareDifference() throws {
    let folder = TemporaryDirectory()
    let files = singleLabelFiles(in: folder)
    let options = ["--metric", "accuracy"] + Self.basic
    let text = try runF1Kit(["compare"] + files + options)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(
      text.standardOutput.contains(
        "\nNote: the basic interval [0.900, 1.050] of b.csv − a.csv on accuracy reaches past a difference's range [-1, 1]"
          + Self.reason),
      "\(text.standardOutput)")
    #expect(
      text.standardOutput.contains(
        "\nNote: the basic interval [0.900, 1.050] of b.csv's accuracy reaches past the metric's range [0, 1]"
      ))
    let document = try json(try runF1Kit(["compare"] + files + options + ["--format", "json"]))
    let difference = try #require(document["difference"] as? [String: Any])
    #expect((difference["high"] as? Double ?? 0) > 1)
    let cautions = try #require(document["cautions"] as? [String])
    #expect(cautions.count == 2, "\(cautions)")
    #expect(cautions.last?.contains("of b.csv − a.csv on accuracy reaches past") == true)
    let markdown = try runF1Kit(["compare"] + files + options + ["--format", "markdown"])
    #expect(
      markdown.standardOutput.contains("b.csv − a.csv on accuracy reaches past a difference's"),
      "\(markdown.standardOutput)")
    // Grouped and stratified comparisons use the experiment engine.
    let stratified = try runF1Kit(["compare"] + files + options + ["--stratify", "gold"])
    #expect(
      stratified.standardOutput.contains("b.csv − a.csv on accuracy reaches past a difference's"),
      "\(stratified.standardOutput)")
    // Percentile intervals keep to the ranges: no note.
    let percentile = try runF1Kit(
      ["compare"] + files + ["--metric", "accuracy", "--ci-method", "percentile", "-q"])
    #expect(!percentile.standardOutput.contains("Note:"), "\(percentile.standardOutput)")
  }

  @Test("a single-run gate prints the notes compare prints, in text and JSON")
  func gateSingleRun() throws {
    let folder = TemporaryDirectory()
    let files = singleLabelFiles(in: folder)
    let options = ["--metric", "accuracy", "--margin", "0.05"] + Self.basic
    let text = try runF1Kit(["gate"] + files + options)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(
      text.standardOutput.contains(
        "\nNote: the basic interval [0.900, 1.050] of b.csv's accuracy reaches past the metric's range [0, 1]"
          + Self.reason + "\n"),
      "\(text.standardOutput)")
    #expect(
      text.standardOutput.contains(
        "\nNote: the basic interval [0.900, 1.050] of b.csv − a.csv on accuracy reaches past a difference's range [-1, 1]"
      ))
    let document = try json(try runF1Kit(["gate"] + files + options + ["--format", "json"]))
    let cautions = try #require(document["cautions"] as? [String])
    #expect(cautions.count == 2 && cautions.allSatisfy { $0.hasSuffix(Self.reason) })
    let summary = folder.url.appendingPathComponent("summary.md").path
    _ = try runF1Kit(["gate"] + files + options + ["--summary", summary])
    let markdown = try String(contentsOfFile: summary, encoding: .utf8)
    #expect(markdown.contains("reaches past a difference's range"), "\(markdown)")
  }

  @Test("multilabel compare, gate and evaluate note basic intervals past their ranges")
  func multilabel() throws {
    let folder = TemporaryDirectory()
    let files = multilabelFiles(in: folder)
    let options = ["--metric", "subset_accuracy"] + Self.basic
    let compare = try runF1Kit(["compare"] + files + options)
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(
      compare.standardOutput.contains(
        "\nNote: the basic interval [0.900, 1.050] of mb.csv's subset accuracy reaches past the metric's range [0, 1]"
          + Self.reason),
      "\(compare.standardOutput)")
    #expect(
      compare.standardOutput.contains(
        "\nNote: the basic interval [0.900, 1.050] of mb.csv − ma.csv on subset accuracy reaches past a difference's range [-1, 1]"
      ))
    let document = try json(try runF1Kit(["compare"] + files + options + ["--format", "json"]))
    #expect((document["cautions"] as? [String])?.count == 2, "\(document)")
    let markdown = try runF1Kit(["compare"] + files + options + ["--format", "markdown"])
    #expect(markdown.standardOutput.contains("reaches past a difference's range"))
    let gate = try runF1Kit(["gate"] + files + options + ["--margin", "0.05"])
    #expect(gate.status == 0, "\(gate.standardError)")
    #expect(
      gate.standardOutput.contains("\nNote: the basic interval [0.900, 1.050] of mb.csv − ma.csv"),
      "\(gate.standardOutput)")
    let evaluate = try runF1Kit(["evaluate", files[1], "--ci"] + Self.basic)
    #expect(
      evaluate.standardOutput.contains(
        "\nNote: 18 basic intervals reach past their metric's range, such as subset_accuracy [0.9000, 1.0500] past [0, 1]"
          + Self.reason + "\n"),
      "\(evaluate.standardOutput)")
    let evaluateJSON = try json(
      try runF1Kit(["evaluate", files[1], "--ci", "--format", "json"] + Self.basic))
    #expect((evaluateJSON["cautions"] as? [String])?.count == 1, "\(evaluateJSON)")
    let percentile = try runF1Kit(
      ["evaluate", files[1], "--ci", "--ci-method", "percentile", "--resamples", "999", "-q"])
    #expect(!percentile.standardOutput.contains("Note:"), "\(percentile.standardOutput)")
  }

  @Test(
    "score comparisons and their gate note ROC-AUC intervals past [0, 1] and differences past [-1, 1]"
  )
  func scores() throws {
    let folder = TemporaryDirectory()
    // a ranks every item the wrong way round (ROC-AUC 0); b ranks all but
    // one positive item right (0.9).
    let files = ["a.csv", "b.csv"].map { name in
      folder.write(
        name,
        "gold,pred,score\n"
          + (0..<20).map { item in
            let isPositive = item % 2 == 0
            let score =
              name == "a.csv" ? (isPositive ? 0.1 : 0.9) : item == 4 ? 0.05 : isPositive ? 0.9 : 0.1
            return "\(isPositive ? "pos" : "neg"),\(score >= 0.5 ? "pos" : "neg"),\(score)\n"
          }.joined())
    }
    let options = ["--metric", "roc_auc", "--score-column", "score"] + Self.basic
    let compare = try runF1Kit(["compare"] + files + options)
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(
      compare.standardOutput.contains(
        "\nNote: the basic interval [0.800, 1.133] of b.csv's ROC-AUC reaches past the metric's range [0, 1]"
          + Self.reason
          + "\nNote: the basic interval [0.800, 1.133] of b.csv − a.csv on ROC-AUC reaches past a difference's range [-1, 1]"
          + Self.reason + "\n"),
      "\(compare.standardOutput)")
    let document = try json(try runF1Kit(["compare"] + files + options + ["--format", "json"]))
    #expect((document["cautions"] as? [String])?.count == 2, "\(document)")
    let gate = try json(
      try runF1Kit(["gate"] + files + options + ["--margin", "0.05", "--format", "json"]))
    let cautions = try #require(gate["cautions"] as? [String])
    #expect(cautions.count == 2 && cautions[1].contains("b.csv − a.csv on ROC-AUC"), "\(cautions)")
  }
}
