import Foundation
import Testing
import _TestSupport

/// `--score-columns-of` with `--weight-column` is not supported yet:
/// `compare` and `gate` blamed a missing prediction column (exit 65) and
/// offered `--score-columns "m1"`, which is wrong; every command now says
/// what `evaluate` said (exit 64).
@Suite("--score-columns-of with --weight-column is a plain usage error")
struct ScoreColumnsOfWeightsCommandTests {
  @Test(
    "evaluate, compare, gate and report refuse the pair with one message, exit 64",
    arguments: ["evaluate", "compare", "gate", "report"])
  func refusesPlainly(command: String) throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "wide_w.csv",
      "y_true,m1_score,m2_score,w\n1,0.9,0.4,1.5\n0,0.2,0.7,0.5\n1,0.6,0.3,2\n0,0.4,0.1,1\n")
    var arguments = [
      command, path, "--score-columns-of", "m1=m1_score,m2=m2_score", "--weight-column", "w",
    ]
    if command == "gate" { arguments += ["--metric", "roc_auc", "--margin", "0.01"] }
    if command == "report" {
      arguments += ["--out", folder.url.appendingPathComponent("r.html").path]
    }
    let result = try runF1Kit(arguments)
    #expect(result.status == 64, "\(result.standardError)")
    #expect(
      result.standardError.hasPrefix(
        "Error: --weight-column is not available yet with --score-columns-of\n"),
      "\(result.standardError)")
  }
}
