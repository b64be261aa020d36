import Foundation
import Testing
import _TestSupport

/// `tune` and `curves` sweep a score column's cut-offs without sample
/// weights, so `--weight-column` is a usage error there, as it is beside a
/// score column for `evaluate`: they used to print the unweighted numbers
/// with exit status 0.
@Suite("f1kit tune and curves refuse --weight-column")
struct WeightedSweepCommandTests {
  /// 40 items with a binary score and weights of 1 or 2.
  private func file(in folder: TemporaryDirectory) -> String {
    var text = "y_true,y_pred,score,w\n"
    for item in 0..<40 {
      let score = Double((item * 7) % 40) / 40
      let gold = (item * 3) % 5 < 2 ? 1 : 0
      text += "\(gold),\(score >= 0.5 ? 1 : 0),\(score),\(item % 3 == 0 ? 2 : 1)\n"
    }
    return folder.write("scores.csv", text)
  }

  @Test(
    "tune and curves with --weight-column exit 64 instead of printing unweighted numbers",
    arguments: [
      ["tune"], ["tune", "--metric", "macro_f1"], ["tune", "--min-precision", "0.5"],
      ["curves"], ["curves", "--format", "csv"],
    ])
  func refused(command: [String]) throws {
    let folder = TemporaryDirectory()
    let path = file(in: folder)
    let result = try runF1Kit(
      [command[0], path, "--score-column", "score", "--weight-column", "w"] + command.dropFirst())
    #expect(result.status == 64, "\(result.standardOutput)")
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.contains(
        "\(command[0]) does not support --weight-column yet: it would sweep the score column's cut-offs unweighted"
      ), "\(result.standardError)")
    let unweighted = try runF1Kit(
      [command[0], path, "--score-column", "score"] + command.dropFirst())
    #expect(unweighted.status == 0, "\(unweighted.standardError)")
  }
}
