import Foundation
import Testing
import _TestSupport

@Suite("compare and gate on scores: pairing by id")
struct ScoreComparisonInputTests {
  static let gold = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0]
  static let baseline = [0.9, 0.3, 0.6, 0.45, 0.5, 0.1, 0.8, 0.35, 0.55, 0.2]
  static let candidate = [0.7, 0.4, 0.65, 0.3, 0.6, 0.2, 0.85, 0.5, 0.4, 0.1]

  @Test("a score file with ids beside one without is refused as the label path refuses it, exit 65")
  func refusesIDsInOneScoreFile() throws {
    let directory = TemporaryDirectory()
    // Both sorted by gold label, the candidate with its ids and its items
    // of each class in the other order: paired by row, the gold labels
    // agree but each item meets another item of the baseline.
    let baselineOrder = Self.gold.indices.sorted { (Self.gold[$0], $0) < (Self.gold[$1], $1) }
    let candidateOrder = Self.gold.indices.sorted { (Self.gold[$0], -$0) < (Self.gold[$1], -$1) }
    directory.write(
      "base.csv",
      "label,score\n" + baselineOrder.map { "\(Self.gold[$0]),\(Self.baseline[$0])\n" }.joined())
    directory.write(
      "cand.csv",
      "id,label,score\n"
        + candidateOrder.map { "\($0),\(Self.gold[$0]),\(Self.candidate[$0])\n" }.joined())
    let expected =
      "Error: base.csv: expected an id column, as cand.csv has, found none; without ids in every file the rows would pair by position"
    for arguments in [
      ["gate", "base.csv", "cand.csv", "--metric", "roc_auc", "--margin", "0.05"],
      ["compare", "base.csv", "cand.csv", "--metric", "roc_auc"],
      ["compare", "base.csv", "cand.csv", "--metric", "f1"],
    ] {
      let result = try runF1Kit(
        arguments + ["--score-column", "score", "--resamples", "199", "-q"], in: directory.url)
      #expect(result.status == 65, "\(arguments): \(result.standardOutput)")
      #expect(result.standardOutput.isEmpty)
      #expect(result.standardError.hasPrefix(expected), "\(result.standardError)")
    }
  }
}
