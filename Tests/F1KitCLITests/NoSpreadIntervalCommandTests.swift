import Foundation
import Testing
import _TestSupport

/// A model that predicts every item right gets intervals of no width;
/// `evaluate --ci` and `compare` say that this is not certainty.
@Suite("Intervals with no width are explained, not shown as certainty")
struct NoSpreadIntervalCommandTests {
  /// 40 items, every one predicted right.
  static let perfect: String =
    "label,prediction\n"
    + (0..<40).map { "\($0 % 3 == 0 ? 1 : 0),\($0 % 3 == 0 ? 1 : 0)\n" }.joined()
  /// The same items, every seventh predicted wrong.
  static let flawed: String =
    "label,prediction\n"
    + (0..<40).map { item -> String in
      let gold = item % 3 == 0 ? 1 : 0
      return "\(gold),\(item % 7 == 0 ? 1 - gold : gold)\n"
    }.joined()

  @Test("evaluate --ci says why every interval has no width, with the exact interval of accuracy")
  func evaluateNote() throws {
    let directory = TemporaryDirectory()
    directory.write("perfect.csv", Self.perfect)
    let result = try runF1Kit(
      ["evaluate", "perfect.csv", "--ci", "--quiet", "--resamples", "200"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput.hasSuffix(
        "\nNote: every interval has no width: every resample gives the same values, since every one of the 40 items is predicted right, so the bootstrap shows no uncertainty; that does not mean there is none: an exact (Clopper–Pearson) 95% interval for the accuracy is [0.912, 1.000].\n"
      ), "\(result.standardOutput)")
    directory.write("flawed.csv", Self.flawed)
    let flawed = try runF1Kit(
      ["evaluate", "flawed.csv", "--ci", "--quiet", "--resamples", "200"], in: directory.url)
    #expect(!flawed.standardOutput.contains("no width"), "\(flawed.standardOutput)")
  }

  @Test("compare notes the perfect model's interval and not the other's")
  func compareNote() throws {
    let directory = TemporaryDirectory()
    directory.write("perfect.csv", Self.perfect)
    directory.write("flawed.csv", Self.flawed)
    let result = try runF1Kit(
      ["compare", "perfect.csv", "flawed.csv", "--resamples", "200", "--quiet"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput.contains(
        "Note: perfect.csv's interval of binary F1 is [1.000, 1.000]: every resample gives 1.000, since every one of the 40 items is predicted right"
      ), "\(result.standardOutput)")
    #expect(!result.standardOutput.contains("flawed.csv's interval"))
  }
}
