import Foundation
import Testing
import _TestSupport

@Suite("f1kit tune and --threshold-from")
struct TuneCommandTests {
  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test("tune picks the dev cut-off that scikit-learn's f1_score confirms, and --out writes it")
  func tuneOnDev() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("threshold.json").path
    let result = try runF1Kit([
      "tune", "fixtures/stsb/dev-minilm-l6.csv", "--score-column", "score", "--out", out,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["threshold"] as? Double == 0.634695)
    #expect(document["metric"] as? String == "binary_f1")
    // sklearn: f1_score(dev.label, dev.score >= 0.634695).
    #expect(abs((document["value"] as? Double ?? 0) - 0.8181154127100073) <= 1e-12)
    #expect(document["candidates"] as? Int == 1497)
    let origin = try #require(document["tuned_on"] as? [String: Any])
    #expect((origin["sha256"] as? String)?.count == 64)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == result.standardOutput)
  }

  @Test("evaluate --threshold-from applies the frozen dev cut-off and says where it came from")
  func evaluateWithFrozenThreshold() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("threshold.json").path
    _ = try runF1Kit([
      "tune", "fixtures/stsb/dev-minilm-l6.csv", "--score-column", "score", "--out", out,
    ])
    for source in [out, "fixtures/stsb/dev-minilm-l6.csv"] {
      let result = try runF1Kit([
        "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
        "--threshold-from", source, "--format", "json",
      ])
      #expect(result.status == 0, "\(result.standardError)")
      let document = try json(result)
      // sklearn: f1_score(test.label, test.score >= 0.634695).
      #expect(
        abs(
          ((document["metrics"] as? [String: Any])?["binary_f1"] as? Double ?? 0)
            - 0.830376153300213) <= 1e-12)
      let threshold = try #require(document["threshold"] as? [String: Any])
      #expect(threshold["value"] as? Double == 0.634695)
      #expect(threshold["source"] as? String == "tuned")
      #expect(threshold["tuned_on"] as? String == "fixtures/stsb/dev-minilm-l6.csv")
      #expect(threshold["tuned_on_evaluated_file"] as? Bool == false)
    }
    let text = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
      "--threshold-from", out,
    ])
    #expect(
      text.standardOutput.contains(
        "threshold 0.634695 chosen on fixtures/stsb/dev-minilm-l6.csv for binary_f1 (0.8181 there)")
    )
  }

  @Test(
    "tune --metric binary_fbeta --beta 2 picks scikit-learn's best F2 cut-off and records its beta"
  )
  func tuneFBeta() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("f2.json").path
    let result = try runF1Kit([
      "tune", "fixtures/stsb/dev-minilm-l6.csv", "--score-column", "score", "--metric",
      "binary_fbeta", "--beta", "2", "--out", out,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    // sklearn: the highest of the cut-offs t maximising
    // fbeta_score(dev.label == 1, dev.score >= t, beta=2); F1's is 0.634695.
    #expect(document["threshold"] as? Double == 0.539837)
    #expect(document["metric"] as? String == "binary_fbeta")
    #expect(document["beta"] as? Double == 2)
    #expect(abs((document["value"] as? Double ?? 0) - 0.8887580929958799) <= 1e-12)

    let applied = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
      "--threshold-from", out, "--beta", "2", "--format", "json",
    ])
    #expect(applied.status == 0, "\(applied.standardError)")
    let evaluated = try json(applied)
    // sklearn: fbeta_score(test.label == 1, test.score >= 0.539837, beta=2).
    #expect(
      abs(
        ((evaluated["metrics"] as? [String: Any])?["binary_fbeta"] as? Double ?? 0)
          - 0.8950445434298441) <= 1e-12)
    let threshold = try #require(evaluated["threshold"] as? [String: Any])
    #expect(threshold["beta"] as? Double == 2)
    let text = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
      "--threshold-from", out,
    ])
    #expect(
      text.standardOutput.contains(
        "threshold 0.539837 chosen on fixtures/stsb/dev-minilm-l6.csv for binary_fbeta (beta 2) (0.8888 there)"
      ), "\(text.standardOutput)")
  }

  @Test("an F-beta cut-off needs its beta: tune without --beta, a threshold file without \"beta\"")
  func fBetaNeedsBeta() throws {
    let tune = try runF1Kit([
      "tune", "fixtures/stsb/dev-minilm-l6.csv", "--score-column", "score", "--metric",
      "binary_fbeta",
    ])
    #expect(tune.status == 64)
    #expect(tune.standardError.contains("needs --beta"), "\(tune.standardError)")
    let directory = TemporaryDirectory()
    let file = directory.write(
      "t.json",
      #"{"threshold": 0.5, "metric": "binary_fbeta", "value": 0.9, "candidates": 9, "positive_count": 4, "constraint": null, "tuned_on": {"file": "dev.csv", "bytes": 90, "sha256": "00", "items": 9, "score_column": "score", "positive": "1"}}"#
    )
    let applied = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
      "--threshold-from", file,
    ])
    #expect(applied.status == 65)
    #expect(
      applied.standardError.contains(
        file + #": "metric" binary_fbeta needs "beta", a number of at least 0, found null"#),
      "\(applied.standardError)")
  }

  @Test(
    "a --beta the tuned metric does not use is refused, not tuned as F1",
    arguments: [
      (["--beta", "2"], "give --metric binary_fbeta --beta 2 to tune F-beta"),
      (["--beta", "0.5", "--metric", "accuracy"], "but tune maximises 'accuracy'"),
      (["--beta", "2", "--min-precision", "0.8"], "'--beta' has no effect with '--min-precision'"),
    ])
  func unusedBetaIsRefused(options: [String], message: String) throws {
    let tune = try runF1Kit(
      ["tune", "fixtures/stsb/dev-minilm-l6.csv", "--score-column", "score"] + options)
    #expect(tune.status == 64)
    #expect(tune.standardError.contains(message), "\(tune.standardError)")
  }

  @Test("a frozen cut-off applies bit for bit: an item 1 ulp below it stays negative")
  func frozenThresholdIsExact() throws {
    let directory = TemporaryDirectory()
    let threshold = directory.write(
      "thr.json", #"{"threshold": 0.37787015227147086, "metric": "binary_f1", "value": 0.7}"#)
    // 0.3778701522714708 is the Double just below the cut-off, which
    // JSONSerialization on Linux read the cut-off as.
    let test = directory.write(
      "edge.csv", "label,score\n0,0.3778701522714708\n1,0.9\n0,0.1\n1,0.2\n")
    let result = try runF1Kit([
      "evaluate", test, "--score-column", "score", "--threshold-from", threshold, "--format",
      "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["confusion_matrix"] as? [[Int]] == [[2, 0], [1, 1]])
    #expect(result.standardOutput.contains("0.37787015227147086"))
  }

  /// A threshold file as `tune --out` writes one for the STS-B dev file.
  private func frozenThreshold(in directory: TemporaryDirectory) throws -> String {
    let out = directory.url.appendingPathComponent("threshold.json").path
    let result = try runF1Kit([
      "tune", "fixtures/stsb/dev-minilm-l6.csv", "--score-column", "score", "--out", out,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    return out
  }

  @Test("a cut-off applied to another score column or positive label than it was tuned for warns")
  func mismatchedOrigin() throws {
    let directory = TemporaryDirectory()
    let threshold = try frozenThreshold(in: directory)
    let logits = directory.write("logit.csv", "label,logit\n1,1.5\n0,-0.2\n1,0.3\n0,-2\n")
    let column = try runF1Kit([
      "evaluate", logits, "--score-column", "logit", "--threshold-from", threshold,
    ])
    #expect(column.status == 0, "\(column.standardError)")
    #expect(
      column.standardError.contains(
        "warning: the cut-off in \(threshold) was tuned on the score column \"score\" of fixtures/stsb/dev-minilm-l6.csv and is applied to \"logit\""
      ))
    let positive = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score", "--positive",
      "0", "--threshold-from", threshold,
    ])
    #expect(positive.status == 0, "\(positive.standardError)")
    #expect(
      positive.standardError.contains(
        "was tuned on scores of the positive label \"1\" and is applied with --positive 0"))
    let same = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
      "--threshold-from", threshold,
    ])
    #expect(!same.standardError.contains("warning"), "\(same.standardError)")
  }

  @Test("a hand-written threshold is given in its file, with no made-up tuning")
  func handWrittenThreshold() throws {
    let directory = TemporaryDirectory()
    let hand = directory.write("hand.json", #"{"threshold":0.4}"#)
    let text = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
      "--threshold-from", hand,
    ])
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("threshold 0.4 (given in \(hand))\n"))
    #expect(!text.standardOutput.contains("nan there"))
    let result = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
      "--threshold-from", hand, "--format", "json",
    ])
    let threshold = try #require(try json(result)["threshold"] as? [String: Any])
    #expect(threshold["source"] as? String == "given")
    #expect(threshold["given_in"] as? String == hand)
    #expect(threshold["metric"] == nil)
  }

  @Test(
    "a threshold that is not a finite number is a data error, not a prediction file",
    arguments: [
      (#"{"threshold":1e400}"#, "found 1e400"), (#"{"threshold":NaN}"#, "found NaN"),
      (#"{"threshold":"0.4"}"#, #"found the string "0.4""#),
    ])
  func nonFiniteThreshold(contents: String, found: String) throws {
    let directory = TemporaryDirectory()
    let file = directory.write("bad.json", contents)
    let result = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
      "--threshold-from", file,
    ])
    #expect(result.status == 65)
    #expect(
      result.standardError
        == "Error: \(file): \"threshold\" must be a finite number, \(found)\n")
  }

  @Test("gate with one threshold file says the candidate gets the baseline's cut-off")
  func sharedCutoffInGate() throws {
    let directory = TemporaryDirectory()
    let threshold = try frozenThreshold(in: directory)
    let summary = directory.url.appendingPathComponent("summary.md").path
    let result = try runF1Kit([
      "gate", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--score-column", "score", "--threshold-from", threshold, "--metric", "binary_f1",
      "--margin", "0.05", "--resamples", "199", "--summary", summary,
    ])
    #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
    let shared =
      "; the same cut-off as fixtures/stsb/test-minilm-l6.csv: one --threshold-from file gives every model the cut-off tuned on fixtures/stsb/dev-minilm-l6.csv"
    #expect(result.standardOutput.contains("fixtures/stsb/test-minilm-l3.csv: threshold 0.634695"))
    #expect(result.standardOutput.components(separatedBy: shared).count == 2)
    #expect(try String(contentsOfFile: summary, encoding: .utf8).contains(shared))
  }

  @Test(
    "more threshold files than prediction files are refused, as too few are",
    arguments: [
      [
        "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
        "--threshold-from",
        "fixtures/stsb/dev-minilm-l6.csv,fixtures/stsb/dev-minilm-l3.csv,fixtures/stsb/dev-minilm-l3.csv",
      ],
      [
        "gate", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
        "--metric", "binary_f1", "--margin", "0.05", "--threshold-from",
        "fixtures/stsb/dev-minilm-l6.csv,fixtures/stsb/dev-minilm-l3.csv,fixtures/stsb/dev-minilm-l3.csv",
      ],
      [
        "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--threshold-from",
        "fixtures/stsb/dev-minilm-l6.csv,fixtures/stsb/dev-minilm-l3.csv",
      ],
      [
        "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
        "fixtures/stsb/test.csv", "--threshold-from",
        "fixtures/stsb/dev-minilm-l6.csv,fixtures/stsb/dev-minilm-l3.csv",
      ],
    ])
  func sourceCountMismatch(arguments: [String]) throws {
    let result = try runF1Kit(arguments + ["--score-column", "score"])
    #expect(result.status == 64, "\(result.standardError)")
    #expect(result.standardError.contains("'--threshold-from' names "))
    #expect(result.standardError.contains("; give one, or one per file in order"))
  }

  @Test(
    "a cut-off tuned on the evaluated file is flagged, by path or by identical contents",
    arguments: [false, true])
  func tunedOnTestFile(isCopy: Bool) throws {
    let directory = TemporaryDirectory()
    var source = "fixtures/stsb/test-minilm-l6.csv"
    if isCopy {
      source = directory.write(
        "copy.csv",
        try String(contentsOfFile: "fixtures/stsb/test-minilm-l6.csv", encoding: .utf8))
    }
    let result = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
      "--threshold-from", source, "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("which is that file itself; its results are optimistic"))
    let threshold = try #require(try json(result)["threshold"] as? [String: Any])
    #expect(threshold["tuned_on_evaluated_file"] as? Bool == true)
  }

  @Test("a development file named by a link is identified by the file's size, not the link's")
  func linkedDevelopmentFile() throws {
    let directory = TemporaryDirectory()
    let link = directory.url.appendingPathComponent("dev-link.csv").path
    try FileManager.default.createSymbolicLink(
      atPath: link,
      withDestinationPath: Fixtures.packageRoot.appendingPathComponent(
        "fixtures/stsb/dev-minilm-l6.csv"
      ).path)
    let copy = directory.write(
      "dev-copy.csv", try String(contentsOfFile: "fixtures/stsb/dev-minilm-l6.csv", encoding: .utf8)
    )
    let out = directory.url.appendingPathComponent("t.json").path
    let tune = try runF1Kit(["tune", link, "--score-column", "score", "--out", out])
    #expect(tune.status == 0, "\(tune.standardError)")
    let size = try Data(contentsOf: URL(fileURLWithPath: "fixtures/stsb/dev-minilm-l6.csv")).count
    #expect(tune.standardOutput.contains(#""bytes": \#(size),"#), "\(tune.standardOutput)")
    let result = try runF1Kit([
      "evaluate", copy, "--score-column", "score", "--threshold-from", out,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("which is that file itself"), "\(result.standardError)")
  }

  @Test("a constant score cannot tune to F1 = 1 (sentence-transformers #2282)")
  func constantScores() throws {
    let directory = TemporaryDirectory()
    let file = directory.write(
      "constant.csv", "label,score\n1,0.4\n0,0.4\n0,0.4\n1,0.4\n0,0.4\n")
    let result = try runF1Kit(["tune", file, "--score-column", "score"])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    // Every item positive: precision 2/5, recall 1, F1 4/7.
    #expect(document["value"] as? Double == 4.0 / 7.0)
    let evaluation = try runF1Kit(["evaluate", file, "--score-column", "score"])
    #expect(evaluation.standardOutput.contains("every item has the same score"))
  }

  @Test("the default cut-off far from the best is called out with both F1s and AP")
  func defaultThresholdAdvice() throws {
    // Rare positives scored low: at 0.5 only one of four positives is found.
    let directory = TemporaryDirectory()
    var rows = "label,score\n"
    for index in 0..<40 { rows += "0,\(Double(index) / 200)\n" }
    rows += "1,0.3\n1,0.35\n1,0.45\n1,0.6\n"
    let file = directory.write("rare.csv", rows)
    let result = try runF1Kit(["evaluate", file, "--score-column", "score", "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    let advice = try #require(try json(result)["threshold_advice"] as? [String: Any])
    #expect(advice["f1_at_threshold"] as? Double == 0.4)
    #expect(advice["best_f1_on_this_file"] as? Double == 1)
    #expect(advice["best_threshold_on_this_file"] as? Double == 0.3)
    #expect(advice["average_precision"] as? Double == 1)
    #expect(advice["is_far_from_best"] as? Bool == true)
    let text = try runF1Kit(["evaluate", file, "--score-column", "score"])
    #expect(
      text.standardOutput.contains("threshold 0.5 (the default; not chosen on development data)"))
    #expect(
      text.standardOutput.contains(
        "advice: the cut-off 0.5 is far from the best (F1 0.4000 against 1.0000)"))
    #expect(text.standardOutput.contains("optimistic"))
  }

  @Test("compare records each file's cut-off, one --threshold-from source per file")
  func compareRecordsThresholds() throws {
    let result = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--score-column", "score", "--threshold-from",
      "fixtures/stsb/dev-minilm-l6.csv,fixtures/stsb/dev-minilm-l3.csv", "--resamples", "199",
      "--format", "json", "-q",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let thresholds = try #require(try json(result)["thresholds"] as? [String: [String: Any]])
    #expect(thresholds["fixtures/stsb/test-minilm-l6.csv"]?["value"] as? Double == 0.634695)
    #expect(
      thresholds["fixtures/stsb/test-minilm-l3.csv"]?["tuned_on"] as? String
        == "fixtures/stsb/dev-minilm-l3.csv")
  }

  @Test(
    "contradictory or impossible requests end with one line and the right status",
    arguments: [
      (
        [
          "tune", "fixtures/stsb/dev.csv", "--score-column", "score", "--min-precision", "0.9",
          "--min-recall", "0.5",
        ], Int32(64)
      ),
      (
        [
          "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score", "--threshold",
          "0.3", "--threshold-from", "fixtures/stsb/dev-minilm-l6.csv",
        ], 64
      ),
      (
        [
          "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--threshold-from",
          "fixtures/stsb/dev-minilm-l6.csv",
        ], 64
      ),
      (
        [
          "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
          "--threshold-from", "missing.json",
        ], 66
      ),
    ] as [([String], Int32)])
  func refusals(arguments: [String], status: Int32) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == status, "\(result.standardError)")
  }

  @Test("a precision floor no cut-off reaches is a data error")
  func unreachableFloor() throws {
    let directory = TemporaryDirectory()
    let file = directory.write("low.csv", "label,score\n0,0.9\n1,0.5\n0,0.1\n")
    let result = try runF1Kit(["tune", file, "--score-column", "score", "--min-precision", "0.9"])
    #expect(result.status == 65)
    #expect(result.standardError.contains("no cut-off reaches precision >= 0.9"))
  }
}
