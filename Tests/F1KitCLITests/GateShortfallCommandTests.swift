import Foundation
import Testing
import _TestSupport

/// `f1kit gate` on intervals that resampling could not fill: models that
/// label every item alike, or differ on a handful of items.
@Suite("f1kit gate: no pass on a resampled interval without spread or from few differing items")
struct GateShortfallCommandTests {
  /// 20 items; `reversed` gives the same predictions in the opposite row
  /// order, so the two models agree on every item.
  static func identical(reversed: Bool) -> String {
    let rows = (0..<20).map { "\($0),\($0 % 2),\($0 % 3 == 0 ? 1 : $0 % 2)" }
    return "id,label,prediction\n" + (reversed ? rows.reversed() : rows).joined(separator: "\n")
      + "\n"
  }

  private func withFiles(_ files: [String: String], _ body: (URL) throws -> Void) throws {
    let directory = TemporaryDirectory()
    for (name, text) in files { directory.write(name, text) }
    try withExtendedLifetime(directory) { try body(directory.url) }
  }

  @Test(
    "models that label every item alike fail with exit 1 and the exact bound, not PASS on [0, 0]",
    arguments: [
      ["--metric", "binary_f1", "--margin", "0.01", "--mode", "equivalence"],
      ["--metric", "accuracy", "--margin", "0.001"],
      ["--metric", "accuracy", "--margin", "0.001", "--stratify", "gold"],
    ])
  func identicalModels(options: [String]) throws {
    try withFiles([
      "a.csv": Self.identical(reversed: false), "b.csv": Self.identical(reversed: true),
    ]) { directory in
      let result = try runF1Kit(
        ["gate", "a.csv", "b.csv", "--resamples", "999", "-q"] + options, in: directory)
      #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
      let sentence = try #require(result.standardOutput.split(separator: "\n").first)
      #expect(sentence.hasPrefix("FAIL: "))
      #expect(sentence.contains("95% CI [0.000, 0.000]; "), "\(sentence)")
      // Binary F1 of 7 true positives, 4 false positives and 3 false
      // negatives (14 / 21) falls to 6 / 21 when 4 true positives change.
      let reason =
        "the models label 0 of the 20 items differently, fewer than 10, too few for resampling to show how far apart they could be; by an exact one-sided 97.5% Clopper–Pearson bound they may label up to 0.168 of items differently"
        + (options[1] == "accuracy"
          ? ", the largest difference in accuracy the test set cannot rule out."
          : " (4 of the 20); changing the baseline's predictions on 4 items could change binary F1 by up to 0.233 either way, not inside the 0.010 margin.")
      #expect(sentence.hasSuffix(reason), "\(sentence)")
    }
  }

