import Foundation
import Testing
import _TestSupport

/// `f1kit report` on multilabel files: the 20 Newsgroups tags fixture (33
/// labels, logistic regression against naive Bayes), with every number
/// checked against scikit-learn and `f1kit compare`.
@Suite("f1kit report on multilabel files")
struct MultilabelReportCommandTests {
  static let files = ["fixtures/newsgroups/test-logreg.csv", "fixtures/newsgroups/test-nb.csv"]

  private func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  private func canonical(_ value: Any) throws -> String {
    String(
      decoding: try JSONSerialization.data(
        withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
  }

  /// Runs the report on both models and returns the page and the JSON.
  private func report(_ extra: [String] = []) throws -> (page: String, json: [String: Any]) {
    let folder = TemporaryDirectory()
    let html = folder.url.appendingPathComponent("report.html").path
    let json = folder.url.appendingPathComponent("report.json").path
    let result = try runF1Kit(
      ["report"] + Self.files + [
        "--out", html, "--json", json, "--resamples", "200", "--seed", "7",
      ]
        + extra)
    #expect(result.status == 0, "\(result.standardError)")
    let page = try String(contentsOfFile: html, encoding: .utf8)
    let document = try object(try String(contentsOfFile: json, encoding: .utf8))
    return (page, document)
  }

  @Test(
    "the JSON holds scikit-learn's metrics, per-label F1 with intervals, cardinality and co-occurrence"
  )
  func json() throws {
    let document = try report().json
    #expect(document["problem"] as? String == "multilabel")
    #expect(document["n"] as? Int == 2000)
    let labels = try #require(document["labels"] as? [String])
    #expect(labels.count == 33)
    // scikit-learn: f1_score(G, P, average=...) on MultiLabelBinarizer matrices.
    let models = try #require(document["models"] as? [[String: Any]])
    let expected: [(samples: Double, micro: Double, macro: Double, alt: Double, comp: Double)] = [
      (
        0.7039751998001997, 0.7789763113367174, 0.7235972946725945, 0.5309734513274337,
        0.8886597938144329
      ),
      (
        0.7564442335442336, 0.8106135332412705, 0.7765055543430509, 0.6906474820143885,
        0.8943731490621916
      ),
    ]
    // Items with 0, 1, 2, … predicted labels (numpy.bincount of the row sums).
    let cardinalities = [
      [321, 356, 635, 500, 116, 64, 3, 2, 3], [216, 281, 628, 596, 142, 96, 21, 11, 9],
    ]
    for (index, model) in models.enumerated() {
      let metrics = try #require(model["metrics"] as? [String: [String: Any]])
      func value(_ key: String) -> Double { metrics[key]?["value"] as? Double ?? .nan }
      #expect(abs(value("samples_f1") - expected[index].samples) < 1e-12)
      #expect(abs(value("micro_f1") - expected[index].micro) < 1e-12)
      #expect(abs(value("macro_f1") - expected[index].macro) < 1e-12)
      let low = try #require(metrics["samples_f1"]?["low"] as? Double)
      let high = try #require(metrics["samples_f1"]?["high"] as? Double)
      #expect(low < value("samples_f1") && value("samples_f1") < high)
      let perLabel = try #require(model["per_label"] as? [[String: Any]])
      #expect(perLabel.count == 33)
      for (label, f1) in [("alt", expected[index].alt), ("comp", expected[index].comp)] {
        let row = try #require(perLabel.first { $0["label"] as? String == label })
        let score = try #require(row["f1"] as? Double)
        #expect(abs(score - f1) < 1e-12)
        let low = try #require(row["f1_low"] as? Double)
        let high = try #require(row["f1_high"] as? Double)
        #expect(low < score && score < high, "\(label): [\(low), \(high)] around \(score)")
      }
      #expect(model["cardinality"] as? [Int] == cardinalities[index])
    }
    #expect(document["gold_cardinality"] as? [Int] == [0, 0, 922, 771, 202, 105])
    let cells = try #require(document["cooccurrence"] as? [[Int]])
    let comp = try #require(labels.firstIndex(of: "comp"))
    let sys = try #require(labels.firstIndex(of: "sys"))
    // (G.T @ G)[comp, comp] = 500 and [comp, sys] = 211.
    #expect((document["gold_support"] as? [Int])?[comp] == 500)
    #expect(cells.contains([min(comp, sys), max(comp, sys), 211]))
    let advice = try #require(document["advice"] as? [[String: Any]])
    #expect(advice.contains { $0["id"] as? String == "multilabel-averaging" })
    #expect(advice.filter { $0["id"] as? String == "empty-label-sets" }.count == 2)
  }

  @Test("the report tabulates every metric evaluate gives, each with its interval")
  func everyEvaluatedMetric() throws {
    let (page, document) = try report()
    let models = try #require(document["models"] as? [[String: Any]])
    for (file, model) in zip(Self.files, models) {
      let evaluated = try object(
        try runF1Kit(["evaluate", file, "--format", "json", "-q"]).standardOutput)
      let expected = try #require(evaluated["metrics"] as? [String: Double])
      let metrics = try #require(model["metrics"] as? [String: [String: Any]])
      #expect(Set(metrics.keys) == Set(expected.keys))
      for (name, value) in expected {
        let entry = try #require(metrics[name], "\(name)")
        let shown = try #require(entry["value"] as? Double, "\(name)")
        #expect(abs(shown - value) < 1e-12, "\(name)")
        let low = try #require(entry["low"] as? Double, "\(name)")
        let high = try #require(entry["high"] as? Double, "\(name)")
        #expect(low <= value && value <= high, "\(name): [\(low), \(high)] around \(value)")
      }
    }
    for name in ["weighted_precision", "weighted_recall", "jaccard_weighted"] {
      #expect(page.contains(" · \(name)</th>"), "\(name)")
    }
  }

  @Test("each compared metric's comparison equals f1kit compare --metric M --format json")
  func agreesWithCompare() throws {
    let document = try report().json
    let comparisons = try #require(document["comparisons"] as? [String: Any])
    #expect(Set(comparisons.keys) == ["samples_f1", "micro_f1", "macro_f1"])
    for metric in ["samples_f1", "macro_f1"] {
      let compare = try runF1Kit(
        ["compare"] + Self.files + [
          "--metric", metric, "--format", "json", "--resamples", "200", "--seed", "7", "-q",
        ])
      #expect(compare.status == 0, "\(compare.standardError)")
      let compared = try object(compare.standardOutput)
      let models = try #require(compared["models"] as? [[String: Any]])
      for model in models {
        // compare --format json gives every label's F1 with its interval.
        let perLabel = try #require(model["per_label_f1"] as? [[String: Any]])
        #expect(perLabel.count == 33)
        for row in perLabel {
          let value = try #require(row["value"] as? Double)
          let interval = try #require(row["interval"] as? [String: Any])
          let low = try #require(interval["low"] as? Double)
          let high = try #require(interval["high"] as? Double)
          #expect(low <= value && value <= high)
        }
      }
      #expect(
        try canonical(comparisons[metric] ?? [:]) == canonical(try object(compare.standardOutput)))
    }
  }

  @Test("the page has the multilabel sections, accessible charts and isolated labels")
  func page() throws {
    let page = try report().page
    for id in [
      "summary", "per-label", "cardinality", "cooccurrence", "comparison", "advice", "metadata",
    ] {
      #expect(page.contains("<section id=\"\(id)\""), "\(id)")
    }
    for chart in ["label-f1-comparison", "label-cardinality", "label-cooccurrence"] {
      #expect(page.contains("<svg id=\"\(chart)\""), "\(chart)")
    }
    // The F1 and labels-per-item charts have a phone drawing too, and so
    // has the co-occurrence heatmap of 30 labels, its rows and columns
    // numbered.
    #expect(page.components(separatedBy: "role=\"img\"").count - 1 == 6)
    #expect(page.contains("<svg id=\"label-f1-comparison-narrow\" class=\"chart narrow\""))
    #expect(page.contains("<svg id=\"label-cardinality-narrow\" class=\"chart narrow\""))
    #expect(page.contains("<svg id=\"label-cooccurrence-narrow\" class=\"chart narrow\""))
    #expect(page.contains("Rows and columns are numbered; the key under the legend names them."))
    #expect(page.contains("<bdi>comp</bdi>"))
    // 33 labels: the 30 in most gold sets are shown, 3 summarised.
    #expect(page.contains("other 3 labels (mean)"))
    #expect(page.contains("test-nb.csv beats test-logreg.csv on samples-F1"))
    #expect(!page.contains("<script"))
  }

  @Test("labels are escaped and isolated; --resamples 0 gives a page without intervals")
  func escaping() throws {
    let folder = TemporaryDirectory()
    let file = folder.write(
      "sets.csv", "label,prediction\n<b>|x&y,<b>\nx&y,x&y|\u{202E}rtl\n\u{202E}rtl,\n")
    let html = folder.url.appendingPathComponent("report.html").path
    let result = try runF1Kit(["report", file, "--out", html, "--resamples", "0"])
    #expect(result.status == 0, "\(result.standardError)")
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(!page.contains("<b>"))
    #expect(page.contains("<bdi>&lt;b&gt;</bdi>"))
    #expect(page.contains("<bdi>x&amp;y</bdi>"))
    #expect(!page.contains("id=\"comparison\""))
    #expect(page.contains("no resampling"))
  }

  @Test("options multilabel reports do not take are refused with one line")
  func refusals() throws {
    let folder = TemporaryDirectory()
    let log = folder.write("log.csv", "epoch,steps,f1\n1,10,0.5\n")
    let result = try runF1Kit(
      [
        "report", Self.files[0], "--out", folder.url.appendingPathComponent("r.html").path,
        "--training-log", log,
      ])
    #expect(result.status == 64)
    #expect(result.standardError.contains("multilabel reports cannot yet draw a training log"))
  }
}
