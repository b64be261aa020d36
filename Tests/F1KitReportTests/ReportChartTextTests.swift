import F1Kit
import Foundation
import Testing

@testable import F1KitReport

@Suite("Chart text: shortened names stay different, tick labels apart, heatmap labels inside")
struct ReportChartTextTests {
  static let checkpoints = [
    "model_checkpoint_epoch_03_step_12000.csv", "model_checkpoint_epoch_03_step_24000.csv",
  ]

  /// Two models named like checkpoints of one training run, on five
  /// classes with long names.
  static func checkpointPage() throws -> String {
    let labels = [
      "account_access_problem", "billing_and_payment_questions", "feature_request", "other",
      "technical_support_request",
    ]
    let inputs = zip(checkpoints, [0, 1]).map { name, shift in
      var rows = [[Int]](repeating: [Int](repeating: 0, count: 5), count: 5)
      for gold in 0..<5 {
        // Every gold class has 30 + 5 × its index items in both models.
        rows[gold][gold] = 24 + 5 * gold - 4 * shift
        rows[gold][(gold + 1 + shift) % 5] = 6 + 4 * shift
      }
      return ReportInput(
        name: name, sourceFile: name,
        confusionMatrix: try! ConfusionMatrix(labels: labels, counts: rows))
    }
    return HTMLReport(try ReportBuilder(options: ReportOptions(resamples: 20)).build(inputs))
      .render()
  }

  /// The drawn text, without its `<title>`, of every element of an SVG
  /// chart whose classes begin with `className`.
  static func texts(ofClass className: String, in svg: String) -> [String] {
    svg.components(separatedBy: "class=\"\(className)").dropFirst().map { element in
      var content = element.drop { $0 != ">" }.dropFirst()
      if content.hasPrefix("<title>"), let end = content.range(of: "</title>") {
        content = content[end.upperBound...]
      }
      return String(content.prefix { $0 != "<" })
    }
  }

  @Test("names that begin alike are cut in the middle, keeping the end that tells them apart")
  func namesCutInTheMiddle() {
    let shown = TextMetrics.distinctlyFitted(Self.checkpoints, in: 145, fontSize: 12)
    #expect(shown == ["model_che…_12000.csv", "model_che…_24000.csv"])
    for text in shown { #expect(TextMetrics.width(of: text, fontSize: 12) <= 145) }
    let counted = TextMetrics.distinctlyFitted(
      Self.checkpoints, in: .infinity, fontSize: 12, characterLimit: 21)
    #expect(counted == ["model_chec…_12000.csv", "model_chec…_24000.csv"])
    #expect(counted.allSatisfy { $0.count <= 21 })
  }

  @Test("names that differ early, or fit, are shortened as before: their beginnings kept")
  func beginningsKept() {
    let names = ["alpha-model-trained-on-everything", "beta-model-trained-on-everything"]
    let shown = TextMetrics.distinctlyFitted(names, in: 100, fontSize: 12)
    #expect(shown == names.map { TextMetrics.fitted($0, in: 100, fontSize: 12) })
    #expect(TextMetrics.distinctlyFitted(["a", "b"], in: 100, fontSize: 12) == ["a", "b"])
    let dated = ["run_2024_01_15_bert_base_uncased", "run_2024_01_16_bert_base_uncased"]
    #expect(
      TextMetrics.distinctlyFitted(dated, in: 120, fontSize: 12) == [
        "run_2024_01_15_…", "run_2024_01_16_…",
      ])
  }

  @Test(
    "every legend and row label of a chart tells the checkpoints apart, on a desktop and a phone")
  func checkpointLegendsDiffer() throws {
    let html = try Self.checkpointPage()
    var checked = 0
    for svg in PageStructure.svgElements(html) {
      let names =
        (Self.texts(ofClass: "legend", in: svg) + Self.texts(ofClass: "category", in: svg))
        .filter { $0.hasPrefix("model_") || $0.hasPrefix("predicted by mod") }
      guard !names.isEmpty else { continue }
      checked += 1
      #expect(names.count == 2, "\(svg.prefix(60))")
      #expect(Set(names).count == names.count, "\(names) in \(svg.prefix(60))")
    }
    // The class support and every model's F1, each drawn twice.
    #expect(checked >= 4)
  }
}
