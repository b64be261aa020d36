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

  /// The joint count table `label,a,b,w,count` of the items of two files,
  /// as `GROUP BY label, a, b, w` gives it, written in a shuffled row order
  /// with one cell split over two rows and a row counting zero items, gives
  /// the files' comparison byte for byte.
  @Test(
    "a weighted joint count table gives the raw files' comparison byte for byte",
    arguments: [2, 9, 16])
  fileprivate func jointTableEqualsFiles(index: Int) throws {
    let golden = goldens[index]
    let folder = TemporaryDirectory()
    var counts: [[String]: Int] = [:]
    for item in golden.yTrue.indices {
      let key = [
        golden.yTrue[item], golden.yPredA[item], golden.yPredB[item],
        String(golden.sampleWeight[item]),
      ]
      counts[key, default: 0] += 1
    }
    let sorted = counts.map { $0.key + [String($0.value)] }.sorted {
      $0.lexicographicallyPrecedes($1)
    }.reversed().map { $0 }
    // Odd rows first, then even ones: an order no sort would give.
    var rows =
      stride(from: 1, to: sorted.count, by: 2).map { sorted[$0] }
      + stride(from: 0, to: sorted.count, by: 2).map { sorted[$0] }
    if let split = rows.firstIndex(where: { Int($0[4])! > 1 }) {
      rows[split][4] = String(Int(rows[split][4])! - 1)
      rows.append(Array(rows[split].prefix(4)) + ["1"])
    }
    rows.append([golden.yTrue[0], golden.yTrue[0], golden.yTrue[0], "0.125", "0"])
    let table = folder.write(
      "counts.csv", "label,a,b,w,count\n" + rows.map { $0.joined(separator: ",") + "\n" }.joined())
    let shared =
      ["--weight-column", "w", "--metric", golden.metric, "--resamples", "500", "--format", "json"]
      + golden.options
    let files = try runF1Kit(["compare"] + golden.files(in: folder) + ["--names", "a,b"] + shared)
    let joint = try runF1Kit(["compare", table, "--pred-columns", "a,b"] + shared)
    #expect(files.status == 0, "\(files.standardError)")
    #expect(joint.status == 0, "\(joint.standardError)")
    #expect(joint.standardOutput == files.standardOutput)
    #expect(try json(joint)["weighted"] as? Bool == true)
    // The report reads the same table into the same numbers.
    func report(_ arguments: [String], _ name: String) throws -> [String: Any] {
      let html = folder.url.appendingPathComponent("\(name).html").path
      let path = folder.url.appendingPathComponent("\(name).json").path
      let result = try runF1Kit(
        ["report"] + arguments
          + ["--weight-column", "w", "--resamples", "300", "--out", html, "--json", path]
          + golden.options)
      #expect(result.status == 0, "\(result.standardError)")
      return try #require(
        JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
          as? [String: Any])
    }
    let fileReport = try report(golden.files(in: folder) + ["--names", "a,b"], "files")
    let tableReport = try report([table, "--pred-columns", "a,b"], "table")
    for key in ["comparisons", "advice"] {
      let want = try #require(fileReport[key] as? [Any], "\(key)")
      #expect(NSArray(array: tableReport[key] as? [Any] ?? []) == NSArray(array: want), "\(key)")
    }
    let models = { (document: [String: Any]) in
      (document["models"] as? [[String: Any]] ?? []).map {
        NSDictionary(dictionary: $0.filter { $0.key != "source_file" && $0.key != "examples" })
      }
    }
    #expect(models(tableReport) == models(fileReport))
    #expect(models(tableReport).count == 2)
  }

  @Test("a bad weight in a joint count table is an error naming its line")
  func jointTableBadWeight() throws {
    let folder = TemporaryDirectory()
    let table = folder.write("counts.csv", "label,a,b,w,count\nx,x,y,1.5,3\ny,y,y,-1,2\n")
    let result = try runF1Kit(["compare", table, "--pred-columns", "a,b", "--weight-column", "w"])
    #expect(result.status == 65)
    #expect(result.standardError.contains("counts.csv:3:4: expected a finite sample weight"))
  }

  @Test("evaluate --ci --weight-column: intervals around scikit-learn's weighted values")
  func evaluateIntervals() throws {
    let folder = TemporaryDirectory()
    let golden = try #require(goldens.first { $0.posLabel == nil && $0.labels == nil })
    let file = golden.files(in: folder)[0]
    let result = try runF1Kit(
      ["evaluate", file, "--weight-column", "w", "--ci", "--format", "json", "--resamples", "400"]
        + golden.options)
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["weighted"] as? Bool == true)
    let metrics = try #require(document["metrics"] as? [String: Double])
    let intervals = try #require(document["intervals"] as? [String: [String: Any]])
    for key in ["macro_f1", "accuracy", "weighted_f1", "mcc", "macro_fbeta"] {
      let wanted = try #require(golden.expected[0][key] ?? nil)
      #expect(agrees(try #require(metrics[key]), wanted), "\(key)")
      let interval = try #require(intervals[key])
      let low = try #require(interval["low"] as? Double)
      let high = try #require(interval["high"] as? Double)
      #expect(low <= wanted + 1e-12 && wanted - 1e-12 <= high, "\(key) [\(low), \(high)]")
      #expect(high > low)
    }
    #expect((document["analytic_intervals"] as? [String: Any])?.isEmpty == true)
    let text = try runF1Kit(
      ["evaluate", file, "--weight-column", "w", "--ci", "--resamples", "400"] + golden.options)
    #expect(text.standardOutput.contains("each carrying its sample weight"))
  }

  @Test("an F-beta metric is named with its beta: macro F2 in text, tables and gate")
  func fBetaNames() throws {
    let a = Fixtures.url("r8/test-tfidf-nb.csv").path
    let b = Fixtures.url("r8/test-tfidf-logreg.csv").path
    let options = ["--metric", "macro_fbeta", "--beta", "2", "--resamples", "200"]
    let text = try runF1Kit(["compare", a, b] + options)
    #expect(text.standardOutput.contains("on macro F2 by"), "\(text.standardOutput)")
    #expect(text.standardOutput.contains("Compared on macro_fbeta (beta 2)"))
    let markdown = try runF1Kit(["compare", a, b] + options + ["--format", "markdown"])
    #expect(markdown.standardOutput.contains("| Model | Macro F2 \\[95% CI\\]"))
    let document = try json(try runF1Kit(["compare", a, b] + options + ["--format", "json"]))
    #expect(document["beta"] as? Double == 2)
    let gate = try runF1Kit(["gate", a, b] + options + ["--margin", "0.01"])
    #expect(gate.standardOutput.contains("on macro F2"), "\(gate.standardOutput)")
    let half = try runF1Kit(
      ["compare", a, b, "--metric", "weighted_fbeta", "--beta", "0.5", "--resamples", "200"])
    #expect(half.standardOutput.contains("weighted F0.5"))
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

  @Test("McNemar's test on a metric other than accuracy is a usage error, not evidence for it")
  func mcnemarOnOtherMetrics() throws {
    for metric in [[], ["--metric", "macro_f1"]] {
      let result = try runF1Kit(
        ["compare", "fixtures/examples/a.csv", "fixtures/examples/b.csv", "--test", "mcnemar"]
          + metric)
      #expect(result.status == 64)
      #expect(
        result.standardError.hasPrefix("Error: --test mcnemar tests accuracy"),
        "\(result.standardError)")
    }
    let accuracy = try runF1Kit([
      "compare", "fixtures/examples/a.csv", "fixtures/examples/b.csv", "--test", "mcnemar",
      "--metric", "accuracy", "-q",
    ])
    #expect(accuracy.status == 0, "\(accuracy.standardError)")
  }

  @Test(
    "every McNemar method and test choice keeps the p-values in one column, long names whole",
    arguments: ["mid-p", "exact", "chi2", "chi2-uncorrected"], ["all", "mcnemar"])
  func testColumnsAlign(mcnemar: String, test: String) throws {
    let options = [
      "--mcnemar", mcnemar, "--test", test, "--metric", "accuracy", "--resamples", "199", "-q",
    ]
    for files in [["a.csv", "b.csv"], ["a.csv", "b.csv", "c.csv"]] {
      let result = try runF1Kit(["compare"] + files.map { "fixtures/examples/" + $0 } + options)
      #expect(result.status == 0, "\(result.standardError)")
      expectAlignedTestLines(result.standardOutput, testCount: test == "all" ? 3 : 1)
      if mcnemar == "chi2-uncorrected" {
        #expect(result.standardOutput.contains("  McNemar (chi-square-uncorrected)  p = "))
      }
    }
  }

  @Test("McNemar's test alone, and weights from standard input, are usage errors")
  func usageErrors() throws {
    let folder = TemporaryDirectory()
    let a = folder.write("a.csv", "label,prediction,w\na,a,1\nb,a,2\n")
    let b = folder.write("b.csv", "label,prediction,w\na,b,1\nb,b,2\n")
    let mcnemar = try runF1Kit([
      "compare", a, b, "--weight-column", "w", "--test", "mcnemar", "--metric", "accuracy",
    ])
    #expect(mcnemar.status == 64)
    #expect(mcnemar.standardError.contains("McNemar's test counts items"))
    let standardInput = try runF1Kit(
      ["compare", "-", b, "--weight-column", "w"], input: "label,prediction,w\na,a,1\nb,a,2\n")
    #expect(standardInput.status == 64)
    #expect(standardInput.standardError.contains("not standard input"))
  }
}

/// Expects a comparison's test lines (those with "p = " after two spaces
/// of indent) to start their p-values in one column, with each pair
/// listing `testCount` tests.
///
/// - Parameters:
///   - text: `compare`'s text output.
///   - testCount: The tests each pair lists.
func expectAlignedTestLines(
  _ text: String, testCount: Int, sourceLocation: SourceLocation = #_sourceLocation
) {
  let lines = text.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains("p = ") }
  // "B − A: 0.051, 95% CI [-0.113, 0.204]", not a verdict, which ends
  // with a full stop.
  let pairs = text.split(separator: "\n").filter {
    !$0.hasPrefix(" ") && $0.contains(" − ") && $0.hasSuffix("]")
  }
  #expect(lines.count == testCount * pairs.count, "\(text)", sourceLocation: sourceLocation)
  let columns = Set(
    lines.map { $0.distance(from: $0.startIndex, to: $0.range(of: "p = ")!.lowerBound) })
  #expect(columns.count == 1, "\(text)", sourceLocation: sourceLocation)
}
