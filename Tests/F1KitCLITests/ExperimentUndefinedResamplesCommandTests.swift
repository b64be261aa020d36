import Foundation
import Testing
import _TestSupport

/// `compare` with several runs, groups or strata says how many resamples
/// an undefined metric left out, as it does for one file per model
/// (`UndefinedResamplesCommandTests`).
@Suite("f1kit compare of runs, groups and strata: resamples left out as undefined are counted")
struct ExperimentUndefinedResamplesCommandTests {
  /// 60 items in 12 groups of 5 (`grp`), every fourth one positive; the
  /// model predicts positive on `positivePredictions` only.
  static func file(positivePredictions: Set<Int>) -> String {
    "id,grp,label,prediction\n"
      + (0..<60).map {
        "\($0),\($0 / 5),\($0 % 4 == 0 ? 1 : 0),\(positivePredictions.contains($0) ? 1 : 0)\n"
      }
      .joined()
  }

  /// Positive predictions in every group, right on most items.
  static let everywhere = Set((0..<60).filter { $0 % 4 == 0 || $0 % 7 == 0 })

  static let files = [
    // Binary precision with `--zero-division nan` is undefined on every
    // resample that draws none of these: group 0, or both items.
    "grouped_a.csv": file(positivePredictions: [0, 1, 4]),
    "a_r0.csv": file(positivePredictions: [8]),
    "a_r1.csv": file(positivePredictions: [12]),
    "grouped_b.csv": file(positivePredictions: everywhere),
    // Positive only in groups 1 and 2, none in group 0.
    "sparse_b.csv": file(positivePredictions: [6, 8, 12]),
    "b_r0.csv": file(positivePredictions: everywhere),
    "b_r1.csv": file(positivePredictions: everywhere.union([9, 33])),
  ]

  static let undefinedOptions = [
    "--zero-division", "nan", "--metric", "binary_precision", "--resamples", "999", "-q",
  ]

  private func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// "6,513" for 6513.
  private func grouped(_ count: Int) -> String {
    count < 1_000 ? "\(count)" : "\(count / 1_000)," + String(format: "%03d", count % 1_000)
  }

  /// Runs `compare` in text and JSON and checks that both count the
  /// undefined resamples of the first model's interval, of the
  /// difference and of the paired bootstrap, alike.
  ///
  /// - Parameters:
  ///   - arguments: The models and design options.
  ///   - first: The first model's name.
  ///   - second: The second model's name.
  /// - Returns: The JSON document.
  private func checkCounted(_ arguments: [String], first: String, second: String) throws
    -> [String: Any]
  {
    let directory = TemporaryDirectory()
    for (name, text) in Self.files { directory.write(name, text) }
    let command = ["compare"] + arguments + Self.undefinedOptions
    let text = try runF1Kit(command, in: directory.url)
    #expect(text.status == 0, "\(text.standardError)")
    let json = try runF1Kit(command + ["--format", "json"], in: directory.url)
    #expect(json.status == 0, "\(json.standardError)")
    let document = try object(json.standardOutput)
    let models = try #require(document["models"] as? [[String: Any]])
    let firstInterval = try #require(models.first?["interval"] as? [String: Any])
    let firstUndefined = try #require(firstInterval["undefined_resamples"] as? Int)
    #expect(firstUndefined > 0 && firstUndefined < 999)
    let difference = try #require(document["difference"] as? [String: Any])
    let undefined = try #require(difference["undefined_resamples"] as? Int)
    #expect(undefined > 0 && undefined < 999)
    let tests = try #require(document["tests"] as? [String: Any])
    let bootstrap = try #require(tests["paired_bootstrap"] as? [String: Any])
    #expect(bootstrap["resamples"] as? Int == 999)
    #expect(bootstrap["undefined_resamples"] as? Int == undefined)
    let clause =
      "\(second) − \(first)'s interval and paired bootstrap test rest on \(grouped(999 - undefined)) of 999 resamples"
    #expect(
      text.standardOutput.contains(
        "Note: Some resamples gave an undefined binary precision and are left out: \(first)'s interval rests on \(grouped(999 - firstUndefined)) of 999 resamples"
      ), "\(text.standardOutput)")
    #expect(text.standardOutput.contains(clause), "\(text.standardOutput)")
    let cautions = try #require(document["cautions"] as? [String])
    #expect(cautions.contains { $0.contains(clause) }, "\(cautions)")
    return document
  }

  @Test("grouped items: the note and the intervals' and paired bootstrap's undefined_resamples")
  func grouped() throws {
    _ = try checkCounted(
      ["grouped_a.csv", "grouped_b.csv", "--group-column", "grp"], first: "grouped_a.csv",
      second: "grouped_b.csv")
  }

  @Test("grouped items: the group permutation test counts the swaps that leave a model undefined")
  func groupPermutation() throws {
    let document = try checkCounted(
      ["grouped_a.csv", "sparse_b.csv", "--group-column", "grp"], first: "grouped_a.csv",
      second: "sparse_b.csv")
    let tests = try #require(document["tests"] as? [String: Any])
    let permutation = try #require(tests["permutation"] as? [String: Any])
    // Swapping group 0 without groups 1 and 2 leaves the first model no
    // positive prediction: about one permutation in eight.
    let undefined = try #require(permutation["undefined_resamples"] as? Int)
    #expect(undefined > 0 && undefined < 999)
    let cautions = try #require(document["cautions"] as? [String])
    #expect(
      cautions.contains {
        $0.contains("its permutation test rests on \(grouped(999 - undefined)) of 999 resamples")
      }, "\(cautions)")
  }

  @Test("several runs: the note says what the interval and p-value rest on, and the JSON counts")
  func severalRuns() throws {
    _ = try checkCounted(["A=a_r0.csv,a_r1.csv", "B=b_r0.csv,b_r1.csv"], first: "A", second: "B")
  }

  @Test("strata: the note and the counts, as with items resampled one by one")
  func strata() throws {
    _ = try checkCounted(
      ["grouped_a.csv", "grouped_b.csv", "--stratify", "gold"], first: "grouped_a.csv",
      second: "grouped_b.csv")
  }

  @Test(
    "runs and groups whose every resample is defined say nothing about undefined resamples",
    arguments: [
      ["A=a_r0.csv,a_r1.csv", "B=b_r0.csv,b_r1.csv"],
      ["grouped_a.csv", "grouped_b.csv", "--group-column", "grp"],
    ])
  func nothingUndefined(models: [String]) throws {
    let directory = TemporaryDirectory()
    for (name, text) in Self.files { directory.write(name, text) }
    for format in ["text", "json"] {
      let result = try runF1Kit(
        ["compare"] + models + [
          "--metric", "accuracy", "--resamples", "999", "-q", "--format", format,
        ], in: directory.url)
      #expect(result.status == 0, "\(result.standardError)")
      #expect(!result.standardOutput.contains("undefined"), "\(result.standardOutput)")
    }
  }
}
