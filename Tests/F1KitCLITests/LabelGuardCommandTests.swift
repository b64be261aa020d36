import Foundation
import Testing

/// The reader's guards as a user meets them on the command line (issue 9
/// §1–3, issue 14 §7).
@Suite("f1kit guards against label mix-ups")
struct LabelGuardCommandTests {
  @Test("gold 0/1 against predictions 0.0/1.0 gives scikit-learn's accuracy, spelled 0 and 1")
  func numericLabelsCompareByValue() throws {
    // pandas + scikit-learn: accuracy_score on these columns is 0.6.
    let input = "label,prediction\n0,0.0\n1,1.0\n1,0.0\n0,1e0\n1,1\n"
    let result = try runF1Kit(["evaluate", "-", "--format", "json"], input: input)
    #expect(result.status == 0, "\(result.standardError)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(document["labels"] as? [String] == ["0", "1"])
    let metrics = try #require(document["metrics"] as? [String: Any])
    #expect(metrics["accuracy"] as? Double == 0.6)
  }

  @Test("--positive and --labels name numeric labels by value")
  func namedLabelsByValue() throws {
    let input = "label,prediction\n0,0.0\n1,1.0\n1,0.0\n"
    let result = try runF1Kit(
      ["evaluate", "-", "--labels", "1.0,0.0", "--positive", "1e0", "--format", "json"],
      input: input)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains(#""positive_label": "1""#))
  }

  @Test("a NaN label ends with exit 65 and one line naming its place")
  func notFiniteLabel() throws {
    let result = try runF1Kit(["evaluate", "-"], input: "label,prediction\n0,0.0\n1,nan\n")
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        #"<stdin>:3:2: "nan" in field 2 is not a label: labels that are numbers must be finite"#))
    #expect(result.standardError.split(separator: "\n").count == 1)
  }
}