  @Test("a candidate right on all of 8 items is not shown better by more than 0.95; JSON says why")
  func everyItemDiscordant() throws {
    let gold = (0..<8).map { $0 % 2 }
    let baseline =
      "id,label,prediction\n" + gold.enumerated().map { "\($0),\($1),\(1 - $1)\n" }.joined()
    let candidate =
      "id,label,prediction\n" + gold.enumerated().map { "\($0),\($1),\($1)\n" }.joined()
    try withFiles(["a.csv": baseline, "b.csv": candidate]) { directory in
      let result = try runF1Kit(
        [
          "gate", "a.csv", "b.csv", "--metric", "accuracy", "--margin", "0.95", "--mode",
          "superiority", "--resamples", "999", "-q", "--format", "json",
        ], in: directory)
      #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
      let document = try #require(
        JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
      #expect(document["decision"] as? String == "fail")
      let shortfall = try #require(document["shortfall"] as? [String: Any])
      #expect(shortfall["differing_items"] as? Int == 8)
      #expect(shortfall["constant_difference"] as? Double == 1)
      #expect(shortfall["confidence"] as? Double == 0.975)
      // scipy.stats.beta.ppf(0.025, 8, 1) = 0.025^(1/8).
      let low = try #require(shortfall["share_low"] as? Double)
      #expect(abs(low - 0.6305833524471807) < 1e-12)
      #expect(shortfall["share_high"] as? Double == 1)
      #expect(
        (document["sentence"] as? String)?.hasSuffix(
          "they may label as few as 0.631 of items differently, which caps the difference in accuracy."
        ) == true)
    }
  }

  @Test(
    "one STS-B file given twice passes binary F1 within 0.01: changing 4 of 1,379 predictions lowers it by at most 0.0033",
    arguments: [[], ["--stratify", "gold"]])
  func sameFilePassesOnTheCap(options: [String]) throws {
    let result = try runF1Kit(
      [
        "gate", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l6.csv",
        "--metric", "binary_f1", "--margin", "0.01", "--resamples", "999", "-q",
      ] + options)
    #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    #expect(result.standardOutput.hasPrefix("PASS: "))
    #expect(
      result.standardOutput.contains(
        "they label at most 0.003 of items differently (4 of the 1,379); changing the baseline's predictions on 4 items lowers binary F1 by at most 0.00"
      ), "\(result.standardOutput)")
    let json = try runF1Kit(
      [
        "gate", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l6.csv",
        "--metric", "binary_f1", "--margin", "0.01", "--resamples", "999", "-q", "--format",
        "json",
      ] + options)
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let shortfall = try #require(document["shortfall"] as? [String: Any])
    #expect(shortfall["changed_items_bound"] as? Int == 4)
    let bound = try #require(shortfall["metric_change_bound"] as? Double)
    #expect(bound > 0 && bound < 0.01)
  }

  @Test("with --group-column 15 differing items in 3 of 40 groups fail; without it they pass")
  func differingGroupsCount() throws {
    // 200 items in 40 groups of 5 (group = id mod 40); the baseline is
    // wrong, the candidate right, on every item of groups 0, 1 and 2.
    func file(isBaseline: Bool) -> String {
      "id,grp,label,prediction\n"
        + (0..<200).map { id in
          let gold = id % 2
          let predicted = isBaseline && id % 40 < 3 ? 1 - gold : gold
          return "\(id),g\(id % 40),\(gold),\(predicted)\n"
        }.joined()
    }
    try withFiles(["a.csv": file(isBaseline: true), "b.csv": file(isBaseline: false)]) {
      directory in
      let arguments = [
        "gate", "a.csv", "b.csv", "--metric", "accuracy", "--margin", "0.05", "--resamples",
        "999", "-q", "--format", "json",
      ]
      let grouped = try runF1Kit(arguments + ["--group-column", "grp"], in: directory)
      #expect(grouped.status == 1, "\(grouped.standardOutput)\(grouped.standardError)")
      let document = try #require(
        JSONSerialization.jsonObject(with: Data(grouped.standardOutput.utf8)) as? [String: Any])
      let shortfall = try #require(document["shortfall"] as? [String: Any])
      #expect(shortfall["differing_items"] as? Int == 15)
      #expect(shortfall["differing_groups"] as? Int == 3)
      #expect(shortfall["group_count"] as? Int == 40)
      // scipy.stats.beta.ppf(0.975, 4, 37) = 0.2039…: 9 groups of 5 items.
      #expect(shortfall["changed_groups_bound"] as? Int == 9)
      #expect(shortfall["changed_items_bound"] as? Int == 45)
      #expect(shortfall["metric_change_bound"] as? Double == 0.225)
      let sentence = try #require(document["sentence"] as? String)
      #expect(sentence.contains("in 3 of the 40 groups, fewer than 10 groups"), "\(sentence)")
      let items = try runF1Kit(arguments, in: directory)
      #expect(items.status == 0, "\(items.standardOutput)\(items.standardError)")
      #expect(!items.standardOutput.contains("\"shortfall\""))
    }
  }

  @Test("a gate with enough differing items has no shortfall member and decides as before")
  func normalGate() throws {
    let result = try runF1Kit([
      "gate", "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv", "--metric",
      "macro_f1", "--margin", "0.3", "--mode", "superiority", "--resamples", "999", "-q",
      "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardOutput.contains("\"shortfall\""))
  }

  /// The worst-case cap of changing 4 of the 1,379 STS-B items is exactly
  /// 0.0033298899550172623 of binary F1; at three decimals it and a
  /// margin just either side of it all read 0.003.
  @Test(
    "a cap and a margin that round alike get the digits that tell them apart",
    arguments: [
      (
        "0.0033298899550172623", 1,
        "could lower binary F1 by up to 0.00333, as much as the 0.00333 margin itself, so not inside it."
      ),
      ("0.0033", 1, "could lower binary F1 by up to 0.00333, not inside the 0.0033 margin."),
      ("0.00333", 0, "lowers binary F1 by at most 0.0033299, inside the 0.00333 margin."),
    ])
  func capBesideMargin(margin: String, status: Int32, ending: String) throws {
    let model = "fixtures/stsb/test-minilm-l6.csv"
    let result = try runF1Kit([
      "gate", model, model, "--metric", "binary_f1", "--margin", margin, "--resamples", "999",
      "-q",
    ])
    #expect(result.status == status, "\(result.standardOutput)\(result.standardError)")
    let line = try #require(
      result.standardOutput.split(separator: "\n").first { $0.contains("binary F1 by") })
    #expect(line.hasSuffix(ending), "\(line)")
  }
}
