import Foundation
import Testing
import _TestSupport

/// A file read with `--weight-column` reads as the same classes as without
/// it: the weighted reader resolves labels as the unweighted one does
/// (helper-68's differential check against scikit-learn's `sample_weight`).
@Suite("evaluate --weight-column reads the classes evaluate reads without weights")
struct WeightedLabelParityCommandTests {
  /// A file, the options that read it, and what scikit-learn gives with
  /// `sample_weight` (all weights 1, so also without).
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var fileName: String
    var contents: String
    var options: [String] = []
    var labels: [String]
    var macroF1: Double
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "pandas float predictions 0.0/1.0 against gold 0/1",
      fileName: "w2.csv", contents: "label,prediction,weight\n0,0.0,1\n1,1.0,1\n1,0.0,1\n0,1e0,1\n",
      labels: ["0", "1"], macroF1: 0.5),
    Case(
      name: "a score column no item has (d) is no class, as without weights",
      fileName: "wsc3.csv",
      contents:
        "label,a,b,c,d,weight\na,0.7,0.2,0.1,0.0,1\nb,0.1,0.8,0.1,0.0,1\nc,0.1,0.2,0.7,0.0,1\nc,0.5,0.2,0.3,0.0,1\n",
      options: ["--score-columns", "a,b,c,d"], labels: ["a", "b", "c"], macroF1: 7.0 / 9),
    Case(
      name: "JSON Lines labels escaped as pandas' to_json writes them (\\u00e9)",
      fileName: "u4.jsonl",
      contents:
        #"{"label":"\u00e9","prediction":"\u00e9","weight":1.0}"# + "\n"
        + #"{"label":"b","prediction":"\u00e9","weight":1.0}"# + "\n"
        + #"{"label":"b","prediction":"b","weight":1.0}"# + "\n",
      options: ["--positive", "é"], labels: ["b", "é"], macroF1: 2.0 / 3),
    Case(
      name: "a JSON string with an escaped quote on the first line",
      fileName: "j5.jsonl",
      contents:
        #"{"label": "say \"hi\"", "prediction": "x", "weight": 1.0}"# + "\n"
        + #"{"label": "x", "prediction": "x", "weight": 1.0}"# + "\n",
      options: ["--positive", "x"], labels: ["say \"hi\"", "x"], macroF1: 1.0 / 3),
    Case(
      name: "an escaped score-column key on the first line",
      fileName: "u2.jsonl",
      contents:
        #"{"label":"\u00e9","\u00e9":0.7,"b":0.3,"weight":1.0}"# + "\n"
        + #"{"label":"b","\u00e9":0.2,"b":0.8,"weight":1.0}"# + "\n"
        + #"{"label":"\u00e9","\u00e9":0.4,"b":0.6,"weight":1.0}"# + "\n",
      options: ["--score-columns", "é,b", "--positive", "é"], labels: ["b", "é"], macroF1: 2.0 / 3),
  ]

  private static func document(_ result: CommandResult) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.standardError)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test("with weights of 1, the labels and scores are those without weights", arguments: cases)
  func weightedEqualsUnweighted(_ example: Case) throws {
    let folder = TemporaryDirectory()
    let path = folder.write(example.fileName, example.contents)
    let plain = try Self.document(
      runF1Kit(["evaluate", path, "--format", "json"] + example.options))
    let weighted = try Self.document(
      runF1Kit(
        ["evaluate", path, "--format", "json", "--weight-column", "weight"] + example.options))
    for document in [plain, weighted] {
      #expect(document["labels"] as? [String] == example.labels)
      let metrics = try #require(document["metrics"] as? [String: Any])
      let macroF1 = try #require(metrics["macro_f1"] as? Double)
      #expect(agrees(macroF1, example.macroF1))
    }
    let plainMetrics = try #require(plain["metrics"] as? [String: Double])
    let weightedMetrics = try #require(weighted["metrics"] as? [String: Double])
    #expect(Set(weightedMetrics.keys) == Set(plainMetrics.keys))
    for (name, value) in plainMetrics {
      #expect(agrees(weightedMetrics[name] ?? .nan, value), "\(name)")
    }
  }

  @Test("--labels and --positive name weighted numeric labels by value")
  func namedLabelsByValue() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("w.csv", "label,prediction,weight\n0,0.0,1\n1,1.0,2\n1,0.0,1\n")
    for named in [["--labels", "1,0"], ["--labels", "1.0,0.0"], ["--positive", "1.0"]] {
      let document = try Self.document(
        runF1Kit(
          ["evaluate", path, "--weight-column", "weight", "--format", "json"] + named))
      #expect(document["positive_label"] as? String == "1", "\(named)")
      let metrics = try #require(document["metrics"] as? [String: Any])
      // scikit-learn: accuracy_score([0,1,1], [0,1,0], sample_weight=[1,2,1]) = 0.75.
      #expect(metrics["accuracy"] as? Double == 0.75, "\(named)")
    }
  }

  @Test("advise --weight-column reads numeric labels by value too")
  func adviseReadsNumbersByValue() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("w.csv", "label,prediction,weight\n0,0.0,1\n1,1.0,2\n1,0.0,1\n")
    let result = try runF1Kit(["advise", path, "--weight-column", "weight", "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardOutput.contains(#""1.0""#))
    #expect(!result.standardOutput.contains(#""0.0""#))
  }

  @Test("weighted predictions that share no gold label are refused, as without weights")
  func mismatchGuard() throws {
    let rows = (0..<12).map { "\($0 % 2 == 0 ? "pos" : "neg"),\($0 % 2),1\n" }.joined()
    let folder = TemporaryDirectory()
    let path = folder.write("m.csv", "label,prediction,weight\n" + rows)
    for extra in [[], ["--weight-column", "weight"]] {
      let result = try runF1Kit(["evaluate", path] + extra)
      #expect(result.status == 65, "\(extra)")
      #expect(result.standardError.contains("share none of the gold labels"), "\(extra)")
    }
  }

  @Test("continuous labels are refused (exit 65) with and without weights, with what to do")
  func continuousLabels() throws {
    // STS-B similarities against a model's rounded ones: over half the
    // predictions are no gold label, which is no matter of case or spaces.
    let rows = (0..<12).map { "\(Double($0) / 4 + 0.1),\($0 / 4),1\n" }.joined()
    let folder = TemporaryDirectory()
    let path = folder.write("sts.csv", "label,prediction,weight\n" + rows)
    for extra in [[], ["--weight-column", "weight"]] {
      let result = try runF1Kit(["evaluate", path] + extra)
      #expect(result.status == 65, "\(extra)")
      #expect(result.standardError.contains("\"0.1\""), "\(result.standardError)")
      #expect(result.standardError.contains("continuous is not supported"), "\(extra)")
      #expect(result.standardError.contains("similarity >= 4"), "\(extra)")
      #expect(!result.standardError.contains("case or surrounding spaces"), "\(extra)")
    }
  }

  @Test("one fractional value of several is counted in the singular")
  func oneFractionalValue() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("one.csv", "label,prediction\n3.8,1\n1,0\n0,0\n")
    let result = try runF1Kit(["evaluate", path])
    #expect(result.status == 65)
    #expect(
      result.standardError.contains("1 of the 3 distinct values is not whole"),
      "\(result.standardError)")
  }
}
