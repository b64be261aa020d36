import Foundation
import Testing
import _TestSupport

@Suite("Outputs that would overwrite inputs")
struct OutputClashCommandTests {
  /// A command whose output is one of its inputs, and the refusal it must
  /// give.
  struct Case: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let cases: [Case] = [
    Case(
      arguments: ["report", "a.csv", "b.csv", "--out", "a.csv"],
      message: "'--out a.csv' would overwrite the input file 'a.csv'"),
    Case(
      arguments: ["report", "a.csv", "b.csv", "--out", "r.html", "--json", "./b.csv"],
      message: "'--json ./b.csv' would overwrite the input file 'b.csv'"),
    Case(
      arguments: ["report", "a.csv", "b.csv", "--out", "r.html", "--json", "r.html"],
      message: "'--json r.html' is also the --out file; give each output a path of its own"),
    Case(
      arguments: ["report", "A=a.csv,c.csv", "B=b.csv,d.csv", "--out", "d.csv"],
      message: "'--out d.csv' would overwrite the input file 'd.csv'"),
    Case(
      arguments: ["report", "a.csv", "b.csv", "--out", "link.csv"],
      message: "'--out link.csv' would overwrite the input file 'a.csv'"),
    Case(
      arguments: ["tune", "a.csv", "--score-column", "score", "--out", "a.csv"],
      message: "'--out a.csv' would overwrite the input file 'a.csv'"),
    Case(
      arguments: [
        "gate", "a.csv", "b.csv", "--metric", "binary_f1", "--margin", "0.02", "--summary", "b.csv",
      ],
      message: "'--summary b.csv' would overwrite the input file 'b.csv'"),
  ]

  @Test(
    "an output that is an input, or another output, is refused before anything is written",
    arguments: cases)
  func refusesClash(_ test: Case) throws {
    let directory = TemporaryDirectory()
    var files: [String: String] = [:]
    for (name, shift) in [("a.csv", 0), ("b.csv", 1), ("c.csv", 2), ("d.csv", 3)] {
      files[name] =
        "id,label,prediction,score\n"
        + (0..<40).map { item in
          let gold = item % 2
          let predicted = (item + shift) % 5 == 0 ? 1 - gold : gold
          return "i\(item),\(gold),\(predicted),\(Double(predicted) * 0.8 + 0.1)\n"
        }.joined()
      directory.write(name, files[name]!)
    }
    try FileManager.default.createSymbolicLink(
      atPath: directory.url.appendingPathComponent("link.csv").path, withDestinationPath: "a.csv")
    let result = try runF1Kit(test.arguments, in: directory.url)
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix("Error: \(test.message)"), "\(result.standardError)")
    for (name, contents) in files {
      let kept = try String(
        contentsOf: directory.url.appendingPathComponent(name), encoding: .utf8)
      #expect(kept == contents, "\(name) was changed")
    }
    #expect(
      !FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("r.html").path))
  }
}
