import Foundation
import Testing
import _TestSupport

/// Scores cut at the default threshold 0.5 that run past -1 to 1: logits
/// or margins, warned about on stderr with the fix.
@Suite("f1kit warns when the default cut-off meets logits")
struct LogitWarningCommandTests {
  @Test(
    "logits cut at the default threshold 0.5 get a warning; --threshold 0 and similarities do not")
  func logitWarning() throws {
    let logits = "label,score\n1,2.3\n1,0.2\n1,0.7\n0,-0.3\n0,-1.4\n0,0.6\n"
    let result = try runF1Kit(["evaluate", "-", "--score-column", "score"], input: logits)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "warning: <stdin>: the scores run from -1.4 to 2.3, past -1 to 1, so they are neither probabilities nor similarities but look like logits"
      ), "\(result.standardError)")
    #expect(result.standardError.contains("give --threshold 0 for logits"))
    let chosen = try runF1Kit(
      ["evaluate", "-", "--score-column", "score", "--threshold", "0"], input: logits)
    #expect(!chosen.standardError.contains("look like logits"), "\(chosen.standardError)")
    // Cosine similarities (the STS-B fixture runs from -0.16 to 0.998).
    let cosines = "label,score\n1,0.998\n1,0.2\n1,0.7\n0,-0.16\n0,0.4\n0,0.6\n"
    let similar = try runF1Kit(["evaluate", "-", "--score-column", "score"], input: cosines)
    #expect(!similar.standardError.contains("look like logits"), "\(similar.standardError)")
    // compare cuts each file's scores the same way and warns for each.
    let directory = TemporaryDirectory()
    let a = directory.write("a.csv", logits)
    let b = directory.write("b.csv", logits.replacingOccurrences(of: "2.3", with: "1.9"))
    let compared = try runF1Kit(
      ["compare", a, b, "--score-column", "score", "--metric", "accuracy", "-q"])
    #expect(compared.status == 0, "\(compared.standardError)")
    #expect(
      compared.standardError.components(separatedBy: "look like logits").count == 3,
      "\(compared.standardError)")
  }

  @Test(
    "scores on a scale of their own (0 to 5) are refused at the default cut-off, read with --threshold, and still serve detected score metrics"
  )
  func ratingScaleAtDefaultThreshold() throws {
    let ratings = "label,prediction,score\n1,1,4.6\n1,0,3.8\n1,1,5\n0,0,0.4\n0,1,2.2\n0,0,0\n"
    let refused = try runF1Kit(["evaluate", "-", "--score-column", "score"], input: ratings)
    #expect(refused.status == 65)
    #expect(
      refused.standardError
        == "Error: <stdin>: the scores run from 0 to 5, never negative and past 1, a scale of their own (a rating, a percentage), not probabilities, similarities or logits, so the default cut-off 0.5, which no one chose, means nothing on them; give --threshold on the scores' own scale (for STS-B similarities from 0 to 5, --threshold 4 marks a paraphrase), or --threshold-from a development file\n"
    )
    let chosen = try runF1Kit(
      ["evaluate", "-", "--score-column", "score", "--threshold", "4", "--format", "json"],
      input: ratings)
    #expect(chosen.status == 0, "\(chosen.standardError)")
    #expect(chosen.standardOutput.contains(#""accuracy": 0.8333333333333334"#))
    // Probabilities rounded a little past 1 by a float32 softmax are read.
    let rounded = try runF1Kit(
      ["evaluate", "-", "--score-column", "score"],
      input: "label,score\n1,1.0000001\n1,0.7\n0,0\n0,0.2\n")
    #expect(rounded.status == 0, "\(rounded.standardError)")
    #expect(!rounded.standardError.contains("look like logits"), "\(rounded.standardError)")
    // advise finds the column by name for the score metrics, which take
    // no cut-off; its predictions come from the prediction column.
    let directory = TemporaryDirectory()
    let advised = try runF1Kit(["advise", directory.write("ratings.csv", ratings)])
    #expect(advised.status == 0, "\(advised.standardError)")
    #expect(
      advised.standardOutput.contains("roc_auc            1.0000"), "\(advised.standardOutput)")
    #expect(!advised.standardError.contains("scale of their own"), "\(advised.standardError)")
  }
}
