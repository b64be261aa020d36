import Foundation
import Testing
import _TestSupport

/// What `f1kit advise` must say about one model of the 20 Newsgroups tags
/// fixture; every number checked with scikit-learn (`f1_score` on the
/// `MultiLabelBinarizer` matrices) and pandas.
struct NewsgroupsAdviceCase: Sendable, CustomTestStringConvertible {
  let file: String
  let samplesF1: Double
  let microF1: Double
  let macroF1: Double
  let emptyPredicted: Int
  let quoted: String

  var testDescription: String { file }
}

@Suite("f1kit advise on multilabel files")
struct MultilabelAdviseCommandTests {
  static let newsgroups: [NewsgroupsAdviceCase] = [
    NewsgroupsAdviceCase(
      file: "fixtures/newsgroups/test-logreg.csv", samplesF1: 0.7039751998001997,
      microF1: 0.7789763113367174, macroF1: 0.7235972946725945, emptyPredicted: 321,
      quoted: "samples-F1 0.704, micro-F1 0.779, macro-F1 0.724"),
    NewsgroupsAdviceCase(
      file: "fixtures/newsgroups/test-nb.csv", samplesF1: 0.7564442335442336,
      microF1: 0.8106135332412705, macroF1: 0.7765055543430509, emptyPredicted: 216,
      quoted: "samples-F1 0.756, micro-F1 0.811, macro-F1 0.777"),
  ]

  /// Runs `advise --format json` and returns its advice array.
  func advice(_ arguments: [String]) throws -> [[String: Any]] {
    let result = try runF1Kit(["advise"] + arguments + ["--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    return try #require(document["advice"] as? [[String: Any]])
  }

  /// The value of one piece of evidence.
  func evidence(_ advice: [String: Any], _ name: String, label: String? = nil) -> Double? {
    let items = advice["evidence"] as? [[String: Any]] ?? []
    let item = items.first { $0["name"] as? String == name && $0["label"] as? String == label }
    return (item?["value"] as? NSNumber)?.doubleValue
  }

  @Test(
    "the averaging advice cites cardinality, label imbalance and the three averages",
    arguments: newsgroups)
  func averaging(_ expected: NewsgroupsAdviceCase) throws {
    let advice = try advice([expected.file])
    // Severity order: the recommendation comes before the note.
    #expect(advice.map { $0["id"] as? String } == ["multilabel-averaging", "empty-label-sets"])
    let averaging = advice[0]
    // 5,490 gold labels over 2,000 posts; comp in 500 gold sets, alt in 78.
    #expect(evidence(averaging, "label_cardinality") == 2.745)
    #expect(evidence(averaging, "support", label: "comp") == 500)
    #expect(evidence(averaging, "support", label: "alt") == 78)
    #expect(abs((evidence(averaging, "imbalance_ratio") ?? 0) - 500.0 / 78.0) < 1e-12)
    #expect(abs((evidence(averaging, "samples_f1") ?? 0) - expected.samplesF1) < 1e-12)
    #expect(abs((evidence(averaging, "micro_f1") ?? 0) - expected.microF1) < 1e-12)
    #expect(abs((evidence(averaging, "macro_f1") ?? 0) - expected.macroF1) < 1e-12)
    // 6.4× is above the imbalance threshold (3×): a recommendation.
    #expect(averaging["severity"] as? String == "recommendation")
    #expect(
      averaging["title"] as? String
        == "Label frequencies differ 6.4×: read macro-F1 beside micro- and samples-F1")
    let message = try #require(averaging["message"] as? String)
    #expect(message.contains("Items carry 2.75 gold labels on average (at most 5) over 33 labels"))
    #expect(message.contains("Here: \(expected.quoted)."))
    let empty = advice[1]
    #expect(empty["severity"] as? String == "note")
    #expect(empty["title"] as? String == "\(expected.emptyPredicted) items with no predicted label")
    #expect(evidence(empty, "empty_predicted_sets") == Double(expected.emptyPredicted))
    #expect(evidence(empty, "n") == 2000)
  }

  @Test("empty gold sets and unused labels are warnings; a label never predicted is named")
  func warnings() throws {
    let folder = TemporaryDirectory()
    let file = folder.write(
      "sets.csv",
      "label,prediction\na|b,a\n,a\nb,b\na|c,a\nc,\na,a|b\n")
    let result = try runF1Kit(["advise", file, "--labels", "a,b,c,d"])
    #expect(result.status == 0, "\(result.standardError)")
    let headings = result.standardOutput.split(separator: "\n").filter {
      !$0.hasPrefix(" ")
    }
    #expect(
      headings == [
        "warning: 1 item with no gold label: the samples averages depend on zero_division [empty-label-sets]",
        "warning: Evaluated labels without gold items [label-without-gold-items]",
        "warning: Label \"c\" is never predicted [class-never-predicted]",
        "note: Samples, micro and macro averages answer different questions [multilabel-averaging]",
        "note: 1 item with no predicted label [empty-label-sets]",
      ])
    // 7 gold labels over 6 items; a in 3 gold sets, b in 2 (c ties with b).
    #expect(
      result.standardOutput.contains(
        "Items carry 1.17 gold labels on average (at most 2) over 4 labels"))
    #expect(result.standardOutput.contains("\"c\" (in 2 gold sets) is never predicted."))
  }

  @Test("a weighted multilabel file says its scores are weighted")
  func weighted() throws {
    let folder = TemporaryDirectory()
    let file = folder.write("sets.csv", "label,prediction,w\na|b,a,2\nb,b,1\na,a|b,0.5\n")
    let result = try runF1Kit(["advise", file, "--weight-column", "w", "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(document["weighted"] as? Bool == true)
    #expect(document["total_weight"] as? Double == 3.5)
  }

  @Test("weighted advice decides on the weights the metrics use and names items beside them")
  func weightedRules() throws {
    let folder = TemporaryDirectory()
    // Ten light items of x, all found; ten heavy items of y, none predicted.
    let file = folder.write(
      "sets.csv",
      "label,prediction,w\n" + String(repeating: "x,x,1\n", count: 10)
        + String(repeating: "y,,100\n", count: 10))
    let result = try runF1Kit(["advise", file, "--problem", "multilabel", "--weight-column", "w"])
    #expect(result.status == 0, "\(result.standardError)")
    let text = result.standardOutput
    #expect(
      text.hasPrefix(
        "weighted: the scores cited use sample weights (total weight 1010 over 20 items); label sizes give weight and items\n"
      ), "\(text)")
    #expect(
      text.contains(
        "warning: 10 of 20 items with no predicted label: nearly no predictions [empty-label-sets]"
      ))
    #expect(
      text.contains(
        "recommendation: Label frequencies differ 100.0×: read macro-F1 beside micro- and samples-F1 [multilabel-averaging]"
      ))
    // Without the weights the same sets are even, and the empty sets half.
    let plain = try runF1Kit(["advise", file, "--problem", "multilabel"])
    #expect(
      plain.standardOutput.contains("note: 10 items with no predicted label [empty-label-sets]"))
    #expect(
      plain.standardOutput.contains(
        "note: Samples, micro and macro averages answer different questions [multilabel-averaging]")
    )
  }

  @Test("--group-column is refused for multilabel files with one line")
  func groups() throws {
    let folder = TemporaryDirectory()
    let file = folder.write("sets.csv", "label,prediction,g\na|b,a,1\nb,b,2\n")
    let result = try runF1Kit(["advise", file, "--group-column", "g"])
    #expect(result.status == 64)
    #expect(
      result.standardError.contains(
        "advise does not support --group-column with multilabel files yet"))
  }
}
