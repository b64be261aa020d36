import Foundation
import Testing
import _TestSupport

/// A slice of data with one label (all "0") and `--positive 1`: the
/// refusal names the file and the options that score it as scikit-learn's
/// `f1_score(pos_label=1)` does (0.0).
@Suite("f1kit evaluate --positive on a file with one label")
struct OneLabelSliceCommandTests {
  @Test("the refusal names the file and '--labels 0,1 --positive 1', which scores the slice")
  func namesFileAndFix() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("all0.csv", "label,prediction\n0,0\n0,0\n0,0\n")
    let refused = try runF1Kit(["evaluate", path, "--positive", "1"])
    #expect(refused.status == 64)
    #expect(
      refused.standardError.contains(
        #"\#(path): positive label "1" applies to binary problems, but there is 1 label: "0"; to score it as scikit-learn's f1_score(pos_label="1") does, name both labels: --labels 0,1 --positive 1"#
      ), "\(refused.standardError)")
    // The named fix works: sklearn's f1_score([0, 0, 0], [0, 0, 0],
    // pos_label=1) is 0.0.
    let fixed = try runF1Kit(
      ["evaluate", path, "--labels", "0,1", "--positive", "1", "--format", "json"])
    #expect(fixed.status == 0, "\(fixed.standardError)")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(fixed.standardOutput.utf8)) as? [String: Any])
    let metrics = try #require(document["metrics"] as? [String: Any])
    #expect(metrics["binary_f1"] as? Double == 0)
  }
}
