import Foundation
import Testing
import _TestSupport

/// `f1kit compare` and `report` on multilabel, score and experiment
/// comparisons whose tests cannot reach p below α: too few items, groups
/// or resamples. They give no verdict, in every format, as single-run
/// comparisons do.
@Suite("f1kit compare gives no verdict its test cannot reach, beyond single runs")
struct VerdictFloorCommandTests {
  private func cautions(_ result: CommandResult) throws -> [String] {
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    return document["cautions"] as? [String] ?? []
  }

  /// Two files compared in text, JSON and Markdown: the text, the JSON's
  /// cautions and the Markdown.
  private func compared(_ first: String, _ second: String, options: [String]) throws -> (
    text: CommandResult, cautions: [String], markdown: String
  ) {
    let directory = TemporaryDirectory()
    let files = [directory.write("a.csv", first), directory.write("b.csv", second)]
    let text = try runF1Kit(["compare"] + files + options)
    #expect(text.status == 0, "\(text.standardError)")
    let json = try runF1Kit(["compare"] + files + options + ["--format", "json"])
    let markdown = try runF1Kit(["compare"] + files + options + ["--format", "markdown"])
    return (text, try cautions(json), markdown.standardOutput)
  }

  @Test("multilabel on 4 items: no verdict in text, JSON and Markdown")
  func multilabelFewItems() throws {
    let (text, cautions, markdown) = try compared(
      "id,label,prediction\n0,a|b,a\n1,b,b\n2,a,b\n3,b|c,c\n",
      "id,label,prediction\n0,a|b,a|b\n1,b,b\n2,a,a\n3,b|c,b|c\n",
      options: ["--problem", "multilabel", "--resamples", "999", "-q"])
    #expect(!text.standardOutput.contains("do not differ"), "\(text.standardOutput)")
    #expect(
      text.standardOutput.contains(
        "No verdict: the permutation test cannot reach p below α over 4 items; it takes 6."))
    #expect(text.standardOutput.contains("Note: over 4 items the permutation test's"))
    #expect(cautions.contains { $0.contains("2/2^4 = 0.125") })
    #expect(markdown.contains("significance is not assessed"), "\(markdown)")
    #expect(!markdown.contains("do not differ"), "\(markdown)")
  }

  /// 400 items; the first model wrong on the first `differing`, the
  /// second right on every item.
  private static func fewDiffering(_ differing: Int) -> (first: String, second: String) {
    var first = "label,prediction\n"
    var second = "label,prediction\n"
    for item in 0..<400 {
      let gold = item % 2
      first += "\(gold),\(item < differing ? 1 - gold : gold)\n"
      second += "\(gold),\(gold)\n"
    }
    return (first, second)
  }

  @Test(
    "paired bootstrap over 5 differing items of 400: no verdict an exact sign flip could not reach; 6 give one"
  )
  func bootstrapFewDifferingItems() throws {
    let options = ["--test", "bootstrap", "--metric", "accuracy", "--resamples", "999", "-q"]
    let five = Self.fewDiffering(5)
    let (text, cautions, markdown) = try compared(five.first, five.second, options: options)
    // The bootstrap alone would call it (every differing item favours b).
    let p = try #require(
      text.standardOutput.split(separator: "\n").first { $0.contains("paired bootstrap") })
    #expect(p.contains("p = 0.0"), "\(p)")
    #expect(
      text.standardOutput.contains(
        "No verdict: the exact sign-flip test cannot reach p below α over 5 items the models label differently; it takes 6."
      ), "\(text.standardOutput)")
    #expect(!text.standardOutput.contains(" beats "))
    #expect(cautions.contains { $0.contains("2/2^5 = 0.062") })
    #expect(markdown.contains("significance is not assessed"), "\(markdown)")
    let six = Self.fewDiffering(6)
    let (sixText, sixCautions, _) = try compared(six.first, six.second, options: options)
    #expect(sixText.standardOutput.contains(" beats "), "\(sixText.standardOutput)")
    #expect(!sixCautions.contains { $0.contains("sign-flip") })
  }

  @Test("ROC-AUC on 5 items: no verdict from the permutation test")
  func scoresFewItems() throws {
    let (text, cautions, markdown) = try compared(
      "id,label,score\n0,1,0.2\n1,0,0.6\n2,1,0.7\n3,0,0.3\n4,1,0.4\n",
      "id,label,score\n0,1,0.9\n1,0,0.1\n2,1,0.8\n3,0,0.2\n4,1,0.7\n",
      options: ["--score-column", "score", "--metric", "roc_auc", "--resamples", "999", "-q"])
    #expect(
      text.standardOutput.contains("cannot reach p below α over 5 items; it takes 6"),
      "\(text.standardOutput)")
    #expect(cautions.contains { $0.contains("2/2^5 = 0.062") })
    #expect(markdown.contains("over 5 items the permutation test cannot give p below α"))
  }

  /// Two runs of two models on 200 items.
  static func runs(in directory: TemporaryDirectory) -> [String] {
    let gold = (0..<200).map { $0 % 2 }
    for (name, wrongEvery) in [("a1", 3), ("a2", 4), ("b1", 9), ("b2", 10)] {
      var text = "id,label,prediction\n"
      for (item, label) in gold.enumerated() {
        text += "\(item),\(label),\(item % wrongEvery == 0 ? 1 - label : label)\n"
      }
      directory.write("\(name).csv", text)
    }
    return ["A=a1.csv,a2.csv", "B=b1.csv,b2.csv"]
  }

  @Test(
    "two runs a model at --confidence 0.999 --resamples 999: 2/1,000, no verdict in compare and report"
  )
  func twoLevelFloor() throws {
    let directory = TemporaryDirectory()
    let models = Self.runs(in: directory)
    let options = ["--metric", "accuracy", "--resamples", "999", "--confidence", "0.999", "-q"]
    let text = try runF1Kit(["compare"] + models + options, in: directory.url)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(!text.standardOutput.contains("beats"), "\(text.standardOutput)")
    #expect(text.standardOutput.contains("No verdict"))
    #expect(text.standardOutput.contains("give --resamples 2000 or more"))
    let json = try runF1Kit(
      ["compare"] + models + options + ["--format", "json"], in: directory.url)
    #expect(try cautions(json).contains { $0.contains("2/1,000 = 0.002") })
    let report = try runF1Kit(
      ["report"] + models + ["--resamples", "999", "--confidence", "0.999", "--out", "r.html"],
      in: directory.url)
    #expect(report.status == 0, "\(report.standardError)")
    let html = try String(
      contentsOf: directory.url.appendingPathComponent("r.html"), encoding: .utf8)
    #expect(html.contains("No verdict: the paired bootstrap test cannot reach p below α"))
  }

  @Test("4 of 8 groups change a table: the group permutation test gives no verdict")
  func fewExchangeableGroups() throws {
    let directory = TemporaryDirectory()
    var a = "id,label,prediction,group\n"
    var b = "id,label,prediction,group\n"
    for item in 0..<80 {
      let (label, group) = (item % 2, item / 10)
      a += "\(item),\(label),\(group >= 4 || item % 3 != 0 ? label : 1 - label),q\(group)\n"
      b += "\(item),\(label),\(label),q\(group)\n"
    }
    let files = [directory.write("ga.csv", a), directory.write("gb.csv", b)]
    let result = try runF1Kit(
      ["compare"] + files + ["--metric", "accuracy", "--group-column", "group", "-q"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput.contains(
        "No verdict: the group permutation test cannot reach p below α over 4 groups whose swap changes a table; it takes 6."
      ), "\(result.standardOutput)")
  }
}
