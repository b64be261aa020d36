import Foundation
import Testing
import _TestSupport

/// Scores written with a decimal comma, as `df.to_csv(sep=";",
/// decimal=",")` writes in a European locale: the refusal (exit 65) names
/// the decimal comma and the fix, where it used to say only that a number
/// was expected.
@Suite("Scores written with a decimal comma")
struct DecimalCommaScoreTests {
  @Test(
    "a score with a decimal comma is refused with a hint to write decimal points",
    arguments: [
      ("label;score\n1;0,39\n0;0,12\n", ["--score-column", "score"], "0,39"),
      ("label;0;1\n1;0,61;0,39\n0;0,88;0,12\n", ["--score-columns", "0,1"], "0,61"),
    ])
  func decimalCommaIsNamed(rows: String, options: [String], found: String) throws {
    let directory = TemporaryDirectory()
    directory.write("semi.csv", rows)
    let result = try runF1Kit(["evaluate", "semi.csv"] + options, in: directory.url)
    #expect(result.status == 65, "\(result.standardOutput)")
    #expect(
      result.standardError.contains(
        "found \"\(found)\", a number with a decimal comma, as df.to_csv(sep=\";\", decimal=\",\") writes in a European locale; write decimal points"
      ), "\(result.standardError)")
  }

  @Test("other text in a score field gets no decimal-comma hint")
  func otherTextHasNoHint() throws {
    let directory = TemporaryDirectory()
    directory.write("semi.csv", "label;score\n1;0,3,9\n0;0.12\n")
    let result = try runF1Kit(
      ["evaluate", "semi.csv", "--score-column", "score"], in: directory.url)
    #expect(result.status == 65)
    #expect(!result.standardError.contains("decimal comma"), "\(result.standardError)")
  }
}

/// A missing score in JSON Lines, `null` as pandas' `to_json` writes NaN:
/// the refusal (exit 65) says so and how to drop the rows, as it already
/// did for the empty field `to_csv` writes.
@Suite("A null score in JSON Lines")
struct NullScoreTests {
  @Test(
    "a null score is refused with the pandas cause and the fix",
    arguments: [
      (#"{"label": 1, "score": null}"# + "\n", ["--score-column", "score"], "score"),
      (#"{"label": 1, "0": 0.2, "1": null}"# + "\n", ["--score-columns", "0,1"], "1"),
    ])
  func nullIsNamed(line: String, options: [String], column: String) throws {
    let directory = TemporaryDirectory()
    directory.write(
      "scores.jsonl", #"{"label": 0, "score": 0.1, "0": 0.9, "1": 0.1}"# + "\n" + line)
    let result = try runF1Kit(["evaluate", "scores.jsonl"] + options, in: directory.url)
    #expect(result.status == 65, "\(result.standardOutput)")
    #expect(
      result.standardError.contains(
        "found \"null\", as pandas' to_json writes a missing value (NaN); drop the rows without a score (df.dropna(subset=[\"\(column)\"])) or fill them in"
      ), "\(result.standardError)")
  }
}
