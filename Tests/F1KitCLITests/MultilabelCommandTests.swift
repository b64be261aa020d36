import Foundation
import Testing
import _TestSupport

@Suite("f1kit evaluate on multilabel and weighted files")
struct MultilabelCommandTests {
  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  private let sets =
    "label,prediction,w\nsports|tech,sports,2\n,tech,0.5\nhealth,,1\nsports,sports|health,1.5\n"

  @Test("a|b cells are inferred as multilabel; JSON equals scikit-learn on indicator matrices")
  func inferredMultilabel() throws {
    let folder = TemporaryDirectory()
    let file = folder.write("sets.csv", sets)
    let result = try runF1Kit(["evaluate", file, "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["problem"] as? String == "multilabel")
    #expect(document["labels"] as? [String] == ["health", "sports", "tech"])
    let metrics = try #require(document["metrics"] as? [String: Any])
    // f1_score(Y, P, average="samples"), hamming_loss(Y, P), sklearn 1.9.1.
    #expect(abs((metrics["samples_f1"] as? Double ?? 0) - 0.3333333333333333) < 1e-12)
    #expect(abs((metrics["hamming_loss"] as? Double ?? 0) - 0.3333333333333333) < 1e-12)
    #expect(abs((metrics["macro_f1"] as? Double ?? 0) - 0.3333333333333333) < 1e-12)
    for key in ["subset_accuracy", "jaccard_samples", "jaccard_micro", "samples_precision"] {
      #expect(metrics[key] != nil, "\(key)")
    }
    let confusion = try #require(document["label_confusion"] as? [[[Int]]])
    #expect(confusion == [[[2, 1], [1, 0]], [[2, 0], [0, 2]], [[2, 1], [1, 0]]])
    #expect(document["weighted"] == nil)
    // Item 2 has no gold label and item 3 none predicted, so
    // --zero-division decides their samples precision and recall.
    #expect(
      result.standardError
        == "note: \(file) is read as label sets (multilabel): line 2 has \"sports|tech\", split at '|'; give --problem multiclass to keep each cell one label\n"
        + "warning: samples precision is undefined for 1 item with no predicted label and samples recall for 1 item with no gold label; scored as 0. Use --zero-division 0, 1 or nan to choose.\n"
    )
  }

  @Test("weighted per-class scores: evaluate says no score metric is computed, report refuses")
  func weightedScoreColumns() throws {
    let folder = TemporaryDirectory()
    let file = folder.write(
      "scores.csv", "label,a,b,w\na,0.9,0.1,2\nb,0.3,0.7,1\na,0.4,0.6,0.5\nb,0.2,0.8,1\n")
    let evaluated = try runF1Kit([
      "evaluate", file, "--score-columns", "a,b", "--weight-column", "w", "--positive", "b",
      "--format", "json",
    ])
    #expect(evaluated.status == 0, "\(evaluated.standardError)")
    #expect(evaluated.standardError.hasPrefix("note: with --weight-column, --score-columns give"))
    #expect(try json(evaluated)["score_metrics"] == nil)
    let reported = try runF1Kit([
      "report", file, "--score-columns", "a,b", "--weight-column", "w", "--out",
      folder.url.path + "/r.html",
    ])
    #expect(reported.status == 64)
    #expect(
      reported.standardError.hasPrefix(
        "Error: report does not support --weight-column with score columns yet"))
  }

  @Test(
    "the note on inferred label sets is not given when --problem or a JSON array decides",
    arguments: [
      ("sets.csv", ["--problem", "multilabel"]),
      ("sets.jsonl", []),
    ])
  func noNoteWhenDecided(name: String, arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let text =
      name == "sets.csv"
      ? sets
      : "{\"label\": [\"a\", \"b\"], \"prediction\": [\"a\"]}\n{\"label\": [\"b\"], \"prediction\": [\"b\"]}\n"
    let file = folder.write(name, text)
    let result = try runF1Kit(["evaluate", file, "--format", "json"] + arguments)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(try json(result)["problem"] as? String == "multilabel")
    #expect(!result.standardError.contains("note:"), "\(result.standardError)")
  }

