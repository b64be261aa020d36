import Foundation
import Testing
import _TestSupport

/// A comparison of fixtures/goldens/weighted.json: two models on the same
/// weighted items, with scikit-learn's value of every metric for each.
private struct WeightedComparisonGolden: Decodable, Sendable, CustomTestStringConvertible {
  let name: String
  let yTrue: [String]
  let yPredA: [String]
  let yPredB: [String]
  let sampleWeight: [Double]
  let labels: [String]?
  let zeroDivision: String
  let beta: Double
  let posLabel: String?
  let expected: [[String: Double?]]
  enum CodingKeys: String, CodingKey {
    case name, labels, beta, expected
    case yTrue = "y_true"
    case yPredA = "y_pred_a"
    case yPredB = "y_pred_b"
    case sampleWeight = "sample_weight"
    case zeroDivision = "zero_division"
    case posLabel = "pos_label"
  }
  var testDescription: String { name }

  /// The metric the CLI test compares on.
  var metric: String { posLabel != nil ? "binary_fbeta" : "macro_fbeta" }

  /// Two files with ids; the second lists the items in reverse, so they are
  /// aligned by id, weights included.
  func files(in folder: TemporaryDirectory) -> [String] {
    func row(_ item: Int, _ predicted: [String]) -> String {
      "\(item + 1),\(yTrue[item]),\(predicted[item]),\(sampleWeight[item])\n"
    }
    let header = "id,label,prediction,w\n"
    let a = yTrue.indices.map { row($0, yPredA) }.joined()
    let b = yTrue.indices.reversed().map { row($0, yPredB) }.joined()
    return [folder.write("a.csv", header + a), folder.write("b.csv", header + b)]
  }

  var options: [String] {
    var options = ["--zero-division", zeroDivision, "--beta", String(beta)]
    if let labels { options += ["--labels", labels.joined(separator: ",")] }
    if let posLabel { options += ["--positive", posLabel] }
    return options
  }
}

private struct WeightedGoldenFile: Decodable {
  let comparisons: [WeightedComparisonGolden]
}

private let goldens: [WeightedComparisonGolden] =
  (try? Fixtures.decode(WeightedGoldenFile.self, from: "goldens/weighted.json").comparisons)
  ?? []

@Suite("f1kit compare with sample weights")
struct WeightedCompareCommandTests {
  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test(
    "compare --weight-column: each model's F-beta equals scikit-learn's with sample_weight; JSON says weighted",
    arguments: goldens.prefix(12))
  fileprivate func equalsScikitLearn(golden: WeightedComparisonGolden) throws {
    let folder = TemporaryDirectory()
    let result = try runF1Kit(
      ["compare"] + golden.files(in: folder)
        + [
          "--weight-column", "w", "--metric", golden.metric, "--format", "json", "--resamples",
          "100", "--quiet",
        ] + golden.options)
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["weighted"] as? Bool == true)
    let total = golden.sampleWeight.reduce(0, +)
    #expect(abs((document["total_weight"] as? Double ?? 0) - total) <= 1e-12 * total)
    #expect(document["n"] as? Int == golden.yTrue.count)
    let models = try #require(document["models"] as? [[String: Any]])
    for (index, model) in models.enumerated() {
      let wanted = try #require(golden.expected[index][golden.metric] ?? nil)
      #expect(agrees(model["value"] as? Double ?? .nan, wanted), "\(model)")
    }
    let tests = try #require(document["tests"] as? [String: Any])
    #expect(tests["mcnemar"] == nil)
    #expect(tests["permutation"] != nil)
  }

  @Test("gate --weight-column decides on compare's weighted difference, to the last digit")
  func gateUsesCompareDifference() throws {
    let folder = TemporaryDirectory()
    let golden = try #require(goldens.dropFirst(3).first)
    let files = golden.files(in: folder)
    let shared =
      ["--weight-column", "w", "--metric", golden.metric, "--resamples", "300"]
      + golden.options
    let compare = try runF1Kit(["compare"] + files + shared + ["--format", "json", "--quiet"])
    let gate = try runF1Kit(
      ["gate"] + files + shared + ["--margin", "0.05", "--format", "json", "--quiet"])
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect([0, 1].contains(gate.status), "\(gate.standardError)")
    let compared = try #require(try json(compare)["difference"] as? [String: Any])
    let gated = try json(gate)
    #expect(gated["weighted"] as? Bool == true)
    let difference = try #require(gated["difference"] as? [String: Any])
    for key in ["value", "low", "high"] {
      #expect(difference[key] as? Double == compared[key] as? Double, "\(key)")
    }
    let text = try runF1Kit(["gate"] + files + shared + ["--margin", "0.05"])
    #expect(
      text.standardOutput.contains("weighted: the difference and its interval use sample weights"))
  }

  @Test("the text says the results are weighted and why McNemar's test is not run")
  func textSaysWeighted() throws {
    let folder = TemporaryDirectory()
    let golden = try #require(goldens.first)
    let result = try runF1Kit(
      ["compare"] + golden.files(in: folder) + ["--weight-column", "w", "--resamples", "100"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput.contains(
        "weighted: every value, interval and test uses sample weights"))
    #expect(!result.standardOutput.contains("McNemar (mid-p)"))
  }

  @Test(
    "bad weights are refused",
    arguments: [
      ("label,prediction,w\na,a,1\nb,a,-2\n", "a.csv:3:3: expected a finite sample weight", 65),
      ("label,prediction,w\na,a,1\nb,a,nan\n", "a.csv:3:3: expected a finite sample weight", 65),
      ("label,prediction,w\na,a,0\nb,a,0\n", "total weight of 0", 65),
      ("label,prediction\na,a\nb,a\n", "a.csv", 65),
    ])
  func badWeights(contents: String, message: String, status: Int32) throws {
    let folder = TemporaryDirectory()
    let a = folder.write("a.csv", contents)
    let b = folder.write("b.csv", "label,prediction,w\na,b,1\nb,b,1\n")
    let result = try runF1Kit(["compare", a, b, "--weight-column", "w", "--resamples", "100"])
    #expect(result.status == status)
    #expect(result.standardError.contains(message), "\(result.standardError)")
  }

  @Test("an item weighted differently in two files is an error naming the item")
  func weightsMustAgree() throws {
    let folder = TemporaryDirectory()
    let a = folder.write("a.csv", "id,label,prediction,w\nx,a,a,1\ny,b,a,2\n")
    let b = folder.write("b.csv", "id,label,prediction,w\ny,b,b,2.5\nx,a,b,1\n")
    let result = try runF1Kit(["compare", a, b, "--weight-column", "w", "--resamples", "100"])
    #expect(result.status == 65)
    #expect(
      result.standardError.contains("b.csv: id \"y\" has sample weight 2.5 but 2 in"),
      "\(result.standardError)")
  }

  @Test("McNemar's test alone, and weights from standard input, are usage errors")
  func usageErrors() throws {
    let folder = TemporaryDirectory()
    let a = folder.write("a.csv", "label,prediction,w\na,a,1\nb,a,2\n")
    let b = folder.write("b.csv", "label,prediction,w\na,b,1\nb,b,2\n")
    let mcnemar = try runF1Kit(["compare", a, b, "--weight-column", "w", "--test", "mcnemar"])
    #expect(mcnemar.status == 64)
    #expect(mcnemar.standardError.contains("McNemar's test counts items"))
    let standardInput = try runF1Kit(
      ["compare", "-", b, "--weight-column", "w"], input: "label,prediction,w\na,a,1\nb,a,2\n")
    #expect(standardInput.status == 64)
    #expect(standardInput.standardError.contains("not standard input"))
  }
}
