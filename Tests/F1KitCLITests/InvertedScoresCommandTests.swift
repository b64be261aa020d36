import Foundation
import Testing
import _TestSupport

/// A score column that holds the other class's scores (`df["score"] =
/// clf.predict_proba(X)[:, 0]` where `[:, 1]` was meant): the commands that
/// print no advice (`evaluate` in every format, `compare` and `gate` on a
/// score metric, `tune`, `curves`) warn on standard error, with their exit status unchanged,
/// where they used to print ROC-AUC 0.12 and a cut-off tuned on it
/// without a word.
@Suite("Scores of the other class warned about on standard error")
struct InvertedScoresCommandTests {
  /// 40 items, gold `i % 2`; a positive item scores 0.40 + 0.03 (i mod 10),
  /// a negative one 0.60 + 0.03 (i mod 10). scikit-learn:
  /// roc_auc_score(y, score) 0.12, roc_auc_score(y, 1 - score) 0.88.
  private static func rows(inverted: Bool = true) -> String {
    "label,score\n"
      + (0..<40).map { item in
        let gold = item % 2
        let hundredths = (gold == 1 ? 40 : 60) + 3 * (item % 10)
        let score = Double(inverted ? hundredths : 100 - hundredths) / 100
        return "\(gold),\(score)\n"
      }.joined()
  }

  private static let warning =
    "warning: inverted.csv: the scores rank the other class first: ROC-AUC is 0.1200, far below 0.5"

  /// Each command line, run on `inverted.csv` (and `fine.csv`, its 1 −
  /// score, where a second file is needed), with its expected status.
  static let commands: [(arguments: [String], status: Int32)] = [
    (["evaluate", "inverted.csv", "--score-column", "score", "--format", "json"], 0),
    (["evaluate", "inverted.csv", "--score-column", "score", "--format", "csv"], 0),
    (["tune", "inverted.csv", "--score-column", "score"], 0),
    (["curves", "inverted.csv", "--score-column", "score", "--format", "json"], 0),
    (
      [
        "compare", "fine.csv", "inverted.csv", "--score-column", "score", "--metric", "roc_auc",
        "--resamples", "200",
      ], 0
    ),
    (
      [
        "gate", "inverted.csv", "fine.csv", "--score-column", "score", "--metric", "roc_auc",
        "--margin", "0.01", "--resamples", "200",
      ], 0
    ),
  ]

  @Test(
    "every command that prints no advice warns that the scores rank the other class first",
    arguments: commands)
  func commandsWarn(arguments: [String], status: Int32) throws {
    let directory = TemporaryDirectory()
    directory.write("inverted.csv", Self.rows())
    directory.write("fine.csv", Self.rows(inverted: false))
    let result = try runF1Kit(arguments, in: directory.url)
    #expect(result.status == status, "\(result.standardError)")
    #expect(result.standardError.contains(Self.warning), "\(result.standardError)")
    #expect(result.standardError.contains("1 − score, whose ROC-AUC is 0.8800"))
    #expect(!result.standardError.contains("warning: fine.csv: the scores rank"))
  }

  @Test("a development file of the other class's scores is warned about when tuned on the fly")
  func developmentFileWarns() throws {
    let directory = TemporaryDirectory()
    directory.write("inverted.csv", Self.rows())
    directory.write("fine.csv", Self.rows(inverted: false))
    let result = try runF1Kit(
      ["evaluate", "fine.csv", "--score-column", "score", "--threshold-from", "inverted.csv"],
      in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains(Self.warning), "\(result.standardError)")
  }

  @Test("advise says it once, in its advice, and not again on standard error")
  func adviseSaysItOnce() throws {
    let directory = TemporaryDirectory()
    directory.write("inverted.csv", Self.rows())
    let result = try runF1Kit(
      ["advise", "inverted.csv", "--score-column", "score"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("[inverted-scores]"), "\(result.standardOutput)")
    #expect(!result.standardError.contains("rank the other class first"))
  }

  /// The same items with two per-class columns named the wrong way round:
  /// the column "1" holds the score of class 0.
  private static let swappedColumns =
    "label,0,1\n"
    + (0..<40).map { item in
      let gold = item % 2
      let hundredths = (gold == 1 ? 40 : 60) + 3 * (item % 10)
      return "\(gold),\(Double(100 - hundredths) / 100),\(Double(hundredths) / 100)\n"
    }.joined()

  @Test("per-class columns named the wrong way round are warned about, naming each column")
  func swappedColumnsWarn() throws {
    let directory = TemporaryDirectory()
    directory.write("swapped.csv", Self.swappedColumns)
    for arguments in [
      ["evaluate", "swapped.csv", "--score-columns", "0,1", "--format", "json"],
      ["tune", "swapped.csv", "--score-column", "1"],
    ] {
      let result = try runF1Kit(arguments, in: directory.url)
      #expect(result.status == 0, "\(result.standardError)")
      let expected =
        arguments[0] == "tune"
        ? "warning: swapped.csv: the scores rank the other class first: ROC-AUC is 0.1200"
        : "warning: swapped.csv: the score columns \"0\" (0.1200) and \"1\" (0.1200) rank their own class's items below the others"
      #expect(result.standardError.contains(expected), "\(result.standardError)")
    }
  }
}
