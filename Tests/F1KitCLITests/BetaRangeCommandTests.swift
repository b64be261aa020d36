import Testing
import _TestSupport

/// `--beta 1e308` was accepted and every F-beta printed as null, exit 0.
@Suite("f1kit refuses a --beta whose square is not finite")
struct BetaRangeCommandTests {
  @Test(
    "--beta 1e308 is a usage error naming the range; 1e150 is scored",
    arguments: ["evaluate", "tune"])
  func refusesOverflow(command: String) throws {
    let folder = TemporaryDirectory()
    let path = folder.write("p.csv", "label,prediction,score\n1,1,0.9\n0,0,0.2\n1,0,0.4\n0,1,0.6\n")
    var arguments = [command, path, "--beta", "1e308"]
    if command == "tune" { arguments += ["--score-column", "score", "--metric", "binary_fbeta"] }
    let refused = try runF1Kit(arguments)
    #expect(refused.status == 64, "\(refused.standardError)")
    #expect(
      refused.standardError.contains("a number of at least 0 whose square is finite"),
      "\(refused.standardError)")
  }

  @Test("a large but finite-square beta is scored as recall, as scikit-learn's fbeta_score")
  func largeBetaScored() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("p.csv", "label,prediction\n1,1\n0,0\n1,0\n0,1\n")
    let result = try runF1Kit(["evaluate", path, "--beta", "1e150"])
    #expect(result.status == 0, "\(result.standardError)")
    // fbeta_score([1,0,1,0],[1,0,0,1], beta=1e150) == recall 0.5
    #expect(
      result.standardOutput.contains("binary f-beta (beta=1e+150) (1)  0.5000"),
      "\(result.standardOutput)")
  }
}
