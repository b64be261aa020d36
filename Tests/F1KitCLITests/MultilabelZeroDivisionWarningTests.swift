import Foundation
import Testing
import _TestSupport

/// Items with an empty gold or predicted set make the samples averages
/// depend on `--zero-division` (samples-F1 0.3889, 0.5556 or 0.4667 here
/// for 0, 1 or nan, as scikit-learn's `f1_score(average="samples")`);
/// `evaluate` said nothing about it, while the multiclass path and
/// scikit-learn's `UndefinedMetricWarning` do.
@Suite("f1kit evaluate warns when --zero-division decides the samples averages")
struct MultilabelZeroDivisionWarningTests {
  // Items 2 and 4 have no gold label, 3 and 4 no predicted label.
  static let text = "label,prediction\na|b,a\n,a\nb,\n,\na,a|b\nb,b\n"

  @Test("one warning names the items with empty sets and what they leave undefined; exit 0")
  func warnsOnce() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("empty.csv", Self.text)
    let result = try runF1Kit(["evaluate", path, "--problem", "multilabel"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError
        == "warning: samples precision is undefined for 2 items with no predicted label, samples recall for 2 items with no gold label and samples F-scores and Jaccard for 1 item with neither; scored as 0. Use --zero-division 0, 1 or nan to choose.\n"
    )
    // precision_recall_fscore_support(average="samples", zero_division=0)
    #expect(
      result.standardOutput.contains(" samples avg     0.4167    0.4167    0.3889         5\n"))
  }

  @Test("a --zero-division given, or no empty set, draws no warning", arguments: ["0", "1", "nan"])
  func quietWhenChosen(setting: String) throws {
    let folder = TemporaryDirectory()
    let path = folder.write("empty.csv", Self.text)
    let chosen = try runF1Kit(
      ["evaluate", path, "--problem", "multilabel", "--zero-division", setting])
    #expect(chosen.status == 0)
    #expect(chosen.standardError.isEmpty, "\(chosen.standardError)")
    let full = folder.write("full.csv", "label,prediction\na|b,a\nb,b\na,a|b\n")
    let quiet = try runF1Kit(["evaluate", full, "--problem", "multilabel"])
    #expect(quiet.status == 0)
    #expect(quiet.standardError.isEmpty, "\(quiet.standardError)")
  }
}
