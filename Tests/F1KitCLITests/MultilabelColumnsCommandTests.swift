import Foundation
import Testing
import _TestSupport

/// `--pred-columns` on a file whose cells hold label sets (`x|y`): the
/// same sniff as `--pred-column`, looking at each column named, refuses
/// it (exit 64) with what to do instead, rather than scoring `x|y` as a
/// class of its own; `--problem multiclass` reads the cells as classes.
@Suite("--pred-columns refuses label sets")
struct MultilabelColumnsCommandTests {
  static let file = """
    id,label,a,b
    i1,x|y,x|y,x
    i2,x,x,x|z
    i3,,y,
    i4,y|z,y,y|z
    i5,x,x,x

    """

  static let refusal =
    "multilabel files cannot yet be read with --pred-columns: write one file per model"

  @Test(
    "each command refuses, naming the way out",
    arguments: [
      ["evaluate", "--pred-columns", "a"],
      ["evaluate", "--pred-columns", "a,b"],
      ["compare", "--pred-columns", "a,b", "-q"],
      ["report", "--pred-columns", "a,b", "--out", "r.html"],
      ["gate", "--pred-columns", "a,b", "--metric", "samples_f1", "--margin", "0.1", "-q"],
      ["advise", "--pred-columns", "a,b"],
    ])
  func refuses(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("ml.csv").path
    try Self.file.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try runF1Kit(
      [arguments[0], path] + arguments.dropFirst(), in: folder.url)
    #expect(result.status == 64, "\(result.standardError)")
    #expect(result.standardError.contains(Self.refusal), "\(result.standardError)")
    #expect(result.standardError.contains("'f1kit \(arguments[0]) a.csv"))
    #expect(result.standardOutput.isEmpty)
  }

  @Test("--problem multiclass reads each cell as one class")
  func multiclassIsRead() throws {
    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("ml.csv").path
    try Self.file.replacingOccurrences(of: ",,", with: ",x,").replacingOccurrences(
      of: ",\n", with: ",x\n"
    ).write(toFile: path, atomically: true, encoding: .utf8)
    let result = try runF1Kit([
      "evaluate", path, "--pred-columns", "a,b", "--problem", "multiclass",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardError.contains(Self.refusal))
  }
}

extension MultilabelColumnsCommandTests {
  @Test("an empty label read with --pred-columns does not suggest --problem multilabel alone")
  func emptyLabelHint() throws {
    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("ml.csv").path
    try Self.file.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try runF1Kit([
      "compare", path, "--pred-columns", "a,b", "--problem", "multiclass", "-q",
    ])
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        "write one file per model and read it with --problem multilabel"))
    #expect(!result.standardError.contains("empty field is no labels, add --problem multilabel"))
  }
}
