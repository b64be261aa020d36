import Foundation
import Testing
import _TestSupport

/// A cut-off outside every score makes a model predict every item alike:
/// `evaluate` and `compare` warn, but `gate`, which decides, used to pass
/// two such models (binary F1 0 against 0, "not worse", exit 0). It now
/// refuses the file, exit 65, naming the cut-off and the scores.
@Suite("gate refuses a cut-off outside a model's scores")
struct GateCutoffOutsideScoresTests {
  /// 40 items, gold `i % 2`; scores 0.05 to 0.91, a positive item 0.5
  /// above a negative one of the same `i mod 10`.
  private static func rows(shift: Int = 0) -> String {
    "label,score\n"
      + (0..<40).map { item in
        "\(item % 2),\(Double((item % 2 == 1 ? 55 : 5) + 4 * (item % 10) + shift) / 100)\n"
      }.joined()
  }

  private static func files() -> TemporaryDirectory {
    let directory = TemporaryDirectory()
    directory.write("base.csv", rows())
    directory.write("cand.csv", rows(shift: 1))
    directory.write("high.json", #"{"threshold": 2}"#)
    return directory
  }

  /// The cut-off options, each outside both models' scores.
  static let cutoffs: [[String]] = [
    ["--threshold", "2"], ["--threshold", "0.01"], ["--threshold-from", "high.json"],
  ]

  @Test(
    "gate exits 65 naming the cut-off and the scores when a model predicts every item alike",
    arguments: cutoffs)
  func gateRefuses(cutoff: [String]) throws {
    let directory = Self.files()
    let result = try runF1Kit(
      [
        "gate", "base.csv", "cand.csv", "--score-column", "score", "--metric", "binary_f1",
        "--margin", "0.05", "--resamples", "200",
      ] + cutoff, in: directory.url)
    #expect(result.status == 65, "\(result.standardOutput)")
    #expect(
      result.standardError.contains(
        "Error: base.csv: the cut-off \(cutoff[0] == "--threshold" ? cutoff[1] : "2") lies outside the scores, which run from 0.05 to 0.91"
      ), "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "the gate cannot decide on a model that predicts every item alike"))
    #expect(!result.standardOutput.contains("PASS"))
  }

  @Test("compare only warns, and gate decides on a cut-off within the scores")
  func othersUnchanged() throws {
    let directory = Self.files()
    let compare = try runF1Kit(
      [
        "compare", "base.csv", "cand.csv", "--score-column", "score", "--threshold", "2",
        "--resamples", "200",
      ], in: directory.url)
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(
      compare.standardError.contains(
        "warning: base.csv: the threshold 2.0 is outside the scores read"))
    let gate = try runF1Kit(
      [
        "gate", "base.csv", "cand.csv", "--score-column", "score", "--metric", "binary_f1",
        "--margin", "0.05", "--resamples", "200", "--threshold", "0.5",
      ], in: directory.url)
    #expect(gate.status == 0 || gate.status == 1, "\(gate.standardError)")
    #expect(!gate.standardError.contains("lies outside the scores"))
  }
}