  @Test("--weight-column weights multilabel metrics; the JSON says so")
  func weightedMultilabel() throws {
    let folder = TemporaryDirectory()
    let file = folder.write("sets.csv", sets)
    let result = try runF1Kit(["evaluate", file, "--format", "json", "--weight-column", "w"])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["weighted"] as? Bool == true)
    #expect(document["total_weight"] as? Double == 5)
    let metrics = try #require(document["metrics"] as? [String: Any])
    // f1_score(..., sample_weight=[2, 0.5, 1, 1.5], average="samples")
    #expect(abs((metrics["samples_f1"] as? Double ?? 0) - 0.4666666666666666) < 1e-12)
    let text = try runF1Kit(["evaluate", file, "--weight-column", "w"])
    #expect(text.standardOutput.hasPrefix("weighted: every score uses sample weights"))
    #expect(text.standardOutput.contains("samples avg"))
    #expect(text.standardOutput.contains("hamming loss"))
  }

  @Test("weighted multiclass: scikit-learn's sample_weight numbers and unrounded cells")
  func weightedMulticlass() throws {
    let folder = TemporaryDirectory()
    let file = folder.write(
      "weighted.csv", "label,prediction,w\na,a,1\na,b,2\nb,b,0.5\nb,b,0.25\nc,a,3\n")
    let result = try runF1Kit(["evaluate", file, "--format", "json", "--weight-column", "w"])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["weighted"] as? Bool == true)
    #expect(document["n"] as? Int == 5)
    let metrics = try #require(document["metrics"] as? [String: Any])
    // f1_score(average="macro", sample_weight=w), accuracy_score(sample_weight=w)
    #expect(abs((metrics["macro_f1"] as? Double ?? 0) - 0.23809523809523805) < 1e-12)
    #expect(abs((metrics["accuracy"] as? Double ?? 0) - 0.25925925925925924) < 1e-12)
    let matrix = try #require(document["confusion_matrix"] as? [[Double]])
    #expect(matrix == [[1, 2, 0], [0, 0.75, 0], [3, 0, 0]])
  }

  @Test("a negative weight is a data error naming its line; zero total weight too")
  func badWeights() throws {
    let folder = TemporaryDirectory()
    let negative = folder.write("bad.csv", "label,prediction,w\na,a,1\nb,b,-2\n")
    let result = try runF1Kit(["evaluate", negative, "--weight-column", "w"])
    #expect(result.status == 65)
    #expect(result.standardError.contains("bad.csv:3:3: expected a finite sample weight"))
    let zero = folder.write("zero.csv", "label,prediction,w\na,a,0\nb,b,0\n")
    let zeroResult = try runF1Kit(["evaluate", zero, "--weight-column", "w"])
    #expect(zeroResult.status == 65)
    #expect(zeroResult.standardError.contains("total weight of 0"))
  }

  @Test("JSON Lines arrays, score columns with per-label thresholds, and --problem")
  func otherInputs() throws {
    let folder = TemporaryDirectory()
    let lines = folder.write(
      "sets.jsonl",
      """
      {"label": ["sports", "tech"], "prediction": ["sports"]}
      {"label": [], "prediction": ["tech"]}
      {"label": ["health"], "prediction": []}
      {"label": ["sports"], "prediction": ["sports", "health"]}

      """)
    let fromLines = try json(try runF1Kit(["evaluate", lines, "--format", "json"]))
    let metrics = try #require(fromLines["metrics"] as? [String: Any])
    #expect(abs((metrics["samples_f1"] as? Double ?? 0) - 0.3333333333333333) < 1e-12)
    let scores = folder.write(
      "scores.csv",
      "label,health,sports,tech\nsports|tech,0.1,0.9,0.4\n,0.2,0.1,0.6\nhealth,0.3,0.2,0.1\nsports,0.5,0.8,0.2\n"
    )
    let fromScores = try runF1Kit([
      "evaluate", scores, "--format", "json", "--problem", "multilabel", "--score-columns",
      "health,sports,tech", "--threshold", "0.5,0.5,0.5",
    ])
    #expect(fromScores.status == 0, "\(fromScores.standardError)")
    let scored = try #require(try json(fromScores)["metrics"] as? [String: Any])
    #expect(abs((scored["samples_f1"] as? Double ?? 0) - 0.3333333333333333) < 1e-12)
    let reportJSON = folder.url.appendingPathComponent("r.json").path
    let reported = try runF1Kit([
      "report", lines, "--out", folder.url.appendingPathComponent("r.html").path, "--json",
      reportJSON, "--resamples", "0",
    ])
    #expect(reported.status == 0, "\(reported.standardError)")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportJSON)))
        as? [String: Any])
    let model = try #require((document["models"] as? [[String: Any]])?.first)
    let samples = (model["metrics"] as? [String: [String: Any]])?["samples_f1"]?["value"] as? Double
    #expect(abs((samples ?? 0) - 0.3333333333333333) < 1e-12)
  }

  @Test(
    "without --ci the file is read into running totals: the same JSON bytes as with --ci's patterns",
    arguments: [
      ["fixtures/newsgroups/test-nb.csv", "--zero-division", "nan", "--beta", "0.5"],
      ["fixtures/newsgroups/test-logreg.csv", "--labels", "sci,never,comp,med"],
      ["WEIGHTED", "--weight-column", "w", "--zero-division", "1"],
    ])
  func totalsEqualPatterns(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let weighted = folder.write(
      "weighted.csv", "label,prediction,w\nsports|tech,sports,0.1\n,tech,0.7\nhealth,,0.3\n,,0.2\n")
    let file = arguments[0] == "WEIGHTED" ? weighted : arguments[0]
    let options = Array(arguments.dropFirst())
    let totals = try runF1Kit(["evaluate", file, "--format", "json"] + options)
    #expect(totals.status == 0, "\(totals.standardError)")
    let patterns = try runF1Kit(
      ["evaluate", file, "--format", "json", "--ci", "--resamples", "100", "--quiet"] + options)
    #expect(patterns.status == 0, "\(patterns.standardError)")
    // The intervals follow the metrics' members, so the document without
    // its closing brace is a prefix of the one with intervals.
    let members = try #require(totals.standardOutput.range(of: "\n}\n", options: .backwards))
    #expect(totals.standardOutput[..<members.lowerBound].count > 100)
    #expect(patterns.standardOutput.hasPrefix(totals.standardOutput[..<members.lowerBound] + ",\n"))
    let text = try runF1Kit(["evaluate", file] + options)
    let textWithIntervals = try runF1Kit(
      ["evaluate", file, "--ci", "--resamples", "100", "--quiet"] + options)
    #expect(textWithIntervals.standardOutput.hasPrefix(text.standardOutput))
  }
}
