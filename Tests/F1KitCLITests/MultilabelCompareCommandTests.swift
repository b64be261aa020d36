import Foundation
import Testing
import _TestSupport

@Suite("f1kit compare on multilabel files")
struct MultilabelCompareCommandTests {
  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  /// 60 items over four labels: model B gets more labels right than A.
  private func files(in folder: TemporaryDirectory, shuffledSecond: Bool = false) -> (
    String, String
  ) {
    let labels = ["news", "sport", "tech", "ünï"]
    var first = "id,label,prediction\n"
    var second: [String] = []
    for item in 0..<60 {
      let gold = labels.indices.filter { (item * 7 + $0 * 3) % 5 < 2 }
      let a = labels.indices.filter { gold.contains($0) != ((item + $0) % 4 == 0) }
      let b = labels.indices.filter { gold.contains($0) != ((item * 3 + $0) % 11 == 0) }
      func cell(_ set: [Int]) -> String { set.map { labels[$0] }.joined(separator: "|") }
      first += "i\(item),\(cell(gold)),\(cell(a))\n"
      second.append(
        "{\"id\": \"i\(item)\", \"label\": [\(gold.map { "\"\(labels[$0])\"" }.joined(separator: ", "))], \"prediction\": [\(b.map { "\"\(labels[$0])\"" }.joined(separator: ", "))]}"
      )
    }
    if shuffledSecond { second.reverse() }
    return (
      folder.write("a.csv", first), folder.write("b.jsonl", second.joined(separator: "\n") + "\n")
    )
  }

  @Test("McNemar's chi-square-uncorrected keeps its whole name and the p-values' column")
  func longMcNemarName() throws {
    let folder = TemporaryDirectory()
    let (a, b) = files(in: folder)
    let c = folder.write("c.csv", try String(contentsOfFile: a, encoding: .utf8))
    for files in [[a, b], [a, b, c]] {
      let result = try runF1Kit(
        ["compare"] + files + ["--mcnemar", "chi2-uncorrected", "--resamples", "199", "-q"])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardOutput.contains("  McNemar (chi-square-uncorrected)  p = "))
      expectAlignedTestLines(result.standardOutput, testCount: 3)
    }
  }

  @Test("a CSV and a JSON Lines file aligned by id: values equal evaluate's, B − A, three tests")
  func comparesByID() throws {
    let folder = TemporaryDirectory()
    let (a, b) = files(in: folder, shuffledSecond: true)
    let result = try runF1Kit(["compare", a, b, "--format", "json", "--resamples", "499"])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["problem"] as? String == "multilabel")
    #expect(document["metric"] as? String == "samples_f1")
    #expect(document["n"] as? Int == 60)
    let models = try #require(document["models"] as? [[String: Any]])
    var values: [Double] = []
    for path in [a, b] {
      let evaluated = try json(try runF1Kit(["evaluate", path, "--format", "json"]))
      let metrics = try #require(evaluated["metrics"] as? [String: Any])
      values.append(try #require(metrics["samples_f1"] as? Double))
    }
    #expect(abs((models[0]["value"] as? Double ?? -1) - values[0]) < 1e-12)
    #expect(abs((models[1]["value"] as? Double ?? -1) - values[1]) < 1e-12)
    let difference = try #require(document["difference"] as? [String: Any])
    #expect(abs((difference["value"] as? Double ?? -1) - (values[1] - values[0])) < 1e-12)
    let tests = try #require(document["tests"] as? [String: Any])
    #expect(Set(tests.keys) == ["permutation", "paired_bootstrap", "mcnemar"])
    let again = try runF1Kit(["compare", a, b, "--format", "json", "--resamples", "499"])
    #expect(again.standardOutput == result.standardOutput)
  }

  @Test("text verdict, Hamming loss lower is better, Markdown and LaTeX tables")
  func formats() throws {
    let folder = TemporaryDirectory()
    let (a, b) = files(in: folder)
    let text = try runF1Kit(["compare", a, b, "--resamples", "299", "--metric", "micro_f1"])
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("Compared on micro_f1 (multilabel, 4 labels)"))
    #expect(text.standardOutput.contains("micro-F1"))
    let hamming = try runF1Kit([
      "compare", a, b, "--resamples", "299", "--metric", "hamming_loss",
    ])
    #expect(hamming.status == 0)
    #expect(hamming.standardOutput.contains("Hamming loss"))
    let markdown = try runF1Kit(["compare", a, b, "--resamples", "299", "--format", "markdown"])
    #expect(markdown.standardOutput.contains("| Model | Samples-F1"))
    let latex = try runF1Kit(["compare", a, b, "--resamples", "299", "--format", "latex"])
    #expect(latex.standardOutput.contains("\\begin{tabular}"))
  }

  @Test("a metric multilabel problems lack, a gold mismatch and --pred-columns are refused")
  func refusals() throws {
    let folder = TemporaryDirectory()
    let (a, _) = files(in: folder)
    let other = folder.write("c.csv", "id,label,prediction\ni0,news,news\n")
    let accuracy = try runF1Kit(["compare", a, a, "--metric", "accuracy"])
    #expect(accuracy.status == 64)
    #expect(accuracy.standardError.contains("subset_accuracy"))
    let mismatch = try runF1Kit(["compare", a, other, "--problem", "multilabel"])
    #expect(mismatch.status == 65, "\(mismatch.standardError)")
    let fbeta = try runF1Kit(["compare", a, a, "--metric", "samples_fbeta"])
    #expect(fbeta.status == 64)
    #expect(fbeta.standardError.contains("--beta"))
  }

  @Test("gate decides on compare's own difference interval, Hamming loss in its own direction")
  func gate() throws {
    let folder = TemporaryDirectory()
    let (a, b) = files(in: folder)
    let compared = try json(
      try runF1Kit(["compare", a, b, "--format", "json", "--resamples", "299"]))
    let gated = try runF1Kit([
      "gate", a, b, "--metric", "samples_f1", "--margin", "0.5", "--format", "json",
      "--resamples", "299",
    ])
    #expect(gated.status == 0, "\(gated.standardError)")
    let decision = try json(gated)
    let fromCompare = try #require(compared["difference"] as? [String: Any])
    let fromGate = try #require(decision["difference"] as? [String: Any])
    for key in ["value", "low", "high"] {
      #expect(fromGate[key] as? Double == fromCompare[key] as? Double, "\(key)")
    }
    // On the 20 Newsgroups fixture naive Bayes has the lower Hamming
    // loss, so as candidate it passes a non-inferiority gate that logistic
    // regression, as candidate against it, fails.
    let logreg = "fixtures/newsgroups/test-logreg.csv"
    let nb = "fixtures/newsgroups/test-nb.csv"
    let better = try runF1Kit([
      "gate", logreg, nb, "--metric", "hamming_loss", "--margin", "0.0001", "--resamples", "299",
    ])
    let worse = try runF1Kit([
      "gate", nb, logreg, "--metric", "hamming_loss", "--margin", "0.0001", "--resamples", "299",
    ])
    #expect(better.status == 0, "\(better.standardOutput)")
    #expect(worse.status == 1, "\(worse.standardOutput)")
  }
}
