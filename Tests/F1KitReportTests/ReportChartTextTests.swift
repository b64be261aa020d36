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

  @Test("a forest plot's pair heading too wide for its room shortens each of its two names")
  func pairHeadingsShortenEachName() {
    let names = Self.checkpoints + ["model_checkpoint_epoch_03_step_36000.csv"]
    let headings = [(1, 0), (2, 0), (2, 1)].map { "\(names[$0.0]) − \(names[$0.1])" }
    let shown = ForestPlot.shownHeadings(headings, in: 280, fontSize: 12)
    #expect(Set(shown).count == 3)
    for (text, (second, first)) in zip(
      shown, [("24000", "12000"), ("36000", "12000"), ("36000", "24000")])
    {
      #expect(TextMetrics.width(of: text, fontSize: 12) <= 280)
      let parts = text.components(separatedBy: " − ")
      #expect(parts.count == 2 && parts[0].contains(second) && parts[1].contains(first), "\(text)")
    }
    #expect(ForestPlot.shownHeadings(["a − b"], in: 280, fontSize: 12) == ["a − b"])
  }

  @Test(
    "the phone drawing of every model's F1 gives labels the per-class chart's room, and its tick labels do not touch"
  )
  func phoneTicksApart() throws {
    let labels = ["billing_and_payment_questions", "technical_support_request", "other"]
    let chart = ClassComparisonChart(
      id: "f1", modelNames: ["a", "b"],
      rows: labels.map { .init(label: $0, scores: [0.8, 0.7], intervals: [nil, nil]) },
      width: ChartLayout.narrowWidth)
    let svg = chart.render()
    let ticks = try ChartText.all(in: svg).filter { Double($0.content) != nil }
    #expect(ticks.count >= 3)
    #expect(ticks.first?.content == "0.0" && ticks.last?.content == "1.0")
    for (left, right) in zip(ticks, ticks.dropFirst()) {
      #expect(
        right.extent.lowerBound - left.extent.upperBound >= 4,
        "“\(left.content)” and “\(right.content)” at \(left.x) and \(right.x)")
    }
    // The plot (0 to 1) keeps more than a third of the width.
    let span = (ticks.last?.x ?? 0) - (ticks.first?.x ?? 0)
    #expect(span >= ChartLayout.narrowWidth / 3)
    for label in try ChartText.all(in: svg) where label.anchor == "end" {
      #expect(label.extent.upperBound - label.extent.lowerBound <= ClassScoreChart.widestLabelWidth)
    }
  }

  @Test("tick values are thinned until their labels are apart")
  func readableTicks() {
    // “0.0” to “1.0” are about 18 units wide at 11 px, and 6 apart.
    #expect(LinearScale(domain: 0...1, from: 0, to: 60).readableTicks(fontSize: 11) == [0, 0.5, 1])
    #expect(LinearScale(domain: 0...1, from: 0, to: 30).readableTicks(fontSize: 11) == [0, 1])
    let wide = LinearScale(domain: 0...1, from: 0, to: 400)
    #expect(wide.readableTicks(fontSize: 11) == wide.ticks(count: 5))
  }

  @Test(
    "a long label of wide letters stays inside the co-occurrence heatmap, on a desktop and a phone",
    arguments: [960.0, ChartLayout.narrowWidth])
  func heatmapLabelsInside(_ width: Double) throws {
    let labels = [String(repeating: "x", count: 60), String(repeating: "W", count: 60), "normal"]
    let heatmap = LabelCooccurrenceHeatmap(
      id: "cooccurrence", labels: labels, counts: [[9, 2, 1], [2, 7, 1], [1, 1, 5]], width: width)
    let svg = heatmap.render()
    let rowLabels = try ChartText.all(in: svg).filter { text in
      !text.isTransformed && text.anchor == "end"
        && (text.content == "normal" || ["x", "W"].contains { text.content.hasPrefix($0) })
    }
    #expect(rowLabels.count == 3)
    for label in rowLabels {
      #expect(label.extent.lowerBound >= 8, "“\(label.content)” spans \(label.extent)")
    }
  }

  @Test("an ellipsis is estimated a full em wide, as DejaVu Sans draws it")
  func ellipsisWidth() {
    #expect(TextMetrics.width(of: "…", fontSize: 12) == 12)
  }
}
