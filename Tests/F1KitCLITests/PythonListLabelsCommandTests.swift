import Foundation
import Testing
import _TestSupport

/// `--labels` pasted from a Python session: JSON is read, and a list that
/// Python or NumPy printed is refused with the labels written as
/// `--labels` takes them.
@Suite("--labels given as a list Python or NumPy printed")
struct PythonListLabelsCommandTests {
  static let printedLists: [(given: String, written: String)] = [
    ("['spam', 'ham']", "spam,ham"),
    ("[np.int64(0), np.int64(1)]", "0,1"),
    ("[0 1]", "0,1"),
    ("['ham' 'spam']", "ham,spam"),
    ("[np.str_('ham'), np.str_('spam')]", "ham,spam"),
  ]

  @Test("a printed list is a usage error naming the labels to write", arguments: printedLists)
  func printedListIsRefusedWithTheLabels(given: String, written: String) throws {
    let result = try runF1Kit(["evaluate", "fixtures/stsb/test-minilm-l6.csv", "--labels", given])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: The value '\(given)' is invalid for '--labels <labels>'; expected labels separated by commas, or a JSON array of strings or numbers; this looks like a list Python or NumPy printed, which is not JSON (JSON quotes with \", and NumPy's np.int64(0) is a number's repr); write --labels \(written)\n"
      ), "\(result.standardError)")
  }

  @Test("the written labels are read as the JSON list is")
  func writtenLabelsMatchJSON() throws {
    let file = "fixtures/stsb/test-minilm-l6.csv"
    let written = try runF1Kit(["evaluate", file, "--labels", "0,1", "--format", "json"])
    let json = try runF1Kit(["evaluate", file, "--labels", "[0, 1]", "--format", "json"])
    #expect(written.status == 0, "\(written.standardError)")
    #expect(written.standardOutput == json.standardOutput)
  }

  @Test("a printed list whose labels hold quotes or commas gets no guess")
  func ambiguousListGetsNoHint() throws {
    for given in ["['a,b', 'c']", "['it\\'s', 'b']", "[foo(1), 2]"] {
      let result = try runF1Kit(
        ["evaluate", "fixtures/stsb/test-minilm-l6.csv", "--labels", given])
      #expect(result.status == 64)
      #expect(!result.standardError.contains("looks like a list"), "\(given)")
    }
  }
}
