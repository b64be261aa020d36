import F1Kit
import Foundation
import Testing

@testable import F1KitReport

/// The summary's verdict stands beside the advice that says the numbers
/// behind it may not mean what they seem.
@Suite("The summary names advice that undermines its numbers beside the verdict")
struct ReportCheckFirstTests {
  static let labels = ["contradiction", "entailment", "neutral"]
  /// A model 85% right, and the same model with its labels rotated.
  static let right: [[Int]] = [[85, 10, 5], [8, 80, 12], [6, 9, 85]]
  static let rotated: [[Int]] = [[10, 5, 85], [80, 12, 8], [9, 85, 6]]

  static func page(_ matrices: [[[Int]]]) throws -> String {
    let inputs = try matrices.enumerated().map { index, rows in
      ReportInput(
        name: "m\(index).csv", sourceFile: "m\(index).csv",
        confusionMatrix: try ConfusionMatrix(labels: labels, counts: rows))
    }
    return HTMLReport(try ReportBuilder(options: ReportOptions(resamples: 20)).build(inputs))
      .render()
  }

  /// The summary section's verdict box.
  static func verdict(_ page: String) -> String {
    guard let start = page.range(of: "<div class=\"verdict\""),
      let end = page.range(of: "</div>", range: start.upperBound..<page.endIndex)
    else { return "" }
    return String(page[start.lowerBound..<end.upperBound])
  }

  @Test("a model whose labels look renamed is named under the verdict, with a link to Advice")
  func renamedLabelsAreNamed() throws {
    let box = Self.verdict(try Self.page([Self.right, Self.rotated]))
    #expect(
      box.contains(
        "<strong>Check first:</strong> m1.csv: The predicted labels look renamed: the model&#39;s label order is not the data&#39;s (see <a href=\"#advice\">Advice</a>).</p>"
      ), "\(box)")
    #expect(!box.contains("m0.csv: The predicted"))
  }

  @Test("models in the data's order get a verdict and nothing to check first")
  func nothingToCheck() throws {
    let box = Self.verdict(
      try Self.page([Self.right, Self.right.map { $0.reversed() }.reversed()]))
    #expect(!box.contains("Check first"), "\(box)")
  }
}
