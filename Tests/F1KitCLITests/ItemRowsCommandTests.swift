import Foundation
import Testing
import _TestSupport

/// Files whose rows are items read as something else, without a sign: a
/// `count` feature taken for a count table's counts, and a header repeated
/// by `cat` taken for an item. Every command refuses both, exit 65.
@Suite("items a count column or a repeated header would misread")
struct ItemRowsCommandTests {
  /// 30 items as pandas' `to_csv()` writes them: the index, a question,
  /// its word count, the gold label and two models' predictions.
  static let items =
    ",question,count,label,model_a,model_b\n"
    + (0..<30).map { index in
      let label = ["no", "no", "yes"][index % 3]
      let other = label == "no" ? "yes" : "no"
      return
        "\(index),question \(index)?,\(index % 9 + 3),\(label),\(index % 7 == 0 ? other : label),\(index % 4 == 0 ? other : label)\n"
    }.joined()

  static let commands: [[String]] = [
    ["evaluate", "--pred-column", "model_a"], ["advise", "--pred-column", "model_a"],
    ["evaluate", "--pred-columns", "model_a,model_b"],
    ["compare", "--pred-columns", "model_a,model_b", "--resamples", "100"],
    [
      "gate", "--pred-columns", "model_a,model_b", "--metric", "macro_f1", "--margin", "0.5",
      "--resamples", "100",
    ],
    ["report", "--pred-columns", "model_a,model_b", "--resamples", "100", "--out", "r.html"],
  ]

  @Test("a count column in a file of items exits 65 on every command", arguments: commands)
  func countColumnOfItems(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let file = folder.write("preds.csv", Self.items)
    let result = try runF1Kit([arguments[0], file] + arguments.dropFirst(), in: folder.url)
    #expect(result.status == 65, "\(result.standardOutput)")
    #expect(
      result.standardError.hasPrefix(
        "Error: \(file): the column \"count\" is taken for a count table's counts by its name, but the rows are items: "
      ), "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "; give --count-column '' to read one item a row, or --count-column \"count\" if each row is a count table's cell"
      ))
    let items = try runF1Kit(
      [arguments[0], file] + arguments.dropFirst() + ["--count-column", ""], in: folder.url)
    // gate exits 1 when the candidate fails its margin.
    #expect(
      items.status == 0 || arguments[0] == "gate" && items.status == 1, "\(items.standardError)")
  }

  @Test("a header repeated by cat exits 65 at its line on every command", arguments: commands)
  func repeatedHeader(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let part = "label,model_a,model_b\na,a,b\nb,b,b\na,a,a\n"
    let file = folder.write("all.csv", part + part)
    let result = try runF1Kit([arguments[0], file] + arguments.dropFirst(), in: folder.url)
    #expect(result.status == 65, "\(result.standardOutput)")
    #expect(
      result.standardError.hasPrefix(
        "Error: \(file):5:1: this row repeats the header (files joined with cat?)"),
      "\(result.standardError)")
  }
}
